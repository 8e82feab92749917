"""Problems found by the checks, printed for authors as `path:line: CODE message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    code: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else "warning: "
        return f"{self.path}:{self.line}: {self.code} {label}{self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def render(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file and line, then a one-line summary."""
    problems = sorted(problems)
    n_errors = len(errors(problems))
    lines = [str(p) for p in problems]
    lines.append(f"{n_errors} error(s), {len(problems) - n_errors} warning(s)")
    return "\n".join(lines)


def render_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, shown as inline annotations on a pull request."""
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    return "\n".join(
        f"::{p.severity} file={p.path},line={p.line},title={p.code}::{escape(p.message)}"
        for p in sorted(problems)
    )
