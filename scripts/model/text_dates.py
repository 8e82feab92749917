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


# The locale whose long date format each language's pages use (Babel's CLDR data).
DATE_LOCALES = {"es": "es_ES", "en": "en_GB", "pl": "pl_PL"}


def long_date(iso: str, lang: str) -> str:
    """'2026-11-23' as the language writes a date in running text: «23 de noviembre de 2026»,
    '23 November 2026', «23 listopada 2026». Anything that is not a date is returned as it is."""
    import datetime

    from babel.dates import format_date

    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return format_date(day, format="long", locale=DATE_LOCALES.get(lang, lang))


def printed_line(template: str, site: str, url: str, date: str | None, lang: str = "en") -> str:
    """The words printed at the top of a page: site name, address and date of the text."""
    line = template.replace("{site}", site).replace("{url}", url)
    if date:
        return line.replace("{date}", long_date(date, lang))
    # No date known: drop the date part (everything from the last separator on).
    return line.rsplit(" · ", 1)[0]
