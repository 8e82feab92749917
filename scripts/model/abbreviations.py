"""Tooltips for recurring terms: data/abbreviations.yml, term -> language -> explanation."""

from __future__ import annotations

from pathlib import Path

from .yaml_source import read_yaml


def load_abbreviations(root: Path) -> dict[str, dict[str, str]]:
    path = root / "data" / "abbreviations.yml"
    return (read_yaml(path).data or {}) if path.exists() else {}
