"""Checks of the templates and anti-patterns: schema, references, languages, texts and lengths."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..model.entries import (KINDS, checker_situation, entry_files, example, load_limits,
                             load_placeholder_labels, texts)
from ..model.languages import Language
from ..model.memo import memo
from ..model.lengths import placeholders, worst_case_length
from ..model.yaml_source import YamlSource, read_yaml
from .data import strings, validate
from .problems import WARNING, Problem

_BRACED = re.compile(r"\{([^{}\s]{1,40})\}")  # anything in braces; placeholders are the lowercase ones
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|es|pl|eu|me|ly|co)\b(?:/|\b)", re.I)

def check_entries(root: Path, languages: Sequence[Language]) -> list[Problem]:
    """Every problem in data/templates and data/antipatterns, all at once."""
    sources = {kind: [read_yaml(p) for p in entry_files(root, kind)] for kind in KINDS}
    limits = load_limits(root)["channels"]
    lessons = {p.stem for p in (root / "docs" / languages[0].code / "lessons").glob("*.md")} - {"index"}
    valid: dict[str, list[YamlSource]] = {kind: [] for kind in KINDS}
    problems: list[Problem] = []
    for kind, files in sources.items():
        for source in files:
            found = _check_file(source, kind, root, languages)
            problems += found
            if not found:
                valid[kind].append(source)
    # A file that exists is a valid target even while it has problems of its own.
    ids = {kind: {s.path.stem for s in sources[kind]} for kind in KINDS}
    ids["lesson"] = lessons
    codes = [lang.code for lang in languages]
    unfinished = set()
    for kind in KINDS:
        for source in valid[kind]:
            problems += _check_references(source, kind, ids, root)
            markup = _check_markup(source, root)
            problems += markup
            if any(p.code == "D006" for p in markup):
                unfinished.add(source.path)
    labels = load_placeholder_labels(root)
    limits_key = repr(limits)
    for source in valid["template"]:
        problems += _check_placeholder_labels(source, labels, codes, root)
        if source.path in unfinished:
            continue  # a scaffold's TODO texts are not messages yet
        found = _per_file(source, root, "template-texts", limits_key,
                          compute=lambda source=source: _check_template_texts(source, limits, root))
        problems += found
        if not any(p.severity == "error" for p in found):
            problems += _check_with_message_checker(source, limits, root)
    return problems


def _check_placeholder_labels(source: YamlSource, labels: dict, codes: list[str], root: Path) -> list[Problem]:
    problems = []
    for name in source.data.get("placeholders") or {}:
        known = labels.get(name) if isinstance(labels.get(name), dict) else {}
        missing = [code for code in codes if not isinstance(known.get(code), str) or not known[code].strip()]
        if missing:
            stub = ", ".join(f"{code}: …" for code in codes)
            problems.append(_problem(source, root, source.line("placeholders", name), "T009",
                                     f"placeholder '{name}' has no label in {', '.join(missing)}: add "
                                     f"`{name}: {{{stub}}}` to data/placeholders.yml (the words a reader sees "
                                     "beside the blank)"))
    return problems


def _check_with_message_checker(source: YamlSource, limits: dict, root: Path) -> list[Problem]:
    """Our own templates must pass our own checker, filled with their examples, on Premium.
    Memoised by the file's bytes and the compiled rules' key (which covers the rules, the
    limits and the engine's code)."""
    from ..checker.compile import compiled_key

    if source.data["channel"] == "email":
        return []
    key = memo().once(f"compiled-key {root}", lambda: compiled_key(root))
    return _per_file(source, root, "T008", key, compute=lambda: _checked_by_message_checker(source, root))


def _checked_by_message_checker(source: YamlSource, root: Path) -> list[Problem]:
    from ..checker import check_message, load_rules

    rules = load_rules(root)

    entry = source.data
    situation = checker_situation(entry)
    problems = []
    for text in texts(entry, "text"):
        filled = text.value
        for name, spec in entry["placeholders"].items():
            filled = filled.replace("{" + name + "}", example(spec, text.lang, text.variant))
        for finding in check_message(filled, text.lang, situation, "premium", rules)["details"]:
            line = source.line("text", text.lang, *([text.variant] if text.variant else []))
            quoted = " · ".join(filled[a:b] for a, b in _code_points(filled, finding.spans))
            problems.append(_problem(source, root, line, "T008",
                                     f"{text.label} fails our own message checker as a {situation} "
                                     f"({finding.rule}{': “' + quoted + '”' if quoted else ''}): {finding.message}"))
    return problems


def _per_file(source: YamlSource, root: Path, namespace: str, *parts: str, compute) -> list[Problem]:
    """compute(), memoised by the file's bytes and path (and `parts`) when the bytes are known."""
    if not source.digest:
        return compute()
    return memo().get(namespace, source.digest, source.path.relative_to(root).as_posix(), *parts, compute=compute)


def _code_points(text: str, spans) -> list[tuple[int, int]]:
    """UTF-16 spans as Python string offsets."""
    offsets, unit = {}, 0
    for index, char in enumerate(text):
        offsets[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    offsets[unit] = len(text)
    return [(offsets.get(a, 0), offsets.get(b, len(text))) for a, b in spans]


def _problem(source: YamlSource, root: Path, line: int, code: str, message: str, severity: str = "error") -> Problem:
    return Problem(source.path.relative_to(root).as_posix(), line, code, message, severity)


def _check_file(source: YamlSource, kind: str, root: Path, languages: Sequence[Language]) -> list[Problem]:
    """YAML, schema (the same validation every data file goes through), and id = file name.
    Later checks run only on files that pass."""
    problems = validate(source, source.path.relative_to(root).as_posix(), kind, root, languages)
    if not problems and source.data["id"] != source.path.stem:
        problems.append(_problem(source, root, source.line("id"), "D003",
                                 f"id '{source.data['id']}' differs from the file name: "
                                 f"set `id: {source.path.stem}` or rename the file"))
    return problems


def _check_references(source: YamlSource, kind: str, ids: dict[str, set[str]], root: Path) -> list[Problem]:
    fields = {"lesson": "lesson", "avoids": "antipattern", "replaced_by": "template"}
    problems = []
    for field, target in fields.items():
        value = source.data.get(field)
        for index, ref in enumerate([value] if isinstance(value, str) else value or []):
            if ref not in ids[target]:
                where = (field,) if isinstance(value, str) else (field, index)
                folder = "docs/es/lessons/*.md" if target == "lesson" else f"data/{KINDS[target]}/*.yml"
                problems.append(_problem(source, root, source.line(*where), "D004",
                                         f"{field} refers to '{ref}', which is not in {folder}: use an existing id"))
    return problems


def _check_markup(source: YamlSource, root: Path) -> list[Problem]:
    """D006: a scaffold's TODO left in a text (markup is refused for every data file, in data.py)."""
    return _per_file(source, root, "D006", compute=lambda: _scaffold_todos(source, root))


def _scaffold_todos(source: YamlSource, root: Path) -> list[Problem]:
    return [_problem(source, root, source.line(*path), "D006", f"{'.'.join(map(str, path))} is still the scaffold's TODO: write it")
            for path, value in strings(source.data) if "TODO" in value]


def _check_template_texts(source: YamlSource, limits: dict, root: Path) -> list[Problem]:
    entry = source.data
    maxima = {name: spec["max"] for name, spec in entry["placeholders"].items()}
    channel = entry["channel"]
    limit_of = {"text": channel, "subject": f"{channel}-subject"}
    problems: list[Problem] = []
    used_by: dict[tuple, set[str]] = {}
    for text in list(texts(entry, "subject")) + list(texts(entry, "text")):
        line = source.line(text.field, text.lang, *( [text.variant] if text.variant else []))
        names = placeholders(text.value)
        used_by.setdefault((text.lang, text.variant), set()).update(names)
        for odd in sorted(set(_BRACED.findall(text.value)) - set(names)):
            problems.append(_problem(source, root, line, "T002",
                                     f"{text.label} has {{{odd}}}, which is not a placeholder (names are lowercase, "
                                     f"such as {{{odd.lower()}}}): declare it lowercase or remove the braces"))
        for name in sorted(set(names) - set(maxima)):
            problems.append(_problem(source, root, line, "T002",
                                     f"{text.label} uses {{{name}}}, which is not declared: "
                                     f"declare it under `placeholders:` or fix the spelling"))
        if not re.sub(r"[\W_]+", "", re.sub(r"\{[a-z0-9_]+\}", "", text.value)):
            problems.append(_problem(source, root, line, "T007",
                                     f"{text.label} is empty or only placeholders: write the message"))
            continue
        if channel == "invitation-note" and text.field == "text" and _URL.search(text.value):
            problems.append(_problem(source, root, line, "T006",
                                     f"{text.label} contains a link: invitation notes carry no URL; remove it"))
        limit = limits.get(limit_of[text.field], {})
        length = worst_case_length(text.value, maxima)
        name = limit_of[text.field].replace("-", " ")
        if "hard" in limit and length > limit["hard"]:
            problems.append(_problem(source, root, line, "T003",
                                     f"{text.label} is {length} characters at worst ({name} limit {limit['hard']}): "
                                     "shorten it or lower a placeholder maximum"))
        elif "target" in limit and length > limit["target"]:
            problems.append(_problem(source, root, line, "T004",
                                     f"{text.label} is {length} characters at worst, over the free-account "
                                     f"{limit['target']} for a {name}: the card will say it needs Premium",
                                     WARNING))
    declared = set(maxima)
    used_anywhere = set().union(*used_by.values()) if used_by else set()
    for name in sorted(declared - used_anywhere):
        problems.append(_problem(source, root, source.line("placeholders", name), "T010",
                                 f"placeholder '{name}' is declared but never used: use it or remove it"))
    reference_key, reference = next(iter(used_by.items()), (None, set()))
    for (lang, variant), names in used_by.items():
        if names != reference:
            label = f"'{lang}'" + (f" ({variant})" if variant else "")
            ref_label = f"'{reference_key[0]}'" + (f" ({reference_key[1]})" if reference_key[1] else "")
            missing, extra = sorted(reference - names), sorted(names - reference)
            problems.append(_problem(source, root, source.line("text", lang, *([variant] if variant else [])), "T001",
                                     f"{label} uses different placeholders from {ref_label}"
                                     f" (missing {missing}, extra {extra}): use the same ones in every language and register"))
    return problems
