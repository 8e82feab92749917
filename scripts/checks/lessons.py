"""Lessons: required front matter, and the same structure in every language."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.markdown_source import MarkdownSource, read_markdown
from ..model.pages import lesson_files
from .problems import Problem

SECTIONS = ("objectives", "idea", "receiver", "practice", "key-points", "related")
COUNTED = {"objectives": (2, 4), "practice": (3, 6), "key-points": (3, 5)}
FIELDS = {"id": str, "order": int, "reading_time": int, "sources": list, "description": str}
SEEDS = {"000", "001", "002", "003", "004"}
MAX_DESCRIPTION = 155


def check_lessons(docs_dir: Path, languages: Sequence[Language], root: Path) -> list[Problem]:
    """Every lesson's own shape, then its parity with the default language's version."""
    problems: list[Problem] = []
    default = languages[0]
    sources = {lang.code: {p.stem: read_markdown(p) for p in lesson_files(docs_dir / lang.code)}
               for lang in languages}
    for lang in languages:
        for lesson in sources[lang.code].values():
            problems += _check_shape(lesson, root)
        problems += _check_headings(list(sources[lang.code].values()), root)
    orders: dict[int, str] = {}
    for stem, lesson in sources[default.code].items():
        order = lesson.meta.get("order")
        if isinstance(order, int) and order in orders:
            problems.append(_problem(lesson, root, lesson.meta_lines.get("order", 1), "L011",
                                     f"order {order} is also used by lessons/{orders[order]}.md: give each lesson its own order"))
        orders.setdefault(order, stem)
        for lang in languages[1:]:
            translation = sources[lang.code].get(stem)
            if translation is not None:
                problems += _check_parity(lesson, translation, root)
    return problems


def _check_headings(lessons: list[MarkdownSource], root: Path) -> list[Problem]:
    """L007: within one language, a section is titled the same way in every lesson (the
    most common wording wins), so readers learn one set of signposts."""
    titles: dict[str, dict[str, int]] = {}
    for lesson in lessons:
        for section in lesson.sections:
            if section.level == 2 and section.id in SECTIONS:
                counts = titles.setdefault(section.id, {})
                counts[section.title] = counts.get(section.title, 0) + 1
    usual = {sid: max(counts, key=lambda title: (counts[title], title)) for sid, counts in titles.items()}
    return [_problem(lesson, root, section.line, "L007",
                     f"section '{section.id}' is titled '{section.title}' here but '{usual[section.id]}' in the "
                     f"other lessons of this language: use '{usual[section.id]}'")
            for lesson in lessons for section in lesson.sections
            if section.level == 2 and section.id in usual and section.title != usual[section.id]]


def _problem(source: MarkdownSource, root: Path, line: int, code: str, message: str) -> Problem:
    return Problem(source.path.relative_to(root).as_posix(), line, code, message)


def _check_shape(lesson: MarkdownSource, root: Path) -> list[Problem]:
    if lesson.meta_error:
        return []  # reported once for every page, as P002
    problems = []
    for name, kind in FIELDS.items():
        value = lesson.meta.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            problems.append(_problem(lesson, root, lesson.meta_lines.get(name, 1), "L001",
                                     f"front matter '{name}' is missing or not a {kind.__name__}: add `{name}:` to the front matter"))
    if lesson.meta.get("id") not in (None, lesson.path.stem):
        problems.append(_problem(lesson, root, lesson.meta_lines["id"], "L002",
                                 f"id '{lesson.meta['id']}' differs from the file name: set `id: {lesson.path.stem}`"))
    unknown = [s for s in lesson.meta.get("sources") or [] if str(s) not in SEEDS]
    if unknown:
        problems.append(_problem(lesson, root, lesson.meta_lines.get("sources", 1), "L008",
                                 f"sources {unknown} are not seed articles: use strings among {sorted(SEEDS)}"))
    description = lesson.meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problems.append(_problem(lesson, root, lesson.meta_lines["description"], "L009",
                                 f"description is {len(description)} characters: keep it within {MAX_DESCRIPTION}"))
    for section in lesson.sections:
        if section.level >= 2 and not section.id:
            problems.append(_problem(lesson, root, section.line, "L006",
                                     f"heading '{section.title}' has no explicit id: add `{{ #some-id }}` so links survive translation"))
    found = [s.id for s in lesson.sections if s.level == 2]
    if found != list(SECTIONS):
        problems.append(_problem(lesson, root, lesson.body_start, "L003",
                                 f"sections are {found}, expected {list(SECTIONS)}: use these ids, in this order"))
    for section_id, (low, high) in COUNTED.items():
        section = lesson.section(section_id)
        if section and not low <= section.items <= high:
            problems.append(_problem(lesson, root, section.line, "L004",
                                     f"'{section_id}' has {section.items} list items: write {low} to {high}"))
    return problems


def _check_parity(source: MarkdownSource, translation: MarkdownSource, root: Path) -> list[Problem]:
    if source.meta_error or translation.meta_error:
        return []  # reported once for every page, as P002
    problems = []
    for key in ("id", "order", "sources"):
        if translation.meta.get(key) != source.meta.get(key):
            problems.append(_problem(translation, root, translation.meta_lines.get(key, 1), "L005",
                                     f"{key} is {translation.meta.get(key)!r} but {source.meta.get(key)!r} in "
                                     f"{source.path.relative_to(root).as_posix()}: make them equal"))
    for section_id in COUNTED:
        ours, theirs = translation.section(section_id), source.section(section_id)
        if ours and theirs and ours.items != theirs.items:
            problems.append(_problem(translation, root, ours.line, "L010",
                                     f"'{section_id}' has {ours.items} list items vs {theirs.items} in "
                                     f"{source.path.relative_to(root).as_posix()}: keep the same number in every language"))
    return problems
