"""Lesson exercises: every lesson has them in every language, each bad message triggers the
rule its answer names, and each model answer passes the checker."""

from __future__ import annotations

import pytest
import yaml

from scripts.checks.exercises import check_exercises
from scripts.model.languages import load_languages
from tests.conftest import ROOT, copy_project

LANGS = load_languages()


def test_the_real_exercises_pass():
    assert [str(p) for p in check_exercises(ROOT, LANGS)] == []


def _edit(tmp_path, change):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "exercises.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["exercises"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [p.code for p in check_exercises(project, LANGS)]


def test_a_bad_message_that_shows_no_mistake_is_x004(tmp_path):
    def change(ex):
        ex["open-doors"]["spot"]["message"]["en"] = "Hi Andrew, thanks for the tip on night shifts last week."
    assert _edit(tmp_path, change) == ["X004"]


def test_a_model_answer_the_checker_flags_is_x005(tmp_path):
    def change(ex):
        ex["open-doors"]["fix"]["model"]["pl"] += " Umówmy się na 15-minutową rozmowę telefoniczną!!"
    assert "X005" in _edit(tmp_path, change)


def test_a_missing_language_and_a_missing_lesson_are_reported(tmp_path):
    def change(ex):
        del ex["open-doors"]["check"][0]["answer"]["pl"]
        del ex["receiving-end"]
    assert sorted(_edit(tmp_path, change)) == ["X001", "X003"]


@pytest.mark.browser
def test_answers_open_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        for lesson in ("open-doors", "receiving-end"):
            page.goto(f"/en/lessons/{lesson}/")
            assert page.get_by_role("heading", name="Spot the mistake").is_visible()
            answer = page.locator(".guide-exercises details").first
            assert not answer.locator("p").first.is_visible()
            answer.locator("summary").click()
            assert answer.locator("p").first.is_visible()
            assert answer.locator("a[href^='../../antipatterns/'][href$='/']").count() == 1
            assert page.locator(".guide-exercises__check > li").count() in (2, 3)
    finally:
        context.close()
