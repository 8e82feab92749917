"""The spelling gate: every text a reader sees (scripts/texts.py), in every language, through
Debian's Hunspell dictionaries via pyenchant, less the project's word lists
(data/wordlist/<lang>.txt for that language, data/wordlist/names.txt for names and brands in
every language). A misspelt word is `file:line: S001 word «x»: suggestions`.

Without a dictionary the check cannot pass silently: under CI=true that is an error (S002),
elsewhere a warning saying how to install it. Results per word are cached in
.cache/spelling-<lang>.json, keyed by the dictionary files and the word lists, so an
unchanged text never loads the dictionary again."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from .problems import ERROR, WARNING, Problem
from ..model.memo import memo
from ..model.texts import reader_files

DICTIONARIES = {"es": "es_ES", "en": "en_GB", "pl": "pl_PL"}
PACKAGES = {"es": "hunspell-es", "en": "hunspell-en-gb", "pl": "hunspell-pl"}
# A word: letters (any alphabet) with inner apostrophes or hyphens; digits make it a code.
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w'’]|-\s)")
HUNSPELL_DIR = Path("/usr/share/hunspell")


def _wordlist(root: Path, lang: str) -> set[str]:
    words: set[str] = set()
    for name in (f"{lang}.txt", "names.txt"):
        path = root / "data" / "wordlist" / name
        if path.exists():
            words |= {w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                      if w.strip() and not w.startswith("#")}
    return words


def _signature(root: Path, lang: str) -> str:
    parts = []
    for path in (HUNSPELL_DIR / f"{DICTIONARIES[lang]}.dic", HUNSPELL_DIR / f"{DICTIONARIES[lang]}.aff",
                 root / "data" / "wordlist" / f"{lang}.txt", root / "data" / "wordlist" / "names.txt"):
        parts.append(f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}" if path.exists() else path.name)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def enchant_module():
    """pyenchant, or None when it (or the libenchant it wraps) is not installed."""
    try:
        import enchant
    except (ImportError, OSError):
        return None
    return enchant


class _Speller:
    """Answers 'is this word right?' from the cache, loading the dictionary only when needed."""

    def __init__(self, root: Path, lang: str):
        self.lang = lang
        self.cache_path = root / ".cache" / f"spelling-{lang}.json"
        self.signature = _signature(root, lang)
        cached = {}
        try:
            cached = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        self.known: dict[str, list[str] | None] = cached.get("words", {}) if cached.get("signature") == self.signature else {}
        self.changed = False
        self._dictionary = None

    def available(self) -> bool:
        if self._dictionary is not None:
            return True
        enchant = enchant_module()
        if enchant is None:
            return False
        try:
            self._dictionary = enchant.Dict(DICTIONARIES[self.lang])
        except enchant.errors.DictNotFoundError:
            return False
        return True

    def _right(self, word: str) -> bool:
        check = self._dictionary.check
        if check(word) or (word[:1].isupper() and check(word.lower())):
            return True
        if self.lang == "en" and word.endswith("'s"):
            return self._right(word[:-2])
        if self.lang == "es":
            return any(check(base) for base in spanish_enclitic_bases(word.lower()))
        return False

    def suggestions(self, word: str) -> list[str] | None:
        """None when the word is right, else up to three suggestions."""
        if word not in self.known:
            ok = self._right(word)
            self.known[word] = None if ok else self._dictionary.suggest(word)[:3]
            self.changed = True
        return self.known[word]

    def save(self) -> None:
        if self.changed:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self.cache_path.write_text(json.dumps({"signature": self.signature, "words": self.known},
                                                  ensure_ascii=False, sort_keys=True), encoding="utf-8")


_PRONOUNS = ("me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les")
_ACCENTS = str.maketrans("áéíóú", "aeiou")


def spanish_enclitic_bases(word: str) -> list[str]:
    """Verb forms a Spanish word may be with its pronouns attached: Hunspell's Spanish
    dictionary lists «prueba» but not «pruébalo», «preséntamela» or «indíqueme». Every way of
    reading one or two pronouns off the end is tried; removing them also removes the accent
    they forced (and a «-d» imperative lost before «os» comes back)."""
    bases = []
    for first in _PRONOUNS:
        for second in ("",) + _PRONOUNS:
            suffix = first + second
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                stem = word[:-len(suffix)]
                bases += [stem, stem.translate(_ACCENTS)]
                if suffix == "os" or suffix.startswith("os"):
                    bases.append(stem + "d")
    return bases


class _NoDictionary(Exception):
    pass


def _misspellings(lines, allowed: set[str], allowed_lower: set[str], speller: _Speller) -> list[tuple]:
    """(word, path, line, suggestions) for every word of `lines` the dictionary does not know."""
    places: dict[str, list[tuple[str, int]]] = {}
    for line in lines:
        if "TODO" in line.text:
            continue  # a scaffold's stub: D006 already refuses it, in any language
        for word in _WORD.findall(line.text.replace("’", "'")):
            if word in allowed or word.lower() in allowed_lower or len(word) < 2 or word.isupper():
                continue  # acronyms (CV, HR, SQL) are names, not words a dictionary holds
            places.setdefault(word, []).append((line.path, line.line))
    if any(word not in speller.known for word in places) and not speller.available():
        raise _NoDictionary
    return [(word, path, number, suggestions) for word, where in places.items()
            if (suggestions := speller.suggestions(word)) is not None for path, number in where]


def check_spelling(root: Path, languages: Sequence[Language]) -> list[Problem]:
    codes = {lang.code for lang in languages}
    problems: list[Problem] = []
    for lang in languages:
        if lang.code not in DICTIONARIES:
            continue
        allowed = _wordlist(root, lang.code)
        allowed_lower = {w.lower() for w in allowed}
        speller = _Speller(root, lang.code)
        found: list[tuple] = []
        try:
            for unit in reader_files(root, lang.code, codes):
                # A file's misspellings depend only on its bytes, the dictionary and the word lists.
                found += memo().get("S001", unit.digest, speller.signature, compute=lambda unit=unit: _misspellings(
                    unit.lines, allowed, allowed_lower, speller))
        except _NoDictionary:
            ci = os.environ.get("CI") == "true"
            problems.append(Problem(
                "data/wordlist", 1, "S002",
                f"no {DICTIONARIES[lang.code]} Hunspell dictionary, so '{lang.code}' texts were not spell-checked: "
                f"install it with `apt-get install {PACKAGES[lang.code]} libenchant-2-2`",
                severity=ERROR if ci else WARNING))
            continue
        for word, path, number, suggestions in sorted(found, key=lambda f: f[0]):
            hint = ", ".join(suggestions) if suggestions else "no suggestion"
            problems.append(Problem(path, number, "S001",
                                    f"'{lang.code}' word «{word}» is not in the dictionary: {hint} "
                                    f"(or add it to data/wordlist/{lang.code}.txt if it is right)"))
        speller.save()
    return problems
