"""Characters, tokens and normalisation: the one definition both engines share.

The character classes are generated here from Python's `unicodedata` and shipped to the
browser inside the compiled rules document (see compile.py), so a character is a letter,
mark, digit or space for checker.js exactly when it is one here. Everything in this module
is linear in the length of the text: one pass to find word tokens, one per gap between
them, and a bounded amount of work per token.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import methodcaller

from ..model.memo import memo

MAX_TOKEN = 64  # code points; a longer token matches nothing
MAX_MARKS = 8  # combining marks in a row kept; the rest are dropped before NFC
MAX_SEP = 16  # punctuation characters kept between two words (the break flag sees them all)
JOINERS = "'\u2019\u02bc-\u2010\u2011"  # kept inside a word when both sides are word characters
FOLD = {"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"}
BREAKS = ".!?;:\u2026\n\r\u2028\u2029\u3002\uff01\uff1f"  # end a sentence (or a clause that ends a greeting)
CLASS_NAMES = ("letter", "mark", "digit", "space")


def _category_class(char: str) -> str | None:
    if char.isspace() and char != "\ufeff":
        return "space"
    category = unicodedata.category(char)
    if category[0] == "L":
        return "letter"
    if category[0] == "M":
        return "mark"
    if category[0] == "N":
        return "digit"
    return None


@lru_cache(maxsize=1)
def char_classes() -> dict[str, list[list[int]]]:
    """{class: [[first, last], ...]} over every code point (surrogates excluded), from unicodedata.

    A walk over 1.1 million code points: kept in the run's memo (.cache/), keyed by the
    Unicode version and this module's code."""
    return memo().get("char-classes", unicodedata.unidata_version, compute=_walk_code_points)


def _walk_code_points() -> dict[str, list[list[int]]]:
    ranges: dict[str, list[list[int]]] = {name: [] for name in CLASS_NAMES}
    previous = None
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            previous = None
            continue
        name = _category_class(chr(code))
        if name is not None:
            group = ranges[name]
            if previous == name and group[-1][1] == code - 1:
                group[-1][1] = code
            else:
                group.append([code, code])
        previous = name
    return ranges


def _class_source(ranges: list[list[int]]) -> str:
    def char(code: int) -> str:
        return re.escape(chr(code)) if code > 0x20 else f"\\x{code:02x}"
    return "".join(char(a) if a == b else f"{char(a)}-{char(b)}" for a, b in ranges)


def split_bmp(ranges: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    """`ranges` cut at the end of the BMP: (the part up to U+FFFF, the astral part)."""
    return ([[a, min(b, 0xFFFF)] for a, b in ranges if a <= 0xFFFF],
            [[max(a, 0x10000), b] for a, b in ranges if b > 0xFFFF])


def one_of(ranges: list[list[int]], extra: str = "") -> str:
    """A regex item matching one character of `ranges` (plus `extra`, BMP characters).

    Python's re is slow on a class holding astral ranges, so the BMP part is one class and
    the astral part is tried only for astral characters; the two never overlap, so there is
    still exactly one way to read any text."""
    bmp, astral = split_bmp(ranges)
    item = f"[{_class_source(bmp)}{extra}]"
    if astral:
        item = f"(?:{item}|(?=[\U00010000-\U0010ffff])[{_class_source(astral)}])"
    return item


def _word_ranges() -> list[list[int]]:
    """What a word is made of: letters, marks and digits."""
    classes = char_classes()
    return sorted(classes["letter"] + classes["mark"] + classes["digit"])


@lru_cache(maxsize=1)
def _regexes():
    word = one_of(_word_ranges())
    space = one_of(char_classes()["space"])
    return _token_regex(word), re.compile(f"{space}+"), re.compile(word), re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _bmp_token_regexes():
    """The token regex for texts without astral word characters (the common case), which
    needs no astral branch and runs about twice as fast, and the test for such characters."""
    bmp, astral = split_bmp(_word_ranges())
    return _token_regex(f"[{_class_source(bmp)}]"), re.compile(f"(?=[\U00010000-\U0010ffff])[{_class_source(astral)}]")


def _token_regex(word: str) -> re.Pattern:
    # Word characters, and joiners only with word characters on both sides: the joiner class is
    # disjoint from the word class, so the engine never has two ways to read the same text.
    return re.compile(f"{word}+(?:[{re.escape(JOINERS)}]{word}+)*")


def is_word_char(char: str) -> bool:
    return bool(_regexes()[2].match(char))


@lru_cache(maxsize=8192)
def _classify(code: int) -> str | None:
    classes = char_classes()
    for name in CLASS_NAMES:
        ranges = classes[name]
        index = bisect.bisect_right(ranges, [code, 0x10FFFF + 1]) - 1
        if index >= 0 and ranges[index][0] <= code <= ranges[index][1]:
            return name
    return None


def classify(char: str) -> str | None:
    """'letter', 'mark', 'digit', 'space' or None (punctuation, symbols, controls, unassigned)."""
    return _classify(ord(char))


_norm_cache: dict[str, tuple[str | None, str | None, int]] = {}


def normalise(raw: str) -> tuple[str | None, str | None, int]:
    """(normalised, cased, letters) for one raw word token.

    normalised: NFC, lowercase, typographic apostrophes and hyphens folded; None when the token
    is longer than MAX_TOKEN code points (it then matches nothing). cased: the same without
    lowercasing (for capitals). letters: how many letters it has. Runs of more than MAX_MARKS
    combining marks are cut to MAX_MARKS before NFC.
    """
    cached = _norm_cache.get(raw)
    if cached is not None:
        return cached
    if len(raw) > MAX_TOKEN:
        result: tuple[str | None, str | None, int] = (None, None, 0)
    else:
        kept, run, letters = [], 0, 0
        for char in raw:
            name = classify(char)
            if name == "mark":
                run += 1
                if run > MAX_MARKS:
                    continue
            else:
                run = 0
                if name == "letter":
                    letters += 1
            kept.append(FOLD.get(char, char))
        cased = unicodedata.normalize("NFC", "".join(kept))
        result = (cased.lower(), cased, letters)
    if len(_norm_cache) > 100_000:
        _norm_cache.clear()
    _norm_cache[raw] = result
    return result


@dataclass
class Tokens:
    """The word tokens of one text, with what lies between them.

    start/end: UTF-16 offsets in the original text. norm: normalised form (None: too long).
    sep[k]: the first MAX_SEP non-space characters between word k-1 and word k (sep[0] before
    the first word, sep[n] after the last); brk[k]: whether that gap holds a sentence break.
    sentence[k]: the sentence number of word k; question[s]: sentence s ends with "?".
    """
    text: str
    start: list[int]
    end: list[int]
    norm: list[str | None]
    cased: list[str | None]
    letters: list[int]
    sep: list[str]
    brk: list[bool]
    sentence: list[int]
    question: list[bool]
    astral: bool = True  # whether the text may hold letters, marks or digits beyond the BMP

    def __len__(self) -> int:
        return len(self.norm)


def utf16_offsets(text: str):
    """A function mapping code-point offsets in `text` to UTF-16 offsets."""
    astral = [m.start() for m in _regexes()[3].finditer(text)]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect.bisect_left(astral, offset)


FEW_ASTRAL = 1000  # astral characters up to which offsets are corrected one run at a time


def _utf16_ends(text: str, parts: list[str], astral_count: int) -> list[int]:
    """The UTF-16 offset where each of `parts` (consecutive pieces of `text`) ends."""
    if not astral_count:
        return list(accumulate(map(len, parts)))
    if astral_count > FEW_ASTRAL:  # a paste full of emoji: measure every piece in UTF-16, in C
        return [units >> 1 for units in accumulate(map(len, map(methodcaller("encode", "utf-16-le", "surrogatepass"), parts)))]
    offsets = list(accumulate(map(len, parts)))
    astral = [m.start() for m in _regexes()[3].finditer(text)]
    # an offset after j astral characters (and not after the next) moves by j
    bounds = [bisect.bisect_right(offsets, a) for a in astral] + [len(offsets)]
    out = offsets[:bounds[0]]
    for moved in range(1, len(bounds)):
        out += [offset + moved for offset in offsets[bounds[moved - 1]:bounds[moved]]]
    return out


def tokenize(text: str) -> Tokens:
    token_re, space_re, _, _ = _regexes()
    bmp_token_re, astral_word_re = _bmp_token_regexes()
    astral_chars = _regexes()[3].findall(text)  # usually none, or a few emoji
    # Python's re tests an astral class slowly, so each distinct astral character is tested once
    astral = any(astral_word_re.match(char) for char in set(astral_chars))
    if not astral:
        token_re = bmp_token_re  # the same tokens, found faster
    # The n + 1 gaps and the n tokens between them, in one pass of the regex engine (a split
    # on a captured token keeps both); the per-token work below runs once per distinct token
    # or gap, then is mapped in C.
    parts = _captured(token_re).split(text)
    gaps, raws = parts[0::2], parts[1::2]
    n = len(raws)
    offsets = _utf16_ends(text, parts, len(astral_chars))
    distinct = set(raws)
    cache = _norm_cache
    for raw in distinct.difference(cache):
        normalise(raw)
    norm, cased, letters = {}, {}, {}
    for raw in distinct:
        norm[raw], cased[raw], letters[raw] = cache[raw]
    breaks = set(BREAKS)
    seps_of, brks_of = {}, {}
    for gap in set(gaps):
        seps_of[gap] = space_re.sub("", gap)[:MAX_SEP] if gap else ""
        brks_of[gap] = not breaks.isdisjoint(gap)
    seps = list(map(seps_of.__getitem__, gaps))
    brks = list(map(brks_of.__getitem__, gaps))
    sentence = list(accumulate(brks[1:n], initial=0)) if n else []
    question = ["?" in sep for sep in compress(seps[1:n], brks[1:n])]
    question.append("?" in seps[n])
    return Tokens(text, offsets[0:2 * n:2], offsets[1:2 * n:2], list(map(norm.__getitem__, raws)),
                  list(map(cased.__getitem__, raws)), list(map(letters.__getitem__, raws)),
                  seps, brks, sentence, question, astral)


@lru_cache(maxsize=4)
def _captured(token_re: re.Pattern) -> re.Pattern:
    return re.compile(f"({token_re.pattern})")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """The checker's length: UTF-16 code units with CRLF counted as LF (JavaScript's `length`)."""
    return len(text) + len(_ASTRAL.findall(text)) - text.count("\r\n")
