"""LinkedIn's figures are honest about their sources (data/limits.yml, data/articles.yml).

The schemas say what each field looks like; this says what they cannot: the figure the site
uses is the strictest figure its sources state, and says why when they disagree (D009); a
figure LinkedIn does not publish is never presented as LinkedIn's, and a figure's confidence
matches what its sources show (D010); a page cannot have been recorded before it was updated
(D011); an article a source names exists (D004).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.limits import ARTICLES, LIMITS, Figure, articles_from, figures_from
from ..model.yaml_source import read_yaml
from .problems import Problem


def check_limits(root: Path, languages: Sequence[Language]) -> list[Problem]:
    path = root / LIMITS
    if not path.exists():
        return []
    source = read_yaml(path)
    articles_path = root / ARTICLES
    articles = articles_from(read_yaml(articles_path).data) if articles_path.exists() else {}
    rel = LIMITS.as_posix()
    problems: list[Problem] = []
    for figure in figures_from(source.data).values():
        def at(*keys, figure=figure):
            return source.line(figure.section, figure.id, *keys)
        problems += [Problem(rel, line, code, message) for line, code, message in _figure(figure, at, articles)]
    return problems


def _figure(figure: Figure, at, articles: dict) -> list[tuple[int, str, str]]:
    found = []
    name = f"{figure.section}.{figure.id}"
    key = figure.value_key
    for target in (False, True):
        stated = figure.stated(target)
        used = figure.target if target else figure.value
        field = "target" if target else key
        if not figure.published or not stated:
            continue
        if used is None and not target:
            found.append((at(), "D009", f"{name} has sources stating {_list(stated)} but no `{key}:`: "
                                        f"set `{key}: {min(stated)}`, the strictest figure they state"))
        elif used is not None and used != min(stated):
            found.append((at(field), "D009", f"{name}.{field} is {used}, but its sources state {_list(stated)}: "
                                             f"use the strictest, {min(stated)}, or correct the source that differs"))
    if figure.published and figure.disagree and not figure.why:
        found.append((at(), "D009", f"the sources of {name} disagree ({_list(figure.stated())}) and it has no `why:`: "
                                    "say in every language which figure the guide uses and why"))
    if not figure.published:
        for i, s in enumerate(figure.sources):
            if s.kind == "help-center" and s.states is not None:
                found.append((at("sources", i, "states"), "D010",
                              f"{name} is marked `published: false`, yet source {i + 1} is a Help Center page "
                              f"stating {s.states}: if LinkedIn publishes it, remove `published: false` and set "
                              "`plan:`; if not, the source is an article or an observation"))
        if figure.confidence != "low":
            found.append((at("confidence"), "D010", f"{name} is not published by LinkedIn, so its confidence "
                                                     f"cannot be '{figure.confidence}': set `confidence: low`"))
        if not figure.why:
            found.append((at(), "D010", f"{name} is not published by LinkedIn and has no `why:`: say so in every "
                                        "language, with what practitioners report"))
    elif figure.confidence == "high":
        stating = [s for s in figure.sources if s.states is not None]
        if figure.disagree or any(s.kind != "help-center" for s in stating):
            found.append((at("confidence"), "D010", f"{name} has `confidence: high`, but its sources "
                          + ("disagree" if figure.disagree else "are not all LinkedIn's Help Center")
                          + ": set `confidence: medium` (LinkedIn's pages disagree) or `low` (not published)"))
    for i, s in enumerate(figure.sources):
        if s.updated and s.updated > s.recorded:
            found.append((at("sources", i, "updated"), "D011",
                          f"source {i + 1} of {name} was updated on {s.updated}, after we recorded it on "
                          f"{s.recorded}: read the page again and record the new date, or correct `updated:`"))
        if s.article is not None and s.article not in articles:
            found.append((at("sources", i, "article"), "D004",
                          f"source {i + 1} of {name} names article '{s.article}', which data/articles.yml does "
                          f"not list: use one of {sorted(articles)}"))
    return found


def _list(values: list[int]) -> str:
    return ", ".join(str(v) for v in values)
