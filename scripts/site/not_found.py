"""The root 404 page in every language.

GitHub Pages answers any missing address of a site with its root 404.html, so a visitor who
mistypes /pl/lekcje/ gets that one page. It carries one short section per language, each
with its `lang`, a link home and a pointer to search: without JavaScript all of them show
(each readable on its own); with it, notfound.js keeps the visitor's language from the
address and sets the page's language to match.
"""

from __future__ import annotations

import re
from html import escape
from typing import Sequence

from ..model.languages import Language

_HEADING = re.compile(r"<h1>404 - Not found</h1>")


def _section(words: dict[str, dict[str, str]], lang: Language, base: str) -> str:
    w = {key: escape(value[lang.code]) for key, value in words.items()}
    return (f'<section class="guide-404" lang="{lang.code}" data-guide-404="{lang.code}">'
            f'<h1>{w["title"]}</h1><p>{w["text"]}</p>'
            f'<p><a href="{escape(base + lang.prefix)}">{w["home"]}</a></p></section>')


def _replace_heading(html: str, replacement: str) -> str:
    body, count = _HEADING.subn(lambda _: replacement, html, count=1)
    if not count:
        raise ValueError("the theme's 404 page has no '404 - Not found' heading to replace")
    return body


def multilingual(html: str, words: dict[str, dict[str, str]], languages: Sequence[Language], base: str) -> str:
    """Replace the theme's '404 - Not found' heading with a section per language."""
    base = base.rstrip("/") + "/"
    sections = [_section(words, lang, base) for lang in languages]
    script = f'<script src="{escape(base)}assets/javascripts/notfound.js" data-base="{escape(base)}" defer></script>'
    return _replace_heading(html, "\n".join(sections) + "\n" + script)


def one_language(html: str, words: dict[str, dict[str, str]], language: Language, base: str) -> str:
    """A language's own 404 page (/en/404.html, served by hosts that look for one per folder):
    the theme's English heading replaced by that language's words."""
    return _replace_heading(html, _section(words, language, base.rstrip("/") + "/"))
