"""The one ordered chain every built HTML page goes through, pages and 404 pages alike.

Each step is a pure function `(html, Page) -> html`; the order matters only at the end: the
Content-Security-Policy hashes the inline scripts, so it runs last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Callable

from ..model.languages import Language
from . import alternates, csp, html_fixes, search_index, social, ui_text


@dataclass(frozen=True)
class Page:
    """What the steps need to know about the page being finished."""
    language: Language
    search_base: str  # where this language's search index lives, relative or root-absolute
    serving: bool = False  # under `mkdocs serve`: the policy lets its live-reload script run
    alerts: tuple[str, ...] = ()  # under serve, content errors to show above the page
    site_name: str = ""  # the site's name in this language
    languages: tuple[str, ...] = ()  # every language code, for og:locale:alternate


Step = Callable[[str, Page], str]


def drop_head_alternates(html: str, page: Page) -> str:
    """hreflang links live in sitemap.xml: Material fetches a sitemap beside each head link."""
    return alternates.drop_head_alternates(html)


def scope_search(html: str, page: Page) -> str:
    """Point the theme's search at this language's own index."""
    return search_index.set_search_base(html, page.search_base)


def mend_markup(html: str, page: Page) -> str:
    """Material's spots that fail the Nu HTML Checker or axe."""
    return html_fixes.mend(html, ui_text.SEARCH_DIALOG[page.language.code])


def focusable_terms(html: str, page: Page) -> str:
    """Glossary tooltips open by keyboard and by tap, not only by mouse."""
    return html_fixes.focusable_terms(html)


def bind_percent(html: str, page: Page) -> str:
    """A number keeps its percent sign on the same line."""
    return html_fixes.bind_percent(html)


def add_noopener(html: str, page: Page) -> str:
    return html_fixes.add_noopener(html)


def title_from_heading(html: str, page: Page) -> str:
    """<title> says the page's heading, not the menu's verb."""
    return social.title_from_heading(html, page.site_name) if page.site_name else html


def add_open_graph(html: str, page: Page) -> str:
    """Open Graph tags for a page shared on LinkedIn: its title, description, address, card."""
    return social.add_open_graph(html, page.site_name, list(page.languages)) if page.site_name else html


def show_alerts(html: str, page: Page) -> str:
    """Under `mkdocs serve`, content errors at the top of every page (the last good content below)."""
    if not page.alerts:
        return html
    items = "".join(f"<li><code>{escape(alert)}</code></li>" for alert in page.alerts)
    banner = (f'<div class="guide-serve-alert" role="alert" style="background:#b00020;color:#fff;padding:1em">'
              f"<p>The content has errors; this is the last good build.</p><ul>{items}</ul></div>")
    return re.sub(r"(<body\b[^>]*>)", lambda m: m.group(1) + banner, html, count=1)


# Each page script and the mark on a page that shows it is used (site.js, the shared mount
# and count helpers, loads everywhere). A page without the mark does not load the script.
PAGE_SCRIPTS = {"gallery.js": ("data-guide-filter",), "checker.js": ("data-guide-checker",),
                "card.js": ('id="guide-card-data"',), "progress.js": ("data-guide-done", "data-guide-progress")}
_PAGE_SCRIPT = re.compile(r'<script src="[^"]*/(' + "|".join(re.escape(n) for n in PAGE_SCRIPTS) + r')" defer></script>\n?')


def drop_unused_scripts(html: str, page: Page) -> str:
    """Load on each page only the scripts it uses."""
    return _PAGE_SCRIPT.sub(lambda m: m.group(0) if any(mark in html for mark in PAGE_SCRIPTS[m.group(1)]) else "", html)


def add_policy(html: str, page: Page) -> str:
    return csp.add_policy(html, serving=page.serving)


STEPS: tuple[Step, ...] = (drop_head_alternates, drop_unused_scripts, scope_search, mend_markup, focusable_terms, bind_percent, add_noopener,
                          title_from_heading,
                          add_open_graph, add_policy)


def finish(html: str, page: Page, steps: tuple[Step, ...] = STEPS) -> str:
    for step in steps:
        html = step(html, page)
    return html
