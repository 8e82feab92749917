"""One build of the site: the content checked and loaded once, then what each event asks of it.

The hooks file hands every MkDocs event to a `Build`; nothing here imports MkDocs, so the
same object runs in tests. static-i18n builds the site once per language: a `Build` is made
once (before the first language writes a file) and kept for all of them.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Sequence

import jinja2

from .checks import run_checks
from .checks.problems import Problem, errors
from .model.abbreviations import load_abbreviations
from .model.catalog import Catalog
from .model.languages import Language
from .model.text_dates import printed_line
from .render.entry_pages import EntryPage, entry_pages
from .render.markers import MARKER, RawBlocks, lesson_header, outdated_notice, render_markers, rules_script
from .site import alternates, not_found, pipeline, search_index, social


@dataclass
class Session:
    """The MkDocs command this process runs ('build' or 'serve'). It outlives the hooks
    module, which `mkdocs serve` imports afresh for every rebuild."""
    command: str = "build"
    last_good: "Build | None" = None  # under serve: what to keep serving while the content has errors


SESSION = Session()


class ContentError(Exception):
    """The content has errors: nothing may be built from it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(errors(problems))} content error(s)")
        self.problems = problems


@dataclass
class Build:
    root: Path
    languages: tuple[Language, ...]  # the default language first
    catalog: Catalog
    abbreviations: dict[str, dict[str, str]]
    site_path: str = "/"  # the URL path the site lives under: "/" or "/guia/"
    serving: bool = False  # under `mkdocs serve`
    warnings: list[Problem] = field(default_factory=list)
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language prefix -> its 404 page
    sitemap: str = ""
    alerts: tuple[str, ...] = ()  # under serve: the errors to show at the top of every page
    cards: dict = field(default_factory=dict)  # site-relative path -> the card's words (social.Painter)
    painter: social.Painter | None = None  # draws the cards, beside the build on a large cold one
    rendered: dict = field(default_factory=dict)  # (lang, marker, lesson) -> its rendering, made once
    raw: RawBlocks = field(default_factory=RawBlocks)  # the partials' HTML, put back after Markdown
    rehearsal: list[Problem] = field(default_factory=list)  # markers that cannot be rendered (M001)

    @classmethod
    def prepare(cls, root: Path, languages: Sequence[Language], *, env=None, repo_url: str = "",
                site_path: str = "/", serving: bool = False) -> "Build":
        """Check every language, load the content and rehearse every page's markers with `env`
        (Jinja); raises ContentError when any error remains. Nothing is written here.

        Off `mkdocs serve`, the checks run in a second process while this one loads and rehearses;
        their answer still decides. Loading content that fails its checks may fail too: then the
        checks' problems are what the author sees."""
        checked = _checking(root, parallel=not serving)
        if serving and errors(checked()):  # checked already, in this process: no need to load
            raise ContentError(checked())
        edit_base = f"{repo_url.rstrip('/')}/edit/main/" if repo_url else ""
        try:
            build = cls(root, tuple(languages), Catalog.load(root, languages, edit_base), load_abbreviations(root),
                        site_path="/" + site_path.strip("/") + "/" if site_path.strip("/") else "/",
                        serving=serving)
            build.rehearsal = build.rehearse(env) if env is not None else []
        except Exception:
            problems = checked()
            if errors(problems):
                raise ContentError(problems) from None
            raise
        problems = checked()
        if errors(problems):
            raise ContentError(problems)
        build.warnings = problems
        return build

    @cached_property
    def entry_pages(self) -> dict[str, EntryPage]:
        """Each template's and anti-pattern's own page in every language, by source path."""
        return entry_pages(self.catalog, [lang.code for lang in self.languages])

    def edit_url(self, src_uri: str) -> str | None:
        """Where a generated page is edited: its entry's data file (None for a hand-written page)."""
        page = self.entry_pages.get(src_uri)
        return f"{self.catalog.edit_base}{page.data_path}" if page and self.catalog.edit_base else None

    def page_markdown(self, markdown: str, src_uri: str, lang: str, env) -> str:
        """A page's Markdown with its tooltips, its lesson header and its markers rendered (env: Jinja).

        An unknown marker raises ValueError."""
        lesson = lesson_id(src_uri)
        if lesson:
            notice = outdated_notice(self.catalog, lang) if self.catalog.outdated("lesson", lesson, lang) else ""
            header = lesson_header(self.catalog, lang, lesson) + notice
            markdown = re.sub(r"^(# .*\n)", lambda m: m.group(1) + "\n" + header, markdown, count=1, flags=re.M)
        if MARKER.search(markdown):
            markdown = render_markers(markdown, lang, self.catalog, env, lesson, self.rendered, self.raw)
        return markdown + _definitions(self.abbreviations, lang, markdown)

    def rehearse(self, env) -> list[Problem]:
        """Render every page's markers in every language, in memory, before any file is written:
        an unknown marker or a field a partial names that the data lacks is M001 at its line.
        What they render is kept, so each page reuses it rather than rendering it again."""
        problems = []
        pages = [(path.relative_to(self.root / "docs").as_posix(), path.relative_to(self.root).as_posix(),
                  path.read_text(encoding="utf-8"))
                 for lang in self.languages for path in sorted((self.root / "docs" / lang.code).rglob("*.md"))]
        pages += [(page.src_uri, page.data_path, page.markdown) for page in self.entry_pages.values()]
        for src_uri, shown_as, text in pages:
            lang = src_uri.split("/", 1)[0]
            for match in MARKER.finditer(text):
                line = text.count("\n", 0, match.start()) + 1 if shown_as.startswith("docs/") else 1
                try:
                    render_markers(match.group(0), lang, self.catalog, env, lesson_id(src_uri), self.rendered,
                                   self.raw)
                except Exception as error:  # noqa: BLE001 (Jinja and data errors alike, reported at the marker)
                    problems.append(Problem(shown_as, line, "M001",
                                            f"{match.group(0)} cannot be rendered: {describe(error)}"))
        return problems

    def printed(self, src_uri: str, lang: str, site_name: str, url: str) -> str:
        """What a printed page carries at its top: the site's name, the page's address, the text's date."""
        return printed_line(self.catalog.ui["course"]["printed"][lang], site_name, url,
                            self.catalog.text_dates.get(src_uri), lang)

    def finish_page(self, html: str, language: Language, page_url: str, site_name: str = "") -> str:
        base = search_index.relative_base(page_url, language)
        html = pipeline.finish(html, pipeline.Page(language, base, serving=self.serving, alerts=self.alerts,
                                                   site_name=site_name,
                                                   languages=tuple(lang.code for lang in self.languages)))
        card = social.card_for(html) if site_name else None
        if card:
            words = (card.title, card.description, site_name, card.url.split("://", 1)[-1])
            self.cards[f"{page_url}card.png"] = words
            self._painter().want(words)
        return html

    def _painter(self) -> social.Painter:
        if self.painter is None:
            self.painter = social.Painter(self.root / ".cache" / "social", parallel=not self.serving)
        return self.painter

    def write_cards(self, site: Path) -> int:
        """Draw every page's sharing card (cached by its words) into the site; how many."""
        for relative, cached in zip(self.cards, self._painter().files(list(self.cards.values()))):
            social.place(cached, site / relative)
        written = len(self.cards)
        self.cards.clear()
        return written

    def close(self) -> None:
        """The last language is written: the drawing processes, if any, may go."""
        if self.painter is not None:
            self.painter.close()

    def finish_not_found(self, html: str, language: Language) -> str:
        """A language's 404 page, kept: every language build overwrites site/404.html."""
        html = pipeline.finish(html, pipeline.Page(language, self.site_path + language.prefix,
                                                            serving=self.serving, alerts=self.alerts))
        self.not_found_pages[language.prefix] = html
        return html

    def finish_sitemap(self, xml: str) -> str:
        self.sitemap = alternates.add_sitemap_x_default(xml, self.languages[0])
        return self.sitemap

    def outputs(self, language: Language, merged_index: dict) -> dict[str, str]:
        """Files to write after `language` is built (paths relative to the site folder)."""
        others = [lang for lang in self.languages if lang != language]
        files = {f"{language.prefix}search/search_index.json":
                 search_index.dumps(search_index.language_index(merged_index, language, others))}
        for prefix, html in self.not_found_pages.items():
            if not prefix:  # GitHub Pages serves the root 404 for every address: it speaks every language
                html = not_found.multilingual(html, self.catalog.ui["not_found"], self.languages, self.site_path)
            else:
                language_of = next(lang for lang in self.languages if lang.prefix == prefix)
                html = not_found.one_language(html, self.catalog.ui["not_found"], language_of, self.site_path)
            files[f"{prefix}404.html"] = html
        if self.sitemap:
            files.update({f"{lang.prefix}sitemap.xml": self.sitemap for lang in self.languages})
        if language == self.languages[0]:  # the site's one copy of the checker's rules, beside checker.js
            name, text = rules_script(self.root)
            files[f"assets/javascripts/{name}"] = text
            if not self.serving:  # readable under `mkdocs serve`, minified when published
                files.update(minified_scripts(self.root))
        return files


def minified_scripts(root: Path) -> dict[str, str]:
    """Our own scripts without their comments and blanks (rjsmin), by their path in the site: the
    source keeps its explanations, a phone downloads about 30% less."""
    import rjsmin

    folder = root / "overrides" / "assets" / "javascripts"
    return {f"assets/javascripts/{path.name}": rjsmin.jsmin(path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.js"))}


def _checking(root: Path, parallel: bool):
    """The content checks, started: call the result for their problems. With `parallel`, they run
    in a forked process while the caller goes on (a build has two processors' worth of work)."""
    if parallel and hasattr(os, "fork"):
        executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        future = executor.submit(run_checks, root)

        def answer() -> list[Problem]:
            try:
                return future.result()
            except BrokenProcessPool:  # the second process could not run: check here instead
                return run_checks(root)
            finally:
                executor.shutdown()
        return answer
    problems = run_checks(root)
    return lambda: problems


def compile_once(env: jinja2.Environment, root: Path) -> jinja2.Environment:
    """Keep the theme's compiled templates in root/.cache/jinja: MkDocs makes a new Jinja
    environment for every language it builds, each compiling the same templates from scratch.
    Jinja checks each entry against its template's source, so an edited template is compiled
    again, never served stale."""
    cache = root / ".cache" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
    return env


def strict(env):
    """The theme's Jinja environment, but an unknown name or field is an error, not an empty string."""
    return env.overlay(undefined=jinja2.StrictUndefined)


def describe(error: Exception) -> str:
    """An error in a partial, naming the template and line where Jinja knows them."""
    where = [f"{frame.filename.split('overrides/')[-1]}:{frame.lineno}" for frame in
             traceback.extract_tb(error.__traceback__) if frame.filename.endswith((".html", ".md", ".svg"))]
    return f"{type(error).__name__}: {error}" + (f" (in {where[-1]})" if where else "")


def lesson_id(src_uri: str) -> str | None:
    """'es/lessons/open-doors.md' -> 'open-doors'; None for any other page."""
    path = PurePosixPath(src_uri)
    return path.stem if "lessons" in path.parts and path.stem != "index" else None


def is_home(src_uri: str) -> bool:
    """A language's home page ('es/index.md'): a landing page, nothing to edit."""
    return PurePosixPath(src_uri).parts[1:] == ("index.md",)


def _definitions(abbreviations: dict[str, dict[str, str]], lang: str, markdown: str) -> str:
    """`*[Term]: explanation` lines for one language, to append to a page's Markdown: only the
    terms the page's text holds (each definition is a pattern Markdown tries on every text)."""
    lines = [f"*[{term}]: {texts[lang]}" for term, texts in sorted(abbreviations.items())
             if texts.get(lang) and term in markdown]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def read_search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
