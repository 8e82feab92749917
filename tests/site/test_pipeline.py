"""The post-processing chain: every step pure, in one order, the policy last."""

from scripts.build import is_home, lesson_id
from scripts.model.languages import load_languages
from scripts.site import csp, pipeline

EN = load_languages()[1]
PAGE = ('<html><head><meta charset="utf-8">\n<link rel="alternate" href="../pl/" hreflang="pl">'
        '<script>var __md_scope=1</script><script id="__config" type="application/json">'
        '{"base": "..", "search": "x"}</script></head><body>'
        '<div class="md-search" data-md-component="search" role="dialog"></div>'
        '<input type="checkbox" autocomplete="off"><a href="https://example.org/">x</a></body></html>')


def test_the_steps_run_in_one_order_with_the_policy_last():
    assert pipeline.STEPS[-1] is pipeline.add_policy
    assert len(set(pipeline.STEPS)) == len(pipeline.STEPS)


def test_finish_applies_every_step_once():
    html = pipeline.finish(PAGE, pipeline.Page(EN, "../en/"))
    assert 'hreflang="pl"' not in html
    assert 'aria-label="Search the guide"' in html
    assert 'autocomplete="off"' not in html
    assert 'rel="noopener"' in html
    assert html.count("Content-Security-Policy") == 1
    # The policy hashes the inline script as the page finally carries it.
    assert csp.script_hashes(html)[0] in html
    assert pipeline.finish(PAGE, pipeline.Page(EN, "../en/")) == html  # pure: same input, same output


def test_a_built_page_never_allows_inline_scripts_but_a_served_one_does():
    built = pipeline.finish(PAGE, pipeline.Page(EN, "../en/"))
    served = pipeline.finish(PAGE, pipeline.Page(EN, "../en/", serving=True))
    assert "'unsafe-inline'" not in built.split("script-src", 1)[1].split(";", 1)[0]
    assert "script-src 'self' 'unsafe-inline';" in served


def test_each_step_is_pure_text_in_text_out():
    page = pipeline.Page(EN, "/guia/en/")
    for step in pipeline.STEPS:
        assert step(PAGE, page) == step(PAGE, page)


def test_lessons_and_homes_are_recognised_from_their_source_path():
    assert lesson_id("en/lessons/open-doors.md") == "open-doors"
    assert lesson_id("en/lessons/index.md") is None
    assert lesson_id("en/glossary.md") is None
    assert is_home("pl/index.md") and not is_home("pl/lessons/index.md")


SCRIPTS = "".join(f'<script src="../assets/javascripts/{name}" defer></script>\n'
                  for name in ("site.js", "gallery.js", "checker.js", "card.js", "progress.js"))


def _loaded(body: str) -> list[str]:
    html = pipeline.drop_unused_scripts(f"<html><body>{body}{SCRIPTS}</body></html>", pipeline.Page(EN, "../en/"))
    return [name for name in ("site.js", "gallery.js", "checker.js", "card.js", "progress.js") if name in html]


def test_a_page_loads_only_the_scripts_it_uses():
    assert _loaded("<p>A lesson without widgets.</p>") == ["site.js"]
    assert _loaded('<form data-guide-checker></form>') == ["site.js", "checker.js"]
    assert _loaded('<div data-guide-filter="stage"></div>') == ["site.js", "gallery.js"]
    assert _loaded('<div data-guide-filter="x"></div><script type="application/json" id="guide-card-data">{}</script>') \
        == ["site.js", "gallery.js", "card.js"]
    assert _loaded('<button data-guide-done="open-doors">Done</button>') == ["site.js", "progress.js"]


def test_a_contents_title_without_its_toggle_is_no_longer_a_label():
    from scripts.site.html_fixes import mend

    title = '<label class="md-nav__title" for="__toc">\n<span class="md-nav__icon md-icon"></span>\nSpis treści\n</label>'
    mended = mend(f"<nav>{title}</nav>", "Szukaj")
    assert 'for="__toc"' not in mended and '<div class="md-nav__title">' in mended and "Spis treści" in mended
    with_toggle = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><nav>{title}</nav>'
    assert 'for="__toc"' in mend(with_toggle, "Szukaj")


def test_material_markup_the_checkers_refuse_is_mended():
    from scripts.site.html_fixes import mend

    html = ('<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">Learn</label>\n'
            '<span\ttabindex="">x</span><span\ntabindex="">y</span>'
            '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" id="name" autocomplete="off">'
            '<div class="md-search" data-md-component="search" role="dialog">')
    mended = mend(html, "Szukaj")
    assert 'tabindex=""' not in mended and '<span>x</span><span>y</span>' in mended and 'id="__nav_2_label">' in mended
    assert 'id="__drawer">' in mended and '<input type="text" id="name" autocomplete="off">' in mended
    assert 'role="dialog" aria-label="Szukaj">' in mended
