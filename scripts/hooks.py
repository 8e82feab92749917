"""MkDocs hooks: thin event functions that hand the work to the plain modules beside them."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs imports this file by path; make the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import alternates, csp, html_fixes, links, not_found, search_index, ui_text  # noqa: E402
from scripts.abbreviations import definitions, load_abbreviations  # noqa: E402
from scripts.catalog import MARKER, Catalog  # noqa: E402
from scripts.checks import run_checks  # noqa: E402
from scripts.languages import Language, load_languages  # noqa: E402
from scripts.problems import ERROR, render  # noqa: E402
from scripts.freshness import freshness  # noqa: E402
from scripts.render import lesson_header, outdated_notice, render_markers  # noqa: E402
from scripts.text_dates import printed_line, text_dates  # noqa: E402

log = logging.getLogger("mkdocs.hooks.guide")

# static-i18n builds once per language, each writing site/404.html: keep every one.
_not_found_pages: dict[str, str] = {}
_catalog: list[Catalog] = []  # the entries, loaded once per build after they pass the checks
_abbreviations: dict[str, dict[str, str]] = {}
_sitemap = [""]


def _language(config) -> Language:
    """The language being built.

    static-i18n builds the default language, then the others from inside its own
    on_post_build, leaving `current_language` at the last one built; once it is no
    longer `building`, events belong to the outer, default-language build.
    """
    i18n = config.plugins["i18n"]
    languages = load_languages()
    if not i18n.building:
        return languages[0]
    return next(lang for lang in languages if lang.code == i18n.current_language)


# Validate every language once per build, before the first language writes anything.
def on_config(config):
    if config.plugins["i18n"].building:
        return config
    root = Path(config.config_file_path).parent
    problems = run_checks(root)
    for problem in sorted(problems):
        # Warnings (e.g. a note over the free-account target) inform; --strict must not fail on them.
        (log.error if problem.severity == ERROR else log.info)(str(problem))
    if any(p.severity == ERROR for p in problems):
        raise PluginError("content checks failed:\n" + render(problems))
    catalog = Catalog.load(root, [lang.code for lang in load_languages()])
    catalog.freshness = freshness(root, load_languages())
    catalog.language_names = {lang.code: lang.name for lang in load_languages()}
    catalog.edit_base = f"{config.repo_url.rstrip('/')}/edit/main/" if config.repo_url else ""
    catalog.text_dates = text_dates(root)
    _catalog[:] = [catalog]
    _abbreviations.clear()
    _abbreviations.update(load_abbreviations(root))
    return config


# Replace `<!-- guide:… -->` markers with the gallery, the library or a lesson's related
# entries, and give recurring terms their tooltips in the page's language.
def on_page_markdown(markdown, page, config, files):
    lang = _language(config).code
    markdown += definitions(_abbreviations, lang)
    path = Path(page.file.src_uri)
    lesson = path.stem if "lessons" in path.parts and path.stem != "index" else None
    catalog = _catalog[0]
    if path.parts[1:] == ("index.md",):  # a language's home: a landing page, nothing to edit
        page.edit_url = None
    # What a printed page carries at its top: the site's name, the page's address, the text's date.
    page.meta["guide_printed"] = printed_line(catalog.ui["course"]["printed"][lang], config.site_name,
                                              page.canonical_url or config.site_url or "",
                                              catalog.text_dates.get(page.file.src_uri))
    if lesson:
        notice = outdated_notice(catalog, lang) if catalog.outdated("lesson", lesson, lang) else ""
        markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + lesson_header(catalog, lang, lesson) + notice,
                          markdown, count=1, flags=re.M)
    if not MARKER.search(markdown):
        return markdown
    try:
        return render_markers(markdown, lang, _catalog[0], config.theme.get_env(), lesson)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


# Translate the heading permalink title into the page's language.
def on_page_content(html, page, config, files):
    title = ui_text.PERMALINK_TITLE.get(_language(config).code)
    return html.replace('title="Permanent link"', f'title="{title}"') if title else html


# No hreflang links in page heads: Material's JavaScript fetches sitemap.xml below every
# link[rel=alternate] it finds (extra requests, and off-host ones when the build is served
# elsewhere). Search engines read the alternates, with x-default, from sitemap.xml. Search is
# scoped to the page's language; then valid HTML and a CSP.
@event_priority(-200)
def on_post_page(output, page, config):
    language = _language(config)
    output = alternates.drop_head_alternates(output)
    output = search_index.set_search_base(output, search_index.relative_base(page.url, language))
    return csp.add_policy(links.add_noopener(html_fixes.mend(output, ui_text.SEARCH_DIALOG[language.code])))


# Keep each language's 404 page (every build overwrites site/404.html), searching its own
# language from the site's real path (a project site lives below /guia/); add x-default to
# sitemap.xml and keep it.
@event_priority(-200)
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        language = _language(config)
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/" + language.prefix
        output = alternates.drop_head_alternates(output)
        output = search_index.set_search_base(html_fixes.mend(output, ui_text.SEARCH_DIALOG[language.code]), base)
        output = csp.add_policy(links.add_noopener(output))
        _not_found_pages[language.prefix] = output
    elif template_name == "sitemap.xml":
        output = alternates.add_sitemap_x_default(output, load_languages()[0])
        _sitemap[0] = output
    return output


# Keep only this language's entries in its search index (static-i18n merges every
# language into the default one's); write the 404 pages and sitemaps kept so far. Runs after
# each language build; the default language's outer build ends last. GitHub Pages answers
# every missing address with the root 404.html, so that one speaks every language and shows
# the visitor's own from the address (not_found.html; every language readable without JS).
@event_priority(-200)
def on_post_build(config):
    language = _language(config)
    site = Path(config.site_dir)
    raw = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    others = [lang for lang in load_languages() if lang != language]
    index = search_index.language_index(raw, language, others)
    _write(site / language.prefix / "search" / "search_index.json", search_index.dumps(index))
    for prefix, html in _not_found_pages.items():
        if not prefix and _catalog:
            html = not_found.multilingual(html, _catalog[0].ui["not_found"], load_languages(),
                                          urlsplit(config.site_url or "/").path)
        _write(site / prefix / "404.html", html)
    for lang in load_languages():
        if _sitemap[0]:
            _write(site / lang.prefix / "sitemap.xml", _sitemap[0])


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
