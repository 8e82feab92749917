"""A throwaway copy of the project's sources, for tests and the benchmark to build or break."""

from __future__ import annotations

import shutil
from pathlib import Path

_SKIPPED = {".venv", ".git", "__pycache__", ".pytest_cache", "node_modules"}


def copy_project(source: Path, destination: Path, skip_top: tuple[str, ...] = ()) -> Path:
    """Copy `source` without caches, installs or the built `site/` (only the top-level one:
    scripts/site/ is code)."""
    top = {"site", *skip_top}

    def ignore(folder: str, names: list[str]) -> set[str]:
        here = set(names) & _SKIPPED
        return here | (set(names) & top if Path(folder) == source else set())

    shutil.copytree(source, destination, ignore=ignore)
    return destination
