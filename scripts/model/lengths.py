"""Counting characters the way LinkedIn's limits are checked here (see data/limits.yml)."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def normalize(text: str) -> str:
    """CRLF and lone CR become LF, as a browser's textarea reports them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf16_length(text: str) -> int:
    """JavaScript's `length`: UTF-16 code units, after normalising line breaks."""
    return len(normalize(text).encode("utf-16-le")) // 2


def placeholders(text: str) -> list[str]:
    """Placeholder names in order of appearance, repeats included."""
    return PLACEHOLDER.findall(text)


def worst_case_length(text: str, maxima: dict[str, int]) -> int:
    """Length with every placeholder filled to its maximum (unknown ones count as written)."""
    def widest(match: re.Match) -> str:
        name = match.group(1)
        return "x" * maxima[name] if name in maxima else match.group(0)

    return utf16_length(PLACEHOLDER.sub(widest, text))
