"""The lessons' illustrations: words in data/figures.yml, drawings in overrides/partials/figures.

A lesson shows a figure where its Markdown says `<!-- guide:figure <id> -->`. The checks make
sure every figure has every word in every language, that no line is longer than the figure's
`max_line` (so each language fits a phone), that its drawing exists, and that the lesson it
belongs to shows it in every language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..model.figures import DRAWINGS, FIGURE_MARKER, FIGURES
from ..model.languages import Language
from ..model.yaml_source import read_yaml
from .problems import Problem


def check_figures(root: Path, languages: Sequence[Language]) -> list[Problem]:
    path = root / FIGURES
    if not path.exists():
        return []
    source = read_yaml(path)
    rel = FIGURES.as_posix()
    if source.error:
        return [Problem(rel, source.error[0], "G001", f"not valid YAML ({source.error[1]}): fix the syntax there")]
    figures = source.data.get("figures") if isinstance(source.data, dict) else None
    if not isinstance(figures, dict):
        return [Problem(rel, 1, "G001", "needs a `figures:` mapping of figure ids: see the comment at the top")]
    codes = [lang.code for lang in languages]
    problems = []
    for fid, figure in figures.items():
        line = source.line("figures", fid)
        if not isinstance(figure, dict) or not isinstance(figure.get("text"), dict):
            problems.append(Problem(rel, line, "G001", f"figure '{fid}' needs `lesson` (or `page`), `max_line` and `text`"))
            continue
        if not (root / DRAWINGS / f"{fid}.svg").exists():
            problems.append(Problem(rel, line, "G002", f"figure '{fid}' has no drawing: add "
                                    f"{(DRAWINGS / (fid + '.svg')).as_posix()} or remove the figure"))
        limit = figure.get("max_line")
        if not isinstance(limit, int) or isinstance(limit, bool):
            problems.append(Problem(rel, line, "G001", f"figure '{fid}' needs `max_line`, a whole number of characters"))
            limit = None
        for key, value in figure["text"].items():
            at = source.line("figures", fid, "text", key)
            if not isinstance(value, dict):
                problems.append(Problem(rel, at, "G003", f"'{key}' of figure '{fid}' needs a text per language: "
                                        f"{{{', '.join(c + ': …' for c in codes)}}}"))
                continue
            for code in codes:
                text = value.get(code)
                lines = [text] if isinstance(text, str) else text
                if not lines or not all(isinstance(x, str) and x.strip() for x in lines):
                    problems.append(Problem(rel, at, "G003", f"'{key}' of figure '{fid}' has no '{code}' text "
                                            "(a string, or a list of lines): write it"))
                elif limit and key not in ("title", "desc"):
                    for text_line in lines:
                        if len(text_line) > limit:
                            problems.append(Problem(rel, source.line("figures", fid, "text", key, code), "G004",
                                                    f"'{key}' ({code}) line «{text_line}» is {len(text_line)} characters, "
                                                    f"over the figure's {limit}: split it into a list of shorter lines"))
            for extra in sorted(set(value) - set(codes)):
                problems.append(Problem(rel, at, "G003", f"'{key}' of figure '{fid}' has an unknown language "
                                        f"'{extra}' (a comma in a flow mapping? quote the text)"))
        # Where it is shown: a lesson (`lesson: id`) or another page (`page: path without .md`).
        where = f"lessons/{figure['lesson']}" if figure.get("lesson") else figure.get("page")
        for lang in languages:
            page = root / "docs" / lang.code / f"{where}.md"
            shown = page.exists() and fid in FIGURE_MARKER.findall(page.read_text(encoding="utf-8"))
            if not shown:
                key = "lesson" if figure.get("lesson") else "page"
                problems.append(Problem(rel, source.line("figures", fid, key), "G005",
                                        f"figure '{fid}' is not shown in docs/{lang.code}/{where}.md: "
                                        f"add <!-- guide:figure {fid} --> where the page explains it"))
    return problems
