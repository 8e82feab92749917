"""The pattern language over tokens, its parser and the problems it reports (R-codes).

A pattern is a space-separated sequence of items, matched against consecutive word tokens
of one sentence (punctuation between words is skipped, a sentence break is not):

  word          a literal token (compared after normalisation: NFC, lowercase, ’ → ')
  a|b|c         any of the alternatives; each alternative is one of the forms below
  ~lemma        every inflected form of the lemma in the pattern's language (forms.py)
  word*         any token starting with `word`;  *ing  any token ending with `ing`
  #num          a token of digits; `#num-minute*` digits followed by that tail
  item?         the item is optional (it may match a word or be skipped)
  …   _N        a gap of up to 4 / N (1–8) arbitrary words, inside the sentence
  , ! ? : ; ¿ ¡ — punctuation that must stand between the neighbouring words (it lets
                the next word cross a sentence break: `? ~be you`)
  @question     (anywhere) the sentence where the match ends closes with "?"

There are no groups, nested or unbounded quantifiers, or escapes: each item matches one
token or a bounded gap, so a match is tried in O(items × gap) per word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .text import FOLD, MAX_TOKEN, _regexes

MAX_GAP = 8
DEFAULT_GAP = 4
MAX_ITEMS = 14
PUNCTUATION = set(",!?:;¿¡—–.")
REGEX_LIKE = set("()[]{}\\+^$")


class PatternError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass
class Spec:
    """One word item: literals, lemmas, prefixes, suffixes, number tails; optional or not."""
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    suffixes: list[str] = field(default_factory=list)
    numbers: list[list] = field(default_factory=list)  # [tail, tail is a prefix]
    optional: bool = False

    def to_json(self) -> dict:
        out: dict = {"t": "w"}
        for key, value in (("a", self.words), ("l", self.lemmas), ("p", self.prefixes), ("s", self.suffixes),
                           ("n", self.numbers)):
            if value:
                out[key] = value
        if self.optional:
            out["o"] = 1
        return out


def fold(word: str) -> str:
    return unicodedata.normalize("NFC", "".join(FOLD.get(c, c) for c in word)).lower()


def _is_token(word: str) -> bool:
    match = _regexes()[0].fullmatch(word)
    return bool(match) and len(word) <= MAX_TOKEN


def _alternative(text: str, spec: Spec, allow_lemmas: bool) -> None:
    if not text:
        raise PatternError("R003", "an empty alternative (a stray `|`)")
    if text.startswith("~"):
        lemma = fold(text[1:])
        if not allow_lemmas:
            raise PatternError("R003", f"`{text}`: a lemma needs a language (not in `any`)")
        if not _is_token(lemma):
            raise PatternError("R003", f"`{text}` is not a lemma (one word after ~)")
        spec.lemmas.append(lemma)
    elif text.startswith("#num"):
        tail = text[4:]
        prefix = tail.endswith("*")
        tail = fold(tail[:-1] if prefix else tail)
        if tail and not _is_token("0" + tail):
            raise PatternError("R003", f"`{text}`: what follows #num must continue the same token")
        spec.numbers.append([tail, prefix])
    elif text.startswith("*") and len(text) > 1:
        word = fold(text[1:])
        if "*" in word or not _is_token(word):
            raise PatternError("R003", f"`{text}`: a suffix is `*` and letters")
        spec.suffixes.append(word)
    elif text.endswith("*") and len(text) > 1:
        word = fold(text[:-1])
        if "*" in word or not _is_token(word):
            raise PatternError("R003", f"`{text}`: a prefix is letters and `*`")
        spec.prefixes.append(word)
    else:
        word = fold(text)
        if not _is_token(word):
            raise PatternError("R003", f"`{text}` is not one word token (letters, digits, inner ' or -)")
        spec.words.append(word)


def parse(pattern, allow_lemmas: bool = True, leading: str = "word") -> dict:
    """A pattern string compiled to {"e": [items], "q": 0|1}; PatternError (R003/R007) if it is not one.

    leading: "word" (contains kinds: the first item must be a word, it is indexed) or "any"
    (starts kinds: tried at the first word only, so a gap or punctuation may lead).
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("R003", f"{pattern!r} is not a pattern (a non-empty string)")
    bad = sorted(REGEX_LIKE & set(pattern))
    if bad:
        raise PatternError("R003", f"{pattern!r} uses regular-expression syntax ({' '.join(bad)}): write "
                                   "alternatives with |, optional words with ?, gaps with … or _N")
    items: list[dict] = []
    question = False
    for raw in pattern.split():
        if raw == "@question":
            question = True
            continue
        if raw.startswith("@"):
            raise PatternError("R003", f"unknown marker {raw!r} (only @question)")
        if raw == "…" or re.fullmatch(r"_[0-9]+", raw):
            size = DEFAULT_GAP if raw == "…" else int(raw[1:])
            if not 1 <= size <= MAX_GAP:
                raise PatternError("R007", f"gap {raw} in {pattern!r}: a gap holds 1 to {MAX_GAP} words")
            if items and items[-1]["t"] == "g":
                raise PatternError("R007", f"two gaps in a row in {pattern!r}: merge them into one")
            items.append({"t": "g", "n": size})
            continue
        if raw in PUNCTUATION:
            items.append({"t": "c", "c": raw})
            continue
        spec = Spec()
        body = raw
        if len(body) > 1 and body.endswith("?"):
            spec.optional, body = True, body[:-1]
        if "?" in body or "…" in body:
            raise PatternError("R003", f"{raw!r}: `?` marks a whole item optional, once, at its end")
        for alternative in body.split("|"):
            _alternative(alternative, spec, allow_lemmas)
        items.append(spec.to_json())
    if len(items) > MAX_ITEMS:
        raise PatternError("R007", f"{pattern!r} has {len(items)} items; at most {MAX_ITEMS}")
    words = [i for i in items if i["t"] == "w"]
    if not any(not i.get("o") for i in words):
        raise PatternError("R007", f"{pattern!r} needs at least one word that is not optional")
    if items[-1]["t"] == "g":
        raise PatternError("R007", f"{pattern!r} ends with a gap: a gap must sit between two words")
    if leading == "word":
        if items[0]["t"] != "w":
            raise PatternError("R007", f"{pattern!r} must start with a word (not a gap or punctuation)")
        # The first required word, and the optional words before it, are where a match may start.
        for item in items:
            if item["t"] != "w":
                raise PatternError("R007", f"{pattern!r}: a gap or punctuation comes before the first required word")
            if not item.get("o"):
                break
    return {"e": items, "q": 1 if question else 0}


def lemmas_of(compiled: dict) -> set[str]:
    return {lemma for item in compiled["e"] if item["t"] == "w" for lemma in item.get("l", [])}
