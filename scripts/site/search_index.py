"""Per-language search: one lunr index per language, and pages that load their own.

Material writes one `search/search_index.json` below the site root and static-i18n
merges every language into it, with lunr settings for one language at most. We keep each language's entries apart, write them
to `<prefix>search/search_index.json`, and point each page's `__config.base` at its
language root so the browser fetches that index and resolves results from there.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
import unicodedata

from ..model.languages import Language

# Each language loads its own lunr trimmer and stop words (Polish from our
# overrides/assets/javascripts/lunr/min/lunr.pl.min.js, since lunr has none). No lunr
# stemmer: Material's worker appends `*` to every query term, and lunr skips the
# pipeline for wildcard terms, so a stemmed index ("invit") never matches the
# unstemmed query "invitación*". Stemming is done here, at build time, instead.
PIPELINE = ["trimmer", "stopWordFilter"]
# A second field holds, folded, (1) the words of a page that carry diacritics, so
# "invitacion" finds "invitación" and "notatke" finds "notatkę"; and (2) for languages
# with a Snowball stemmer, the other forms of the page's words found anywhere in that
# language's pages, so "invitaciones" also finds a page that only says "invitación".
FOLDED_FIELD = "folded"
STEMMERS = {"es": "spanish", "en": "english"}  # Polish has no Snowball stemmer
_MIN_STEMMED = 4  # shorter words are left alone: their stems join unrelated words
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L"})


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text without diacritics: 'notatkę łącznie' -> 'notatke lacznie' (cached: called once per word)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(*texts: str) -> list[str]:
    """The words of some indexed texts (HTML tags dropped), lowercased, in order."""
    return [word.lower() for text in texts for word in _WORD.findall(_TAG.sub(" ", text))]


def _changed_by_folding(found: list[str]) -> str:
    """The folded forms of the words that change when folded, once each, in order."""
    seen: dict[str, None] = {}
    for word in found:
        plain = fold(word)
        if plain != word:
            seen.setdefault(plain)
    return " ".join(seen)


def folded_words(*texts: str) -> str:
    """The folded forms of the words that change when folded, once each, in order."""
    return _changed_by_folding(words(*texts))


class Forms:
    """Every folded word form of one language's pages, grouped by its Snowball stem."""

    def __init__(self, code: str, pages: list[set[str]]):
        """pages: each page's folded words."""
        import snowballstemmer  # the same algorithms as lunr's language stemmers

        self._stem = functools.lru_cache(maxsize=None)(snowballstemmer.stemmer(STEMMERS[code]).stemWord)
        self._classes: dict[str, set[str]] = {}
        for word in set().union(*pages):
            if len(word) >= _MIN_STEMMED:
                self._classes.setdefault(self._stem(word), set()).add(word)

    def related(self, present: set[str]) -> list[str]:
        """Forms found elsewhere that share a stem with a page's folded words but are not among them."""
        found: dict[str, None] = {}
        for word in sorted(present):
            if len(word) >= _MIN_STEMMED:
                for form in sorted(self._classes.get(self._stem(word), ())):
                    if form not in present:
                        found.setdefault(form)
        return list(found)


_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def language_index(raw: dict, language: Language, others: list[Language]) -> dict:
    """The entries of one language, located relative to that language's root."""
    foreign = tuple(lang.prefix for lang in others if lang.prefix)
    mine = []
    for doc in raw["docs"]:
        location = doc["location"]
        if language.prefix:
            if not location.startswith(language.prefix):
                continue
            location = location[len(language.prefix):]
        elif location.startswith(foreign):
            continue
        mine.append({**doc, "location": location})
    # Each entry's words are found once and serve both the folded field and the stems.
    found = [words(doc.get("title", ""), doc.get("text", "")) for doc in mine]
    present = [{fold(word) for word in each} for each in found]
    forms = Forms(language.code, present) if language.code in STEMMERS else None
    docs = []
    for entry, each, folded_set in zip(mine, found, present):
        folded = " ".join(filter(None, [_changed_by_folding(each), *(forms.related(folded_set) if forms else [])]))
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
