"""Terminology: LinkedIn's interface words as LinkedIn's own interface writes them in each
language (data/terminology/<lang>.yml). A variant the table marks `avoid` in any text a
reader sees is a warning at its line, naming the preferred term."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.texts import reader_lines
from ..model.yaml_source import read_yaml
from .problems import WARNING, Problem


def load_terms(root: Path, lang: str) -> list[dict]:
    path = root / "data" / "terminology" / f"{lang}.yml"
    if not path.exists():
        return []
    data = read_yaml(path).data
    terms = data.get("terms") if isinstance(data, dict) else None
    return [t for t in terms or [] if isinstance(t, dict) and isinstance(t.get("preferred"), str)]


def _pattern(variant: str) -> re.Pattern:
    """A whole-word, case-insensitive match of a variant (several words allowed)."""
    words = [re.escape(w) for w in variant.split()]
    return re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?![^\W_])", re.I)


def check_terminology(root: Path, languages: Sequence[Language]) -> list[Problem]:
    codes = {lang.code for lang in languages}
    problems = []
    for lang in languages:
        rules = [(term, variant, _pattern(variant)) for term in load_terms(root, lang.code)
                 for variant in term.get("avoid") or [] if isinstance(variant, str) and variant.strip()]
        if not rules:
            continue
        for line in reader_lines(root, lang.code, codes):
            if line.path.startswith("data/terminology/"):
                continue
            for term, variant, pattern in rules:
                if pattern.search(line.text):
                    problems.append(Problem(line.path, line.line, "W001",
                                            f"'{lang.code}' «{variant}» is not how LinkedIn says it: write "
                                            f"«{term['preferred']}» ({term.get('meaning', 'see data/terminology/' + lang.code + '.yml')})",
                                            severity=WARNING))
    return problems
