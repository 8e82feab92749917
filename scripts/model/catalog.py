"""The entries as the pages show them: one language at a time, ready for the Jinja partials."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence

from .entries import KINDS, entry_files, load_limits, load_placeholder_labels
from .exercises import load_exercises
from .figures import load_figures
from .freshness import freshness
from .languages import Language
from .limits import Facts, load_facts
from .markdown_source import read_markdown
from .pages import lesson_files
from .text_dates import text_dates
from .yaml_source import read_yaml


@dataclass(frozen=True)
class Catalog:
    """Every entry, the limits and the interface words, loaded once per build."""
    templates: dict[str, dict]
    antipatterns: dict[str, dict]
    limits: dict
    ui: dict
    lesson_titles: dict[str, dict[str, str]]  # lang -> lesson id -> title
    rules: dict  # data/checker-rules.yml
    freshness: dict = field(default_factory=dict)  # lang -> kind -> freshness.Status
    language_names: dict = field(default_factory=dict)  # lang -> its own name
    profile_limits: dict = field(default_factory=dict)  # headline, about, recommendation
    facts: Facts | None = None  # every figure of data/limits.yml with its sources, and data/articles.yml
    edit_base: str = ""  # e.g. https://github.com/owner/repo/edit/main/ ('' hides edit links)
    placeholder_labels: dict = field(default_factory=dict)  # data/placeholders.yml
    figures: dict = field(default_factory=dict)  # data/figures.yml
    exercises: dict = field(default_factory=dict)  # data/exercises.yml
    text_dates: dict = field(default_factory=dict)  # docs-relative path -> date of its last commit
    lessons: dict = field(default_factory=dict)  # lang -> lessons in course order (id, title, description, minutes)

    @cached_property
    def entry_groups(self) -> dict[str, dict[str, list[str]]]:
        """Entry ids, sorted, by situation ("template") and by stage ("antipattern"); worked out
        once per catalog (each entry page names a few of its group)."""
        groups: dict[str, dict[str, list[str]]] = {"template": {}, "antipattern": {}}
        for kind, entries, key in (("template", self.templates, "situation"), ("antipattern", self.antipatterns, "stage")):
            for entry_id in sorted(entries):
                groups[kind].setdefault(entries[entry_id][key], []).append(entry_id)
        return groups

    def outdated(self, kind: str, item: str, lang: str) -> bool:
        status = self.freshness.get(lang, {}).get(kind)
        return bool(status and item in status.outdated)

    @classmethod
    def load(cls, root: Path, languages: Sequence[Language], edit_base: str = "") -> "Catalog":
        """Everything the pages show, read once; call it only on content that passed the checks."""
        entries = {kind: {p.stem: read_yaml(p).data for p in entry_files(root, kind)} for kind in KINDS}
        titles, course = {}, {}
        for lang in (language.code for language in languages):
            lessons = [read_markdown(p) for p in lesson_files(root / "docs" / lang)]
            titles[lang] = {m.path.stem: m.sections[0].title for m in lessons}
            course[lang] = [{"id": m.path.stem, "title": m.sections[0].title, "order": m.meta.get("order"),
                             "description": m.meta.get("description", ""), "minutes": m.meta.get("reading_time")}
                            for m in sorted(lessons, key=lambda m: m.meta.get("order", 0))]
        limits = load_limits(root)
        return cls(entries["template"], entries["antipattern"], limits["channels"],
                   read_yaml(root / "data" / "ui.yml").data, titles,
                   read_yaml(root / "data" / "checker-rules.yml").data, profile_limits=limits.get("profile", {}),
                   facts=load_facts(root),
                   placeholder_labels=load_placeholder_labels(root), figures=load_figures(root),
                   exercises=load_exercises(root),
                   lessons=course, freshness=freshness(root, languages),
                   language_names={lang.code: lang.name for lang in languages}, edit_base=edit_base,
                   text_dates=text_dates(root))

    def word(self, group: str, key: str, lang: str) -> str:
        return self.ui[group][key][lang]
