"""The two tools people come for, used the way a person uses them, in headless Chromium."""

import pytest
from playwright.sync_api import expect

# Waits go through locators: a wait_for_function string would need eval, which the CSP forbids.
pytestmark = pytest.mark.browser


def _findings(page) -> list[str]:
    return page.locator(".guide-checker__findings li[data-rule]").evaluate_all(
        "items => items.map(li => li.dataset.rule)")


def test_checker_flags_a_bad_draft_as_you_type(page):
    page.goto("/en/checker/")
    draft = page.get_by_label("Your draft")
    draft.click()
    page.keyboard.type("I'd like to add you to my professional network. Let's explore synergies!! www.example.com")
    expect(page.locator(".guide-checker__findings li[data-rule=shouting]")).to_have_count(1)
    assert _findings(page) == ["no-greeting", "no-reason", "buzzwords", "link", "default-text", "shouting"]
    link = page.locator(".guide-checker__findings li[data-rule=buzzwords] a")
    assert link.get_attribute("href") == "../antipatterns/lets-find-synergies/"
    assert "of 200 characters" in page.locator("#guide-count").inner_text()
    # the evidence: quoted in the list, marked (and numbered) in the mirror
    assert "explore synergies" in page.locator(".guide-checker__findings li[data-rule=buzzwords] q").inner_text()
    marks = page.locator(".guide-checker__mirror mark").all_inner_texts()
    assert "explore synergies" in marks and "www.example.com" in marks
    assert page.locator(".guide-checker__mirror sup").count() == len(marks)


def test_checker_counts_against_the_chosen_situation_and_account_by_keyboard(page):
    page.goto("/checker/")
    page.get_by_label("Tu borrador").fill("Hola, Ana: vi tu charla sobre logística. " + "x" * 170)
    count = page.locator("#guide-count")
    expect(count).to_have_attribute("data-state", "premium")
    assert "211 de 200 caracteres" in count.inner_text()
    assert _findings(page) == ["over-limit"]
    page.get_by_label("Premium").focus()
    page.keyboard.press("Space")
    expect(count).to_contain_text("de 300")
    assert _findings(page) == []
    assert "Solo cabe con Premium" in count.inner_text()
    page.get_by_label("¿Qué estás escribiendo?").select_option("first-message")
    expect(count).to_contain_text("de 8000")
    expect(page.locator("#guide-situation-about")).to_contain_text("aceptado la invitación")


def test_checker_reads_the_draft_in_the_chosen_language(page):
    page.goto("/checker/")
    page.get_by_label("¿Qué estás escribiendo?").select_option("first-message")
    page.get_by_label("Idioma del borrador").select_option("en")
    page.get_by_label("Tu borrador").fill("Hi Ann, could you send me your WhatsApp number?")
    expect(page.locator(".guide-checker__findings li[data-rule=personal-data]")).to_have_count(1)
    # the message itself stays in the page's language
    assert "Pides un teléfono" in page.locator(".guide-checker__findings li[data-rule=personal-data]").inner_text()


def test_checker_announces_a_summary_only_after_typing_pauses(page):
    page.goto("/en/checker/")
    summary = page.locator(".guide-checker__summary")
    page.get_by_label("Your draft").click()
    page.keyboard.type("Hi Ann, add me", delay=20)
    assert summary.inner_text() == ""
    expect(summary).to_have_text("2 things to look at, including 1 problem.", timeout=3000)


@pytest.mark.parametrize("lang, forms", [("pl", [(1, "1 punkt do sprawdzenia"), (2, "2 punkty do sprawdzenia"),
                                                 (5, "5 punktów do sprawdzenia"), (22, "22 punkty do sprawdzenia"),
                                                 (12, "12 punktów do sprawdzenia")]),
                                         ("en", [(1, "1 thing to look at"), (2, "2 things to look at")]),
                                         ("", [(1, "1 punto que revisar"), (3, "3 puntos que revisar")])])
def test_the_checker_summary_uses_each_languages_plural_forms(page, lang, forms):
    """Intl.PluralRules picks the form of data/ui.yml's plurals, as the page's language counts."""
    page.goto(f"/{lang}/checker/".replace("//", "/"))
    data = page.evaluate("JSON.parse(document.getElementById('guide-checker-data').textContent)")
    rules = f"new Intl.PluralRules({data['lang']!r})"
    for n, written in forms:
        category = page.evaluate(f"{rules}.select({n})")
        assert data["plurals"]["finding"][category].replace("{n}", str(n)) == written


def test_checker_praises_a_good_polish_note(page):
    page.goto("/pl/checker/")
    page.get_by_label("Twój szkic").fill("Dzień dobry, Pani Kasiu, czytałam Pani artykuł o magazynach nocnych.")
    # the list holds one item before the rules arrive too ("wczytywanie…"): wait for the verdict itself
    expect(page.locator(".guide-checker__findings li")).to_have_text(["Nie widzimy nic do poprawienia. "
                                                                      "Przeczytaj tekst jeszcze raz oczami odbiorcy."])
    assert _findings(page) == []
    assert page.locator(".guide-checker__mirror-box").is_hidden()


def test_the_rules_load_when_the_reader_reaches_for_the_checker_not_with_the_page(page):
    page.goto("/en/checker/")
    page.wait_for_load_state("networkidle")
    rules = [url for url in page.requests if "checker-rules." in url]
    assert rules == []
    page.get_by_label("Your draft").focus()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".guide-checker__count")).to_contain_text("0")
    assert [url for url in page.requests if "checker-rules." in url]


def test_a_draft_typed_before_the_rules_arrive_says_they_are_loading_then_is_checked(page):
    held = []
    page.route("**/checker-rules.*", lambda route: held.append(route))
    page.goto("/en/checker/")
    findings = page.locator(".guide-checker__findings li")
    page.get_by_label("Your draft").fill("Hi Ann, add me please!!")
    expect(findings).to_have_text(["Loading the checker…"])
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator(".guide-checker__findings li[data-rule]").first).to_be_visible()
    assert "Loading" not in page.locator(".guide-checker__findings").inner_text()


def test_rules_that_fail_to_load_say_so_instead_of_waiting_forever(page):
    page.route("**/checker-rules.*", lambda route: route.abort())
    page.goto("/checker/")
    page.get_by_label("Tu borrador").fill("Hola, Ana")
    expect(page.locator(".guide-checker__findings li")).to_have_text(
        ["No se pudo cargar el revisor. Recarga la página para volver a intentarlo."])
    expect(page.locator(".guide-checker__summary")).to_have_text(
        "No se pudo cargar el revisor. Recarga la página para volver a intentarlo.", timeout=3000)


def test_what_you_type_never_leaves_the_page(page):
    page.goto("/en/checker/")
    page.get_by_label("Your draft").focus()  # the rules load now, before anything is typed
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    page.get_by_label("Your draft").fill("Hi Ann, a private draft about my salary of 90,000 EUR.")
    page.wait_for_timeout(300)
    assert page.requests[before:] == []


def test_checker_page_is_laid_out_before_the_script_runs(page, site):
    """The empty state is in the HTML already, so enhancing the form moves nothing."""
    html = (site / "en" / "checker" / "index.html").read_text(encoding="utf-8")
    assert 'data-state="empty">0 of 200 characters</p>' in html
    assert '<ul class="guide-checker__findings"><li>Type something to check it.</li></ul>' in html
    page.goto("/en/checker/")
    expect(page.locator("form[data-guide-checker]")).to_have_attribute("data-enhanced", "true")
    expect(page.locator("#guide-count")).to_have_text("0 of 200 characters")
    expect(page.locator(".guide-checker__findings li")).to_have_text(["Type something to check it."])


@pytest.mark.parametrize("draft", ["Dzień dobry, dodasz mnie do kontaktów?",
                                   "Cześć, dodasz mnie? Mamy świetną ofertę, cennik w załączniku: http://x.pl"])
def test_the_polish_checker_summary_agrees_in_number_with_its_findings(page, draft):
    """The summary checker.js writes, against the form Babel's CLDR rules choose for the same count."""
    import yaml
    from babel import Locale

    from tests.conftest import ROOT

    plurals = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["plurals"]
    page.goto("/pl/checker/")
    page.get_by_label("Twój szkic").fill(draft)
    summary = page.locator(".guide-checker__summary")
    expect(summary).not_to_have_text("", timeout=3000)
    findings = page.locator(".guide-checker__findings li[data-severity]")
    n, errors = findings.count(), page.locator(".guide-checker__findings li[data-severity=error]").count()
    assert n >= 1
    form = plurals["finding"]["pl"][Locale("pl").plural_form(n)].replace("{n}", str(n))
    assert summary.inner_text().startswith(form)
    if errors:
        assert plurals["error"]["pl"][Locale("pl").plural_form(errors)].replace("{n}", str(errors)) in summary.inner_text()
