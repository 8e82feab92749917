"""The course a reader can see: every lesson listed in order, each lesson's position and
reading time, progress remembered in this browser only, and printed pages that say where
they come from."""

from __future__ import annotations

import re

import pytest

from scripts.model.catalog import Catalog
from scripts.model.languages import load_languages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
LANGS = [lang.code for lang in load_languages()]
CATALOG = Catalog.load(ROOT, load_languages())


def prefix(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_course_page_lists_every_lesson_in_order_with_its_reading_time(page, lang):
    page.goto(f"/{prefix(lang)}lessons/")
    items = page.locator("[data-guide-course] > li")
    lessons = CATALOG.lessons[lang]
    assert items.count() == len(lessons) == 10
    for item, lesson in zip(items.all(), lessons):
        assert item.locator("a").inner_text() == lesson["title"]
        assert str(lesson["minutes"]) in item.inner_text()
        assert lesson["description"].split()[0] in item.inner_text()


def test_a_lesson_shows_its_position_and_reading_time(page):
    page.goto("/en/lessons/note-or-no-note/")
    assert re.fullmatch(r"Lesson 5 of 10 · \d+ min read", page.locator(".guide-lesson-meta").inner_text())


def test_progress_is_remembered_locally_and_shown_on_the_course_page(page):
    page.goto("/pl/lessons/open-doors/")
    button = page.get_by_role("button", name="Oznacz jako przeczytaną")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    page.goto("/pl/lessons/invitation-note/")
    page.get_by_role("button", name="Oznacz jako przeczytaną").click()
    page.goto("/pl/lessons/")
    assert page.locator("[data-guide-progress]").inner_text() == "Ukończone lekcje: 2 z 10."
    done = page.locator(".guide-course__lesson--done")
    assert [d.get_attribute("data-lesson") for d in done.all()] == ["open-doors", "invitation-note"]
    # Undo from the lesson, by keyboard.
    page.goto("/pl/lessons/open-doors/")
    button = page.get_by_role("button", name="Oznacz jako przeczytaną")
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-pressed") == "false"
    page.goto("/pl/lessons/")
    assert page.locator("[data-guide-progress]").inner_text() == "Ukończone lekcje: 1 z 10."
    # Nothing left the browser: every request stayed on the site's own origin.
    origin = re.match(r"https?://[^/]+", page.url).group(0)
    assert all(url.startswith(origin) for url in page.requests)


def test_without_javascript_the_course_list_stays_and_the_widgets_hide(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/lessons/")
        assert page.locator("[data-guide-course] > li").count() == 10
        assert not page.locator(".guide-course__progress").is_visible()
        page.goto("/lessons/open-doors/")
        assert page.locator(".guide-lesson-meta").is_visible()
        assert not page.locator("[data-guide-done]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["cheatsheet/", "en/lessons/open-doors/", "pl/checker/"])
def test_printed_pages_carry_site_name_address_and_date(page, path):
    page.goto(f"/{path}")
    printed = page.locator(".guide-printed")
    assert not printed.is_visible()
    page.emulate_media(media="print")
    assert printed.is_visible()
    text = printed.inner_text()
    site = {"": "Conexiones reales", "en/": "Real Connections", "pl/": "Prawdziwe kontakty"}[
        "en/" if path.startswith("en/") else "pl/" if path.startswith("pl/") else ""]
    assert text.startswith(site + " · http")
    assert path in text
    # The text's date, written the way the page's language writes dates («23 de noviembre de 2026»).
    month = {"": r"de [a-z]+ de", "en/": r"[A-Z][a-z]+", "pl/": r"[a-ząćęłńóśźż]+"}[
        "en/" if path.startswith("en/") else "pl/" if path.startswith("pl/") else ""]
    assert re.search(rf"\b\d{{1,2}} {month} \d{{4}}$", text), text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
