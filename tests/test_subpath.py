"""The site as GitHub Pages serves a project site: built for /guia/, the parent folder
served with only the root 404.html for any missing address. Pages, search, the language
switcher and missing addresses in every language, with no request outside the site."""

from __future__ import annotations

import socket
from contextlib import closing

import pytest

from scripts.model.languages import load_languages
from scripts.tools.pages_server import serve
from tests.conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.browser
LANGS = load_languages()
QUERIES = {"es": "invitacion", "en": "invitation", "pl": "zaproszenie"}
MISSING = {"es": "Esta página no existe", "en": "This page doesn’t exist", "pl": "Nie ma takiej strony"}


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The real site built for http://127.0.0.1:PORT/guia/ and served from the parent folder."""
    port = _free_port()
    parent = tmp_path_factory.mktemp("pages")
    result = mkdocs_build(ROOT, parent / "guia", site_url=f"http://127.0.0.1:{port}/guia/")
    assert result.returncode == 0, result.stderr
    with serve(parent, port, site_root="/guia/") as url:
        yield url + "guia/"


@pytest.fixture
def visitor(browser):
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("request", lambda r: page.problems.append(f"outside the site: {r.url}")
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("response", lambda r: r.status >= 400 and "/404" not in r.url and not page.url.endswith("-missing/")
            and page.problems.append(f"{r.status} {r.url}"))
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_pages_and_search_work_below_a_sub_path(project_site, visitor, lang):
    base = project_site + lang.prefix
    for path in ("", "lessons/", "lessons/invitation-note/", "templates/", "checker/"):
        response = visitor.goto(base + path)
        assert response.status == 200, path
        assert visitor.locator("h1").first.is_visible()
    visitor.goto(base)
    box = visitor.locator("input.md-search__input")
    box.click()
    box.fill("")
    # Typed key by key, as a person does: each key asks again once the index has loaded.
    box.press_sequentially(QUERIES[lang.code], delay=60)
    visitor.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    hrefs = visitor.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(base) for h in hrefs), hrefs[:3]
    assert visitor.problems == []


def test_the_switcher_keeps_the_page_and_its_anchor(project_site, visitor):
    visitor.goto(project_site + "lessons/invitation-note/#key-points")
    visitor.locator(".md-header__option .md-select").first.hover()
    visitor.locator('a[hreflang="pl"]').first.click()
    visitor.wait_for_url("**/pl/lessons/invitation-note/**")
    assert visitor.url.endswith("/guia/pl/lessons/invitation-note/#key-points")
    assert visitor.problems == []


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_a_missing_address_shows_the_404_in_its_language(project_site, visitor, lang):
    response = visitor.goto(project_site + lang.prefix + "no-such-page-missing/")
    assert response.status == 404
    shown = [s for s in visitor.locator("[data-guide-404]").all() if s.is_visible()]
    assert len(shown) == 1 and shown[0].get_attribute("lang") == lang.code
    assert shown[0].locator("h1").inner_text() == MISSING[lang.code]
    assert visitor.evaluate("document.documentElement.lang") == lang.code
    shown[0].locator("a").click()
    visitor.wait_for_load_state()
    assert visitor.url == project_site + lang.prefix


def test_the_root_404_reads_in_every_language_without_javascript(project_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(project_site + "pl/missing-missing/")
        for lang in LANGS:
            section = page.locator(f'[data-guide-404="{lang.code}"]')
            assert section.is_visible() and section.locator("h1").inner_text() == MISSING[lang.code]
    finally:
        context.close()


def test_the_production_build_served_elsewhere_makes_no_off_host_request(tmp_path, browser):
    """Built for the real address, opened from another origin (a local preview, a fork, a
    mirror): every page loads only its own origin's files and logs nothing."""
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) >= 60
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    try:
        with serve(site) as url:
            page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:"))
                    else problems.append(f"{page.url}: request to {r.url}"))
            for path in pages:
                page.goto(url + ("" if path == "." else path + "/"), wait_until="networkidle")
    finally:
        context.close()
    assert problems == []
