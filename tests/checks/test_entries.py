"""The data checks: one small broken input per check, asserting the code and the line."""

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.checks.entries import check_entries
from scripts.model.entries import entry_files
from scripts.model.languages import load_languages
from scripts.model.lengths import utf16_length, worst_case_length
from tests.conftest import ROOT

LANGS = load_languages()

TEMPLATE = """\
# yaml-language-server: $schema=../schemas/template.schema.json
id: sample
channel: invitation-note
situation: invitation
lesson: sample-lesson
avoids: [bad]
placeholders:
  name:
    max: 20
    example: {es: Ana, en: Ann, pl: Ania}
title: {es: Muestra, en: Sample, pl: Próbka}
text:
  es:
    tu: "Hola, {name}: te vi ayer en la charla y me gustó tu pregunta."
    usted: "Buenos días, {name}: le vi ayer en la charla y me gustó su pregunta."
  en: "Hi {name}, I saw you at yesterday's talk and liked your question."
  pl:
    ty: "Cześć {name}, widziałem Cię wczoraj na wykładzie, dobre pytanie."
    pan: "Dzień dobry, {name}, widziałem Pana wczoraj na wykładzie, dobre pytanie."
    pani: "Dzień dobry, {name}, widziałem Panią wczoraj na wykładzie, dobre pytanie."
why: {es: Concreta., en: Specific., pl: Konkretna.}
"""

ANTIPATTERN = """\
# yaml-language-server: $schema=../schemas/antipattern.schema.json
id: bad
stage: invitation
lesson: sample-lesson
replaced_by: [sample]
name: {es: Malo, en: Bad, pl: Zły}
example: {es: Hola., en: Hi., pl: Cześć.}
why: {es: Porque sí., en: Because., pl: Bo tak.}
instead: {es: Otra cosa., en: Something else., pl: Coś innego.}
"""


def _project(tmp_path: Path, template: str = TEMPLATE, antipattern: str = ANTIPATTERN) -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copy(ROOT / "data" / "limits.yml", tmp_path / "data" / "limits.yml")
    shutil.copy(ROOT / "data" / "checker-rules.yml", tmp_path / "data" / "checker-rules.yml")
    shutil.copy(ROOT / "data" / "placeholders.yml", tmp_path / "data" / "placeholders.yml")
    (tmp_path / "data" / "templates").mkdir()
    (tmp_path / "data" / "antipatterns").mkdir()
    (tmp_path / "docs" / "es" / "lessons").mkdir(parents=True)
    (tmp_path / "docs" / "es" / "lessons" / "sample-lesson.md").write_text("# L\n", encoding="utf-8")
    (tmp_path / "data" / "templates" / "sample.yml").write_text(template, encoding="utf-8")
    (tmp_path / "data" / "antipatterns" / "bad.yml").write_text(antipattern, encoding="utf-8")
    return tmp_path


def _found(tmp_path, **kwargs):
    root = _project(tmp_path, **kwargs)
    return sorted((p.path.split("/")[-1], p.line, p.code) for p in check_entries(root, LANGS))


def test_valid_entries_pass(tmp_path):
    assert _found(tmp_path) == []


def test_yaml_syntax_error(tmp_path):
    found = _found(tmp_path, template=TEMPLATE.replace("channel: invitation-note", "channel: [oops"))
    assert [f for f in found if f[0] == "sample.yml"] == [("sample.yml", 3, "D001")]  # the line of the mistake


def test_schema_violation_points_at_the_field(tmp_path):
    found = _found(tmp_path, template=TEMPLATE.replace("channel: invitation-note", "channel: fax"))
    assert ("sample.yml", 3, "D002") in found


def test_missing_language_is_d005_on_its_field(tmp_path):
    found = _found(tmp_path, antipattern=ANTIPATTERN.replace(", pl: Bo tak.}", "}"))
    assert found == [("bad.yml", 8, "D005")]


def test_id_must_match_the_file_name(tmp_path):
    assert _found(tmp_path, antipattern=ANTIPATTERN.replace("id: bad", "id: worse")) == [("bad.yml", 2, "D003")]


def test_unresolved_reference(tmp_path):
    assert _found(tmp_path, antipattern=ANTIPATTERN.replace("replaced_by: [sample]", "replaced_by: [sample, nope]")) == [
        ("bad.yml", 5, "D004")]


def test_placeholders_must_match_across_languages_and_registers(tmp_path):
    broken = TEMPLATE.replace('pani: "Dzień dobry, {name}, widziałem', 'pani: "Dzień dobry, widziałem')
    assert _found(tmp_path, template=broken) == [("sample.yml", 20, "T001")]


def test_every_placeholder_needs_a_label_in_every_language(tmp_path):
    root = _project(tmp_path, template=TEMPLATE.replace("  name:\n    max: 20", "  nickname:\n    max: 20").replace(
        "{name}", "{nickname}"))
    labels = root / "data" / "placeholders.yml"
    labels.write_text(labels.read_text(encoding="utf-8") + "nickname: {es: Apodo, en: ''}\n", encoding="utf-8")
    problems = [p for p in check_entries(root, LANGS) if p.code == "T009"]
    assert [(p.path, p.line) for p in problems] == [("data/templates/sample.yml", 8)]
    assert "no label in en, pl" in problems[0].message and "data/placeholders.yml" in problems[0].message


def test_undeclared_placeholder(tmp_path):
    broken = TEMPLATE.replace("liked your question.", "liked your {topic}.")
    assert ("sample.yml", 16, "T002") in _found(tmp_path, template=broken)


def test_declared_placeholder_never_used(tmp_path):
    broken = TEMPLATE.replace("placeholders:\n", "placeholders:\n  event:\n    max: 10\n    example: {es: a, en: b, pl: c}\n")
    assert _found(tmp_path, template=broken) == [("sample.yml", 8, "T010")]


def test_too_long_at_worst_case_names_length_and_limit(tmp_path):
    broken = TEMPLATE.replace("    max: 20\n", "    max: 250\n")
    root = _project(tmp_path, template=broken)
    problems = [p for p in check_entries(root, LANGS) if p.code == "T003"]
    assert sorted(p.line for p in problems) == [14, 15, 16, 18, 19, 20]
    english = next(p for p in problems if p.line == 16)
    assert str(english).startswith(
        "data/templates/sample.yml:16: T003 'en' text is 309 characters at worst (invitation note limit 300): "
        "shorten it or lower a placeholder maximum")


def test_over_the_free_target_is_a_warning(tmp_path):
    broken = TEMPLATE.replace("    max: 20\n", "    max: 150\n")
    root = _project(tmp_path, template=broken)
    problems = check_entries(root, LANGS)
    assert problems and {(p.code, p.severity) for p in problems} == {("T004", "warning")}


def test_raw_html_is_refused(tmp_path):
    broken = TEMPLATE.replace("why: {es: Concreta.", "why: {es: Concreta <script>alert(1)</script>.")
    assert _found(tmp_path, template=broken) == [("sample.yml", 21, "T005")]


def test_url_in_an_invitation_note(tmp_path):
    broken = TEMPLATE.replace("liked your question.", "liked your question: example.com/x")
    assert _found(tmp_path, template=broken) == [("sample.yml", 16, "T006")]


def test_placeholder_only_text(tmp_path):
    broken = TEMPLATE.replace('en: "Hi {name}, I saw you at yesterday\'s talk and liked your question."', 'en: "{name}!"')
    assert _found(tmp_path, template=broken) == [("sample.yml", 16, "T007")]


def test_utf16_length_counts_like_javascript():
    assert utf16_length("a\r\nb") == 3
    assert utf16_length("😀") == 2
    assert utf16_length("👩‍💻") == 5
    assert utf16_length("é") == 1 and utf16_length("e\u0301") == 2
    assert worst_case_length("Hi {name}!", {"name": 20}) == 24


def test_the_library_and_the_gallery_are_populated():
    assert len(entry_files(ROOT, "template")) >= 12
    assert len(entry_files(ROOT, "antipattern")) >= 12


@pytest.mark.parametrize("path", entry_files(ROOT, "template") + entry_files(ROOT, "antipattern"),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_real_entry_passes_every_check(path):
    problems = [p for p in check_entries(ROOT, LANGS) if p.path.endswith(path.name) and p.severity == "error"]
    assert [str(p) for p in problems] == []


_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_yaml_values, raw=st.text(max_size=80))
def test_checker_reports_and_never_raises_on_arbitrary_yaml(tmp_path, data, raw):
    root = _project(tmp_path / "p", template=yaml.safe_dump(data, allow_unicode=True), antipattern=raw) \
        if not (tmp_path / "p").exists() else tmp_path / "p"
    (root / "data" / "templates" / "sample.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (root / "data" / "antipatterns" / "bad.yml").write_text(raw, encoding="utf-8")
    problems = check_entries(root, LANGS)
    assert all(p.code[0] in "DT" for p in problems)


def test_an_entry_may_not_be_called_index(tmp_path):
    """templates/index/ is the library itself: an entry's own page may not take its address."""
    root = _project(tmp_path, template=TEMPLATE.replace("id: sample", "id: index"))
    (root / "data" / "templates" / "sample.yml").rename(root / "data" / "templates" / "index.yml")
    found = sorted((p.path.split("/")[-1], p.line, p.code) for p in check_entries(root, LANGS))
    assert ("index.yml", 2, "D002") in found
