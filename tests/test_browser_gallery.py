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
    return page.locator("article.guide-card:visible").evaluate_all("cards => cards.map(c => c.dataset.entry)")


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
    card = page.locator("[data-entry=met-at-event]")
    assert card.locator(".guide-template__variant").count() == 3
    assert "{name}" in card.locator(".guide-template__variant").first.inner_text()
    assert "{name} Imię (w wołaczu): Kasiu" in card.locator(".guide-template__placeholders").inner_text()
    assert page.locator("article.guide-card").count() >= 16
    context.close()


def test_card_fills_blanks_switches_register_counts_and_copies(clipboard_page):
    page = clipboard_page
    page.goto("/templates/#met-at-event")
    card = page.locator("[data-entry=met-at-event]")
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
    card = page.locator("[data-entry=declining-a-pitch]")
    card.get_by_label("What they offered").fill("")
    card.get_by_role("button", name="Copy the text").click()
    expect(card.locator(".guide-template__status")).to_have_text("Fill in these blanks first: What they offered")
    expect(card.get_by_label("What they offered")).to_be_focused()
    assert card.locator(".guide-ph--unfilled").count() >= 1


def test_polish_register_switch_swaps_the_vocative_example(page):
    page.goto("/pl/templates/")
    card = page.locator("[data-entry=thanks-and-question]")
    text = card.locator(".guide-template__variant:visible .guide-template__text")
    expect(text).to_contain_text("Cześć, Kasiu,")
    card.get_by_label("Pan", exact=True).check()
    expect(text).to_contain_text("Dzień dobry, Panie Tomaszu,")
    # the label tells a Polish reader which form the name takes
    expect(card.get_by_label("Imię (w wołaczu)")).to_have_value("Tomaszu")


def test_a_card_works_by_keyboard_alone(page):
    page.goto("/en/templates/#reconnecting")
    card = page.locator("[data-entry=reconnecting]")
    expect(card.get_by_label("First name")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Priya")
    for _ in range(2):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name="Copy the text")).to_be_focused()
    expect(card.locator(".guide-template__text")).to_contain_text("Hi Priya,")


def _entries(folder: str) -> dict[str, dict]:
    import yaml
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "data" / folder
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.yml"))}


def test_filters_live_in_the_address_and_announce_the_count(page):
    templates = _entries("templates")
    notes = sorted(i for i, e in templates.items() if e["situation"] == "invitation" and e["channel"] == "invitation-note")
    page.goto("/en/templates/")
    status = page.locator(".guide-filter__status")
    expect(status).to_have_text(f"{len(templates)} templates shown")
    assert status.get_attribute("role") == "status"
    page.get_by_role("button", name="Inviting").click()
    page.get_by_role("button", name="Invitation note").click()
    assert page.evaluate("location.search") == "?situation=invitation&channel=invitation-note"
    assert sorted(_visible_ids(page)) == notes
    expect(status).to_have_text(f"{len(notes)} templates shown")
    # The address alone restores the view: shared, reloaded or opened in a new tab.
    page.goto("/en/templates/?channel=invitation-note&situation=invitation")
    assert sorted(_visible_ids(page)) == notes
    expect(page.get_by_role("button", name="Inviting")).to_have_attribute("aria-pressed", "true")
    # Going back to everything clears the address.
    page.get_by_role("group", name="Filter by situation").get_by_role("button", name="All").click()
    page.get_by_role("group", name="Filter by channel").get_by_role("button", name="All").click()
    assert page.evaluate("location.search") == ""
    assert len(_visible_ids(page)) == len(templates)


def _polish_templates(n: int) -> str:
    """CLDR's Polish forms for whole numbers: 1 szablon, 2–4 szablony (not 12–14), else szablonów."""
    if n == 1:
        return "szablon"
    return "szablony" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "szablonów"


def test_polish_count_uses_polish_plural_forms(page):
    templates = _entries("templates")
    for situation in sorted({e["situation"] for e in templates.values()})[:3] + [None]:
        shown = sum(1 for e in templates.values() if situation in (None, e["situation"]))
        page.goto("/pl/templates/" + (f"?situation={situation}" if situation else ""))
        expect(page.locator(".guide-filter__status")).to_have_text(f"Pokazano {shown} {_polish_templates(shown)}")


def test_no_match_says_so_and_offers_everything(page):
    templates = _entries("templates")
    pairs = {(e["situation"], e["channel"]) for e in templates.values()}
    situation, channel = next((s, c) for s in sorted({e["situation"] for e in templates.values()})
                              for c in sorted({e["channel"] for e in templates.values()}) if (s, c) not in pairs)
    page.goto(f"/en/templates/?situation={situation}&channel={channel}")
    assert _visible_ids(page) == []
    empty = page.locator(".guide-filter__empty")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("No template matches these filters.")
    expect(page.locator(".guide-filter__status")).to_have_text("0 templates shown")
    empty.get_by_role("button", name="Show everything").click()
    expect(empty).to_be_hidden()
    assert len(_visible_ids(page)) == len(templates)
    assert page.evaluate("location.search") == ""


def test_an_unknown_filter_value_in_the_address_shows_everything(page):
    page.goto("/en/antipatterns/?stage=nonsense")
    assert len(_visible_ids(page)) == len(_entries("antipatterns"))
    expect(page.get_by_role("button", name="All")).to_have_attribute("aria-pressed", "true")


def test_language_switcher_keeps_the_filters(page):
    page.goto("/en/antipatterns/?stage=profile")
    page.locator("a[hreflang=pl]").first.dispatch_event("click")
    page.wait_for_url("**/pl/antipatterns/?stage=profile")
    profile = sorted(i for i, e in _entries("antipatterns").items() if e["stage"] == "profile")
    assert sorted(_visible_ids(page)) == profile


def test_each_entry_has_its_own_working_page(clipboard_page):
    page = clipboard_page
    page.goto("/en/templates/")
    page.locator("h3#reconnecting a.guide-card__anchor").click()
    page.wait_for_url("**/en/templates/reconnecting/")
    expect(page.locator("h1")).to_contain_text(_entries("templates")["reconnecting"]["title"]["en"])
    card = page.locator("article.guide-template")
    assert card.count() == 1
    # The full card: its blanks fill, its text copies.
    field = card.locator("input[type=text]").first
    field.fill("Zoë")
    card.get_by_role("button", name="Copy").first.click()
    assert "Zoë" in page.evaluate("navigator.clipboard.readText()")
    # Its neighbours, and the way back to the library.
    related = page.locator("#related + ul")
    expect(related).to_contain_text("Lesson")
    page.locator("a[hreflang=pl]").first.dispatch_event("click")
    page.wait_for_url("**/pl/templates/reconnecting/")
    expect(page.locator("h1")).to_contain_text(_entries("templates")["reconnecting"]["title"]["pl"])


def test_an_anti_pattern_page_links_to_the_templates_that_replace_it(page):
    entry_id, entry = next((i, e) for i, e in _entries("antipatterns").items() if e["replaced_by"])
    page.goto(f"/antipatterns/{entry_id}/")
    expect(page.locator("h1")).to_contain_text(entry["name"]["es"])
    template = entry["replaced_by"][0]
    page.locator(f'#related + ul a[href$="templates/{template}/"]').click()
    page.wait_for_url(f"**/templates/{template}/")
    assert page.locator("article.guide-template").count() == 1
    assert page.console_errors == []
