"""Every content check, run once over all languages before any page is built."""

from __future__ import annotations

from pathlib import Path

from ..model.languages import load_languages
from .entries import check_entries
from .figures import check_figures
from .freshness import check_freshness
from .lessons import check_lessons
from ..message_checker import check_rules
from .pages import check_front_matter, check_page_parity
from .problems import Problem
from .spelling import check_spelling
from .terminology import check_terminology


def run_checks(root: Path) -> list[Problem]:
    """All problems in the content below `root` (the folder holding mkdocs.yml)."""
    languages = load_languages(root / "mkdocs.yml")
    docs = root / "docs"
    return (check_page_parity(docs, languages, root) + check_front_matter(docs, languages, root)
            + check_lessons(docs, languages, root) + check_entries(root, languages)
            + check_rules(root, [lang.code for lang in languages]) + check_freshness(root, languages) + check_figures(root, languages)
            + check_spelling(root, languages) + check_terminology(root, languages))
