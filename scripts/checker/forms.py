"""Every inflected form of a lemma, from simplemma's dictionaries (form -> lemma, inverted).

Loading the Polish dictionary takes seconds, so compile.py caches the expansion under
`.cache/` keyed by the rules file and simplemma's version; this module only computes it.
"""

from __future__ import annotations

from .patterns import _is_token, fold


def simplemma_version() -> str:
    try:
        from importlib.metadata import version

        return version("simplemma")
    except Exception:  # pragma: no cover - simplemma missing: the expansion is lemma-only
        return "missing"


def expand(lang: str, lemmas: set[str], extra: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """{lemma: sorted forms} for the given lemmas of one language (the lemma itself included)."""
    wanted = {fold(lemma) for lemma in lemmas}
    found: dict[str, set[str]] = {lemma: {lemma} for lemma in wanted}
    if wanted:
        try:
            from simplemma.strategies.dictionaries import DefaultDictionaryFactory
        except ImportError as error:  # pragma: no cover
            raise RuntimeError("simplemma is missing: pip install -r requirements.txt") from error
        dictionary = DefaultDictionaryFactory().get_dictionary(lang)
        for form, lemma in dictionary.items():
            lemma = lemma.lower() if isinstance(lemma, str) else lemma.decode("utf-8").lower()
            if lemma in wanted:
                form = fold(form if isinstance(form, str) else form.decode("utf-8"))
                if _is_token(form):
                    found[lemma].add(form)
    for lemma, forms in (extra or {}).items():
        key = fold(lemma)
        if key in found:
            found[key].update(fold(f) for f in forms)
    return {lemma: sorted(forms) for lemma, forms in sorted(found.items())}
