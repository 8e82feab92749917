"""Reading Markdown sources with real line numbers: front matter, headings, list items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .memo import memo
from .yaml_source import Refused, parse_yaml

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


@dataclass
class Section:
    level: int
    title: str
    id: str | None
    line: int
    items: int = 0  # top-level list items directly in this section


@dataclass
class MarkdownSource:
    path: Path
    meta: dict
    meta_lines: dict[str, int]
    sections: list[Section] = field(default_factory=list)
    body_start: int = 1
    meta_error: tuple[int, str] | None = None  # (line, message) when the front matter is not YAML

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def read_markdown(path: Path) -> MarkdownSource:
    """Parse a page: front matter (with the line of each key) and its headed sections."""
    raw = path.read_bytes()
    return memo().get("markdown", raw, str(path), compute=lambda: _parse(path, raw))


def _parse(path: Path, raw: bytes) -> MarkdownSource:
    # Undecodable bytes become U+FFFD here; the source check reports them (P003) before anything uses the page.
    lines = raw.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines()
    meta: dict = {}
    meta_lines: dict[str, int] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            try:
                meta = parse_yaml("\n".join(lines[1:end]).encode("utf-8"))[0] or {}
            except Refused as refused:
                meta, error_at = {}, (1 + refused.line, refused.reason)
            else:
                error_at = None
            for number, text in enumerate(lines[1:end], start=2):
                key = text.split(":", 1)[0].strip()
                if text and not text[0].isspace() and key in meta:
                    meta_lines.setdefault(key, number)
            start = end + 1
    else:
        end, error_at = None, None
    source = MarkdownSource(path, meta if isinstance(meta, dict) else {}, meta_lines, body_start=start + 1,
                            meta_error=error_at if end is not None else None)
    fenced = False
    for number, text in enumerate(lines[start:], start=start + 1):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        heading = _HEADING.match(text)
        if heading:
            source.sections.append(Section(len(heading.group(1)), heading.group(2), heading.group(3), number))
        elif source.sections and _LIST_ITEM.match(text):
            source.sections[-1].items += 1
    return source
