"""Tooltips for recurring terms: data/abbreviations.yml as Markdown `abbr` definitions."""

from __future__ import annotations

from pathlib import Path

from .yaml_source import read_yaml


def load_abbreviations(root: Path) -> dict[str, dict[str, str]]:
    path = root / "data" / "abbreviations.yml"
    return (read_yaml(path).data or {}) if path.exists() else {}


def definitions(abbreviations: dict[str, dict[str, str]], lang: str) -> str:
    """`*[Term]: explanation` lines for one language, to append to a page's Markdown."""
    lines = [f"*[{term}]: {texts[lang]}" for term, texts in sorted(abbreviations.items()) if texts.get(lang)]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
