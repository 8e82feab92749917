"""The message checker: a thin shim over scripts/checker/ (kept for existing imports)."""

from __future__ import annotations

from .checker import Finding, check_message, check_rules, compiled, load_rules  # noqa: F401
from .checker.compile import KINDS  # noqa: F401
from .checker.text import utf16_length  # noqa: F401


def limit_for(limits: dict, channel: str, account: str) -> int | None:
    """The limit of a data/limits.yml channel for an account (the free target where there is one)."""
    limit = limits.get(channel, {})
    if account == "free" and "target" in limit:
        return limit["target"]
    return limit.get("hard")


def length_state(length: int, limits: dict, channel: str) -> str:
    """'free' (fits a free account), 'premium' (fits only Premium), 'fits' or 'over'."""
    limit = limits.get(channel, {})
    if "target" in limit and length <= limit["target"]:
        return "free"
    if "hard" in limit and length > limit["hard"]:
        return "over"
    return "premium" if "target" in limit else "fits"
