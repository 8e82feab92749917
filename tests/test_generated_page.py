"""Entry pages skip MkDocs' per-page Markdown instance (scripts/site/generated_page.py): every
entry page of the site, in every language, must come out exactly as MkDocs' own Page makes it."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from scripts.build import Build, compile_once, strict
from scripts.model.languages import load_languages
from scripts.site.generated_page import GeneratedPage, split
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def build(config):
    env = strict(compile_once(config.theme.get_env(), ROOT))
    return Build.prepare(ROOT, load_languages(ROOT / "mkdocs.yml"), env=env)


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _render(kind, src_uri: str, markdown: str, config):
    page = kind(None, File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls), config)
    page.markdown = markdown
    page.render(config, None)
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return page.content, _toc(page.toc), page.title, page.present_anchor_ids, links


def _page_markdown(build, src_uri: str) -> str:
    env = strict(compile_once(load_config(str(ROOT / "mkdocs.yml")).theme.get_env(), ROOT))
    text = build.entry_pages[src_uri].markdown.split("---\n", 2)[2]
    return build.page_markdown(text, src_uri, src_uri.split("/", 1)[0], env)


def test_every_entry_page_renders_as_mkdocs_would(build, config):
    env = strict(compile_once(config.theme.get_env(), ROOT))
    checked = 0
    for src_uri, entry in sorted(build.entry_pages.items()):
        markdown = build.page_markdown(entry.markdown.split("---\n", 2)[2], src_uri, entry.lang, env)
        assert split(markdown) is not None, f"{src_uri}: the quick path does not take this page"
        assert _render(GeneratedPage, src_uri, markdown, config) == _render(Page, src_uri, markdown, config), src_uri
        checked += 1
    assert checked == len(build.entry_pages) >= 3 * 30


@pytest.mark.parametrize("heading", ["Thanks & a “quick” question -> 1st step (c)", "Your InMail, then Premium",
                                     "Nach dem **Treffen** :smile:", "Poznaliście się – co dalej?"])
def test_headings_markdown_changes_come_out_the_same(build, config, heading):
    """Markdown still handles the heading: entities, smart symbols, emphasis, emoji, abbreviations."""
    src_uri = "en/templates/met-at-event.md"
    markdown = _page_markdown(build, src_uri).replace("# You met at an event", f"# {heading}", 1)
    markdown += "\n*[InMail]: A paid message\n*[Premium]: A paid plan\n" if "InMail" in heading else ""
    assert split(markdown) is not None
    assert _render(GeneratedPage, src_uri, markdown, config) == _render(Page, src_uri, markdown, config)


def test_definitions_of_one_page_do_not_reach_the_next(build, config):
    """One Markdown instance serves every page: it is reset between them."""
    plain = next(src for src in sorted(build.entry_pages) if src.startswith("en/")
                 and "\n*[" not in _page_markdown(build, src))
    base = _page_markdown(build, plain)
    title = base.strip("\n").split("\n", 1)[0]
    with_terms = base.replace(title, "# InMail first", 1) + "\n\n*[InMail]: A paid message\n"
    without = base.replace(title, "# InMail later", 1)
    assert "<abbr" in _render(GeneratedPage, plain, with_terms, config)[0].split("</h1>")[0]
    content = _render(GeneratedPage, plain, without, config)[0]
    assert "<abbr" not in content.split("</h1>")[0]
    assert _render(GeneratedPage, plain, without, config) == _render(Page, plain, without, config)


@pytest.mark.parametrize("heading", ["# See [the lesson](../x.md)", "# Use `code`", "# A <em>tag</em>", "## Not a title"])
def test_a_page_of_another_shape_is_left_to_mkdocs(build, heading):
    markdown = _page_markdown(build, "en/templates/met-at-event.md").replace("# You met at an event", heading, 1)
    assert split(markdown) is None
    assert split("# Title\n\nPlain paragraph text.\n") is None
