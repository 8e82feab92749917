"""Words that change with a number (data/ui.yml `plurals:`) have every form their language needs.

The browser picks a form with Intl.PluralRules, which answers with the language's CLDR plural
categories: Spanish one/many/other, English one/other, Polish one/few/many/other. A form the
file lacks would fall back to `other` ("5 uwagi" instead of "5 uwag"), so each category CLDR
lists for a language must be written (D012). Babel holds the same CLDR data in Python.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.yaml_source import read_yaml
from .problems import Problem

UI = Path("data") / "ui.yml"


@functools.lru_cache(maxsize=None)
def categories(lang: str) -> frozenset[str]:
    """The CLDR plural categories of a language, `other` included."""
    from babel import Locale

    return frozenset(Locale.parse(lang).plural_form.tags) | {"other"}


def check_plurals(root: Path, languages: Sequence[Language]) -> list[Problem]:
    path = root / UI
    if not path.exists():
        return []
    source = read_yaml(path)
    plurals = (source.data or {}).get("plurals") or {}
    problems = []
    for key, by_lang in plurals.items():
        for lang in languages:
            forms = by_lang.get(lang.code) or {}
            missing = sorted(categories(lang.code) - set(forms))
            if missing:
                problems.append(Problem(UI.as_posix(), source.line("plurals", key, lang.code), "D012",
                                        f"plurals.{key}.{lang.code} has no {', '.join(missing)} form: "
                                        f"{lang.code} needs {', '.join(sorted(categories(lang.code)))} "
                                        "(CLDR, as the browser's Intl.PluralRules uses them)"))
    return problems
