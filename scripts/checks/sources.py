"""Every contributed file, before anything reads it as content: pages that are UTF-8 without
BOM and of a sane size (P003), and no invisible or bidirectional control character in any
page or data file (U001), reported at its line and column."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.memo import memo
from ..model.yaml_source import MAX_BYTES
from .data import data_files
from .problems import Problem

MAX_PAGE_BYTES = MAX_BYTES
# Zero-width characters, bidirectional controls and other invisible format characters: they
# hide words from readers, from search and from our own message checker. (U+00AD soft hyphen
# and U+2060 word joiner included; a no-break space U+00A0 is visible spacing and allowed.)
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def page_files(root: Path, languages: Sequence[Language]) -> list[Path]:
    return sorted(p for lang in languages for p in (root / "docs" / lang.code).rglob("*.md"))


def check_sources(root: Path, languages: Sequence[Language]) -> list[Problem]:
    problems: list[Problem] = []
    for path in page_files(root, languages) + [p for p in data_files(root) if p.suffix == ".yml"]:
        rel = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        problems += memo().get("sources", raw, rel, compute=lambda: _source_problems(rel, raw))
    return problems


def _source_problems(rel: str, raw: bytes) -> list[Problem]:
    problems = _readable(rel, raw) if rel.endswith(".md") else []
    return problems + invisible_characters(rel, raw.decode("utf-8", errors="replace"))


def _readable(rel: str, raw: bytes) -> list[Problem]:
    if len(raw) > MAX_PAGE_BYTES:
        return [Problem(rel, 1, "P003", f"the page is {len(raw):,} bytes, over {MAX_PAGE_BYTES:,}: split it")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [Problem(rel, 1, "P003", "the page starts with a byte-order mark (U+FEFF): save it as UTF-8 without BOM")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        return [Problem(rel, line, "P003", f"byte 0x{raw[error.start]:02X} at line {line} is not UTF-8: "
                                           "save the page as UTF-8")]
    return []


def invisible_characters(rel: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]  # reported as a byte-order mark (P003 or D001)
        for match in _INVISIBLE.finditer(line):
            char = match.group()
            name = unicodedata.name(char, f"U+{ord(char):04X}")
            problems.append(Problem(rel, number, "U001", f"invisible character U+{ord(char):04X} {name} at column "
                                    f"{match.start() + 1}: delete it (it hides words from readers and checks)"))
    return problems
