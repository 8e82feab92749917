"""The entries as the pages show them: one language at a time, ready for the Jinja partials."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .figures import load_figures
from .entries import KINDS, entry_files, example, load_limits, load_placeholder_labels, texts
from .lengths import PLACEHOLDER, worst_case_length
from .markdown_source import read_markdown
from .yaml_source import read_yaml

MARKER = re.compile(r"<!--\s*guide:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")


@dataclass
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
    edit_base: str = ""  # e.g. https://github.com/owner/repo/edit/main/ ('' hides edit links)
    placeholder_labels: dict = field(default_factory=dict)  # data/placeholders.yml
    figures: dict = field(default_factory=dict)  # data/figures.yml
    text_dates: dict = field(default_factory=dict)  # docs-relative path -> date of its last commit
    lessons: dict = field(default_factory=dict)  # lang -> lessons in course order (id, title, description, minutes)

    def outdated(self, kind: str, item: str, lang: str) -> bool:
        status = self.freshness.get(lang, {}).get(kind)
        return bool(status and item in status.outdated)

    @classmethod
    def load(cls, root: Path, languages: list[str]) -> "Catalog":
        entries = {kind: {p.stem: read_yaml(p).data for p in entry_files(root, kind)} for kind in KINDS}
        titles, course = {}, {}
        for lang in languages:
            lessons = [read_markdown(p) for p in sorted((root / "docs" / lang / "lessons").glob("*.md"))
                       if p.stem != "index"]
            titles[lang] = {m.path.stem: m.sections[0].title for m in lessons}
            course[lang] = [{"id": m.path.stem, "title": m.sections[0].title, "order": m.meta.get("order"),
                             "description": m.meta.get("description", ""), "minutes": m.meta.get("reading_time")}
                            for m in sorted(lessons, key=lambda m: m.meta.get("order", 0))]
        limits = load_limits(root)
        return cls(entries["template"], entries["antipattern"], limits["channels"],
                   read_yaml(root / "data" / "ui.yml").data, titles,
                   read_yaml(root / "data" / "checker-rules.yml").data, profile_limits=limits.get("profile", {}),
                   placeholder_labels=load_placeholder_labels(root), figures=load_figures(root),
                   lessons=course)

    def word(self, group: str, key: str, lang: str) -> str:
        return self.ui[group][key][lang]


def segments(text: str) -> list[tuple[str, str]]:
    """A text split into ("text", …) and ("placeholder", name) parts, for marking up blanks."""
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > last:
            parts.append(("text", text[last:match.start()]))
        parts.append(("placeholder", match.group(1)))
        last = match.end()
    if last < len(text):
        parts.append(("text", text[last:]))
    return parts


def antipattern_view(catalog: Catalog, entry: dict, lang: str) -> dict:
    return {
        "id": entry["id"],
        "stage": entry["stage"],
        "name": entry["name"][lang],
        "example": entry["example"][lang],
        "why": entry["why"][lang],
        "instead": entry["instead"][lang],
        "lesson": {"id": entry["lesson"], "title": catalog.lesson_titles[lang][entry["lesson"]]},
        "replaced_by": [{"id": t, "name": catalog.templates[t]["title"][lang]} for t in entry["replaced_by"]],
        "edit": catalog.edit_base and f"{catalog.edit_base}data/antipatterns/{entry['id']}.yml",
        "outdated": catalog.outdated("antipattern", entry["id"], lang),
    }


def template_view(catalog: Catalog, entry: dict, lang: str) -> dict:
    maxima = {name: spec["max"] for name, spec in entry["placeholders"].items()}
    limit = catalog.limits.get(entry["channel"], {})
    subjects = {t.variant: t.value for t in texts(entry, "subject") if t.lang == lang}
    variants = []
    for text in texts(entry, "text"):
        if text.lang != lang:
            continue
        subject = subjects.get(text.variant)
        length = worst_case_length(text.value, maxima)
        variants.append({
            "key": text.variant or "default",
            "label": catalog.word("variants", text.variant, lang) if text.variant else "",
            "segments": segments(text.value),
            "subject": segments(subject) if subject else None,
            "length": length,
            "over_target": "target" in limit and length > limit["target"],
        })
    return {
        "id": entry["id"],
        "channel": entry["channel"],
        "channel_name": catalog.word("channels", entry["channel"], lang),
        "situation": entry["situation"],
        "situation_name": catalog.word("situations", entry["situation"], lang),
        "title": entry["title"][lang],
        "why": entry["why"][lang],
        "hard": limit.get("hard"),
        "target": limit.get("target"),
        "placeholders": [{"name": n, "label": catalog.placeholder_labels[n][lang], "max": s["max"],
                          "example": example(s, lang, variants[0]["key"]),
                          "variants": {v["key"]: example(s, lang, v["key"]) for v in variants}}
                         for n, s in entry["placeholders"].items()],
        "variants": variants,
        "lesson": {"id": entry["lesson"], "title": catalog.lesson_titles[lang][entry["lesson"]]},
        "avoids": [{"id": a, "name": catalog.antipatterns[a]["name"][lang]} for a in entry["avoids"]],
        "edit": catalog.edit_base and f"{catalog.edit_base}data/templates/{entry['id']}.yml",
        "outdated": catalog.outdated("template", entry["id"], lang),
    }


def related(catalog: Catalog, lesson: str, lang: str) -> dict[str, list[dict]]:
    """Entries that point at a lesson, with the templates and anti-patterns they name."""
    antipatterns = [e for e in catalog.antipatterns.values() if e["lesson"] == lesson]
    templates = [e for e in catalog.templates.values() if e["lesson"] == lesson]
    template_ids = [t["id"] for t in templates] + [t for a in antipatterns for t in a["replaced_by"]]
    antipattern_ids = [a["id"] for a in antipatterns] + [a for t in templates for a in t["avoids"]]
    return {
        "antipatterns": [{"id": i, "name": catalog.antipatterns[i]["name"][lang]} for i in dict.fromkeys(antipattern_ids)],
        "templates": [{"id": i, "name": catalog.templates[i]["title"][lang]} for i in dict.fromkeys(template_ids)],
    }
