"""A generated entry page rendered without a Markdown instance of its own.

An entry's page (scripts/render/entry_pages.py) is one `# heading` line, finished HTML (the
card as RawBlocks placeholders, then its neighbours) and the glossary definitions its text
needs. MkDocs makes a new Markdown instance for every page, with every extension, and then
tokenises the HTML only to stash it as it is: with thousands of entries that was a fifth of a
large build. Here the heading line and the definitions go through one Markdown instance per
build configuration (reset between pages, as Markdown allows), and the HTML is put after the
heading as Markdown would have passed it through.

tests/test_generated_page.py renders every entry page of the site both ways and requires the
same content, table of contents, title and anchors. A page whose text has another shape (or a
heading that holds a link, HTML or code) is rendered by MkDocs as usual.
"""

from __future__ import annotations

import re

import markdown
from mkdocs.structure.pages import Page, _ExtractTitleTreeprocessor, _HTMLHandler
from mkdocs.structure.toc import get_toc

_PLAIN_HEADING = re.compile(r"\A# [^\[\]<`\\]+\Z")  # nothing Markdown would link, parse as HTML or quote
_DEFINITION = re.compile(r"\A\*\[[^\]\n]+\]: [^\n]*\Z")
# a block Markdown passes through as raw HTML: it opens with a comment or a block-level tag
_RAW_BLOCK = re.compile(r"\A<(?:!--|(?:h[1-6]|p|ul|ol|div|script|article|section|nav|aside|figure|table|details|dl)[\s>])")
_SCRIPT = re.compile(r"(<script\b[^>]*>).*?(</script>)", re.S)
_SELF_LINK = re.compile(r'href="#([^"]+)"')
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


class _HeadingRenderer:
    """One Markdown instance with the site's extensions, for headings and their definitions."""

    def __init__(self, config):
        self.config = config
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def convert(self, text: str):
        self.md.reset()
        self.title.title = None
        html = self.md.convert(text)
        return html, getattr(self.md, "toc_tokens", []), self.title.title


_renderer_now: _HeadingRenderer | None = None  # one build configuration at a time (static-i18n makes one per language)


def _renderer(config) -> _HeadingRenderer:
    global _renderer_now
    if _renderer_now is None or _renderer_now.config is not config:
        _renderer_now = _HeadingRenderer(config)
    return _renderer_now


def split(text: str) -> tuple[str, list[str], list[str]] | None:
    """(heading line, HTML blocks, definition lines) of an entry page's Markdown, or None when
    the text has another shape."""
    heading, _, rest = text.strip("\n").partition("\n")
    if not _PLAIN_HEADING.match(heading):
        return None
    blocks = [block for block in _BLANK_LINES.split(rest.strip("\n")) if block]
    definitions = []
    while blocks and all(_DEFINITION.match(line) for line in blocks[-1].split("\n")):
        definitions[:0] = blocks.pop().split("\n")
    if not blocks or not all(_RAW_BLOCK.match(block) for block in blocks):
        return None
    return heading, blocks, definitions


class GeneratedPage(Page):
    def render(self, config, files) -> None:
        parts = split(self.markdown or "")
        if parts is None:
            return super().render(config, files)
        heading, blocks, definitions = parts
        content, tokens, title = _renderer(config).convert(heading + "\n\n" + "\n".join(definitions))
        body = "\n\n".join(blocks)  # as Markdown passes raw blocks on: as written, the blank line kept
        self.content = content + "\n" + body
        self.toc = get_toc(tokens)
        self._title_from_render = title
        anchors = _HTMLHandler()  # MkDocs' own reader of ids, spared the card's data (a script's text holds none)
        anchors.feed(content + "\n" + _SCRIPT.sub(r"\1\2", body))
        anchors.close()
        self.present_anchor_ids = anchors.present_anchor_ids
        # the links MkDocs would validate: the heading's permalink to itself (the HTML's are tested)
        own = {anchor: f"#{anchor}" for anchor in _SELF_LINK.findall(content)}
        self.links_to_anchors = {self.file: own} if own else {}
