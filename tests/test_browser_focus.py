"""Keyboard-only walks: every stop inside a template card and the checker shows a focus
indicator (WCAG 2.4.7), in the light and the dark scheme."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

def walk(page, container: str, limit: int = 40) -> list[dict]:
    """Tab from just before `container` until focus leaves it; what each stop looked like."""
    first = page.locator(f"{container} :is(input, select, textarea, button, a[href])").first
    first.focus()
    stops = []
    for _ in range(limit):
        state = page.evaluate(f"""() => {{
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const shadow = !!style.boxShadow && style.boxShadow !== 'none';
          return {{tag: el.tagName, type: el.type || '', label: (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent).trim().slice(0, 40),
                   visible: outline || shadow, inside: !!el.closest({container!r})}};
        }}""")
        if not state["inside"]:
            break
        stops.append(state)
        page.keyboard.press("Tab")
    return stops


def walk_page(browser, base_url, scheme: str, path: str, container: str, draft: str = "") -> list[dict]:
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(path)
        if draft:
            page.locator(f"{container} textarea").fill(draft)
        return walk(page, container)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_stop_in_a_template_card_shows_focus(browser, base_url, scheme):
    stops = walk_page(browser, base_url, scheme, "/en/templates/", ".guide-card")
    kinds = {s["type"] or s["tag"].lower() for s in stops}
    assert "text" in kinds and "button" in kinds, stops
    assert [s for s in stops if not s["visible"]] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_stop_in_the_checker_shows_focus(browser, base_url, scheme):
    stops = walk_page(browser, base_url, scheme, "/pl/checker/", ".guide-checker", "Cześć, widzę, że piszesz o logistyce.")
    assert len(stops) >= 3, stops
    assert any(s["type"] == "radio" or s["tag"] == "SELECT" for s in stops), stops
    assert [s for s in stops if not s["visible"]] == []


def test_accessibility_tree_of_a_card_and_the_checker(page):
    """What a screen reader meets, read from Chromium's accessibility tree (not only axe):
    every control named in the page's language, the results announced politely."""
    page.goto("/en/templates/")
    card = page.locator("[data-entry=met-at-event]").aria_snapshot()
    for expected in ('textbox "First name"', 'button "Copy the text"', "group"):
        assert expected in card, card
    assert 'status' in card or page.locator("#met-at-event [role=status]").count() == 1
    page.goto("/en/checker/")
    form = page.locator(".guide-checker").aria_snapshot()
    assert 'textbox "Your draft"' in form, form
    assert "combobox" in form or "radiogroup" in form or 'radio "' in form, form
    page.locator(".guide-checker textarea").fill("Hi Ann, add me please!!")
    # spoken once typing pauses and the rules are in: wait for that, not for a fixed time
    expect(page.locator(".guide-checker__summary")).not_to_have_text("", timeout=5000)
    live = page.locator(".guide-checker [aria-live=polite]")
    assert live.count() >= 1 and any(item.inner_text().strip() for item in live.all())
