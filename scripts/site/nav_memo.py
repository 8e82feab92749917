"""The primary navigation rendered once per folder for pages outside it.

Material renders the whole navigation into every page. For a page in the navigation that
rendering is the page's own (its item is marked active), but a page outside it (every entry
page) gets the same HTML as any other page in its folder: no item is active and every link is
relative to that folder. With thousands of entry pages the navigation was nearly half of each
page's template time; it is now rendered once per language and folder.

`install` wraps the render function of Material's own "partials/nav.html" in the theme's
environment (the one every page's template includes), so nothing in overrides/ changes and a
build without our hooks renders Material's partial as it is. tests/test_nav_memo.py builds the
site with the memo and without it, and requires every page to be the same, byte for byte.
"""

from __future__ import annotations

import posixpath

import jinja2
from markupsafe import Markup


class NavMemo:
    def __init__(self):
        self.nav = None
        self.in_nav: set[int] = set()
        self.html: dict[str, Markup] = {}

    def __call__(self, nav, page, render) -> Markup:
        if nav is None or page is None or getattr(page, "url", None) is None:
            return Markup(render())
        if nav is not self.nav:  # a new build (static-i18n builds each language with its own nav)
            self.nav, self.in_nav, self.html = nav, {id(p) for p in nav.pages}, {}
        if id(page) in self.in_nav:
            return Markup(render())
        folder = posixpath.dirname(page.url.rstrip("/"))
        if folder not in self.html:
            self.html[folder] = Markup(render())
        return self.html[folder]


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Memoise Material's navigation partial in the theme's environment (once per environment)."""
    template = env.get_template("partials/nav.html")
    original = template.root_render_func
    if getattr(original, "nav_memo", None) is not None:
        return env
    memo = NavMemo()

    def render(context):
        yield memo(context.get("nav"), context.get("page"), lambda: "".join(original(context)))

    render.nav_memo = memo
    template.root_render_func = render
    return env
