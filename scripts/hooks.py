"""MkDocs hooks: each event hands its work to the one `Build` (scripts/build.py)."""

from __future__ import annotations

import logging
from dataclasses import replace
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

# MkDocs imports this file by path; make the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.build import SESSION, Build, ContentError, compile_once, is_home, read_search_index, strict  # noqa: E402
from scripts.checks.problems import render  # noqa: E402
from scripts.model.languages import Language, load_languages  # noqa: E402
from scripts.site import nav_memo, ui_text  # noqa: E402
from scripts.site.generated_page import GeneratedPage  # noqa: E402

log = logging.getLogger("mkdocs.hooks.guide")
serve_log = logging.getLogger("guide.serve")  # not under mkdocs.*: --strict must not stop the server


class _State:
    """What outlives one event: the build of the whole site and its Jinja environment. (The
    command MkDocs runs lives in scripts.build.SESSION: under `mkdocs serve` every rebuild
    imports this file afresh, and only the first import sees on_startup.)"""
    build: Build | None = None
    env = None  # the theme's Jinja environment, strict about undefined names


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


def on_startup(command: str, dirty: bool) -> None:
    SESSION.command = command


# Check every language and load the content once per build, before the first language writes anything.
def on_config(config):
    if config.plugins["i18n"].building:
        return config
    root = Path(config.config_file_path).parent
    env = strict(compile_once(config.theme.get_env(), root))
    try:
        _State.build = Build.prepare(root, load_languages(), env=env, repo_url=config.repo_url or "",
                                     site_path=urlsplit(config.site_url or "/").path,
                                     serving=SESSION.command == "serve")
    except ContentError as failed:
        if SESSION.command == "serve" and SESSION.last_good:
            return _keep_serving(config, failed.problems)
        for problem in sorted(failed.problems):
            (log.error if problem.severity == "error" else log.info)(str(problem))
        raise PluginError("content checks failed:\n" + render(failed.problems)) from None
    for problem in _State.build.warnings:  # informs; --strict must not fail on a warning
        log.info(str(problem))
    _State.env = env
    if _State.build.rehearsal:
        for problem in _State.build.rehearsal:
            log.error(str(problem))
        raise PluginError("pages cannot be rendered:\n" + render(_State.build.rehearsal))
    SESSION.last_good = _State.build
    return config


# Under `mkdocs serve` a failed build makes MkDocs hold every request until the next good one.
# Keep serving the last good content instead, with the errors logged (outside MkDocs' strict
# count) and shown at the top of every page until the file is fixed.
def _keep_serving(config, problems):
    errors = [str(p) for p in sorted(problems) if p.severity == "error"]
    for line in errors:
        serve_log.error(line)
    _State.build = replace(SESSION.last_good, alerts=tuple(errors), not_found_pages={}, sitemap="", cards={},
                           painter=None)
    _State.env = strict(compile_once(config.theme.get_env(), SESSION.last_good.root))
    return config


# The theme's templates are compiled once, not once per language; the navigation of pages
# outside it, once per folder.
def on_env(env, config, files):
    return nav_memo.install(compile_once(env, Path(config.config_file_path).parent))


# Each entry's own page, in every language, added as if it were in docs/ before static-i18n
# (priority -100) sorts the files into languages, so it gets its addresses and alternates
# like any page; its Markdown comes from the build (on_page_read_source), not from disk.
@event_priority(0)
def on_files(files, config):
    if _State.build is None:
        return files
    for src_uri in _State.build.entry_pages:
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                              inclusion=InclusionLevel.NOT_IN_NAV))
    return files


# ...and rendered without a Markdown instance of its own (scripts/site/generated_page.py).
def on_nav(nav, config, files):
    if _State.build is None:
        return nav
    for file in files.documentation_pages():
        if file.src_uri in _State.build.entry_pages and not isinstance(file.page, GeneratedPage):
            GeneratedPage(None, file, config)  # becomes file.page, as MkDocs' own Page(None, file, config) did
    return nav


def on_page_read_source(page, config):
    entry = _State.build.entry_pages.get(page.file.src_uri) if _State.build else None
    return entry.markdown if entry else None


def on_page_markdown(markdown, page, config, files):
    if is_home(page.file.src_uri):
        page.edit_url = None
    elif _State.build.edit_url(page.file.src_uri):
        page.edit_url = _State.build.edit_url(page.file.src_uri)
    lang = _language(config).code
    page.meta["guide_printed"] = _State.build.printed(page.file.src_uri, lang, config.site_name,
                                                      page.canonical_url or config.site_url or "")
    try:
        return _State.build.page_markdown(markdown, page.file.src_uri, lang, _State.env)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


# The cards back in place of their placeholders (their anchors told to MkDocs), and the heading
# permalink title in the page's language.
def on_page_content(html, page, config, files):
    if _State.build:
        if page.present_anchor_ids is not None:  # a card's anchors, for MkDocs' link validation
            page.present_anchor_ids |= _State.build.raw.ids(html)
        html = _State.build.raw.restore(html)
    title = ui_text.PERMALINK_TITLE.get(_language(config).code)
    return html.replace('title="Permanent link"', f'title="{title}"') if title else html


@event_priority(-200)
def on_post_page(output, page, config):
    return _State.build.finish_page(output, _language(config), page.url, config.site_name)


@event_priority(-200)
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return _State.build.finish_not_found(output, _language(config))
    if template_name == "sitemap.xml":
        return _State.build.finish_sitemap(output)
    return output


# After each language build: its own search index, the 404 pages and sitemaps kept so far.
@event_priority(-200)
def on_post_build(config):
    site = Path(config.site_dir)
    _State.build.write_cards(site)
    for relative, text in _State.build.outputs(_language(config), read_search_index(site)).items():
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not config.plugins["i18n"].building:  # the outer, default-language build: the last to finish
        _State.build.close()
