"""The navigation of pages outside it is rendered once per folder (scripts/site/nav_memo.py):
that must change nothing in the built site."""

from __future__ import annotations

from types import SimpleNamespace

from scripts.site.nav_memo import NavMemo
from tests.conftest import copy_project, mkdocs_build


def test_the_site_is_the_same_with_and_without_the_memo(tmp_path):
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "with").returncode == 0
    memo = project / "scripts" / "site" / "nav_memo.py"  # install() left out: Material's partial on every page
    memo.write_text(memo.read_text(encoding="utf-8").replace(
        'template = env.get_template("partials/nav.html")', 'return env', 1), encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "without").returncode == 0
    pages = sorted(p.relative_to(tmp_path / "with") for p in (tmp_path / "with").rglob("*.html"))
    assert len(pages) > 100 and any("templates/" in str(p) and str(p).count("/") == 3 for p in pages)
    different = [p for p in pages if (tmp_path / "with" / p).read_bytes() != (tmp_path / "without" / p).read_bytes()]
    assert different == []


def test_pages_in_the_navigation_are_rendered_each_time_and_others_once_per_folder():
    listed = SimpleNamespace(url="en/lessons/a/")
    nav = SimpleNamespace(pages=[listed])
    calls = []
    memo = NavMemo()

    def render(name):
        return lambda: calls.append(name) or f"<nav>{name}</nav>"

    assert memo(nav, listed, render("listed")) == "<nav>listed</nav>"
    assert memo(nav, listed, render("listed")) == "<nav>listed</nav>"
    one, two = SimpleNamespace(url="en/templates/one/"), SimpleNamespace(url="en/templates/two/")
    other = SimpleNamespace(url="en/antipatterns/x/")
    assert memo(nav, one, render("one")) == memo(nav, two, render("two")) == "<nav>one</nav>"
    assert memo(nav, other, render("other")) == "<nav>other</nav>"
    assert calls == ["listed", "listed", "one", "other"]
    memo(SimpleNamespace(pages=[]), two, render("next language"))  # a new nav forgets the old renderings
    assert calls[-1] == "next language"


def test_install_memoises_the_theme_partial_the_pages_include():
    import jinja2

    from scripts.site.nav_memo import install

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "partials/nav.html": "<nav>{{ counter.append(1) or counter | length }}</nav>",
        "main.html": "{% include 'partials/nav.html' %}|{{ page.url }}"}))
    install(install(env))  # twice: wrapped once
    counter, nav = [], SimpleNamespace(pages=[])
    main = env.get_template("main.html")
    first = main.render(nav=nav, page=SimpleNamespace(url="en/templates/a/"), counter=counter)
    second = main.render(nav=nav, page=SimpleNamespace(url="en/templates/b/"), counter=counter)
    assert (first, second) == ("<nav>1</nav>|en/templates/a/", "<nav>1</nav>|en/templates/b/")
    assert main.render(nav=nav, page=SimpleNamespace(url="en/antipatterns/c/"), counter=counter) == \
        "<nav>2</nav>|en/antipatterns/c/"
