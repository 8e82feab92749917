"""The gallery filters and the template cards, driven like a person would."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def clipboard_page(browser, base_url):
    """A page allowed to read back what the copy button wrote."""
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def _visible_ids(page) -> list[str]:
    return page.locator("article.guide-card:visible").evaluate_all("cards => cards.map(c => c.id)")


def test_stage_filter_shows_only_that_stage_without_reload(page):
    page.goto("/en/antipatterns/")
    everything = _visible_ids(page)
    assert len(everything) >= 15
    page.evaluate("window.__marker = 1")
    page.get_by_role("button", name="On the receiving end").click()
    expect(page.get_by_role("button", name="On the receiving end")).to_have_attribute("aria-pressed", "true")
    assert _visible_ids(page) == ["let-it-hang"]
    assert page.evaluate("window.__marker") == 1  # no reload
    page.get_by_role("button", name="All").click()
    assert _visible_ids(page) == everything


def test_library_filters_combine_situation_and_channel(page):
    page.goto("/templates/")
    page.get_by_role("button", name="Invitar").click()
    page.get_by_role("button", name="InMail").click()
    assert _visible_ids(page) == ["inmail-concrete-reason"]
    page.get_by_role("button", name="Nota de invitación").click()
    ids = _visible_ids(page)
    assert "met-at-event" in ids and "inmail-concrete-reason" not in ids


def test_without_javascript_every_card_and_text_is_there(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/pl/templates/")
    assert page.locator(".guide-filter").is_hidden()
    card = page.locator("#met-at-event")
    assert card.locator(".guide-template__variant").count() == 3
    assert "{name}" in card.locator(".guide-template__variant").first.inner_text()
    assert "{name} Imię (w wołaczu): Kasiu" in card.locator(".guide-template__placeholders").inner_text()
    assert page.locator("article.guide-card").count() >= 16
    context.close()


def test_card_fills_blanks_switches_register_counts_and_copies(clipboard_page):
    page = clipboard_page
    page.goto("/templates/#met-at-event")
    card = page.locator("#met-at-event")
    name = card.get_by_label("Nombre")
    expect(name).to_be_focused()  # a link to a card opens it ready to fill
    name.fill("Marta")
    text = card.locator(".guide-template__variant:visible .guide-template__text")
    expect(text).to_contain_text("Hola, Marta:")
    card.get_by_label("Usted").check()
    expect(text).to_contain_text("Buenos días, Marta:")
    count = card.locator(".guide-template__count")
    expect(count).to_have_attribute("data-state", "free")
    # Every blank filled to the maximum it was measured with is the card's worst case, which
    # the build guarantees fits a free account (longer values are kept and counted: see
    # test_browser_cards.py).
    maxima = {b.get_attribute("data-label"): int(b.get_attribute("data-max"))
              for b in card.locator(".guide-template__placeholders [data-ph]").all()}
    for blank in ("Evento", "Tema", "Nombre"):
        card.get_by_label(blank, exact=True).fill("x" * maxima[blank])
    worst = card.locator(".guide-template__variant:visible .guide-template__length").inner_text()
    expect(count).to_contain_text(worst.split(":")[1].split("/")[0].strip() + " de 300")
    expect(count).to_have_attribute("data-state", "free")
    card.get_by_label("Nombre").fill("Marta")
    card.get_by_label("Evento", exact=True).fill("las jornadas de logística")
    card.get_by_role("button", name="Copiar el texto").click()
    # "Evento" holds its example again: copied, and named, so nobody sends it by mistake.
    expect(card.locator(".guide-template__status")).to_have_text(
        "Texto copiado. Pégalo en LinkedIn. Ojo, sigue el texto de ejemplo en: Evento.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Buenos días, Marta: coincidimos en las jornadas de logística")
    assert copied == text.inner_text()


def test_unfilled_blanks_are_flagged_before_copying(clipboard_page):
    page = clipboard_page
    page.goto("/en/templates/")
    card = page.locator("#declining-a-pitch")
    card.get_by_label("What they offered").fill("")
    card.get_by_role("button", name="Copy the text").click()
    expect(card.locator(".guide-template__status")).to_have_text("Fill in these blanks first: What they offered")
    expect(card.get_by_label("What they offered")).to_be_focused()
    assert card.locator(".guide-ph--unfilled").count() >= 1


def test_polish_register_switch_swaps_the_vocative_example(page):
    page.goto("/pl/templates/")
    card = page.locator("#thanks-and-question")
    text = card.locator(".guide-template__variant:visible .guide-template__text")
    expect(text).to_contain_text("Cześć Kasiu,")
    card.get_by_label("Pan", exact=True).check()
    expect(text).to_contain_text("Dzień dobry, Panie Tomaszu,")
    # the label tells a Polish reader which form the name takes
    expect(card.get_by_label("Imię (w wołaczu)")).to_have_value("Tomaszu")


def test_a_card_works_by_keyboard_alone(page):
    page.goto("/en/templates/#reconnecting")
    card = page.locator("#reconnecting")
    expect(card.get_by_label("First name")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Priya")
    for _ in range(2):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name="Copy the text")).to_be_focused()
    expect(card.locator(".guide-template__text")).to_contain_text("Hi Priya,")
