"""The lessons' illustrations: their words per language in data/figures.yml."""

from __future__ import annotations

import re
from pathlib import Path

from .yaml_source import read_yaml

FIGURES = Path("data") / "figures.yml"
DRAWINGS = Path("overrides") / "partials" / "figures"
FIGURE_MARKER = re.compile(r"<!--\s*guide:figure\s+([a-z0-9-]+)\s*-->")


def load_figures(root: Path) -> dict[str, dict]:
    data = read_yaml(root / FIGURES).data
    return (data or {}).get("figures") or {} if isinstance(data, dict) else {}


def words(figure: dict, lang: str) -> dict[str, str | list[str]]:
    """One language's words of a figure, as its drawing reads them (`t.title`, `t.desc`…)."""
    return {key: value[lang] for key, value in figure["text"].items()}
