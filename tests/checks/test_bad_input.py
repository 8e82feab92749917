"""Broken contributions, one per case: each is refused with its exact code, file and line,
all through the same check runner the build uses, and never with a traceback (E001).

Each case copies the content (docs/, data/, overrides/, mkdocs.yml), breaks one file the way
a contributor might, and runs the checks. The expected line is the line of `mark` in the
broken file (so the cases survive edits to the texts around them)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from scripts.checks import run_checks
from tests.conftest import ROOT

T = "data/templates/met-at-event.yml"
A = "data/antipatterns/ghost-profile.yml"
LESSON = "docs/en/lessons/open-doors.md"
PAGE = "docs/es/glossary.md"
TITLE_EN = r"^(title:\n  es: .*\n)  en: .*$"  # the English title, whatever its words
WHY_EN = r"^(why:\n  es: .*\n)  en: .*$"
NAME_EN = r"^(name:\n  es: .*\n)  en: .*$"
BOMB = "".join(f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]\n" for i in range(1, 10))


@dataclass
class Case:
    id: str
    file: str
    code: str
    change: Callable[[bytes], bytes]
    mark: str | int  # the text on the expected line, or the line number
    rename: str | None = None  # the broken file's new name


def sub(pattern: str, repl: str) -> Callable[[bytes], bytes]:
    def change(raw: bytes) -> bytes:
        text, count = re.subn(pattern, repl, raw.decode("utf-8"), count=1, flags=re.M)
        assert count == 1, f"the case no longer applies: {pattern!r}"
        return text.encode("utf-8")
    return change


def append(text: str) -> Callable[[bytes], bytes]:
    return lambda raw: raw + text.encode("utf-8")


def raw_bytes(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(raw: bytes) -> bytes:
        assert old in raw, f"the case no longer applies: {old!r}"
        return raw.replace(old, new, 1)
    return change


CASES = [
    # Templates: types, languages, keys, references, encodings, YAML tricks, injections.
    Case("template-title-date", T, "D002", sub(TITLE_EN, r"\1  en: 2024-05-01"), "en: 2024-05-01"),
    Case("template-max-float", T, "D002", sub(r"^    max: 20$", "    max: 20.0"), "max: 20.0"),
    Case("template-max-string", T, "D002", sub(r"^    max: 35$", '    max: "35"'), 'max: "35"'),
    Case("template-max-bool", T, "D002", sub(r"^    max: 30$", "    max: yes"), "max: yes"),
    Case("template-channel-list", T, "D002", sub(r"^channel: invitation-note$", "channel: [invitation-note]"), "channel: ["),
    Case("template-channel-unknown", T, "D002", sub(r"^channel: invitation-note$", "channel: fax"), "channel: fax"),
    Case("template-field-typo", T, "D002", sub(r"^situation: invitation$", "situations: invitation"), "situations:"),
    Case("template-avoids-string", T, "D002", sub(r"^avoids: \[.*\]$", "avoids: stranger-no-note"), "avoids:"),
    Case("template-avoids-dangling", T, "D004", sub(r"^avoids: \[.*\]$", "avoids: [no-such-mistake]"), "avoids:"),
    Case("template-lesson-dangling", T, "D004", sub(r"^lesson: invitation-note$", "lesson: no-such-lesson"), "lesson:"),
    Case("template-id-mismatch", T, "D003", sub(r"^id: met-at-event$", "id: met-at-a-fair"), "id:"),
    Case("template-missing-pl", T, "D005", sub(r"^(title:\n  es: .*\n  en: .*\n)  pl: .*\n", r"\1"), "title:"),
    Case("template-unknown-language", T, "D002", sub(TITLE_EN, r"\1  en: Met\n  de: Getroffen"), "de:"),
    Case("template-duplicate-key", T, "D001", sub(TITLE_EN, r"\1  en: Met\n  en: Again"), "en: Again"),
    Case("template-tab", T, "D001", sub(TITLE_EN, "\\1\ten: You met"), "\ten: You"),
    Case("template-bom", T, "D001", lambda raw: b"\xef\xbb\xbf" + raw, 1),
    Case("template-latin1", T, "D001", lambda raw: sub(TITLE_EN, r"\1  en: Luc@")(raw).replace(b"Luc@", b"Luc\xed"), "  en: Luc"),
    Case("template-python-tag", T, "D001", sub(r"^lesson: invitation-note$", 'lesson: !!python/object/apply:os.system ["true"]'), "lesson:"),
    Case("template-alias-bomb", T, "D001", append("bomb0: &b0 [x, x, x, x, x, x, x, x, x]\n" + BOMB), "b2: &b2"),
    Case("template-unclosed-quote", T, "D001", sub(TITLE_EN, r'\1  en: "You met at an event'), '"You met'),
    Case("template-unclosed-flow", T, "D001", sub(r"^(avoids: \[.*)\]$", r"\1"), "avoids:"),
    Case("template-huge", T, "D001", append("# " + "x" * 600_000 + "\n"), 1),
    Case("template-capitalised-placeholder", T, "T002", sub(r"^(  en: .*\{name\}.*)\{event\}", r"\1{Event}"), "{Event}"),
    Case("template-undeclared-placeholder", T, "T002", sub(r"^(  en: .*\{name\}.*)\{event\}", r"\1{company}"), "{company}"),
    Case("template-unused-placeholder", T, "T010", sub(r"^placeholders:$", "placeholders:\n  spare:\n    max: 5\n    example: {es: a, en: b, pl: c}"), "spare:"),
    Case("template-script-injection", T, "T005", sub(WHY_EN, r"\1  en: <script>alert(1)</script> It works"), "<script>"),
    Case("template-jinja-injection", T, "T005", sub(TITLE_EN, r"\1  en: You met {{ 7*7 }} at an event"), "{{ 7*7 }}"),
    Case("template-link-in-note", T, "T006", sub(r"^(  en: .*\{name\}.*)$", r"\1 www.example.com"), "www.example.com"),
    Case("template-empty-text", T, "T007", sub(r"^  en: .*\{name\}.*$", '  en: "{name} {event} {topic}"'), '  en: "{name}'),
    Case("template-over-limit", T, "T003", sub(r"^(  en: .*\{name\}.*)$", r"\1" + " More words here." * 20), "More words here."),
    Case("template-zero-width", T, "U001", sub(TITLE_EN, "\\1  en: You met at an\u200bevent"), "\u200b"),
    Case("template-bidi", T, "U001", sub(TITLE_EN, "\\1  en: You met at \u202eevent"), "\u202e"),
    Case("template-todo", T, "D006", sub(WHY_EN, r"\1  en: TODO It works"), "TODO"),
    Case("template-placeholder-capitalised-key", T, "D002", sub(r"^  event:$", "  Event:"), "  Event:"),
    Case("template-placeholders-list", T, "D002", sub(r"^placeholders:$", "placeholders: []\nunused_block:"), "placeholders: []"),
    Case("template-stamp-number", T, "D002", sub(r"^(translated_from:\n  en: )\w+$", r"\g<1>12"), "  en: 12"),
    Case("template-yaml-extension", T, "D007", lambda raw: raw, 1, rename="data/templates/met-at-event.yaml"),
    # Anti-patterns.
    Case("antipattern-stage-unknown", A, "D002", sub(r"^stage: profile$", "stage: lunch"), "stage:"),
    Case("antipattern-replaced-dangling", A, "D004", sub(r"^replaced_by: \[.*\]$", "replaced_by: [no-such-template]"), "replaced_by:"),
    Case("antipattern-replaced-string", A, "D002", sub(r"^replaced_by: \[.*\]$", "replaced_by: met-at-event"), "replaced_by:"),
    Case("antipattern-missing-es", A, "D005", sub(r"^(name:\n)  es: .*\n", r"\1"), "name:"),
    Case("antipattern-example-date", A, "D002", sub(NAME_EN, r"\1  en: 2024-01-01"), "en: 2024-01-01"),
    Case("antipattern-html", A, "T005", sub(NAME_EN, r"\1  en: Ghost <img src=x onerror=alert(1)> profile"), "<img"),
    Case("antipattern-duplicate-key", A, "D001", sub(r"^(stage: profile)$", r"\1\nstage: invitation"), "stage: invitation"),
    Case("antipattern-id-mismatch", A, "D003", sub(r"^id: ghost-profile$", "id: ghost"), "id:"),
    # LinkedIn limits.
    Case("limits-hard-words", "data/limits.yml", "D002", sub(r"^    hard: 300$", "    hard: three hundred"), "three hundred"),
    Case("limits-hard-string", "data/limits.yml", "D002", sub(r"^    hard: 300$", '    hard: "300"'), 'hard: "300"'),
    Case("limits-target-float", "data/limits.yml", "D002", sub(r"^    target: 200$", "    target: 200.5"), "200.5"),
    Case("limits-recorded-date", "data/limits.yml", "D002", sub(r'^        recorded: "2026-11-22"$', "        recorded: 2026-11-22"), "recorded: 2026"),
    Case("limits-confidence-unknown", "data/limits.yml", "D002", sub(r"^    confidence: medium$", "    confidence: certain"), "confidence: certain"),
    Case("limits-source-title-missing-pl", "data/limits.yml", "D005", sub(r"^(        title:\n          es: .*\n          en: .*\n)          pl: .*\n", r"\1"), "title:"),
    Case("limits-source-kind-unknown", "data/limits.yml", "D002", sub(r"^      - kind: observation$", "      - kind: rumour"), "kind: rumour"),
    Case("limits-article-source-with-title", "data/limits.yml", "D002", sub(r'^(      - kind: article\n)(        article: "004")$', r"\1        title: {es: A, en: B, pl: C}\n\2"), "- kind: article"),
    Case("limits-not-strictest", "data/limits.yml", "D009", sub(r"^    hard: 1900$", "    hard: 2000"), "hard: 2000"),
    Case("limits-plan-not-strictest", "data/limits.yml", "D009", sub(r"^    plan: 3$", "    plan: 5"), "plan: 5"),
    Case("limits-disagreement-unexplained", "data/limits.yml", "D009", sub(r"^(  inmail:\n    hard: 1900\n    confidence: medium\n)    why:\n      es: .*\n      en: .*\n      pl: .*\n", r"\1"), "  inmail:"),
    Case("limits-unpublished-from-help-center", "data/limits.yml", "D010", sub(r'^      - kind: article\n        article: "004"$', "      - kind: help-center\n        title: {es: A, en: B, pl: C}\n        url: https://www.linkedin.com/help/linkedin"), "states: 500"),
    Case("limits-unpublished-with-plan", "data/limits.yml", "D002", sub(r"^(    published: false)$", r"\1\n    plan: 500"), "  weekly-invitations:"),
    Case("limits-updated-after-recorded", "data/limits.yml", "D011", sub(r'^(        recorded: "2026-11-23")$', '        updated: "2026-12-01"\n\\1'), 'updated: "2026-12-01"'),
    Case("limits-unknown-article", "data/limits.yml", "D004", sub(r'^        article: "004"$', '        article: "009"'), 'article: "009"'),
    Case("articles-took-missing-pl", "data/articles.yml", "D005", sub(r"^(    took:\n      es: .*\n      en: .*\n)      pl: .*\n", r"\1"), "took:"),
    Case("articles-id-not-a-number", "data/articles.yml", "D002", sub(r'^  "003":$', "  three:"), "three:"),
    Case("articles-date-unquoted", "data/articles.yml", "D002", sub(r"^(  \"000\":\n    language: es)$", r"\1\n    published: 2015-03-01"), "published: 2015"),
    Case("limits-channel-typo", "data/limits.yml", "D002", sub(r"^channels:$", "channel:"), "channel:"),
    Case("limits-profile-number", "data/limits.yml", "D002", sub(r"^  headline:\n    hard: 220$", "  headline: 220\n  spare:\n    hard: 220"), "headline: 220"),
    # Interface words, labels, tooltips, figures, terminology, rules.
    Case("ui-plural-form-missing", "data/ui.yml", "D012", sub(r'^(    pl: \{one: "\{n\} punkt do sprawdzenia", few: "\{n\} punkty do sprawdzenia"), many: "\{n\} punktów do sprawdzenia"', r"\1"), '{n} punkt do sprawdzenia'),
    Case("ui-plural-without-n", "data/ui.yml", "D002", sub(r'"\{n\} things to look at"', '"things to look at"'), "things to look at"),
    Case("ui-missing-pl", "data/ui.yml", "D005", sub(r"^  all: \{.*\}$", "  all: {es: Todos, en: All}"), "  all:"),
    Case("ui-unquoted-comma", "data/ui.yml", "D002", sub(r"^  all: \{.*\}$", "  all: {es: Todos, en: All, pl: Wszystkie, razem}"), "  all:"),
    Case("ui-list", "data/ui.yml", "D002", sub(r"^  all: \{.*\}$", "  all: [Todos]"), "  all:"),
    Case("ui-group-missing", "data/ui.yml", "D002", sub(r"^not_found:$", "notfound:"), 1),
    Case("ui-markup", "data/ui.yml", "T005", sub(r"^  all: \{.*\}$", '  all: {es: Todos, en: "<b>All</b>", pl: Wszystkie}'), "  all:"),
    Case("placeholders-missing-language", "data/placeholders.yml", "D005", sub(r"^topic: \{.*\}$", "topic: {es: Tema, en: Topic}"), "topic:"),
    Case("placeholders-capitalised", "data/placeholders.yml", "D002", sub(r"^topic:", "Topic:"), "Topic:"),
    Case("abbreviations-unknown-language", "data/abbreviations.yml", "D002", sub(r"^(InMail:)$", r"\1\n  de: Bezahlte Nachricht"), "  de:"),
    Case("abbreviations-string", "data/abbreviations.yml", "D002", sub(r"^MICE:$", "MICE: events\nMICE2:"), "MICE: events"),
    Case("figures-max-line-string", "data/figures.yml", "D002", sub(r"^    max_line: 42$", '    max_line: "42"'), 'max_line: "42"'),
    Case("figures-missing-pl", "data/figures.yml", "D005", sub(r"^(      title:\n        es: .*\n        en: .*\n)        pl: .*\n", r"\1"), "      title:"),
    Case("figures-not-shown", "data/figures.yml", "G005", sub(r"^    lesson: visible-then-offline$", "    lesson: open-doors"), "lesson: open-doors"),
    Case("rules-string", "data/checker-rules.yml", "D002", sub(r"^rules:\n(?:.*\n)*", "rules: none\n"), "rules: none"),
    Case("terminology-avoid-string", "data/terminology/en.yml", "D002", sub(r"^    avoid: \[.*\]$", "    avoid: add as a friend"), "avoid: add"),
    Case("data-unknown-file", "data/notes.yml", "D008", lambda raw: b"notes: [a]\n", 1),
    # Lessons and pages.
    Case("lesson-latin1", LESSON, "P003", raw_bytes(b"\n## ", b"\ncaf\xe9\n\n## "), "caf"),
    Case("lesson-bom", LESSON, "P003", lambda raw: b"\xef\xbb\xbf" + raw, 1),
    Case("lesson-zero-width", LESSON, "U001", raw_bytes(b"\n## ", b"\nword\xe2\x80\x8bjoiner\n\n## "), "joiner"),
    Case("lesson-bidi", LESSON, "U001", raw_bytes(b"\n## ", b"\nsee \xe2\x80\xae gnp.exe\n\n## "), "gnp.exe"),
    Case("lesson-broken-link", LESSON, "K001", raw_bytes(b"\n## ", b"\nSee [this](nowhere.md).\n\n## "), "nowhere.md"),
    Case("lesson-broken-anchor", LESSON, "K002", raw_bytes(b"\n## ", b"\nSee [this](invitation-note.md#nope).\n\n## "), "#nope"),
    Case("lesson-order-string", LESSON, "L001", sub(r"^order: (\d+)$", r'order: "\1"'), "order:"),
    Case("lesson-front-matter-duplicate", LESSON, "P002", sub(r"^(order: \d+)$", r"\1\norder: 99"), "order: 99"),
    Case("page-front-matter-tag", PAGE, "P002", lambda raw: b"---\ntitle: !!python/name:os.system\n---\n" + raw, "title:"),
    Case("page-huge", PAGE, "P003", append("\n" + ("Palabra " * 80_000) + "\n"), 1),
    Case("page-missing-language", "docs/pl/glossary.md", "P001", lambda raw: None, 1),
]


def _expected_line(raw: bytes | None, mark: str | int) -> int:
    if isinstance(mark, int):
        return mark
    text = raw.decode("utf-8", errors="replace")
    return next(number for number, line in enumerate(text.splitlines(), 1) if mark in line)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_broken_contribution_is_refused_at_its_line(case: Case, pristine: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    target = root / case.file
    broken = case.change(target.read_bytes() if target.exists() else b"")
    if broken is None:
        target.unlink()
        reported = "docs/es/glossary.md"  # P001 is reported on the page that exists
    else:
        if case.rename:
            target.unlink()
            target = root / case.rename
        target.write_bytes(broken)
        reported = case.rename or case.file
    problems = run_checks(root)
    found = {(p.path, p.line, p.code) for p in problems if p.severity == "error"}
    assert not [p for p in problems if p.code == "E001"], "a check crashed"
    expected = (reported, _expected_line(broken, case.mark), case.code)
    assert expected in found, "\n".join(map(str, sorted(problems)))


def test_the_suite_is_large_and_varied():
    assert len(CASES) >= 60
    assert len({c.file for c in CASES}) >= 12 and len({c.code for c in CASES}) >= 20
