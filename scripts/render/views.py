"""What a partial shows of an entry, in one language: plain dicts built from the catalog."""

from __future__ import annotations

from ..model.catalog import Catalog
from ..model.entries import example, texts
from ..model.lengths import PLACEHOLDER, worst_case_length


def number(value: int | None, lang: str) -> str | None:
    """A whole number as the language writes it: 8,000 in English; 8000 and 10 000 (a
    no-break space, from five digits) in Spanish and Polish, as the RAE and Polish norms ask.
    Twin of guideNumber in site.js."""
    if value is None:
        return None
    if lang == "en":
        return f"{value:,}"
    return str(value) if value < 10_000 else f"{value:,}".replace(",", "\u00a0")


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
        "stage_name": catalog.word("stages", entry["stage"], lang),
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
            "length_text": number(length, lang),
            "over_target": "target" in limit and length > limit["target"],
        })
    placeholders = [{"name": n, "label": catalog.placeholder_labels[n][lang], "max": s["max"],
                     "example": example(s, lang, variants[0]["key"]),
                     "variants": {v["key"]: example(s, lang, v["key"]) for v in variants}}
                    for n, s in entry["placeholders"].items()]
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
        "hard_text": number(limit.get("hard"), lang),
        "target_text": number(limit.get("target"), lang),
        "subject_hard": (catalog.limits.get("inmail-subject") or {}).get("hard") if entry.get("subject") else None,
        "placeholders": placeholders,
        "variants": variants,
        # each blank's first example, which a scripted page shows in the text from the first paint
        "examples": {p["name"]: p["example"] for p in placeholders},
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
