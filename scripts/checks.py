"""Every content check, run once over all languages before any page is built."""

from __future__ import annotations

from pathlib import Path

from .languages import load_languages
from .pages import check_page_parity
from .problems import Problem


def run_checks(root: Path) -> list[Problem]:
    """All problems in the content below `root` (the folder holding mkdocs.yml)."""
    languages = load_languages(root / "mkdocs.yml")
    return check_page_parity(root / "docs", languages, root)
