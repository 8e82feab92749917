"""Originality: no run of eight consecutive words from a source article appears on the site."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

RUN = 8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lowercase words, punctuation dropped: the unit the originality rule counts in."""
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def check_originality(pages: list[Path], seeds_dir: Path, root: Path) -> list[Problem]:
    """One error per page line that contains an eight-word run from any seed article."""
    seeded = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))))
    problems = []
    for page in pages:
        lines = page.read_text(encoding="utf-8").splitlines()
        tokens = [(word, number) for number, line in enumerate(lines, start=1) for word in words(line)]
        reported: set[int] = set()
        for i in range(len(tokens) - RUN + 1):
            run = tuple(word for word, _ in tokens[i:i + RUN])
            line = tokens[i][1]
            if run in seeded and line not in reported:
                reported.add(line)
                problems.append(Problem(page.relative_to(root).as_posix(), line, "O001",
                                        f"'{' '.join(run)}' is copied from a source article: "
                                        "say it in your own words"))
    return problems
