"""The message checker, second generation: token patterns, lemma expansion, linear matching.

  text.py      characters, tokens, normalisation (shared definitions shipped to the browser)
  patterns.py  the pattern language and its R-codes
  forms.py     lemma -> inflected forms (simplemma)
  compile.py   data/checker-rules.yml -> problems, and ONE compiled JSON document (cached)
  engine.py    check(): findings with UTF-16 spans; checker.js is its twin
  evaluate.py  precision and recall on tests/data/checker-corpus and the site's own examples
  cli.py       python -m scripts checker
"""

from __future__ import annotations

from pathlib import Path

from .compile import check_rules, compiled
from .engine import Finding, check, limit_of, state_of


def check_message(text: str, lang: str, situation: str, account: str = "premium", rules: dict | None = None,
                  limits: dict | None = None, root: Path | None = None, ui_lang: str | None = None) -> dict:
    """Length, limit, state and findings for one draft.

    `rules` is the compiled document (load_rules(root)); `limits` is accepted for the old call
    signature and ignored (the document carries the limits). The result's "findings" are
    Finding objects (rule, severity, spans, message, link); "details" is the same list.
    """
    if rules is None:
        from ..model.languages import ROOT

        rules = compiled(root or ROOT)
    result = check(rules, text, lang, situation, account, ui_lang)
    result["details"] = result["findings"]
    return result


def load_rules(root: Path) -> dict:
    return compiled(root)


__all__ = ["Finding", "check", "check_message", "check_rules", "compiled", "limit_of", "load_rules", "state_of"]
