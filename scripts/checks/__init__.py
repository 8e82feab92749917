"""Every content check, run once over all languages before any page is built.

Two stages. First every file is read as what it claims to be: pages as UTF-8 Markdown with
valid front matter, data files as YAML matching their schema, no invisible characters
anywhere. Only when all of that holds do the checks that read the content run, so none of
them ever meets a value of the wrong type. A check that crashes anyway is reported as E001
(a bug in the checks) instead of a traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Callable, Sequence

from ..model.languages import Language, load_languages
from ..model.memo import remembering
from .data import check_data
from .entries import check_entries
from .figures import check_figures
from .freshness import check_freshness
from .lessons import check_lessons
from .limits import check_limits
from .plurals import check_plurals
from .links import check_links
from .pages import check_front_matter, check_page_parity
from .problems import Problem, errors
from .sources import check_sources
from .spelling import check_spelling
from .terminology import check_terminology

Check = Callable[[Path, Sequence[Language]], list[Problem]]

READING: tuple[Check, ...] = (
    check_sources,
    check_data,
    lambda root, languages: check_front_matter(root / "docs", languages, root),
)
CONTENT: tuple[Check, ...] = (
    lambda root, languages: check_page_parity(root / "docs", languages, root),
    lambda root, languages: check_lessons(root / "docs", languages, root),
    check_links,
    check_entries,
    check_limits,
    check_plurals,
    lambda root, languages: _check_rules(root, [lang.code for lang in languages]),
    check_freshness,
    check_figures,
    check_spelling,
    check_terminology,
)


def _check_rules(root: Path, codes: list[str]) -> list[Problem]:
    from ..checker.compile import check_rules  # the engine is imported only when the rules changed

    return check_rules(root, codes)


def run_checks(root: Path) -> list[Problem]:
    """All problems in the content below `root` (the folder holding mkdocs.yml).

    Answers about unchanged files come from the memo in .cache/ (scripts/model/memo.py):
    keyed by the files' bytes and our code, so they are never stale."""
    with remembering(root):
        languages = load_languages(root / "mkdocs.yml")
        problems = _run(READING, root, languages)
        if errors(problems):
            return problems
        return problems + _run(CONTENT, root, languages)


def _run(checks: Sequence[Check], root: Path, languages: Sequence[Language]) -> list[Problem]:
    problems: list[Problem] = []
    for check in checks:
        try:
            problems += check(root, languages)
        except Exception as error:  # noqa: BLE001 (an author gets a line, the bug gets its location)
            frame = traceback.extract_tb(error.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            problems.append(Problem("mkdocs.yml", 1, "E001", f"a check crashed ({type(error).__name__}: {error} "
                                    f"at {where}): report it with the file you changed"))
    return problems
