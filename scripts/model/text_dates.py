"""The date of each page's text, for the line a printed page carries: the day of the last
commit that touched its Markdown (one `git log` for the whole docs folder), so the same
commit always builds the same dates. Outside a git checkout, pages simply carry no date."""

from __future__ import annotations

import subprocess
from pathlib import Path


def text_dates(root: Path) -> dict[str, str]:
    """docs-relative path ('es/lessons/x.md') -> 'YYYY-MM-DD' of its last commit."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"], cwd=root,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = ""
    for line in log.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line.startswith("docs/"):
            dates.setdefault(line[len("docs/"):], date)
    return dates


def printed_line(template: str, site: str, url: str, date: str | None) -> str:
    """The words printed at the top of a page: site name, address and date of the text."""
    line = template.replace("{site}", site).replace("{url}", url)
    if date:
        return line.replace("{date}", date)
    # No date known: drop the date part (everything from the last separator on).
    return line.rsplit(" · ", 1)[0]
