"""Per-language search: one lunr index per language, and pages that load their own.

Material writes one `search/search_index.json` below the site root and static-i18n
merges every language into it, with lunr settings for one language at most. We keep each language's entries apart, write them
to `<prefix>search/search_index.json`, and point each page's `__config.base` at its
language root so the browser fetches that index and resolves results from there.
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata

from .languages import Language

# Each language loads its own lunr trimmer and stop words (Polish from our
# overrides/assets/javascripts/lunr/min/lunr.pl.min.js, since lunr has none). No
# stemmer: with Material 9.8's worker, lunr's Spanish stemmer makes any query with
# an accent ("invitación") return nothing, while trailing-wildcard prefix matching
# already joins "contacto" and "contactos".
PIPELINE = ["trimmer", "stopWordFilter"]
# Words that carry diacritics are indexed a second time, folded, in this field, so
# "invitacion" finds "invitación" and "notatke" finds "notatkę".
FOLDED_FIELD = "folded"
_WORD = re.compile(r"\w+")
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L"})


def fold(text: str) -> str:
    """Text without diacritics: 'notatkę łącznie' -> 'notatke lacznie'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(*texts: str) -> str:
    """The folded forms of the words that change when folded, once each, in order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            plain = fold(word)
            if plain != word:
                seen.setdefault(plain.lower())
    return " ".join(seen)


_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def language_index(raw: dict, language: Language, others: list[Language]) -> dict:
    """The entries of one language, located relative to that language's root."""
    foreign = tuple(lang.prefix for lang in others if lang.prefix)
    docs = []
    for doc in raw["docs"]:
        location = doc["location"]
        if language.prefix:
            if not location.startswith(language.prefix):
                continue
            location = location[len(language.prefix):]
        elif location.startswith(foreign):
            continue
        entry = {**doc, "location": location}
        folded = folded_words(doc.get("title", ""), doc.get("text", ""))
        if folded:
            entry[FOLDED_FIELD] = folded
        docs.append(entry)
    fields = {**raw["config"]["fields"], FOLDED_FIELD: {"boost": 1.0}}
    config = {**raw["config"], "lang": [language.code], "pipeline": PIPELINE, "fields": fields}
    return {"config": config, "docs": docs}


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def relative_base(page_url: str, language: Language) -> str:
    """Relative URL from a page (e.g. 'en/lessons/x/') to its language root (e.g. '../../')."""
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    root = language.prefix or "."
    rel = posixpath.relpath(root, page_dir.rstrip("/") or ".")
    return rel if rel == "." else rel + ("/" if not rel.endswith("/") else "")


def set_search_base(html: str, base: str) -> str:
    """Point Material's `__config.base` (used only for search and its results) at `base`."""
    def replace(match: re.Match) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(replace, html, count=1)
