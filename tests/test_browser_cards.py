"""Template cards tell the truth: what the reader types is never cut, the count shows the
real length and goes over the limit visibly, examples nobody replaced are marked and named
when copying, and an InMail's subject is counted against its own limit and copied apart."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def cards(browser, base_url):
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("/templates/")
    yield page
    context.close()


def test_a_long_name_is_kept_whole_and_counted(cards):
    card = cards.locator("[data-entry=met-at-event]")
    name = card.get_by_label("Nombre")
    long_name = "María José Fernández-Villaverde de la Concepción"
    name.fill(long_name)
    assert name.input_value() == long_name
    assert long_name in card.locator(".guide-template__variant:not([hidden]) .guide-template__text").inner_text()
    hint = card.locator(".guide-template__hint").first
    assert hint.is_visible() and "20" in hint.inner_text()
    text = card.locator(".guide-template__variant:not([hidden]) .guide-template__text").inner_text()
    assert str(len(text)) in card.locator(".guide-template__count").first.inner_text()


def test_the_count_goes_over_the_limit_visibly(cards):
    card = cards.locator("[data-entry=met-at-event]")
    card.get_by_label("Nombre").fill("x" * 320)
    count = card.locator(".guide-template__count").first
    assert count.get_attribute("data-state") == "over"
    assert "Demasiado largo" in count.inner_text()


def test_examples_left_as_they_were_are_marked_and_named_on_copy(cards):
    card = cards.locator("[data-entry=met-at-event]")
    marks = card.locator(".guide-template__variant:not([hidden]) .guide-ph--example")
    assert marks.count() >= 3
    card.get_by_label("Nombre").fill("Marta")
    assert card.locator(".guide-template__variant:not([hidden]) .guide-ph--example").count() == marks.count()
    card.locator(".guide-template__copy").click()
    status = card.locator(".guide-template__status").inner_text()
    assert status.startswith("Texto copiado") and "ejemplo" in status and "Nombre" not in status
    copied = cards.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Hola, Marta:")


def test_the_count_is_announced_after_a_pause_not_on_every_keystroke(cards):
    card = cards.locator("[data-entry=met-at-event]")
    assert card.locator(".guide-template__count").first.get_attribute("aria-live") is None
    live = card.locator(".guide-template__announce")
    card.get_by_label("Nombre").press_sequentially("Ana", delay=30)
    assert live.inner_text() == ""
    expect(live).not_to_have_text("", timeout=5000)  # after the pause (a timer, slow on a busy machine)
    assert live.inner_text() == card.locator(".guide-template__count").first.inner_text()


def test_an_inmail_subject_has_its_own_count_and_copy(cards):
    card = cards.locator("[data-entry=inmail-concrete-reason]")
    subject_count = card.locator(".guide-template__count--subject")
    assert subject_count.is_visible() and "200" in subject_count.inner_text()
    card.locator(".guide-template__copy-subject").click()
    copied = cards.evaluate("navigator.clipboard.readText()")
    shown = card.locator(".guide-template__variant:not([hidden]) .guide-template__subject-text").inner_text()
    assert copied == shown and copied


def test_counts_are_written_as_each_language_writes_numbers(page):
    """guideNumber in site.js and number() in render/views.py are twins."""
    from scripts.render.views import number

    page.goto("/en/")
    for lang in ("es", "en", "pl"):
        for value in (0, 7, 200, 1900, 8000, 10000, 123456, 1234567):
            assert page.evaluate("([n, l]) => window.guideNumber(n, l)", [value, lang]) == number(value, lang), (lang, value)
