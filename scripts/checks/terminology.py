"""Terminology: LinkedIn's interface words as LinkedIn's own interface writes them in each
language (data/terminology/<lang>.yml). A variant the table marks `avoid` in any text a
reader sees is a warning at its line, naming the preferred term."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.memo import memo
from ..model.texts import reader_files
from ..model.yaml_source import read_yaml
from .problems import WARNING, Problem


def load_terms(root: Path, lang: str) -> list[dict]:
    path = root / "data" / "terminology" / f"{lang}.yml"
    if not path.exists():
        return []
    data = read_yaml(path).data
    terms = data.get("terms") if isinstance(data, dict) else None
    return [t for t in terms or [] if isinstance(t, dict) and isinstance(t.get("preferred"), str)]


def _words(variant: str) -> str:
    return r"\s+".join(re.escape(w) for w in variant.split())


@functools.lru_cache(maxsize=None)
def _pattern(variant: str) -> re.Pattern:
    """A whole-word, case-insensitive match of a variant (several words allowed)."""
    return re.compile(r"(?<![^\W_])" + _words(variant) + r"(?![^\W_])", re.I)


def check_terminology(root: Path, languages: Sequence[Language]) -> list[Problem]:
    codes = {lang.code for lang in languages}
    problems = []
    for lang in languages:
        rules = [(term, variant) for term in load_terms(root, lang.code)
                 for variant in term.get("avoid") or [] if isinstance(variant, str) and variant.strip()]
        if not rules:
            continue
        # One pass of all variants together finds the few lines worth testing one by one; a
        # file's findings depend only on its bytes and the table, so they are memoised by both.
        anywhere = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted({_words(variant) for _, variant in rules},
                                                                 key=len, reverse=True)) + ")", re.I)
        table = repr(rules).encode()
        for unit in reader_files(root, lang.code, codes):
            if unit.rel.startswith("data/terminology/"):
                continue
            problems += memo().get("W001", unit.digest, table, compute=lambda unit=unit: [
                Problem(line.path, line.line, "W001",
                        f"'{lang.code}' «{variant}» is not how LinkedIn says it: write «{term['preferred']}» "
                        f"({term.get('meaning', 'see data/terminology/' + lang.code + '.yml')})", severity=WARNING)
                for line in unit.lines if anywhere.search(line.text)
                for term, variant in rules if _pattern(variant).search(line.text)])
    return problems
