"""LinkedIn's figures on the pages: `<!-- guide:fact id -->` in a sentence, the sources table and
the articles list, each in the page's language and with its thousands separator."""

from __future__ import annotations

import dataclasses

import pytest

from scripts.model.limits import Facts, articles_from, figures_from, load_facts
from scripts.render.markers import fact, number, render_markers
from tests.conftest import ROOT


class _Catalog:
    """Just what the fact marker reads: the facts and the interface words."""

    def __init__(self, facts: Facts):
        import yaml

        self.facts = facts
        self.ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


FACTS = load_facts(ROOT)
CATALOG = _Catalog(FACTS)


@pytest.mark.parametrize("value, lang, written", [
    (1900, "es", "1900"), (1900, "en", "1,900"), (1900, "pl", "1900"),
    (8000, "es", "8000"), (10000, "es", "10\u00a0000"), (10000, "en", "10,000"), (10000, "pl", "10\u00a0000"),
    (3, "pl", "3"),
])
def test_numbers_are_written_as_each_language_writes_them(value, lang, written):
    assert number(value, lang) == written


def test_a_fact_is_the_figure_the_data_holds_in_the_page_language():
    hard = FACTS.figures["inmail"].value
    assert fact(CATALOG, "inmail", "en") == number(hard, "en")
    assert fact(CATALOG, "invitation-note-free", "pl") == number(FACTS.figures["invitation-note"].target, "pl")
    notes = FACTS.figures["notes-per-month"]
    assert fact(CATALOG, "notes-per-month", "es") == str(notes.value) == str(min(notes.stated()))
    assert fact(CATALOG, "notes-per-month-range", "en") == f"{notes.low} to {notes.high}"
    assert fact(CATALOG, "notes-per-month-range", "es") == f"de {notes.low} a {notes.high}"
    assert fact(CATALOG, "notes-per-month-range", "pl") == f"od {notes.low} do {notes.high}"
    assert fact(CATALOG, "pending-invitations-reported", "en") == "500"


def test_an_agreeing_figure_has_no_range_and_a_changed_figure_changes_every_sentence():
    data = {"channels": {"post": {"hard": 3000, "confidence": "high", "sources": [
        {"kind": "help-center", "recorded": "2026-11-22", "confidence": "high", "states": 3000}]}}}
    catalog = _Catalog(Facts(figures_from(data), {}))
    assert fact(catalog, "post-range", "en") == "3,000"
    data["channels"]["post"]["hard"] = 12000
    catalog = _Catalog(Facts(figures_from(data), {}))
    assert render_markers("Up to <!-- guide:fact post --> characters.", "pl", catalog, None) == \
        "Up to 12\u00a0000 characters."


@pytest.mark.parametrize("spec, words", [
    ("inmial", "unknown fact 'inmial'"),
    ("pending-invitations", "not published by LinkedIn"),
    ("inmail-reported", "published"),
    ("email", "published"),  # e-mail has no LinkedIn figure at all
])
def test_a_fact_that_cannot_be_shown_is_an_authors_error_not_a_blank(spec, words):
    with pytest.raises(ValueError, match=words):
        fact(CATALOG, spec, "en")


def test_the_fact_marker_needs_an_id():
    with pytest.raises(ValueError, match="take an id"):
        render_markers("<!-- guide:fact -->", "en", CATALOG, None)


def test_strictest_and_spread_come_from_the_sources():
    figure = figures_from({"allowances": {"x": {"plan": 3, "confidence": "medium", "why": {"en": "."}, "sources": [
        {"kind": "help-center", "recorded": "2026-11-23", "confidence": "medium", "states": 3},
        {"kind": "help-center", "recorded": "2026-11-22", "confidence": "low", "states": 5}]}}})["x"]
    assert figure.disagree and (figure.low, figure.high, figure.value_key) == (3, 5, "plan")
    assert not dataclasses.replace(figure, sources=figure.sources[:1]).disagree


def test_articles_keep_what_the_copy_gives_and_nothing_more():
    articles = articles_from({"articles": {"004": {"language": "pl", "topic": {"en": "t"}, "took": {"en": "w"}}}})
    article = articles["004"]
    assert (article.title, article.author, article.site, article.published) == (None, None, None, None)
    assert set(FACTS.articles) == {"000", "001", "002", "003", "004"}
