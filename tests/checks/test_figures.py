"""The lessons' illustrations: the checks on data/figures.yml, and the figures as a reader
gets them (an accessible name, real text in the page's language, readable in both schemes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.checks.figures import check_figures
from scripts.model.figures import load_figures
from scripts.model.languages import load_languages
from tests.conftest import ROOT

LANGS = load_languages()
FIGURE = """\
figures:
  sample:
    lesson: sample
    max_line: 20
    text:
      title: {es: Título, en: Title, pl: Tytuł}
      desc: {es: Descripción larga de la figura, en: A long description of the figure, pl: Długi opis}
      label: {es: [Una línea, Otra], en: A label, pl: Etykieta}
"""


def project(tmp_path: Path, figures: str, marker: bool = True, drawing: bool = True) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures.yml").write_text(figures, encoding="utf-8")
    if drawing:
        (tmp_path / "overrides" / "partials" / "figures").mkdir(parents=True)
        (tmp_path / "overrides" / "partials" / "figures" / "sample.svg").write_text("<svg/>", encoding="utf-8")
    for lang in LANGS:
        lessons = tmp_path / "docs" / lang.code / "lessons"
        lessons.mkdir(parents=True)
        body = "# x\n\n<!-- guide:figure sample -->\n" if marker else "# x\n"
        (lessons / "sample.md").write_text(body, encoding="utf-8")
    return tmp_path


def codes(problems):
    return sorted((p.code, p.line) for p in problems)


def test_a_complete_figure_passes(tmp_path):
    assert check_figures(project(tmp_path, FIGURE), LANGS) == []


def test_a_missing_language_is_g003_at_its_key(tmp_path):
    broken = FIGURE.replace(", pl: Etykieta", "")
    assert codes(check_figures(project(tmp_path, broken), LANGS)) == [("G003", 8)]


def test_a_comma_in_a_flow_mapping_is_caught_as_an_unknown_language(tmp_path):
    broken = FIGURE.replace("en: A label,", "en: A label, with a comma,")
    problems = check_figures(project(tmp_path, broken), LANGS)
    assert codes(problems) == [("G003", 8)] and "quote the text" in problems[0].message


def test_a_line_longer_than_max_line_is_g004_at_its_language(tmp_path):
    broken = FIGURE.replace("en: A label,", "en: A label far too long for the drawing,")
    problems = check_figures(project(tmp_path, broken), LANGS)
    assert codes(problems) == [("G004", 8)] and "36 characters" in problems[0].message


def test_a_figure_without_drawing_or_marker_is_reported(tmp_path):
    problems = check_figures(project(tmp_path, FIGURE, marker=False, drawing=False), LANGS)
    assert codes(problems) == [("G002", 2)] + [("G005", 3)] * len(LANGS)
    assert "docs/pl/lessons/sample.md" in str(problems[-1])


def test_broken_yaml_is_one_problem_not_a_traceback(tmp_path):
    problems = check_figures(project(tmp_path, "figures: [\n"), LANGS)
    assert [p.code for p in problems] == ["G001"]


def test_the_real_figures_pass_and_there_are_at_least_six():
    assert check_figures(ROOT, LANGS) == []
    assert len(load_figures(ROOT)) >= 6


@pytest.mark.browser
@pytest.mark.parametrize("lang", [lang.code for lang in LANGS])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_figure_has_an_accessible_name_and_visible_text(browser, base_url, lang, scheme):
    figures = load_figures(ROOT)
    prefix = "" if lang == LANGS[0].code else f"{lang}/"
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for fid, figure in figures.items():
            where = f"lessons/{figure['lesson']}/" if figure.get("lesson") else figure["page"].removesuffix("index")
            page.goto(f"/{prefix}{where}")
            svg = page.locator(f"#figure-{fid} svg")
            assert svg.get_attribute("role") == "img"
            name = page.evaluate("id => document.getElementById(id).textContent", f"{fid}-title")
            assert name == figure["text"]["title"][lang]
            # Every word is real text inside the drawing, and fits the phone's width.
            box = svg.bounding_box()
            assert box and box["width"] <= 360
            for text in svg.locator("text").all():
                t = text.bounding_box()
                if t:
                    assert t["x"] >= box["x"] - 1 and t["x"] + t["width"] <= box["x"] + box["width"] + 1, \
                        f"{fid} ({lang}): «{text.text_content()}» sticks out of the drawing"
            # Text and background differ in the page's own scheme (no fixed dark-on-dark).
            colours = page.evaluate("""id => {
                const t = document.querySelector('#figure-' + id + ' .gf-text:not(.gf-on-primary)');
                return [getComputedStyle(t).fill, getComputedStyle(document.body).backgroundColor];
            }""", fid)
            assert colours[0] != colours[1]
    finally:
        context.close()
