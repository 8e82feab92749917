"""Translation freshness: each translation records the hash of the Spanish text it follows.

Lessons carry `translated_from: <hash>` in their front matter; entries carry
`translated_from: {en: <hash>, pl: <hash>}`. When the Spanish source changes, its hash
changes, and the translation is reported as outdated (a warning, a notice on the page, and
a line on the translation-status page) until someone updates it and runs
`python -m scripts stamp`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .entries import KINDS, entry_files
from .languages import Language
from .pages import lesson_files
from .markdown_source import read_markdown
from .yaml_source import read_yaml

LOCALIZED = ("title", "text", "subject", "why", "name", "example", "instead")


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]


def lesson_hash(path: Path) -> str:
    """Hash of a lesson's body (front matter excluded), trailing spaces ignored."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = read_markdown(path).body_start - 1
    return digest("\n".join(line.rstrip() for line in lines[start:]).strip())


def entry_hash(entry: dict, lang: str) -> str:
    """Hash of an entry's texts in one language (the Spanish ones are the source)."""
    texts = {key: entry[key][lang] for key in LOCALIZED if isinstance(entry.get(key), dict) and lang in entry[key]}
    examples = {name: spec.get("example", {}).get(lang) for name, spec in (entry.get("placeholders") or {}).items()
                if isinstance(spec, dict) and isinstance(spec.get("example"), dict)}
    return digest(json.dumps([texts, examples], ensure_ascii=False, sort_keys=True))


@dataclass
class Status:
    """One language's translations: which are current, outdated, or not stamped at all."""
    total: int = 0
    outdated: list[str] = field(default_factory=list)
    unstamped: list[str] = field(default_factory=list)

    @property
    def current(self) -> int:
        return self.total - len(self.outdated) - len(self.unstamped)


def _items(root: Path, languages: Sequence[Language]):
    """(kind, id, language, recorded hash, source hash, path, line) for every translation."""
    source, others = languages[0], languages[1:]
    for path in lesson_files(root / "docs" / source.code):
        expected = lesson_hash(path)
        for lang in others:
            translation = root / "docs" / lang.code / "lessons" / path.name
            if translation.exists():
                parsed = read_markdown(translation)
                recorded = parsed.meta.get("translated_from")
                yield "lesson", path.stem, lang, recorded, expected, translation, parsed.meta_lines.get("translated_from", 1)
    for kind in KINDS:
        for path in entry_files(root, kind):
            parsed = read_yaml(path)
            if not isinstance(parsed.data, dict):
                continue
            expected = entry_hash(parsed.data, source.code)
            recorded_all = parsed.data.get("translated_from") or {}
            for lang in others:
                recorded = recorded_all.get(lang.code) if isinstance(recorded_all, dict) else None
                yield kind, path.stem, lang, recorded, expected, path, parsed.line("translated_from", lang.code)


def freshness(root: Path, languages: Sequence[Language]) -> dict[str, dict[str, Status]]:
    """language -> kind ('lesson', 'template', 'antipattern') -> Status."""
    report: dict[str, dict[str, Status]] = {lang.code: {} for lang in languages[1:]}
    for kind, item, lang, recorded, expected, _, _ in _items(root, languages):
        status = report[lang.code].setdefault(kind, Status())
        status.total += 1
        if not recorded:
            status.unstamped.append(item)
        elif str(recorded) != expected:  # a hash of digits only reads back from YAML as a number
            status.outdated.append(item)
    return report


def is_outdated(root: Path, languages: Sequence[Language], kind: str, item: str, lang: str) -> bool:
    report = freshness(root, languages)
    return item in report.get(lang, {}).get(kind, Status()).outdated
