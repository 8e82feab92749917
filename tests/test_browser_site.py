"""What a reader does on the site, in real headless Chromium."""

from urllib.parse import urlparse

import pytest

from scripts.model.languages import load_languages
from tests.test_build import _built_pages

pytestmark = pytest.mark.browser
LANGS = load_languages()
TITLES = {"es": "Conexiones reales", "en": "Real Connections", "pl": "Prawdziwe kontakty"}


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_home_page_renders_in_its_language_without_console_errors(page, lang):
    page.goto(f"/{lang.prefix}")
    assert page.locator("html").get_attribute("lang") == lang.code
    assert page.locator("article h1").evaluate("h => h.firstChild.textContent") == TITLES[lang.code]
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_language_selector_leads_to_the_same_page_in_the_other_language(page):
    page.goto("/en/checker/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url("**/pl/checker/")
    assert page.locator("html").get_attribute("lang") == "pl"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/checker/")
    assert urlparse(page.url).path == "/checker/"


def test_search_on_english_pages_returns_only_english_pages(page):
    page.goto("/en/")
    hrefs = _search(page, "LinkedIn")
    assert hrefs
    assert all(urlparse(h).path.startswith("/en/") for h in hrefs), hrefs


def _found_with_and_without_diacritics(page, prefix: str, accented: str, plain: str, target: str) -> None:
    """Each spelling of the query finds `target`, and only pages of the current language."""
    for query in (accented, plain, plain.upper()):
        paths = [urlparse(h).path for h in _search(page, query)]
        assert paths, query
        assert all(p.startswith(f"/{prefix}") for p in paths), paths
        if not prefix:
            assert not any(p.startswith(("/en/", "/pl/")) for p in paths), paths
        assert target in paths, (query, paths)
        page.keyboard.press("Escape")


def test_spanish_search_matches_with_or_without_accents(page):
    page.goto("/")
    _found_with_and_without_diacritics(page, "", "invitación", "invitacion", "/lessons/invitation-note/")


def test_spanish_search_finds_other_forms_of_a_word(page, site):
    """Stemming: the checker page says "mensaje" but never "mensajes", and a search for
    "mensajes" still finds it (both share the Snowball stem "mensaj")."""
    checker = (site / "checker" / "index.html").read_text(encoding="utf-8").lower()
    checker = checker.split("<script type=\"application/json\"")[0]  # the checker's word forms are data
    assert "mensaje" in checker and "mensajes" not in checker
    page.goto("/")
    _found_with_and_without_diacritics(page, "", "mensajes", "mensajes", "/checker/")


def test_polish_search_matches_with_or_without_diacritics(page):
    page.goto("/pl/")
    _found_with_and_without_diacritics(page, "pl/", "notatkę", "notatke", "/pl/lessons/invitation-note/")
    _found_with_and_without_diacritics(page, "pl/", "przeglądarki", "przegladarki", "/pl/")


def test_scheme_button_switches_scheme_and_persists(page):
    page.emulate_media(color_scheme="light")
    page.goto("/en/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.get_by_role("button", name="Switch to dark mode").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.goto("/en/lessons/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.get_by_role("button", name="Switch to light mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert page.console_errors == []


def test_scheme_button_works_from_the_keyboard_and_keeps_the_focus(page):
    page.emulate_media(color_scheme="light")
    page.goto("/pl/")
    button = page.get_by_role("button", name="Przełącz na tryb ciemny")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Przełącz na tryb jasny"
    page.keyboard.press("Space")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # the browser's own controls and bar follow the page's scheme
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "light"
    page.wait_for_function("document.querySelector('meta[name=theme-color]')?.content.startsWith('rgb')")


def test_scheme_follows_the_system_until_the_reader_picks_one(page):
    page.emulate_media(color_scheme="dark")
    page.goto("/en/templates/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    page.get_by_role("button", name="Switch to dark mode").click()
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"  # the reader's choice outlasts the system's


def test_scheme_is_set_before_the_first_paint(page):
    """The scheme is applied by an inline script in the header, not by a deferred one: a
    reader whose system is dark never sees the page flash light."""
    page.emulate_media(color_scheme="dark")
    page.route("**/*.js", lambda route: route.abort())  # no external script runs
    page.goto("/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_no_request_leaves_127_0_0_1(page, site, lang):
    for path in sorted(_built_pages(site, lang)):
        page.goto(f"/{lang.prefix}{path}")
        page.wait_for_load_state("networkidle")
    foreign = [url for url in page.requests if urlparse(url).hostname not in ("127.0.0.1",)
               and not url.startswith("data:")]
    assert foreign == []
    assert page.console_errors == []


_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("viewport", [(1350, 940), (412, 823)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["/en/antipatterns/", "/pl/templates/", "/templates/concrete-collaboration/", "/checker/"])
def test_scripts_starting_after_the_first_paint_move_nothing(browser, base_url, path, viewport):
    """The scripts are deferred, so the page is painted before they run: whatever they add
    (the filter's count, Material's search box and sidebars, a template's examples in its
    blanks) has its place from the first paint. Before, the filter's count pushed the cards
    down and the search box pushed the header's buttons (0.045 of layout shift on the
    gallery), filling the blanks re-wrapped a template's text (0.035 on a phone) and the
    count under a template's fields took a second line on a phone (0.004). The only movement
    left is the header's buttons settling if the browser paints before it has read the whole
    header, about 0.0016."""
    context = browser.new_context(base_url=base_url, viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.add_init_script(_SHIFTS)
    page.goto(path)
    page.wait_for_function("document.documentElement.classList.contains('js') && window.guideMount !== undefined")
    page.wait_for_timeout(500)
    total = page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
    context.close()
    assert total < 0.005, total
