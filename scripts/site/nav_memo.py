"""The primary navigation rendered once per folder for pages outside it.

Material renders the whole navigation into every page. For a page in the navigation that
rendering is the page's own (its item is marked active), but a page outside it (every entry
page) gets the same HTML as any other page in its folder: no item is active and every link is
relative to that folder. With thousands of entry pages the navigation was nearly half of each
page's template time; it is now rendered once per language and folder.

overrides/partials/nav.html calls `guide_nav_memo(nav, page, render)`, where `render` is
Material's own partial (reachable as "material/partials/nav.html"). tests/test_nav_memo.py
builds the site with the memo and with Material's partial alone, and requires every page to
be the same, byte for byte.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

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


def install(env: jinja2.Environment, theme_dirs: list[str]) -> jinja2.Environment:
    """Give the theme's environment the memo and a name for Material's own partials."""
    material = next(d for d in reversed(theme_dirs) if (Path(d) / "partials" / "nav.html").is_file())
    if not isinstance(env.loader, jinja2.ChoiceLoader) or not any(
            isinstance(loader, jinja2.PrefixLoader) for loader in env.loader.loaders):
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(material)})])
    env.globals["guide_nav_memo"] = NavMemo()
    return env
