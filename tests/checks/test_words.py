"""The words gates: spelling through Hunspell (pyenchant) over every text a reader sees, and
LinkedIn's interface terms per language, each with file:line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts.checks.spelling import check_spelling, spanish_enclitic_bases
from scripts.checks.terminology import check_terminology
from scripts.model.languages import load_languages
from tests.conftest import ROOT, copy_project

LANGS = load_languages()


@pytest.fixture(scope="module")
def dictionaries():
    try:
        import enchant

        for tag in ("es_ES", "en_GB", "pl_PL"):
            enchant.Dict(tag)
    except Exception as error:  # noqa: BLE001 (any failure means: not installed)
        message = f"Hunspell dictionaries missing ({error}): apt-get install hunspell-es hunspell-en-gb hunspell-pl libenchant-2-2"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_real_texts_pass_spelling_and_terminology(dictionaries):
    problems = check_spelling(ROOT, LANGS) + check_terminology(ROOT, LANGS)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("lang, word", [("es", "invitacoin"), ("en", "recieve"), ("pl", "zaproszenei")])
def test_a_misspelt_word_in_a_new_entry_is_s001_at_its_line(dictionaries, tmp_path, lang, word):
    root = project(tmp_path)
    path = root / "data" / "antipatterns" / "roof-first.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("why:")) + 1 + [l.code for l in LANGS].index(lang)
    assert lines[number - 1].startswith(f"  {lang}:")
    lines[number - 1] = lines[number - 1].rstrip("'\"") + f" {word}."
    if lines[number - 1].count("'") % 2:
        lines[number - 1] += "'"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [p for p in check_spelling(root, LANGS) if p.code == "S001"]
    assert [(p.path, p.line) for p in found] == [("data/antipatterns/roof-first.yml", number)]
    assert f"«{word}»" in found[0].message and found[0].severity == "error"


def test_a_misspelt_word_in_a_filled_template_example_is_reported(dictionaries, tmp_path):
    root = project(tmp_path)
    path = root / "data" / "placeholders.yml"  # labels are texts too
    text = path.read_text(encoding="utf-8").replace("en: First name", "en: Frist name", 1)
    path.write_text(text, encoding="utf-8")
    found = [p for p in check_spelling(root, LANGS) if p.code == "S001"]
    assert len(found) == 1 and found[0].path == "data/placeholders.yml" and "«Frist»" in found[0].message


def test_a_word_list_entry_silences_a_name(dictionaries, tmp_path):
    root = project(tmp_path)
    page = root / "docs" / "en" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZorblax is our example.\n", encoding="utf-8")
    assert any("«Zorblax»" in p.message for p in check_spelling(root, LANGS))
    names = root / "data" / "wordlist" / "names.txt"
    names.write_text(names.read_text(encoding="utf-8") + "Zorblax\n", encoding="utf-8")
    assert not any("«Zorblax»" in p.message for p in check_spelling(root, LANGS))


def test_without_dictionaries_ci_fails_and_local_runs_warn(tmp_path, monkeypatch):
    import scripts.checks.spelling as spelling

    root = project(tmp_path)
    shutil.rmtree(root / ".cache", ignore_errors=True)
    monkeypatch.setattr(spelling.enchant_module(), "Dict", _missing)
    monkeypatch.setenv("CI", "true")
    problems = [p for p in check_spelling(root, LANGS) if p.code == "S002"]
    assert len(problems) == len(LANGS) and all(p.severity == "error" for p in problems)
    assert "apt-get install hunspell-pl" in " ".join(p.message for p in problems)
    monkeypatch.setenv("CI", "false")
    assert all(p.severity == "warning" for p in check_spelling(root, LANGS) if p.code == "S002")


def _missing(tag):
    import enchant

    raise enchant.errors.DictNotFoundError(tag)


@pytest.mark.parametrize("word, base", [("pruébalo", "prueba"), ("preséntamela", "presenta"),
                                        ("indíqueme", "indique"), ("compárteme", "comparte"), ("sentaos", "sentad")])
def test_spanish_pronouns_attached_to_a_verb_are_read_off(word, base):
    assert base in spanish_enclitic_bases(word)


def test_a_banned_term_is_a_warning_with_the_preferred_one(tmp_path):
    root = project(tmp_path)
    terms = root / "data" / "terminology" / "es.yml"
    terms.parent.mkdir(exist_ok=True)
    terms.write_text("terms:\n  - preferred: Acerca de\n    meaning: profile section About\n    avoid: [zorblaxto]\n",
                     encoding="utf-8")
    page = root / "docs" / "es" / "glossary.md"
    lines = page.read_text(encoding="utf-8").splitlines() + ["", "Revisa tu Zorblaxto hoy."]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [p for p in check_terminology(root, LANGS) if "zorblaxto" in p.message]
    assert [(p.path, p.line, p.code, p.severity) for p in found] == [("docs/es/glossary.md", len(lines), "W001", "warning")]
    assert "«Acerca de»" in found[0].message
