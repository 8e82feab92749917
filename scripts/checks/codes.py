"""Every problem code: its severity and what it means, in one place (codes.yml beside this file).

CONTRIBUTING.md's table is tested against this registry, and `python -m scripts explain CODE`
prints an entry. One code means one rule; a new rule gets a new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.yaml_source import read_yaml

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    summary: str  # what is wrong, in a few words
    fix: str  # how to fix it


def _load() -> dict[str, Code]:
    """codes.yml beside this module, read strictly (a duplicate code is refused, not merged)."""
    source = read_yaml(Path(__file__).with_name("codes.yml"))
    if source.error:
        raise ValueError(f"scripts/checks/codes.yml:{source.error[0]}: {source.error[1]}")
    return {code: Code(code, entry["severity"], entry["summary"], entry["fix"]) for code, entry in source.data.items()}


CODES = _load()


def explain(code: str) -> str:
    """The registry's entry for `code`, as `python -m scripts explain` prints it."""
    entry = CODES.get(code.upper())
    if entry is None:
        raise KeyError(code)
    return f"{entry.code} ({entry.severity}): {entry.summary}.\nFix: {entry.fix}."
