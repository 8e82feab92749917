"""Page parity: every Markdown page exists in every language folder."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.markdown_source import read_markdown
from ..model.pages import markdown_pages
from .problems import Problem


def check_page_parity(docs_dir: Path, languages: Sequence[Language], root: Path) -> list[Problem]:
    """One error per page that exists in some language but is missing in another."""
    pages = {lang.code: markdown_pages(docs_dir / lang.code) for lang in languages}
    everywhere = set().union(*pages.values())
    problems = []
    for page in sorted(everywhere):
        present = [lang for lang in languages if page in pages[lang.code]]
        source = present[0]
        for lang in languages:
            if page in pages[lang.code]:
                continue
            missing = (docs_dir / lang.code / page).relative_to(root).as_posix()
            have = ", ".join(f"'{l.code}'" for l in present)
            problems.append(Problem(
                path=(docs_dir / source.code / page).relative_to(root).as_posix(),
                line=1,
                code="P001",
                message=(f"page exists in {have} but {missing} is missing: "
                         f"add {missing}, written in {lang.name}, or remove the page everywhere"),
            ))
    return problems


def check_front_matter(docs_dir: Path, languages: Sequence[Language], root: Path) -> list[Problem]:
    """Front matter that is not YAML: MkDocs would silently drop it (title, description, hide)."""
    problems = []
    for lang in languages:
        for path in sorted((docs_dir / lang.code).rglob("*.md")):
            source = read_markdown(path)
            if source.meta_error:
                line, reason = source.meta_error
                problems.append(Problem(path.relative_to(root).as_posix(), line, "P002",
                                        f"front matter is not valid YAML ({reason}): "
                                        "quote values that contain ': ' or ' #'"))
    return problems
