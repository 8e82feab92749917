"""Each template and anti-pattern gets a page of its own in every language, generated from
data/ (nothing is copied into docs/): `templates/<id>/` and `antipatterns/<id>/`.

The pages are plain Markdown holding one marker (`<!-- guide:template <id> -->`), so they go
through the same checks, markers, search index, Open Graph card and language switcher as the
hand-written ones; they stay out of the navigation, so the build grows linearly with entries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable

from ..model.catalog import Catalog

FOLDERS = {"template": "templates", "antipattern": "antipatterns"}
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


@dataclass(frozen=True)
class EntryPage:
    src_uri: str  # where the page pretends to live in docs/, e.g. "en/templates/thank-you.md"
    kind: str  # "template" or "antipattern"
    id: str
    lang: str
    data_path: str  # the file a contributor edits, e.g. "data/templates/thank-you.yml"
    markdown: str


def description(text: str, limit: int = 200) -> str:
    """A page description from an entry's explanation: whole when short, else its first sentences
    within `limit` characters (at least the first one)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentences = _SENTENCE_END.split(text)
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept += " " + sentence
    return kept


def entry_markdown(kind: str, entry_id: str, title: str, explanation: str) -> str:
    """The generated Markdown: a description for search engines and sharing, the entry's name as
    its heading, and the marker that renders the card. No table of contents: the page has one
    section, and Material's contents label for a page outside the menu points at nothing. Not in
    the search index: the same card is found on the overview, under its own anchor."""
    heading = title.replace("\n", " ").strip()
    return (f"---\ndescription: {json.dumps(description(explanation), ensure_ascii=False)}\nhide: [toc]\nsearch: {{exclude: true}}\n---\n\n"
            f"# {heading}\n\n<!-- guide:{kind} {entry_id} -->\n")


def entry_pages(catalog: Catalog, languages: Iterable[str]) -> dict[str, EntryPage]:
    """Every entry's page in every language, by the source path it pretends to have."""
    pages = {}
    for lang in languages:
        for kind, entries, title_key in (("template", catalog.templates, "title"),
                                         ("antipattern", catalog.antipatterns, "name")):
            folder = FOLDERS[kind]
            for entry_id in sorted(entries):
                entry = entries[entry_id]
                src_uri = f"{lang}/{folder}/{entry_id}.md"
                pages[src_uri] = EntryPage(src_uri, kind, entry_id, lang, f"data/{folder}/{entry_id}.yml",
                                           entry_markdown(kind, entry_id, entry[title_key][lang], entry["why"][lang]))
    return pages
