"""Internal links and anchors in the pages (K001, K002), at their `docs/…:line`, checked before
any build: MkDocs would find them only after writing the first language."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from markdown.extensions.toc import slugify

from ..model.languages import Language
from ..model.entries import entry_files
from .problems import Problem

_LINK = re.compile(r"(?<!\\)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MARKER_IDS = {"templates": "template", "antipatterns": "antipattern"}  # partials that give each entry an id


def check_links(root: Path, languages: Sequence[Language]) -> list[Problem]:
    problems: list[Problem] = []
    for lang in languages:
        folder = root / "docs" / lang.code
        for path in sorted(folder.rglob("*.md")):
            page = path.relative_to(folder).as_posix()
            for number, target in _links(path.read_text(encoding="utf-8")):
                problem = _check(root, folder, page, target)
                if problem:
                    code, message = problem
                    problems.append(Problem(path.relative_to(root).as_posix(), number, code, message))
    return problems


def _links(text: str) -> list[tuple[int, str]]:
    found, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced:
            found += [(number, m.group(1)) for m in _LINK.finditer(re.sub(r"`[^`]*`", "", line))]
    return found


def _check(root: Path, folder: Path, page: str, target: str) -> tuple[str, str] | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
        return None  # https:, mailto: …: external
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return None  # MkDocs' own absolute-link warning covers these
    if not path:
        resolved = page
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/") or not posixpath.splitext(resolved)[1]:
            resolved = posixpath.join(resolved, "index.md")
        if not resolved.endswith(".md"):
            return None if (folder / resolved).exists() or (folder.parent / resolved).exists() else (
                "K001", f"'{target}' points at a file that does not exist: fix the path")
        if resolved.startswith("..") or not (folder / resolved).is_file():
            return "K001", (f"'{target}' points at {resolved}, which is not a page of this language: "
                            "link to an existing .md file, relative to this page")
    if anchor and anchor not in anchors(root, folder / resolved):
        return "K002", (f"'{target}': {resolved} has no heading or element with id '{anchor}': "
                        "use an explicit heading id ({ #id }) that exists there")
    return None


@lru_cache(maxsize=None)
def anchors(root: Path, page: Path) -> frozenset[str]:
    """Ids a page will carry: explicit ids, heading slugs, HTML ids, and the ids of the
    entries a gallery marker renders."""
    text = page.read_text(encoding="utf-8")
    ids: set[str] = set(_HTML_ID.findall(text)) | set(_ATTR_ID.findall(text))
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            ids.add(heading.group(2) or slugify(re.sub(r"[*_`]", "", heading.group(1)), "-"))
    for marker, kind in _MARKER_IDS.items():
        if f"guide:{marker}" in text:
            ids |= {p.stem for p in entry_files(root, kind)}
    return frozenset(ids)
