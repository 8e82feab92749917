"""RawBlocks: a partial's cards pass Markdown as placeholders, headings and all."""

import markdown

from scripts.render.markers import RawBlocks

CARD = ('<article class="guide-card" data-entry="a">\n<h3 class="guide-card__title" id="a"><a href="x/">A &amp; B</a></h3>\n'
        '<p>Some <em>text</em> with *stars* and [brackets](y.md)</p>\n<input type="text" id="a-name">\n</article>')


def test_restore_gives_back_exactly_what_was_kept():
    raw = RawBlocks()
    other = CARD.replace('id="a"', 'id="b"').replace('id="a-name"', 'id="b-name"')
    html = "<div>\n" + CARD + "\n" + other + "\n</div>"
    kept = raw.keep(html)
    assert "<article" not in kept and "*stars*" not in kept and "<h3" not in kept
    assert raw.restore(kept) == html
    assert raw.ids(kept) == {"a", "a-name", "b", "b-name"}  # for MkDocs' link validation


def test_text_outside_cards_stays_markdown():
    raw = RawBlocks()
    assert raw.keep("## Heading { #h }\n\nplain *text*\n") == "## Heading { #h }\n\nplain *text*\n"
    assert raw.restore("no placeholders here") == "no placeholders here"
    assert raw.ids("no placeholders here") == set()


def test_the_contents_list_the_groups_and_the_card_is_left_untouched():
    """A contents entry per card made the contents as long as the page, and Material's search
    looks every section up in them: quadratic in the cards. The card's heading still has its id."""
    raw = RawBlocks()
    source = f'<section markdown="block">\n\n## Group {{ #g }}\n\n<div class="guide-cards">\n{raw.keep(CARD)}\n</div>\n\n</section>\n'
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"], extension_configs={"toc": {"permalink": True}})
    html = raw.restore(md.convert(source))
    assert [t["id"] for t in md.toc_tokens] == ["g"] and md.toc_tokens[0]["children"] == []
    assert '<h3 class="guide-card__title" id="a"><a href="x/">A &amp; B</a></h3>' in html
    assert "*stars* and [brackets](y.md)" in html  # the card's own text was not read as Markdown
