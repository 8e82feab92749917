"""Spots where Material 9.8's HTML fails the Nu HTML Checker or axe, mended after rendering."""

from __future__ import annotations

import re

# autocomplete is not allowed on checkboxes (Material sets it on its drawer/search toggles).
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# An empty tabindex is not an integer (Material's section labels in the navigation). Removed
# with the blank before it, by plain replacement: a pattern that starts with a character class
# is tried at every position of the page (a third of a millisecond on each of thousands of pages).
_EMPTY_TABINDEX = (' tabindex=""', '\ttabindex=""', '\ntabindex=""')


# Task-list checkboxes sit alone in their <label>, with the item's text after it: move
# the text into the label so each checkbox is named by its task.
_TASK = re.compile(r'(<li class="task-list-item"><label class="task-list-control">'
                   r'<input type="checkbox"[^>]*/?><span class="task-list-indicator"></span>)</label>'
                   r'((?:(?!<li|</li>|<ul|<ol).)*)</li>', re.S)
# A page outside the menu (an entry's own page) has no table-of-contents toggle, yet the
# contents title still labels it: a <label for> pointing at nothing. It becomes plain text.
_ORPHAN_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
# The search overlay is a dialog without an accessible name.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def mend(html: str, search_label: str) -> str:
    # Each pattern runs only where its literal occurs: a miss is then one fast scan of the page.
    if 'tabindex=""' in html:
        for empty in _EMPTY_TABINDEX:
            html = html.replace(empty, "")
    if 'autocomplete="off"' in html:
        html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if "task-list-item" in html:
        html = _TASK.sub(r"\1\2</label></li>", html)
    if 'id="__toc"' not in html:
        html = _ORPHAN_TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    return html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{search_label}">', 1)


# A number and its percent sign never part at a line end ("40 %" as Spanish writes it).
_SPACE_BEFORE_PERCENT = re.compile(r"(?<=\d) (?=%)")


def bind_percent(html: str) -> str:
    """The space between a number and its % becomes a no-break space."""
    return _SPACE_BEFORE_PERCENT.sub("\u00a0", html) if " %" in html else html


_EXTERNAL_ANCHOR = re.compile(r'<a\s[^>]*\bhref="https?://[^>]*>')
_REL = re.compile(r'\brel="([^"]*)"')


def add_noopener(html: str) -> str:
    """Make every external link carry rel="noopener" (added to any rel it already has)."""
    def fix(match: re.Match) -> str:
        tag = match.group(0)
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1] + ' rel="noopener">'
        if "noopener" in rel.group(1).split():
            return tag
        return tag[:rel.start()] + f'rel="{rel.group(1)} noopener"' + tag[rel.end():]

    return _EXTERNAL_ANCHOR.sub(fix, html)


_ABBR = re.compile(r'<abbr title="([^"]*)">')


_LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)


def focusable_terms(html: str) -> str:
    """Glossary terms (<abbr title>) reachable by keyboard and by tap: each becomes a focus
    stop whose definition site.css shows on focus as well as on hover; assistive technology
    reads the title as the term's description. A term inside a link stays as it is (the
    link is already the focus stop, and HTML forbids a focusable element inside it)."""
    def terms(text: str) -> str:
        return _ABBR.sub(lambda m: f'<abbr class="guide-term" tabindex="0" title="{m.group(1)}" '
                                   f'data-definition="{m.group(1)}">', text)

    if "<abbr" not in html:
        return html
    parts, last = [], 0
    for link in _LINK.finditer(html):
        parts += [terms(html[last:link.start()]), link.group(0)]
        last = link.end()
    return "".join(parts + [terms(html[last:])])
