"""The Markdown pages of a language folder, and its lessons."""

from __future__ import annotations

from pathlib import Path


def markdown_pages(folder: Path) -> set[str]:
    """Paths of the Markdown pages below a language folder, relative to it, with '/' separators."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def lesson_files(folder: Path) -> list[Path]:
    """A language folder's lessons (its lessons/index.md is the course page, not a lesson)."""
    return sorted(p for p in (folder / "lessons").glob("*.md") if p.name != "index.md")
