"""Sharing on LinkedIn: <title> from the page's heading, Open Graph tags, and a 1200×630 card
per page and language that is drawn offline and byte for byte the same every time."""

from __future__ import annotations

import io
import os
import re

import pytest
from PIL import Image

from scripts.model.languages import load_languages
from scripts.site import social

LANGS = load_languages()
HEAD = ('<html lang="en"><head><title>Copy - Real Connections</title>'
        '<meta name="description" content="Templates &amp; more">'
        '<link rel="canonical" href="https://example.org/en/templates/"></head>'
        '<body><h1 id="t">Templates to copy<a class="headerlink" href="#t">¶</a></h1></body></html>')


def test_the_title_element_says_the_heading_not_the_menu_verb():
    out = social.title_from_heading(HEAD, "Real Connections")
    assert "<title>Templates to copy - Real Connections</title>" in out


def test_a_home_whose_heading_is_the_site_name_is_titled_just_the_name():
    home = HEAD.replace("Templates to copy", "Real Connections")
    assert "<title>Real Connections</title>" in social.title_from_heading(home, "Real Connections")


def test_open_graph_tags_come_from_the_page_itself():
    out = social.add_open_graph(HEAD, "Real Connections", ["es", "en", "pl"])
    tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', out))
    assert tags["og:title"] == "Templates to copy"
    assert tags["og:description"] == "Templates &amp; more"
    assert tags["og:url"] == "https://example.org/en/templates/"
    assert tags["og:image"] == "https://example.org/en/templates/card.png"
    assert tags["og:locale"] == "en_GB" and tags["og:type"] == "article"
    assert re.findall(r'og:locale:alternate" content="([^"]+)"', out) == ["es_ES", "pl_PL"]
    assert social.add_open_graph(out, "Real Connections", ["en"]) == out  # never twice


def test_a_card_is_1200_by_630_and_the_same_bytes_every_time():
    words = ("Jak napisać notatkę do zaproszenia", "Żółć, gęślą jaźń: ¿Qué tal, Lucía?", "Prawdziwe kontakty",
             "example.org/pl/")
    first, second = social.draw_card(*words), social.draw_card(*words)
    assert first == second
    assert Image.open(io.BytesIO(first)).size == (1200, 630)
    assert social.draw_card(*words[:1], "other", *words[2:]) != first


def test_cards_are_cached_by_their_words(tmp_path):
    words = ("Title", "Description", "Site", "example.org/")
    drawn = social.card(tmp_path, *words)
    assert len(list(tmp_path.glob("*.png"))) == 1
    assert social.card(tmp_path, *words) == drawn


def test_cards_drawn_on_several_processors_are_the_cards_drawn_one_by_one(tmp_path):
    words = [(f"Title {n}", "A description", "Site", f"example.org/{n}/") for n in range(social.PARALLEL_FROM)]
    parallel = social.cards(tmp_path / "a", words, parallel=True)
    assert parallel == [social.draw_card(*w) for w in words]
    assert len(list((tmp_path / "a").glob("*.png"))) == len(words)
    assert social.cards(tmp_path / "a", words) == parallel  # from the cache now


def test_cards_wanted_during_the_build_are_drawn_beside_it_and_match(tmp_path):
    words = [(f"Título {n}", "Una descripción", "Sitio", f"example.org/{n}/") for n in range(social.PARALLEL_FROM + 5)]
    painter = social.Painter(tmp_path, parallel=True)
    try:
        for card_words in words:
            painter.want(card_words)
        assert painter._handed, "handed to the drawing processes before the build asks for them"
        drawn = painter.cards(words)
    finally:
        painter.close()
    assert drawn == [social.draw_card(*card_words) for card_words in words]
    assert social.Painter(tmp_path).cards(words[:3]) == drawn[:3]  # kept in the cache


def test_a_cached_card_is_placed_in_the_site_without_writing_through_it(tmp_path):
    cached = tmp_path / "cache" / "card.png"
    cached.parent.mkdir()
    cached.write_bytes(b"the card")
    site_card = tmp_path / "site" / "en" / "page" / "card.png"
    site_card.parent.mkdir(parents=True)
    site_card.write_bytes(b"last build's card")
    social.place(cached, site_card)
    assert site_card.read_bytes() == b"the card"
    assert os.stat(site_card).st_ino == os.stat(cached).st_ino  # same file system: linked, not copied
    social.place(cached, site_card)  # again over its own link: the cache survives
    assert cached.read_bytes() == b"the card"


def test_a_card_goes_into_the_cache_whole_or_not_at_all(tmp_path, monkeypatch):
    path = tmp_path / "card.png"

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(social.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        social._keep(path, b"a card")
    assert list(tmp_path.iterdir()) == []  # neither the card nor a piece of it
    monkeypatch.undo()
    social._keep(path, b"a card")
    assert path.read_bytes() == b"a card" and [p.name for p in tmp_path.iterdir()] == ["card.png"]
