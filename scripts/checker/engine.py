"""check_message: the compiled rules applied to one draft, with the evidence (UTF-16 spans).

checker.js is a line-by-line twin of this module; tests/test_checker_parity.py runs both
over the corpus and random drafts. Every step is linear in the draft: tokenise once, try
each pattern only at the words its first item can match (a hash lookup), and bound every
attempt by the pattern's length and gaps.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import text as textmod
from .text import Tokens, tokenize, utf16_length, utf16_offsets


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    spans: tuple
    message: str
    link: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "spans": [list(s) for s in self.spans]}


class _Spec:
    __slots__ = ("words", "prefixes", "suffixes", "numbers", "optional")

    def __init__(self, item: dict, lexicon: dict):
        words = set(item.get("a", ()))
        for lemma in item.get("l", ()):
            words.update(lexicon[lemma].split(" ") if lemma in lexicon else (lemma,))
        self.words = words
        self.prefixes = tuple(item.get("p", ()))
        self.suffixes = tuple(item.get("s", ()))
        self.numbers = tuple((tail, bool(prefix)) for tail, prefix in item.get("n", ()))
        self.optional = bool(item.get("o"))

    def test(self, token: str | None) -> bool:
        if token is None:
            return False
        if token in self.words:
            return True
        if self.prefixes and token.startswith(self.prefixes):
            return True
        if self.suffixes and token.endswith(self.suffixes):
            return True
        if self.numbers:
            digits = _digits_re().match(token)
            if digits:
                rest = token[digits.end():]
                for tail, prefix in self.numbers:
                    if rest == tail or (prefix and rest.startswith(tail)):
                        return True
        return False


@lru_cache(maxsize=1)
def _digits_re():
    return re.compile(textmod.one_of(textmod.char_classes()["digit"]) + "+")


class _Pattern:
    __slots__ = ("items", "question", "branchy", "leading", "span", "needs", "single")

    def __init__(self, compiled: dict, lexicon: dict):
        self.items = []
        for item in compiled["e"]:
            if item["t"] == "w":
                self.items.append(("w", _Spec(item, lexicon)))
            elif item["t"] == "g":
                self.items.append(("g", item["n"]))
            else:
                self.items.append(("c", item["c"]))
        self.question = bool(compiled.get("q"))
        self.branchy = any(kind == "g" or (kind == "w" and spec.optional) for kind, spec in self.items)
        # the optional words before the first required one, and that one: where a match can start
        self.leading = []
        for kind, spec in self.items:
            if kind != "w":
                break
            self.leading.append(spec)
            if not spec.optional:
                break
        # The required, literal-only words after the first one: a match starting at word i needs
        # one of each set within `span` words after i (a cheap test before the search).
        self.span = sum(spec if kind == "g" else 1 for kind, spec in self.items if kind != "c")
        required = [spec for kind, spec in self.items if kind == "w" and not spec.optional]
        self.needs = [spec.words for spec in required[1:]
                      if not (spec.prefixes or spec.suffixes or spec.numbers)]
        # one word found through the index that lists it: every place it is looked for matches
        self.single = (len(self.items) == 1 and len(required) == 1 and not required[0].numbers
                       and not self.question)

    def match_at(self, toks: Tokens, i: int) -> int:
        """The last word of the match starting at word i (first one found), or -1."""
        items, norm, brk, sep = self.items, toks.norm, toks.brk, toks.sep
        n = len(norm)
        if not self.branchy:
            # no choice to make: walk the items once (the same answer as the search below)
            j, crossed = i - 1, False
            for kind, spec in items:
                if kind == "w":
                    w = j + 1
                    if w >= n or not (w == i or not brk[w] or crossed) or not spec.test(norm[w]):
                        return -1
                    j, crossed = w, False
                else:
                    if spec not in sep[j + 1]:
                        return -1
                    crossed = True
            if self.question and not toks.question[toks.sentence[j]]:
                return -1
            return j
        count, question = len(items), self.question
        seen = set()

        def go(k: int, j: int, crossed: bool) -> int:
            # k: next item; j: last consumed word (i-1 before any); crossed: punctuation just matched
            if k == count:
                if j < i:
                    return -1
                if question and not toks.question[toks.sentence[j]]:
                    return -1
                return j
            state = (k, j, crossed)
            if state in seen:
                return -1
            seen.add(state)
            kind, spec = items[k]
            if kind == "w":
                w = j + 1
                if w < n and (w == i or not brk[w] or crossed) and spec.test(norm[w]):
                    end = go(k + 1, w, False) if k + 1 < count or question else w
                    if end >= 0:
                        return end
                if spec.optional:
                    return go(k + 1, j, crossed)
                return -1
            if kind == "c":
                if spec in sep[j + 1]:
                    return go(k + 1, j, True)
                return -1
            # a required word after the gap is tested here and consumed (the same test go()
            # would make first), so a gap costs one call per place where the match goes on
            peek = items[k + 1][1] if k + 1 < count and items[k + 1][0] == "w" and not items[k + 1][1].optional else None
            for size in range(spec + 1):  # a gap: fewest words first
                if size:
                    w = j + size
                    if w >= n or (brk[w] and not (size == 1 and crossed) and w != i):
                        break
                after = crossed if size == 0 else False
                if peek is not None:
                    w = j + size + 1
                    if not (w < n and (w == i or not brk[w] or after) and peek.test(norm[w])):
                        continue
                    end = go(k + 2, w, False) if k + 2 < count or question else w
                else:
                    end = go(k + 1, j + size, after)
                if end >= 0:
                    return end
            return -1

        return go(0, i - 1, False)


class _Group:
    """The patterns of one rule group in one language, indexed by what their first word can be."""

    def __init__(self, patterns: list[dict], lexicon: dict):
        self.patterns = [_Pattern(p, lexicon) for p in patterns]
        shared: dict[frozenset, set] = {}  # one object per distinct set of required words
        for pattern in self.patterns:
            pattern.needs = [shared.setdefault(frozenset(words), words) for words in pattern.needs]
        self.by_word: dict[str, list[int]] = {}
        self.by_prefix: dict[str, list[int]] = {}
        self.by_suffix: dict[str, list[int]] = {}
        self.numeric: list[int] = []
        for number, pattern in enumerate(self.patterns):
            for spec in pattern.leading:
                for word in spec.words:
                    self.by_word.setdefault(word, []).append(number)
                for prefix in spec.prefixes:
                    self.by_prefix.setdefault(prefix, []).append(number)
                for suffix in spec.suffixes:
                    self.by_suffix.setdefault(suffix, []).append(number)
                if spec.numbers:
                    self.numeric.append(number)
        self.prefix_lengths = sorted({len(p) for p in self.by_prefix})
        self.suffix_lengths = sorted({len(s) for s in self.by_suffix})

    def candidates(self, token: str | None) -> list[int]:
        if token is None:
            return []
        found = list(self.by_word.get(token, ()))
        for size in self.prefix_lengths:
            if size <= len(token):
                found += self.by_prefix.get(token[:size], ())
        for size in self.suffix_lengths:
            if size <= len(token):
                found += self.by_suffix.get(token[-size:], ())
        if self.numeric and _digits_re().match(token):
            found += self.numeric
        return sorted(set(found)) if len(found) > 1 else found

    def _starts(self, toks: Tokens, positions: dict) -> dict[int, list[int]]:
        """Per pattern, the words it may start at, in order: those its index lists, kept only
        when the rarest of its required words follows within its span."""
        patterns = self.patterns
        anchors: dict[int, list[int] | None] = {}
        counts: dict[int, int] = {}  # id of a set of words -> how often they occur
        occurrences: dict[int, list[int]] = {}  # id of a set of words -> where, in order

        def count(words: set) -> int:
            found = counts.get(id(words))
            if found is None:
                found = counts[id(words)] = sum(len(positions[w]) for w in _present(words, positions))
            return found

        def anchor(number: int) -> list[int] | None:
            """Where the rarest of the pattern's required words occurs ([]: nowhere, so no match;
            None: nothing to look for)."""
            if number not in anchors:
                needs = patterns[number].needs
                if not needs:
                    anchors[number] = None
                else:
                    rarest = min(needs, key=count)
                    if id(rarest) not in occurrences:
                        occurrences[id(rarest)] = sorted(k for w in _present(rarest, positions) for k in positions[w])
                    anchors[number] = occurrences[id(rarest)]
            return anchors[number]

        # every place each pattern could start, gathered per pattern, then tried in order
        starts: dict[int, list[int]] = {}
        for token in _present(self.by_word.keys(), positions):
            for number in self.candidates(token):
                starts.setdefault(number, []).extend(positions[token])
        if self.prefix_lengths or self.suffix_lengths or self.numeric:
            for token, where in positions.items():
                if token not in self.by_word:
                    for number in self.candidates(token):
                        starts.setdefault(number, []).extend(where)
        for number, tried in starts.items():
            where = anchor(number)
            if where is not None:
                if not where:
                    starts[number] = []
                    continue
                tried = _followed_within(sorted(tried), where, patterns[number].span)
            starts[number] = tried
        return starts

    def matches(self, toks: Tokens, positions: dict | None = None) -> list[tuple[int, int]]:
        """Every (first word, last word) match, one per pattern and starting word.

        positions (token -> word indexes) lets the lookup run once per distinct word rather
        than once per word, which keeps long pastes fast in Python; the set of matches is the
        same as trying every word in turn, as checker.js does.
        """
        if positions is None:
            positions = _positions(toks)
        out = []
        for number, tried in self._starts(toks, positions).items():
            pattern = self.patterns[number]
            if pattern.single:
                out += [(i, i) for i in tried]
                continue
            for i in tried:
                end = pattern.match_at(toks, i)
                if end >= 0:
                    out.append((i, end))
        out.sort()
        return out

    def first(self, toks: Tokens, positions: dict, lo: int, accept) -> tuple[int, int] | None:
        """The match with the smallest first word (from word `lo`) that `accept` takes, trying
        the places in order and stopping there: what a rule needs when one match will do."""
        pairs = sorted((i, number) for number, tried in self._starts(toks, positions).items() for i in tried if i >= lo)
        for i, number in pairs:
            end = self.patterns[number].match_at(toks, i)
            if end >= 0 and accept(i, end):
                return (i, end)
        return None

    def starts(self, toks: Tokens) -> tuple[int, int] | None:
        for pattern in self.patterns:
            end = pattern.match_at(toks, 0)
            if end >= 0:
                return (0, end)
        return None


def _present(words, positions: dict) -> list[str]:
    """The words that occur in the text (walking the smaller of the two collections)."""
    if len(words) <= len(positions):
        return [w for w in words if w in positions]
    return [w for w in positions if w in words]


def _followed_within(starts: list[int], where: list[int], span: int) -> list[int]:
    """The starts i with a word of `where` in i+1 .. i+span (both lists ascending)."""
    near = []
    if 8 * len(where) < len(starts):  # few anchors: take the starts just before each one
        done = 0
        for p in where:
            lo = bisect.bisect_left(starts, p - span, done)
            hi = bisect.bisect_left(starts, p, lo)
            near += starts[lo:hi]
            done = max(done, hi)
        return near
    k, last = 0, len(where)
    for i in starts:  # few starts: walk both lists side by side
        while k < last and where[k] <= i:
            k += 1
        if k == last:
            break
        if where[k] <= i + span:
            near.append(i)
    return near


def _positions(toks: Tokens) -> dict:
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(toks.norm):
        if token is not None:
            positions.setdefault(token, []).append(i)
    return positions


class Runtime:
    """A compiled document made ready for matching: sets and indexes per language."""

    def __init__(self, document: dict):
        self.document = document
        self._groups: dict[tuple, _Group] = {}
        self.rules = {r["id"]: r for r in document["rules"]}

    def group(self, rule_id: str, group: str, lang: str) -> _Group:
        key = (rule_id, group, lang)
        if key not in self._groups:
            patterns = (self.rules[rule_id].get(group) or {}).get(lang, [])
            self._groups[key] = _Group(patterns, self.document["lexicon"].get(lang, {}))
        return self._groups[key]


_RUNTIMES: dict[int, Runtime] = {}


def runtime(document: dict) -> Runtime:
    found = _RUNTIMES.get(id(document))
    if found is None or found.document is not document:
        found = _RUNTIMES[id(document)] = Runtime(document)
    return found


def situation_of(document: dict, situation: str) -> str:
    name = document["aliases"].get(situation, situation)
    if name not in document["situations"]:
        raise ValueError(f"unknown situation {situation!r}: use one of "
                         f"{sorted(document['situations']) + sorted(document['aliases'])}")
    return name


def limit_of(document: dict, situation: str, account: str) -> int | None:
    spec = document["situations"][situation_of(document, situation)]
    if account == "free" and "target" in spec:
        return spec["target"]
    return spec.get("hard")


def state_of(document: dict, situation: str, length: int) -> str:
    """'free' (fits a free account), 'premium' (fits only Premium), 'fits' or 'over'."""
    spec = document["situations"][situation_of(document, situation)]
    if "target" in spec and length <= spec["target"]:
        return "free"
    if "hard" in spec and length > spec["hard"]:
        return "over"
    return "premium" if "target" in spec else "fits"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


class _Context:
    """One draft under check: tokens and the per-rule matches computed so far."""

    def __init__(self, rt: Runtime, text: str, lang: str):
        self.rt, self.text, self.lang = rt, text, lang
        self.toks = tokenize(text)
        self.positions = _positions(self.toks)
        self._matches: dict[tuple, list[tuple[int, int]]] = {}

    def matches(self, rule_id: str, group: str = "patterns") -> list[tuple[int, int]]:
        """Matches of a rule's group, minus those overlapping one of its `except` matches."""
        key = (rule_id, group)
        if key in self._matches:
            return self._matches[key]
        found = self.rt.group(rule_id, group, self.lang).matches(self.toks, self.positions)
        if found and group != "except":
            found = _drop_overlapping(found, self.matches(rule_id, "except"))
            if self.rt.rules[rule_id].get("skip_quoted"):
                # a quoted match goes, and so does every match overlapping it (the same quotation)
                inside = [m for m in found if _quoted(self.toks, m)]
                found = _drop_overlapping(found, inside)
        self._matches[key] = found
        return found

    def first(self, rule_id: str, group: str = "patterns", lo: int = 0, against=()) -> int | None:
        """The first word of the earliest match that matches() would keep (from word `lo`), not
        overlapping `against` either; None when there is none. Stops at that match, so a rule
        that needs one match, or the first, does not pay for all of them on a long paste."""
        key = (rule_id, group)
        if key in self._matches or self.rt.rules[rule_id].get("skip_quoted"):
            runs = _runs(against)
            kept = [a for a, b in self.matches(rule_id, group) if a >= lo and not (against and _overlaps(runs, a, b))]
            return kept[0] if kept else None
        runs = _runs(list(self.matches(rule_id, "except")) + list(against))
        found = self.rt.group(rule_id, group, self.lang).first(
            self.toks, self.positions, lo, lambda a, b: not _overlaps(runs, a, b))
        return found[0] if found else None

    def spans(self, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return _merge([(self.toks.start[a], self.toks.end[b]) for a, b in matches])


OPENING_QUOTES = "«“„\"'‘‹"
CLOSING_QUOTES = "»”“\"'’›"
DISTANT_OPENING_QUOTES = "«“„\"‘‹"


QUOTE_REACH = 12  # words: how far a quotation may open before a match, or close after it


def _quoted(toks: Tokens, match: tuple[int, int]) -> bool:
    """A match written between quotation marks: the writer quotes those words, not says them.

    The quotation opens right before the match, or a few words before it within the same
    sentence (a plain apostrophe only counts right before: it also ends a plural possessive),
    and closes soon after. Bounded work per match, so the check stays linear."""
    opened = False
    for k in range(match[0], max(match[0] - QUOTE_REACH, 0) - 1, -1):
        marks = OPENING_QUOTES if k == match[0] else DISTANT_OPENING_QUOTES
        if any(c in marks for c in toks.sep[k]):
            opened = True
            break
        if toks.brk[k]:
            return False
    if not opened:
        return False
    for k in range(match[1] + 1, min(match[1] + QUOTE_REACH + 1, len(toks.sep))):  # the quotation closes soon after
        if any(c in CLOSING_QUOTES for c in toks.sep[k]):
            return True
    return False


def _runs(matches) -> tuple[list[int], list[int]]:
    """Matches merged into disjoint runs of words, in order: (first words, last words)."""
    starts, ends = [], []
    for a, b in sorted(matches):
        if ends and a <= ends[-1] + 1:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _overlaps(runs: tuple[list[int], list[int]], a: int, b: int) -> bool:
    starts, ends = runs
    run = bisect.bisect_right(starts, b) - 1  # the last run that starts by b
    return run >= 0 and ends[run] >= a


def _drop_overlapping(found, against):
    """The matches of `found` that share no word with any match of `against`."""
    if not against:
        return found
    runs = _runs(against)
    return [(a, b) for a, b in found if not _overlaps(runs, a, b)]


def _length_span(text: str, limit: int) -> list[tuple[int, int]]:
    """Where the text passes `limit` (counting CRLF as one), to the end, in UTF-16 units."""
    to16 = utf16_offsets(text)
    count, index = 0, 0
    size = len(text)
    while index < size and count < limit:
        char = text[index]
        if char == "\r" and index + 1 < size and text[index + 1] == "\n":
            index += 1
        count += 2 if ord(char) > 0xFFFF else 1
        index += 1
    return [(to16(index), to16(size))]


def _shouting(rule: dict, ctx: _Context) -> list[tuple[int, int]] | None:
    text, toks = ctx.text, ctx.toks
    # capitals inside a template gap ([FIRST_NAME], %NAME%) are merge-field's business, not shouting
    size, sep = rule["caps_word_length"], toks.sep
    loud_words = {word for word in set(toks.cased) if word and word == word.upper() and word != word.lower()}
    caps = [k for k, (letters, word) in enumerate(zip(toks.letters, toks.cased)) if word in loud_words
            and letters >= size
            and not any(c in sep[k][-1:] for c in "[{<%_") and not any(c in sep[k + 1][:1] for c in "]}>%_")]
    count = text.count("!")
    loud = count > rule["max_exclamations"] or "!!" in text
    if not loud and len(caps) <= rule["max_caps_words"]:
        return None
    spans = [(toks.start[k], toks.end[k]) for k in caps] if len(caps) > rule["max_caps_words"] else []
    if loud:
        to16 = utf16_offsets(text)
        spans += [(to16(m.start()), to16(m.end())) for m in re.finditer("!+", text)]
    return _merge(spans)


def _missing(rule: dict, ctx: _Context) -> list | None:
    if not len(ctx.toks):
        return None
    unless = rule.get("unless_overlaps") or []
    against = [m for other in (unless if isinstance(unless, list) else [unless]) for m in ctx.matches(other)]
    return None if ctx.first(rule["id"], against=against) is not None else []


def _starts(rule: dict, ctx: _Context) -> list | None:
    if not len(ctx.toks):
        return None
    if ctx.rt.group(rule["id"], "patterns", ctx.lang).starts(ctx.toks):
        return None
    return [(ctx.toks.start[0], ctx.toks.end[0])]


def _contains(rule: dict, ctx: _Context) -> list | None:
    found = ctx.matches(rule["id"])
    return ctx.spans(found) if found else None


def _me_first(rule: dict, ctx: _Context) -> list | None:
    toks = ctx.toks
    n = len(toks)
    if not n:
        return None
    skip = 0
    greeting = rule.get("greeting_from")
    if greeting and ctx.rt.group(greeting, "patterns", ctx.lang).starts(toks):
        skip = n
        for k in range(1, n):
            if toks.brk[k] or any(c in toks.sep[k] for c in ",—–-"):
                skip = k
                break
    about = [ctx.first(rule["id"], "you", skip)]
    for other in ([rule["reasons_from"]] if rule.get("reasons_from") else []):
        about.append(ctx.first(other, lo=skip))
    first_about = min((a for a in about if a is not None), default=n)
    intros = [a for a, _ in ctx.matches(rule["id"]) if skip <= a < first_about]
    if not intros:
        return None
    intro = min(intros)
    last = first_about - 1
    if first_about == n:
        # Nothing about the reader: the stretch ends with the last sentence that introduces the writer.
        last_sentence = max(toks.sentence[a] for a in intros)
        while last > intro and toks.sentence[last] > last_sentence:
            last -= 1
    if first_about < n:
        sentences = toks.sentence[first_about] - toks.sentence[intro]
        # the sentence that reaches the reader counts when it starts with a long stretch about oneself
        start = first_about
        while start > intro and toks.sentence[start - 1] == toks.sentence[first_about]:
            start -= 1
        if first_about - start >= rule.get("min_words_before_you", 6) and start > intro:
            sentences += 1
    else:
        sentences = toks.sentence[last] - toks.sentence[intro] + 1
    chars = toks.end[last] - toks.start[intro]
    if sentences >= rule["min_sentences"] or chars > rule["min_chars"]:
        return [(toks.start[intro], toks.end[last])]
    return None


def _empty_comment(rule: dict, ctx: _Context) -> list | None:
    toks = ctx.toks
    n = len(toks)
    if not n:
        chunks = [m.span() for m in _chunks(ctx.text)]
        if not chunks:
            return None
        to16 = utf16_offsets(ctx.text)
        return [(to16(chunks[0][0]), to16(chunks[-1][1]))]
    stock = ctx.matches(rule["id"])
    if stock:
        stock = stock + [m for other in rule.get("also_stock") or [] for m in ctx.matches(other)]
    inside = [False] * n
    for a, b in stock:
        for k in range(a, b + 1):
            inside[k] = True
    filler = ctx.rt.group(rule["id"], "filler", ctx.lang)
    fillers = [p.items[0][1] for p in filler.patterns]
    content = 0
    for k in range(n):
        if inside[k] or toks.norm[k] is None:
            continue
        if any(spec.test(toks.norm[k]) for spec in fillers):
            continue
        content += 1
    if not stock:
        # no stock praise, but not one word beyond filler either ("This.", "Me too")
        return [(toks.start[0], toks.end[n - 1])] if content == 0 else None
    if content < rule["min_words"]:
        return ctx.spans(stock)
    return None


# --- scanners over the raw text (each one pass, bounded look-around) ---

def _link(rule: dict, ctx: _Context) -> list | None:
    text = ctx.text
    tlds = set(rule["tlds"])
    to16 = None
    spans = []
    for chunk in _dotted_chunks_re().finditer(text):
        word = chunk.group()
        led = word.lstrip(LEAD_CHARS)
        trimmed = led.rstrip(TRAIL_CHARS)
        if _is_link(trimmed.lower(), tlds):
            start = chunk.start() + len(word) - len(led)
            end = start + len(trimmed)
            to16 = to16 or utf16_offsets(text)
            spans.append((to16(start), to16(end)))
    return spans or None


LEAD_CHARS = "([{\"'«“‘<¿¡*_"
TRAIL_CHARS = ".,;:!?)]}\"'»”’>…*_"
_HOST_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def _host_label(label: str) -> bool:
    return bool(label) and label[0] != "-" and label[-1] != "-" and all(c in _HOST_CHARS for c in label)


def _chunks(text: str):
    return _chunk_re().finditer(text)


@lru_cache(maxsize=1)
def _chunk_re():
    space = textmod.char_classes()["space"]
    assert all(b <= 0xFFFF for _, b in space)  # a negated class needs the whole class in one piece
    return re.compile(f"[^{textmod._class_source(space)}]+")


@lru_cache(maxsize=1)
def _dotted_chunks_re():
    """The chunks (runs of non-space) that hold a dot: only they can be links.

    Possessive runs and a start at a chunk's first character keep the search linear: a start
    inside a chunk fails at once, and a run never gives back what it took."""
    space = textmod._class_source(textmod.char_classes()["space"])
    return re.compile(f"(?<![^{space}])[^{space}.]*+\\.[^{space}]*+")


def _is_link(chunk: str, tlds: set[str]) -> bool:
    for scheme in ("https://", "http://", "www."):
        if chunk.startswith(scheme) and len(chunk) > len(scheme):
            return True
    at = chunk.rfind("@")
    if at >= 0:
        chunk = chunk[at + 1:]
    host = chunk
    for stop in "/?#":
        cut = host.find(stop)
        if cut >= 0:
            host = host[:cut]
    labels = host.split(".")
    if len(labels) < 2 or labels[-1] not in tlds:
        return False
    return all(_host_label(label) for label in labels)


@lru_cache(maxsize=2)
def _number_re(astral: bool = True):
    """A number; without `astral`, for a text with no digit beyond the BMP (about 4x faster)."""
    digits = textmod.char_classes()["digit"]
    digit = textmod.one_of(digits if astral else textmod.split_bmp(digits)[0])
    return re.compile(f"{digit}+(?:[.,'\u00a0\u202f]{digit}+)*")


def _price(rule: dict, ctx: _Context) -> list | None:
    text = ctx.text
    if not any(c in text for c in "0123456789") and not _number_re(ctx.toks.astral).search(text):
        return None
    size = len(text)
    symbols = set(rule["symbols"])
    after_words = set(rule["currencies_after"])
    before_words = set(rule["currencies_before"])
    percent = rule["percent_after"]
    magnitudes = set(rule.get("magnitudes") or ())
    spans = []
    for number in _number_re(ctx.toks.astral).finditer(text):
        start, end = number.span()
        hit = None
        # after the number: at most one space, then a symbol or a currency word
        k = end
        if k < size and textmod.classify(text[k]) == "space":
            k += 1
        if k < size and text[k] in symbols:
            hit = (start, k + 1)
        elif k < size and text[k] == "%":
            rest = k + 1
            while rest < size and rest < k + 4 and textmod.classify(text[rest]) == "space":
                rest += 1
            window = text[rest:rest + 24].lower()
            for phrase in percent:
                if window.startswith(phrase):
                    after = rest + len(phrase)
                    if after >= size or not textmod.is_word_char(text[after]):
                        hit = (start, after)
                        break
        else:
            word_end = k
            while word_end < size and word_end - k <= 10 and textmod.classify(text[word_end]) == "letter":
                word_end += 1
            if word_end > k and text[k:word_end].lower() in after_words and (
                    word_end >= size or not textmod.is_word_char(text[word_end])):
                hit = (start, word_end)
        if hit is None:
            # before the number: a symbol or a currency code, at most one space between
            k = start
            if k > 0 and textmod.classify(text[k - 1]) == "space":
                k -= 1
            if k > 0 and text[k - 1] in symbols:
                hit = (k - 1, end)
            else:
                word_start = k
                while word_start > 0 and k - word_start <= 4 and textmod.classify(text[word_start - 1]) == "letter":
                    word_start -= 1
                if word_start < k and text[word_start:k].lower() in before_words and (
                        word_start == 0 or not textmod.is_word_char(text[word_start - 1])):
                    hit = (word_start, end)
            if hit and _word_after(text, end, magnitudes):
                hit = None  # "$10M ARR", "€2 bn raised": an amount of money, not a price
        if hit:
            spans.append(hit)
    if not spans:
        return None
    to16 = utf16_offsets(text)
    return _merge([(to16(a), to16(b)) for a, b in spans])


def _word_after(text: str, end: int, words: set) -> bool:
    """Whether one of `words` (letters, any case) follows `end`, after at most one space."""
    size = len(text)
    k = end
    if k < size and textmod.classify(text[k]) == "space":
        k += 1
    word_end = k
    while word_end < size and word_end - k <= 10 and textmod.classify(text[word_end]) == "letter":
        word_end += 1
    return word_end > k and text[k:word_end].lower() in words and (
        word_end >= size or not textmod.is_word_char(text[word_end]))


@lru_cache(maxsize=1)
def _merge_re():
    classes = textmod.char_classes()
    letter = textmod.one_of(classes["letter"])
    inner = sorted(classes["letter"] + classes["mark"] + classes["digit"])
    body = f"{letter}{textmod.one_of(inner, '_ -')}{{0,39}}"
    tight = f"{letter}{textmod.one_of(inner, '_')}{{0,39}}"
    return re.compile(f"\\{{\\{{{body}\\}}\\}}|\\{{{body}\\}}|\\[{body}\\]|<{body}>|%{tight}%")


def _merge_field(rule: dict, ctx: _Context) -> list | None:
    text = ctx.text
    if not any(c in text for c in "[{<%"):
        return None
    found = [m.span() for m in _merge_re().finditer(text)]
    if "`" in text:
        # inside `code` a {placeholder} is code (an f-string, a template), not an unfilled gap
        ticks = [m.start() for m in re.finditer("`", text)]
        found = [(a, b) for a, b in found if not _in_code(ticks, a)]
    if not found:
        return None
    to16 = utf16_offsets(text)
    return [(to16(a), to16(b)) for a, b in found]


def _in_code(ticks: list[int], start: int) -> bool:
    """Whether `start` lies between an opening backtick and its closing one."""
    before = bisect.bisect_left(ticks, start)
    return before % 2 == 1 and before < len(ticks)


KINDS = {"contains": _contains, "missing": _missing, "starts": _starts, "shouting": _shouting,
         "me-first": _me_first, "empty-comment": _empty_comment, "link": _link, "price": _price,
         "merge-field": _merge_field}


def check(document: dict, text: str, lang: str, situation: str, account: str = "premium",
          ui_lang: str | None = None) -> dict:
    """Length, limit, state and findings (rule, severity, spans) for one draft."""
    rt = runtime(document)
    situation = situation_of(document, situation)
    if lang not in document["languages"]:
        raise ValueError(f"unknown language {lang!r}: use one of {document['languages']}")
    length = utf16_length(text)
    limit = limit_of(document, situation, account)
    ctx = _Context(rt, text, lang)
    findings = []
    for rule in document["rules"]:
        if situation not in rule["situations"]:
            continue
        if rule["kind"] == "length":
            spans = _length_span(text, limit) if limit is not None and length > limit else None
        else:
            spans = KINDS[rule["kind"]](rule, ctx)
        if spans is not None:
            findings.append(Finding(rule["id"], rule["severity"], tuple(tuple(s) for s in spans),
                                    rule["message"][ui_lang or lang], rule["link"]))
    return {"length": length, "limit": limit, "state": state_of(document, situation, length),
            "findings": findings}
