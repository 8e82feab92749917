"""Reading the course as a person does: objectives, content tabs, tooltips, printing."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_lesson_shows_its_objectives_and_key_points(page):
    page.goto("/en/lessons/invitation-note/")
    objectives = page.locator("#objectives + ul > li")
    assert 2 <= objectives.count() <= 4
    assert all(text.strip() for text in objectives.all_inner_texts())
    assert page.locator("h2#key-points").is_visible()
    assert page.locator("a.md-footer__link--prev").get_attribute("href") == "../profile-handshake/"
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/en/lessons/note-or-no-note/")


def test_content_tabs_switch_by_click_and_keyboard(page):
    page.goto("/pl/lessons/choosing-the-channel/")
    tabs = page.locator(".tabbed-set").first
    labels = tabs.locator(".tabbed-labels > label")
    assert labels.count() == 3
    panels = tabs.locator(".tabbed-content > .tabbed-block")
    expect(panels.nth(0)).to_be_visible()
    labels.nth(1).click()
    expect(panels.nth(1)).to_be_visible()
    expect(panels.nth(0)).to_be_hidden()
    assert panels.nth(1).inner_text().strip()


def test_term_tooltips_explain_inmail_in_the_page_language(page):
    page.goto("/glossary/")
    abbr = page.locator("abbr", has_text="InMail").first
    assert "pago" in abbr.get_attribute("title")


def test_cheat_sheet_prints_on_one_page_without_navigation(page, browser, base_url):
    for prefix in ("", "en/", "pl/"):
        page.goto(f"/{prefix}cheatsheet/")
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        pdf = page.pdf(format="A4", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{prefix}cheatsheet prints on {pages} pages"
        page.emulate_media(media="screen")


def test_term_definitions_open_by_keyboard_and_by_tap(page, browser, base_url):
    page.goto("/en/glossary/")
    term = page.locator("abbr.guide-term", has_text="InMail").first
    definition = term.get_attribute("data-definition")
    assert definition and term.get_attribute("tabindex") == "0"
    shown = "el => getComputedStyle(el, '::after').content"
    assert page.evaluate(shown, term.element_handle()) in ("none", "normal")
    page.keyboard.press("Tab")
    for _ in range(200):  # walk by keyboard until the term has focus
        if page.evaluate("el => document.activeElement === el", term.element_handle()):
            break
        page.keyboard.press("Tab")
    assert page.evaluate(shown, term.element_handle()) == f'"{definition}"'
    phone = browser.new_context(base_url=base_url, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    try:
        tapped = phone.new_page()
        tapped.goto("/pl/glossary/")
        term = tapped.locator("abbr.guide-term").first
        term.scroll_into_view_if_needed()
        term.tap()
        assert tapped.evaluate(shown, term.element_handle()).startswith('"')
    finally:
        phone.close()
