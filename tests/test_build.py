"""A real strict build of the whole site, in every language."""

import json
import subprocess
import sys
from html import unescape
import re
from urllib.parse import urlsplit
import xml.etree.ElementTree as ET
from pathlib import Path


import pytest
import yaml

from scripts.model.languages import load_languages
from tests.conftest import ROOT, copy_project, mkdocs_build

LANGS = load_languages()
CORE_PAGES = {"", "lessons/", "antipatterns/", "templates/", "checker/", "sources/", "contribute/"}


def _url(md: Path) -> str:
    """The directory URL MkDocs gives a Markdown page, relative to its language root."""
    parts = list(md.with_suffix("").parts)
    if parts[-1] == "index":
        parts.pop()
    return "".join(part + "/" for part in parts)


def _source_pages(code: str) -> set[str]:
    """The pages of docs/<code>, plus each template's and anti-pattern's own page."""
    from scripts.model.entries import entry_files

    folder = ROOT / "docs" / code
    entries = {f"{folder_}/{p.stem}/" for kind, folder_ in (("template", "templates"), ("antipattern", "antipatterns"))
               for p in entry_files(ROOT, kind)}
    return {_url(p.relative_to(folder)) for p in folder.rglob("*.md")} | entries


def _built_pages(site: Path, lang) -> set[str]:
    root = site / lang.prefix
    others = [site / other.code for other in LANGS if other.prefix and other != lang]
    pages = set()
    for html in root.rglob("index.html"):
        if any(html.is_relative_to(o) for o in others):
            continue
        rel = html.parent.relative_to(root).as_posix()
        pages.add("" if rel == "." else rel + "/")
    return pages


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_every_language_builds_the_same_page_list(site, lang):
    built = _built_pages(site, lang)
    assert CORE_PAGES <= built
    assert built == _source_pages("es") == _source_pages(lang.code)


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_pages_declare_their_language_and_no_head_alternates(site, lang):
    """hreflang lives in sitemap.xml: in a head, Material would fetch a sitemap beside each."""
    for path in sorted(_built_pages(site, lang)):
        html = (site / lang.prefix / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang.code}"' in html
        assert "hreflang=" not in html.split("</head>")[0], path
        assert not (site / lang.prefix / path / "sitemap.xml").exists() or not path, path


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_each_language_has_its_own_404_page(site, site_url, lang):
    html = (site / lang.prefix / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang.code}"' in html
    assert f'"base": "{urlsplit(site_url).path}{lang.prefix}"' in html
    assert "hreflang=" not in html.split("</head>")[0]


def test_sitemap_lists_every_page_with_alternates_and_x_default(site, site_url):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    locs = {u.find("s:loc", ns).text for u in urls}
    expected = {f"{site_url}{l.prefix}{p}" for l in LANGS for p in _source_pages(l.code)}
    assert locs == expected
    for url in urls:
        langs = [link.get("hreflang") for link in url.findall("x:link", ns)]
        assert sorted(langs) == sorted(["es", "en", "pl", "x-default"])


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_each_language_search_index_holds_only_its_own_pages(site, lang):
    index = json.loads((site / lang.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang.code]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    # Every page but the entries' own: search finds each card on its overview, under its anchor.
    entry_pages = {page for page in _built_pages(site, lang) if re.fullmatch(r"(templates|antipatterns)/[^/]+/", page)}
    assert entry_pages and pages == _built_pages(site, lang) - entry_pages
    for folder in ("templates", "antipatterns"):
        anchors = {doc["location"] for doc in index["docs"] if doc["location"].startswith(f"{folder}/#")}
        assert {f"{folder}/#{page.split('/')[1]}" for page in entry_pages if page.startswith(folder)} <= anchors
    titles = {doc["title"] for doc in index["docs"] if doc["location"] == ""}
    home = (ROOT / "docs" / lang.code / "index.md").read_text(encoding="utf-8")
    assert titles and all(f"# {t}" in home for t in titles)


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_a_cards_search_entry_holds_its_text_not_its_form_controls(site, lang):
    """The controls card.js brings to life are in the page (data-search-exclude keeps them out of
    the index): a search for 'copy' or a field's label must not return every template."""
    import yaml

    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    index = json.loads((site / lang.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    ids = {path.stem for path in (ROOT / "data" / "templates").glob("*.yml")}
    cards = [doc for doc in index["docs"] if doc["location"].startswith("templates/#")
             and doc["location"].split("#")[1] in ids]
    assert len(cards) == len(ids) >= 16
    words = [ui["card"][key][lang.code] for key in ("copy", "your_details")]
    assert [(doc["location"], word) for doc in cards for word in words if word in doc["text"]] == []
    assert all("<pre>" in doc["text"] for doc in cards)  # the template's text is still there


def test_a_link_to_a_card_on_an_overview_is_checked_against_its_anchor(tmp_path):
    """Cards pass Markdown as placeholders: their anchors still count for MkDocs' link validation."""
    project = copy_project(tmp_path / "project")
    glossary = project / "docs" / "en" / "glossary.md"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + "\nSee [a note after an event](templates/index.md#met-at-event).\n", encoding="utf-8")
    good = mkdocs_build(project, tmp_path / "good")
    assert good.returncode == 0, good.stderr
    glossary.write_text(text + "\nSee [a note after an event](templates/index.md#no-such-card).\n", encoding="utf-8")
    bad = mkdocs_build(project, tmp_path / "bad")
    assert bad.returncode != 0 and "no-such-card" in bad.stderr


def test_the_benchmarks_bare_build_builds_the_same_pages_without_our_hooks(tmp_path, site):
    """`make bench` compares the build with one of the same pages and no hooks: that one must
    build too (nothing in overrides/ may depend on a hook)."""
    from scripts.tools.bench import _without_hooks

    project = copy_project(tmp_path / "project")
    config = _without_hooks(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "bare"),
                             "--config-file", str(config)], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    built = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    bare = {p.relative_to(tmp_path / "bare").as_posix() for p in (tmp_path / "bare").rglob("index.html")}
    assert bare == built


def test_a_page_missing_in_polish_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "pl" / "sources.md").unlink()
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/pl/sources.md is missing" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists(), "nothing half-built may be written"


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_every_entry_appears_on_its_gallery_page_in_every_language(site, lang):
    from scripts.model.entries import entry_files

    for kind, folder in (("antipattern", "antipatterns"), ("template", "templates")):
        html = (site / lang.prefix / folder / "index.html").read_text(encoding="utf-8")
        ids = [p.stem for p in entry_files(ROOT, kind)]
        assert ids, kind
        for entry_id in ids:
            assert f'<article class="guide-card' in html and f'data-entry="{entry_id}"' in html, (lang.code, entry_id)
            # One anchor per card, the entry's id, never a heading slug or a "_1" duplicate.
            assert html.count(f'id="{entry_id}"') == 1, (lang.code, entry_id)
            assert f'href="../{folder}/{entry_id}/"' in html, (lang.code, entry_id)  # the title leads to its own page
        assert not re.search(r'id="[a-z][a-z0-9-]*_\d+"', html), lang.code


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_every_entry_has_its_own_page_in_every_language(site, lang):
    """templates/<id>/ and antipatterns/<id>/: its heading, its card, a description, Open Graph
    tags with a 1200×630 card, the language switcher leading to the same entry, out of the menu."""
    from PIL import Image
    from scripts.model.entries import entry_files

    for kind, folder, name in (("antipattern", "antipatterns", "name"), ("template", "templates", "title")):
        for path in entry_files(ROOT, kind):
            entry = yaml.safe_load(path.read_text(encoding="utf-8"))
            page = site / lang.prefix / folder / path.stem / "index.html"
            html = page.read_text(encoding="utf-8")
            heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"|<h1[^>]*>(.*?)</h1>", html, re.S)
            text = re.sub(r"<[^>]+>", "", heading.group(1) or heading.group(2)) if heading else ""
            assert unescape(text.strip()) == entry[name][lang.code]
            assert html.count(f'data-entry="{path.stem}"') == 1
            tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
            assert unescape(tags["og:title"]) == entry[name][lang.code]
            assert tags["og:description"] and tags["og:url"].endswith(f"{lang.prefix}{folder}/{path.stem}/")
            assert tags["og:image"].endswith(f"{lang.prefix}{folder}/{path.stem}/card.png")
            with Image.open(page.parent / "card.png") as image:
                assert image.size == (1200, 630)
            for other in LANGS:
                assert re.search(rf'href="[^"]*{other.prefix}{folder}/{path.stem}/" hreflang="{other.code}"', html) \
                    or (other == lang and f'href="./" hreflang="{other.code}"' in html), (lang.code, other.code, path.stem)
            nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
            assert f"/{path.stem}/" not in nav, "entry pages stay out of the menu"
            assert f"data/{folder}/{path.stem}.yml" in html, "edit links lead to the entry's data file"


def test_lessons_link_to_their_entries_and_entries_back_to_lessons(site):
    lesson = (site / "en" / "lessons" / "receiving-end" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../antipatterns/let-it-hang/"' in lesson
    assert 'href="../../templates/asking-inviter-for-context/"' in lesson
    gallery = (site / "en" / "antipatterns" / "index.html").read_text(encoding="utf-8")
    assert 'href="../lessons/receiving-end/"' in gallery


def test_entry_text_is_escaped_not_injected(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "antipatterns" / "let-it-hang.yml"
    name = f"en: {yaml.safe_load(path.read_text(encoding='utf-8'))['name']['en']}"
    text = path.read_text(encoding="utf-8").replace(name, name + " & <b>wait</b>", 1)
    assert "<b>wait</b>" in text
    path.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0 and "T005" in result.stderr  # markup is refused at the source


def test_entry_text_with_ampersands_and_quotes_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "antipatterns" / "let-it-hang.yml"
    name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]["en"]
    text = path.read_text(encoding="utf-8").replace(f"en: {name}", f"en: '{name} & \"wait\"'", 1)
    assert '& "wait"' in text
    path.write_text(text, encoding="utf-8")
    template = project / "data" / "templates" / "met-at-event.yml"  # shown in gallery card links
    title = yaml.safe_load(template.read_text(encoding="utf-8"))["title"]["en"]
    text = template.read_text(encoding="utf-8").replace(f"en: {title}", "en: 'You met & \"talked\"'", 1)
    assert "talked" in text
    template.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "en" / "antipatterns" / "index.html").read_text(encoding="utf-8")
    assert f"{name} &amp; &#34;wait&#34;" in html or f"{name} &amp; &quot;wait&quot;" in html
    assert 'templates/met-at-event/">You met &amp; &#34;talked&#34;</a>' in html


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_every_page_has_open_graph_and_its_card(site, lang):
    import io

    from PIL import Image

    for path in sorted(_built_pages(site, lang)):
        html = (site / lang.prefix / path / "index.html").read_text(encoding="utf-8")
        tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
        for name in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale",
                     "og:image", "og:image:alt"):
            assert tags.get(name), f"{lang.prefix}{path}: no {name}"
        assert html.count('property="og:locale:alternate"') == len(LANGS) - 1
        assert tags["og:image"] == tags["og:url"] + "card.png"
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert title.startswith(tags["og:title"].replace("&#x27;", "'")[:20]) or "&" in title, (path, title)
        card = site / lang.prefix / path / "card.png"
        assert Image.open(io.BytesIO(card.read_bytes())).size == (1200, 630), card


SOURCES_PAGE = {  # what the sources page must say in each language: separators, the disagreement, the unpublished
    "es": ["1900 caracteres", "dice 2000", "dice 1900", "de 3 a 5; la guía cuenta con 3", "LinkedIn no lo publica",
           "Centro de ayuda de LinkedIn, otra página sobre enviar mensajes InMail", "no incluyen el título"],
    "en": ["1,900 characters", "says 2,000", "says 1,900", "3 to 5; the guide plans for 3", "not published by LinkedIn",
           "LinkedIn Help Center, another page on sending InMail messages", "do not include the title"],
    "pl": ["1900 znaków", "mowa o 2000", "mowa o 1900", "od 3 do 5; przewodnik zakłada 3", "LinkedIn tego nie publikuje",
           "Centrum pomocy LinkedIna, inna strona o wysyłaniu wiadomości InMail", "nie zawierają tytułu"],
}


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_the_sources_page_names_each_source_in_its_language_and_says_where_they_disagree(site, lang):
    html = (site / lang.prefix / "sources" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")
    for phrase in SOURCES_PAGE[lang.code]:
        assert phrase in text, phrase
    others = [p for code, phrases in SOURCES_PAGE.items() if code != lang.code for p in phrases[-2:]]
    assert not [p for p in others if p in text], "another language's source titles on this page"
    from scripts.model.text_dates import long_date

    assert "guide:fact" not in html and long_date("2026-11-23", lang.code) in text  # dates as the language writes them


def _material_word(code: str, key: str) -> str:
    import material

    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"
    return re.search(rf'"{re.escape(key)}": "([^"]*)"', path.read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("lang", LANGS, ids=lambda l: l.code)
def test_materials_own_words_are_in_the_pages_language_and_british_in_english(site, lang):
    """Material's interface strings follow each page's language (the English entry's en-gb must
    not carry over to the next language), and English spells them the British way."""
    html = (site / lang.prefix / "index.html").read_text(encoding="utf-8")
    ours = {"es": ("Preparando la búsqueda", "Ir al contenido"),  # overrides/partials/languages/es-es.html
            "en": ("Initialising search", _material_word("en", "action.skip"))}
    initializer, skip = ours.get(lang.code, (_material_word(lang.code, "search.result.initializer"),
                                             _material_word(lang.code, "action.skip")))
    assert initializer in html and skip in html
    if lang.code == "es":
        assert "Saltar a contenido" not in html and "Tabla de contenidos" not in html
    if lang.code != "en":
        assert "Initializing search" not in html and "Initialising search" not in html


def test_the_checker_rules_are_one_cached_script_not_part_of_each_page(site):
    """The compiled rules (≈ 600 KB) live once in assets/javascripts/checker-rules.<key>.js, named
    by their content; each language's checker page only names that file."""
    from scripts.render.markers import rules_script

    name, text = rules_script(ROOT)
    assert (site / "assets" / "javascripts" / name).read_text(encoding="utf-8") == text
    assert len(list((site / "assets" / "javascripts").glob("checker-rules.*.js"))) == 1
    for lang in LANGS:
        page = (site / lang.prefix / "checker" / "index.html").read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="guide-checker-data">(.*?)</script>', page, re.S).group(1))
        assert data["rules"] == name and "checker" not in data
        assert len(page.encode()) < 100_000, "the page carries words, not the rules"


def test_each_page_loads_only_its_scripts_and_none_blocks_the_first_paint(site):
    """site.js and Material's bundle on every page; a page script only where its mark is
    (scripts/site/pipeline.py); every one `defer`, so the first paint never waits for one."""
    from scripts.site.pipeline import PAGE_SCRIPTS

    seen = set()
    for html in sorted(site.rglob("*.html")):
        page = html.read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page)
        names = {re.search(r'src="[^"]*/([^"/]+)"', tag).group(1) for tag in tags}
        assert all(re.search(r"\sdefer[\s>]", tag) for tag in tags), (html, tags)
        if html.name == "404.html" or "<script" not in page:
            continue
        assert "site.js" in names and any(n.startswith("bundle.") for n in names), html
        for script, marks in PAGE_SCRIPTS.items():
            assert (script in names) == any(mark in page for mark in marks), (html, script)
            seen.add((script, script in names))
    assert seen == {(script, used) for script in PAGE_SCRIPTS for used in (True, False)}


def test_our_scripts_are_published_minified(site):
    """Comments and blanks stay in overrides/ for readers of the code; the site ships rjsmin's output."""
    import rjsmin

    for source in sorted((ROOT / "overrides" / "assets" / "javascripts").glob("*.js")):
        built = (site / "assets" / "javascripts" / source.name).read_text(encoding="utf-8")
        assert built == rjsmin.jsmin(source.read_text(encoding="utf-8")), source.name
        assert len(built) < len(source.read_text(encoding="utf-8")), source.name


def test_compiled_templates_are_kept_but_never_served_stale(tmp_path):
    import jinja2

    from scripts.build import compile_once

    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"

    def render() -> str:
        env = compile_once(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t"))), tmp_path)
        return env.get_template("page.html").render(name="Ana")

    page.write_text("Hola, {{ name }}", encoding="utf-8")
    assert render() == "Hola, Ana"
    assert list((tmp_path / ".cache" / "jinja").iterdir()), "the compiled template is kept"
    page.write_text("Buenos días, {{ name }}", encoding="utf-8")
    assert render() == "Buenos días, Ana"


@pytest.mark.parametrize("broken", [False, True])
def test_checks_in_a_second_process_answer_as_they_do_in_this_one(tmp_path, broken):
    from scripts.build import _checking

    project = copy_project(tmp_path / "p")
    if broken:
        path = project / "data" / "templates" / "asking-inviter-for-context.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("channel: message", "channel: fax"), encoding="utf-8")
    here, there = _checking(project, parallel=False)(), _checking(project, parallel=True)()
    assert here == there
    assert bool([p for p in here if p.severity == "error"]) == broken
