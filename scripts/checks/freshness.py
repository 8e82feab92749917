"""F001/F002: translations that follow an older Spanish text, or record none."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model.freshness import _items
from ..model.languages import Language
from .problems import WARNING, Problem


def check_freshness(root: Path, languages: Sequence[Language]) -> list[Problem]:
    problems = []
    for kind, item, lang, recorded, expected, path, line in _items(root, languages):
        rel = path.relative_to(root).as_posix()
        if not recorded:
            problems.append(Problem(rel, line, "F002", f"the '{lang.code}' translation of {kind} '{item}' does not "
                                    "record its Spanish source: run `python -m scripts stamp` once it is up to date",
                                    WARNING))
        elif str(recorded) != expected:  # a hash of digits only reads back from YAML as a number
            problems.append(Problem(rel, line, "F001", f"the '{lang.code}' translation of {kind} '{item}' follows an "
                                    f"older Spanish text ({recorded}, now {expected}): update it, then run "
                                    "`python -m scripts stamp`", WARNING))
    return problems
