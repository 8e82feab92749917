"""RawBlocks: a partial's cards pass Markdown as placeholders around their headings."""

import markdown

from scripts.render.markers import RawBlocks

CARD = ('<article class="guide-card" data-entry="a">\n<h3 class="guide-card__title" id="a"><a href="x/">A &amp; B</a></h3>\n'
        '<p>Some <em>text</em> with *stars* and [brackets](y.md)</p>\n</article>')


def test_restore_gives_back_exactly_what_was_kept():
    raw = RawBlocks()
    other = CARD.replace('id="a"', 'id="b"')
    html = "<div>\n" + CARD + "\n" + other + "\n</div>"
    kept = raw.keep(html)
    assert "<article" not in kept and "*stars*" not in kept
    assert '<h3 class="guide-card__title" id="a">' in kept and '<h3 class="guide-card__title" id="b">' in kept
    assert raw.restore(kept).replace("\n", "") == html.replace("\n", "")


def test_text_outside_cards_stays_markdown():
    raw = RawBlocks()
    assert raw.keep("## Heading { #h }\n\nplain *text*\n") == "## Heading { #h }\n\nplain *text*\n"
    assert raw.restore("no placeholders here") == "no placeholders here"


def test_markdown_keeps_the_heading_in_the_toc_and_leaves_the_card_untouched():
    raw = RawBlocks()
    source = f'<section markdown="block">\n\n## Group {{ #g }}\n\n<div class="guide-cards">\n{raw.keep(CARD)}\n</div>\n\n</section>\n'
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"], extension_configs={"toc": {"permalink": True}})
    html = raw.restore(md.convert(source))
    assert [t["id"] for t in md.toc_tokens] == ["g"] and [t["id"] for t in md.toc_tokens[0]["children"]] == ["a"]
    assert 'href="#a"' in html  # the card's heading got its permalink
    assert "*stars* and [brackets](y.md)" in html  # the card's own text was not read as Markdown
