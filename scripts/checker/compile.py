"""data/checker-rules.yml -> problems (R-codes) and ONE compiled JSON document.

The compiled document holds the rules with their patterns parsed, every lemma expanded into
its forms, the character classes, the limits per situation and the messages: checker.js
and engine.py both read it, so they cannot disagree about what a rule means.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import forms as forms_module
from .patterns import PatternError, lemmas_of, parse
from ..model.memo import memo
from .text import BREAKS, FOLD, JOINERS, MAX_MARKS, MAX_SEP, MAX_TOKEN, char_classes

ENGINE_VERSION = "2.0"
RULES = Path("data") / "checker-rules.yml"
LIMITS = Path("data") / "limits.yml"
KINDS = {"contains", "missing", "starts", "length", "shouting", "link", "price", "merge-field", "me-first",
         "empty-comment"}
SEVERITIES = {"error", "warning"}
PATTERN_GROUPS = ("patterns", "except", "you", "filler")  # per-language lists of patterns
NEEDS_PATTERNS = {"contains", "missing", "starts", "me-first", "empty-comment"}
INTEGERS = {"shouting": ("max_exclamations", "max_caps_words", "caps_word_length"),
            "me-first": ("min_chars", "min_sentences"), "empty-comment": ("min_words",)}
LISTS = {"link": ("tlds",), "price": ("currencies_after", "currencies_before", "symbols", "percent_after", "magnitudes")}


def read_yaml(path: Path):
    # imported late: the checks package imports this module, and the problems module lives there
    from ..model.yaml_source import read_yaml as read

    return read(path)


def _problem(rel: str, line: int, code: str, message: str, severity: str = "error"):
    from ..checks.problems import Problem

    return Problem(rel, line, code, message, severity)


def _languages(root: Path) -> list[str]:
    from ..model.languages import load_languages

    config = root / "mkdocs.yml"
    return [lang.code for lang in (load_languages(config) if config.exists() else load_languages())]


# Content-keyed, so one folder serves every copy of the project (tests build throwaway ones).
CACHE = Path(__file__).resolve().parents[2] / ".cache"


def check_rules(root: Path, languages: list[str] | None = None) -> list:
    """Every problem in data/checker-rules.yml, each at its line; never raises on bad input.
    Memoised by the rules' and limits' bytes (and our code, through the memo's key)."""
    languages = languages or _languages(root)
    inputs = [(root / name).read_bytes() if (root / name).is_file() else b"" for name in (RULES, LIMITS)]
    return memo().get("rules", *inputs, ",".join(languages), compute=lambda: _read(root, languages)[0])


def _read(root: Path, languages: list[str]):
    """(problems, parsed) where parsed is None when the file cannot be compiled."""
    path = root / RULES
    rel = RULES.as_posix()
    source = read_yaml(path)
    data = source.data
    if source.error or not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        line = source.error[0] if source.error else 1
        return [_problem(rel, line, "R001", "not a valid rules file: it needs `situations:` and a `rules:` list "
                                             "(see the comment at its top)")], None
    problems: list[Problem] = []
    situations = data.get("situations")
    if not isinstance(situations, dict) or not situations:
        problems.append(_problem(rel, source.line("situations"), "R005",
                                 "`situations:` must map each situation id to {limit: <channel of data/limits.yml>}"))
        situations = {}
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict) or any(v not in situations for v in aliases.values()):
        problems.append(_problem(rel, source.line("aliases"), "R005", "`aliases:` maps a name to a known situation"))
        aliases = {}
    extra_forms = data.get("forms") or {}
    if not isinstance(extra_forms, dict) or not all(
            isinstance(v, dict) and all(isinstance(f, list) and all(isinstance(x, str) for x in f) for f in v.values())
            for v in extra_forms.values()):
        problems.append(_problem(rel, source.line("forms"), "R003",
                                 "`forms:` maps a language to {lemma: [form, ...]}"))
        extra_forms = {}
    rules, ids = [], set()
    for index, rule in enumerate(data["rules"]):
        where = ("rules", index)
        line = source.line(*where)
        if not isinstance(rule, dict) or rule.get("kind") not in KINDS:
            problems.append(_problem(rel, line, "R001", f"rule {index + 1} needs a kind among {sorted(KINDS)}"))
            continue
        rid = rule.get("id")
        name = f"rule '{rid}'"
        if not isinstance(rid, str) or not rid or rid in ids:
            problems.append(_problem(rel, source.line(*where, "id"), "R008",
                                     f"rule {index + 1} needs a unique `id` (found {rid!r})"))
            continue
        ids.add(rid)
        bad = False
        if rule.get("severity") not in SEVERITIES:
            problems.append(_problem(rel, source.line(*where, "severity"), "R004",
                                     f"{name} needs `severity: error` or `severity: warning`"))
            bad = True
        where_applies = rule.get("situations")
        if not isinstance(where_applies, list) or not where_applies or not all(
                isinstance(s, str) and s in situations for s in where_applies):
            problems.append(_problem(rel, source.line(*where, "situations"), "R005",
                                     f"{name} needs `situations:`, a list among {sorted(situations)}"))
            bad = True
        if not isinstance(rule.get("link"), str):
            problems.append(_problem(rel, source.line(*where, "link"), "R008",
                                     f"{name} needs a `link:` relative to the language root"))
            bad = True
        for lang in languages:
            if not isinstance(rule.get("message"), dict) or not isinstance(rule["message"].get(lang), str) \
                    or not rule["message"][lang].strip():
                problems.append(_problem(rel, source.line(*where, "message"), "R002",
                                         f"{name} has no '{lang}' message: add one"))
                bad = True
        kind = rule["kind"]
        for key in INTEGERS.get(kind, ()):
            value = rule.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problems.append(_problem(rel, source.line(*where, key), "R009",
                                         f"{name} ({kind}) needs `{key}:` as a whole number ≥ 0"))
                bad = True
        for key in LISTS.get(kind, ()):
            value = rule.get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(_problem(rel, source.line(*where, key), "R009",
                                         f"{name} ({kind}) needs `{key}:` as a list of strings"))
                bad = True
        for key in ("unless_overlaps", "reasons_from", "greeting_from"):
            if key in rule:
                refs = rule[key] if isinstance(rule[key], list) else [rule[key]]
                known = {r.get("id") for r in data["rules"] if isinstance(r, dict)}
                if not all(isinstance(r, str) and r in known for r in refs):
                    problems.append(_problem(rel, source.line(*where, key), "R009",
                                             f"{name}: `{key}` must name other rules' ids"))
                    bad = True
        compiled_groups = {}
        for group in PATTERN_GROUPS:
            groups = rule.get(group)
            if groups is None:
                if group == "patterns" and kind in NEEDS_PATTERNS:
                    problems.append(_problem(rel, line, "R003", f"{name} ({kind}) needs `patterns:`"))
                    bad = True
                continue
            if not isinstance(groups, dict):
                problems.append(_problem(rel, source.line(*where, group), "R003",
                                         f"{name} `{group}:` maps a language (or `any`) to a list of patterns"))
                bad = True
                continue
            compiled_groups[group] = {}
            for lang, patterns in groups.items():
                gline = source.line(*where, group, lang)
                if lang != "any" and lang not in languages:
                    problems.append(_problem(rel, gline, "R003", f"{name} {group}: unknown language {lang!r}"))
                    bad = True
                    continue
                if not isinstance(patterns, list):
                    problems.append(_problem(rel, gline, "R003",
                                             f"{name} {group}.{lang} must be a list of patterns, not {type(patterns).__name__}"))
                    bad = True
                    continue
                out = []
                for number, pattern in enumerate(patterns):
                    pline = source.line(*where, group, lang, number)
                    try:
                        out.append(parse(pattern, allow_lemmas=lang != "any",
                                         leading="any" if kind == "starts" else "word"))
                    except PatternError as error:
                        problems.append(_problem(rel, pline, error.code, f"{name} {group}.{lang}: {error}"))
                        bad = True
                compiled_groups[group][lang] = out
        if not bad:
            rules.append((rule, compiled_groups))
    if problems:
        return problems, None
    return problems, {"data": data, "rules": rules, "situations": situations, "aliases": aliases,
                      "forms": extra_forms}


def _key(root: Path) -> str:
    digest = hashlib.sha256()
    for part in (ENGINE_VERSION, forms_module.simplemma_version(), unicodedata.unidata_version):
        digest.update(part.encode() + b"\0")
    for path in (RULES, LIMITS, Path("mkdocs.yml")):
        digest.update(((root / path).read_bytes() if (root / path).exists() else b"") + b"\0")
    digest.update(Path(__file__).with_name("patterns.py").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def compiled(root: Path) -> dict:
    """The compiled document for `root` (ValueError listing the problems if the rules are broken)."""
    root = Path(root).resolve()
    return _compiled(root, _key(root))


def compiled_key(root: Path) -> str:
    """The key of the compiled document: a hash of the rules, the limits and the engine's code."""
    return _key(Path(root).resolve())


@lru_cache(maxsize=8)
def _compiled(root: Path, key: str) -> dict:
    cache = CACHE / f"checker-{key}.json"
    if cache.exists():
        try:
            return json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    languages = _languages(root)
    problems, parsed = _read(root, languages)
    if parsed is None:
        raise ValueError("data/checker-rules.yml has problems:\n" + "\n".join(map(str, problems)))
    document = build(parsed, languages, read_yaml(root / LIMITS).data["channels"], key)
    try:
        cache.parent.mkdir(exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(cache)
        stale = sorted(cache.parent.glob("checker-*.json"), key=lambda p: p.stat().st_mtime)[:-8]
        for old in stale:  # keep the eight most recent documents
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return document


def build(parsed: dict, languages: list[str], limits: dict, key: str) -> dict:
    data = parsed["data"]
    lemmas: dict[str, set[str]] = {lang: set() for lang in languages}
    rules = []
    for rule, groups in parsed["rules"]:
        out = {k: v for k, v in rule.items() if k not in PATTERN_GROUPS}
        for group, by_lang in groups.items():
            out[group] = {}
            for lang in languages:
                patterns = by_lang.get("any", []) + by_lang.get(lang, [])
                out[group][lang] = patterns
                for pattern in by_lang.get(lang, []):
                    lemmas[lang] |= lemmas_of(pattern)
        rules.append(out)
    # forms joined by spaces: a third smaller than lists, and as quick to split in both engines
    lexicon = {lang: {lemma: " ".join(forms) for lemma, forms in
                      forms_module.expand(lang, lemmas[lang], parsed["forms"].get(lang)).items()}
               for lang in languages}
    situations = {}
    for name, spec in parsed["situations"].items():
        channel = (spec or {}).get("limit")
        limit = limits.get(channel, {}) if channel else {}
        situations[name] = {"channel": channel, **{k: limit[k] for k in ("hard", "target") if k in limit},
                            "name": (spec or {}).get("name", {}), "about": (spec or {}).get("about", {})}
    return {
        "version": ENGINE_VERSION, "key": key, "languages": languages,
        "text": {"classes": char_classes(), "breaks": BREAKS, "joiners": JOINERS, "fold": FOLD,
                 "max_token": MAX_TOKEN, "max_marks": MAX_MARKS, "max_sep": MAX_SEP},
        "situations": situations, "aliases": parsed["aliases"],
        "accounts": data.get("accounts") or {},
        "lexicon": lexicon, "rules": rules,
    }


def unknown_lemmas(document: dict) -> dict[str, list[str]]:
    """Lemmas that expanded to themselves only (probably a typo or a word with no inflection)."""
    return {lang: sorted(l for l, f in forms.items() if " " not in f) for lang, forms in document["lexicon"].items()}
