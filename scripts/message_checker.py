"""The message checker, in Python. overrides/assets/javascripts/checker.js is its twin in the
browser; tests/data/checker-cases.yml holds the cases both must answer identically."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lengths import utf16_length
from .yaml_source import read_yaml

# What a pattern may contain, so that Python's re and JavaScript's RegExp (flag "u") read it
# the same way: letters of any alphabet, digits, spaces, a few symbols and operators, and
# only the escapes \. and \$; "(?" only as "(?:" (no inline flags, no lookarounds).
PATTERN_SUBSET = re.compile(r"^(?!.*\(\?(?!:))(?:[^\W_]|[0-9 €£’'\-/:,.|()?+*\[\]^]|\\[.$])+$")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    link: str


@lru_cache(maxsize=None)
def load_rules(root: Path) -> dict:
    return read_yaml(root / "data" / "checker-rules.yml").data


def _is_word(char: str) -> bool:
    return char.isalnum()


def _matches(pattern: str, text: str, at_start: bool = False) -> bool:
    """A match of `pattern` in `text` not glued to letters or digits on either side."""
    start = len(text) - len(text.lstrip())
    for match in re.finditer(pattern, text):
        if match.end() == match.start():
            continue
        if at_start and match.start() != start:
            continue
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not (before and _is_word(before)) and not (after and _is_word(after)):
            return True
    return False


def prepare(text: str) -> str:
    """The text the patterns read: line breaks as LF, NFC, lowercase."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).lower()


def limit_for(limits: dict, channel: str, account: str) -> int | None:
    limit = limits.get(channel, {})
    if account == "free" and "target" in limit:
        return limit["target"]
    return limit.get("hard")


def length_state(length: int, limits: dict, channel: str) -> str:
    """'free' (fits a free account), 'premium' (fits only Premium), 'fits' or 'over'."""
    limit = limits.get(channel, {})
    if "target" in limit and length <= limit["target"]:
        return "free"
    if "hard" in limit and length > limit["hard"]:
        return "over"
    return "premium" if "target" in limit else "fits"


def _letter_runs(text: str) -> list[str]:
    """Maximal runs of letters (Unicode category L*), as checker.js finds them with p{L}+."""
    return ["".join(run) for is_letter, run in itertools.groupby(text, key=str.isalpha) if is_letter]


def _shouting(rule: dict, original: str) -> bool:
    exclamations = original.count("!")
    caps = [w for w in _letter_runs(original)
            if len(w) >= rule["caps_word_length"] and w == w.upper() and w != w.lower()]
    return exclamations > rule["max_exclamations"] or "!!" in original or len(caps) > rule["max_caps_words"]


def check_message(text: str, lang: str, channel: str, account: str, rules: dict, limits: dict) -> dict:
    """Length, limit, state and findings for one draft, as the browser shows them."""
    length = utf16_length(text)
    limit = limit_for(limits, channel, account)
    prepared = prepare(text)
    findings = []
    for rule in rules["rules"]:
        if channel not in rule["channels"]:
            continue
        kind = rule["kind"]
        patterns = rule.get("patterns", {})
        patterns = patterns.get("any", []) + patterns.get(lang, [])
        if kind == "length":
            hit = limit is not None and length > limit
        elif kind == "shouting":
            hit = _shouting(rule, unicodedata.normalize("NFC", text))
        elif kind == "contains":
            hit = any(_matches(p, prepared) for p in patterns)
        elif kind == "missing":
            hit = bool(prepared.strip()) and not any(_matches(p, prepared) for p in patterns)
        elif kind == "starts":
            hit = bool(prepared.strip()) and not any(_matches(p, prepared, at_start=True) for p in patterns)
        else:
            raise ValueError(f"unknown rule kind {kind!r}")
        if hit:
            findings.append(Finding(rule["id"], rule["severity"], rule["message"][lang], rule["link"]))
    return {"length": length, "limit": limit, "state": length_state(length, limits, channel),
            "findings": [f.rule for f in findings], "details": findings}


KINDS = {"contains", "missing", "starts", "length", "shouting"}


def check_rules(root: Path, languages: list[str]) -> list:
    """Problems in data/checker-rules.yml: kinds, messages per language, the pattern subset."""
    from .problems import Problem

    path = root / "data" / "checker-rules.yml"
    source = read_yaml(path)
    rel = path.relative_to(root).as_posix()
    if source.error or not isinstance(source.data, dict) or not isinstance(source.data.get("rules"), list):
        return [Problem(rel, source.error[0] if source.error else 1, "R001",
                        "not a valid rules file: it needs a `rules:` list (see the comment at its top)")]
    problems = []
    for index, rule in enumerate(source.data["rules"]):
        where = ("rules", index)
        if not isinstance(rule, dict) or rule.get("kind") not in KINDS:
            problems.append(Problem(rel, source.line(*where), "R001",
                                    f"rule {index + 1} needs a kind among {sorted(KINDS)}"))
            continue
        for lang in languages:
            if not (rule.get("message") or {}).get(lang):
                problems.append(Problem(rel, source.line(*where, "message"), "R002",
                                        f"rule '{rule.get('id')}' has no '{lang}' message: add one"))
        for group, patterns in (rule.get("patterns") or {}).items():
            for number, pattern in enumerate(patterns):
                line = source.line(*where, "patterns", group)
                if not isinstance(pattern, str) or not PATTERN_SUBSET.match(pattern) or pattern != pattern.lower():
                    problems.append(Problem(rel, line, "R003",
                                            f"rule '{rule.get('id')}' {group} pattern {pattern!r} leaves the shared "
                                            "subset: lowercase letters, digits, spaces, | ( ) ? + * [ ] ^ and \\. \\$ only"))
                    continue
                try:
                    re.compile(pattern)
                except re.error as error:
                    problems.append(Problem(rel, line, "R003",
                                            f"rule '{rule.get('id')}' {group} pattern {pattern!r} does not compile ({error})"))
    return problems
