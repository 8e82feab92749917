"""Each entry's generated page: its Markdown, its description, one page per entry and language."""

import yaml

from scripts.model.catalog import Catalog
from scripts.model.languages import ROOT, load_languages
from scripts.render.entry_pages import description, entry_markdown, entry_pages


def test_a_short_explanation_is_the_whole_description():
    assert description("Short and  clear.\n") == "Short and clear."


def test_a_long_explanation_keeps_whole_sentences_within_the_limit():
    text = "First sentence here. " + "Second one is longer than the rest of them all. " * 6
    kept = description(text, limit=80)
    assert kept == "First sentence here. Second one is longer than the rest of them all."
    assert len(kept) <= 80


def test_one_long_sentence_is_kept_whole_rather_than_cut_mid_word():
    text = "word " * 60
    assert description(text, limit=50) == text.strip()


def test_the_markdown_has_front_matter_a_heading_and_the_marker():
    markdown = entry_markdown("template", "met-at-event", "Tras \"un\" evento: #1", "Funciona: porque sí.")
    front, body = markdown.split("---\n", 2)[1:]
    assert yaml.safe_load(front) == {"description": "Funciona: porque sí.", "hide": ["toc"], "search": {"exclude": True}}
    assert body.strip().splitlines()[0] == '# Tras "un" evento: #1'
    assert "<!-- guide:template met-at-event -->" in body


def test_every_entry_gets_one_page_per_language():
    languages = load_languages()
    catalog = Catalog.load(ROOT, languages, "")
    pages = entry_pages(catalog, [lang.code for lang in languages])
    expected = len(languages) * (len(catalog.templates) + len(catalog.antipatterns))
    assert len(pages) == expected
    page = pages["pl/templates/met-at-event.md"]
    assert (page.kind, page.id, page.lang, page.data_path) == ("template", "met-at-event", "pl",
                                                                "data/templates/met-at-event.yml")
    assert f"# {catalog.templates['met-at-event']['title']['pl']}\n" in page.markdown


def test_an_entry_page_names_a_bounded_number_of_neighbours_and_every_entry_is_named():
    from scripts.render.markers import neighbours

    group = [f"t{i:02d}" for i in range(20)]
    assert neighbours(group, "t03", 6) == ["t04", "t05", "t06", "t07", "t08", "t09"]
    assert neighbours(group, "t18", 6) == ["t19", "t00", "t01", "t02", "t03", "t04"]  # wraps round
    assert neighbours(["a", "b"], "a", 6) == ["b"]
    named = {n for entry in group for n in neighbours(group, entry, 6)}
    assert named == set(group)  # a bounded page, yet every entry is linked from another
