"""The lesson checks: one small broken input per check, and every real lesson."""

import os
import re
from pathlib import Path

import pytest

from scripts.model.languages import load_languages
from scripts.checks.lessons import check_lessons
from scripts.model.pages import lesson_files
from scripts.checks.originality import check_originality
from scripts.checks.pages import check_front_matter
from tests.conftest import ROOT

LANGS = load_languages()
SEEDS = ROOT.parent / "shared" / "seeds"

GOOD = """---
id: sample
order: 1
reading_time: 3
sources: ["000"]
description: A short description.
---

# Sample

## Objectives { #objectives }

- one
- two

## Idea { #idea }

Text.

## Receiver { #receiver }

Text.

## Practice { #practice }

- [ ] a
- [ ] b
- [ ] c

## Key points { #key-points }

1. a
2. b
3. c

## Related { #related }

- **Ghost profile**
"""


def _project(tmp_path: Path, **variants: str) -> Path:
    """A docs tree with the sample lesson in every language, some replaced by `variants`."""
    for lang in LANGS:
        folder = tmp_path / "docs" / lang.code / "lessons"
        folder.mkdir(parents=True)
        (folder / "sample.md").write_text(variants.get(lang.code, GOOD), encoding="utf-8")
    return tmp_path


def _codes(tmp_path, **variants):
    root = _project(tmp_path, **variants)
    return sorted((p.path, p.line, p.code) for p in check_lessons(root / "docs", LANGS, root))


def test_a_complete_lesson_passes(tmp_path):
    assert _codes(tmp_path) == []


def test_missing_front_matter_field(tmp_path):
    assert _codes(tmp_path, en=GOOD.replace("reading_time: 3\n", "")) == [
        ("docs/en/lessons/sample.md", 1, "L001")]


def test_id_must_match_file_name(tmp_path):
    assert _codes(tmp_path, pl=GOOD.replace("id: sample", "id: other")) == [
        ("docs/pl/lessons/sample.md", 2, "L002"), ("docs/pl/lessons/sample.md", 2, "L005")]


def test_unknown_seed_article(tmp_path):
    bad = GOOD.replace('["000"]', '["000", "009"]')
    assert _codes(tmp_path, es=bad, en=bad, pl=bad) == [
        (f"docs/{l}/lessons/sample.md", 5, "L008") for l in ("en", "es", "pl")]


def test_sections_must_be_the_six_in_order(tmp_path):
    broken = GOOD.replace("## Receiver { #receiver }\n\nText.\n\n", "")
    assert _codes(tmp_path, es=broken, en=broken, pl=broken) == [
        (f"docs/{l}/lessons/sample.md", 8, "L003") for l in ("en", "es", "pl")]


def test_a_section_is_titled_the_same_way_in_every_lesson_of_a_language(tmp_path):
    root = _project(tmp_path)
    folder = root / "docs" / "pl" / "lessons"
    for name in ("second", "third"):
        (folder / f"{name}.md").write_text(GOOD.replace("id: sample", f"id: {name}"), encoding="utf-8")
    (folder / "third.md").write_text(GOOD.replace("id: sample", "id: third").replace(
        "## Practice { #practice }", "## Try this today { #practice }"), encoding="utf-8")
    problems = [p for p in check_lessons(root / "docs", LANGS, root) if p.code == "L007"]
    assert [(p.path, p.line) for p in problems] == [("docs/pl/lessons/third.md", 24)]
    assert "use 'Practice'" in problems[0].message


def test_heading_without_explicit_id(tmp_path):
    broken = GOOD.replace("Text.\n\n## Receiver", "Text.\n\n### Aside\n\n## Receiver", 1)
    assert _codes(tmp_path, en=broken) == [("docs/en/lessons/sample.md", 20, "L006")]


def test_key_points_out_of_range(tmp_path):
    broken = GOOD.replace("3. c\n", "3. c\n4. d\n5. e\n6. f\n")
    codes = _codes(tmp_path, es=broken, en=broken, pl=broken)
    assert codes == [(f"docs/{l}/lessons/sample.md", 30, "L004") for l in ("en", "es", "pl")]


def test_translation_with_a_different_number_of_key_points(tmp_path):
    assert _codes(tmp_path, pl=GOOD.replace("3. c\n", "3. c\n4. d\n")) == [
        ("docs/pl/lessons/sample.md", 30, "L010")]


def test_translation_with_a_different_order(tmp_path):
    assert _codes(tmp_path, en=GOOD.replace("order: 1", "order: 2")) == [
        ("docs/en/lessons/sample.md", 3, "L005")]


def test_front_matter_that_is_not_yaml_is_reported_not_raised(tmp_path):
    broken = GOOD.replace("description: A short description.", "description: Notes: why they matter")
    root = _project(tmp_path, pl=broken)
    assert _codes(tmp_path / "again", pl=broken) == []
    [problem] = check_front_matter(root / "docs", LANGS, root)
    assert (problem.path, problem.line, problem.code) == ("docs/pl/lessons/sample.md", 6, "P002")


@pytest.mark.parametrize("lesson", lesson_files(ROOT / "docs" / "es"), ids=lambda p: p.stem)
def test_real_lesson_has_the_same_structure_in_every_language(lesson):
    problems = [p for p in check_lessons(ROOT / "docs", LANGS, ROOT) if f"/lessons/{lesson.name}" in p.path]
    assert problems == []


def test_the_course_has_ten_ordered_lessons():
    from scripts.model.markdown_source import read_markdown
    orders = sorted(read_markdown(p).meta["order"] for p in lesson_files(ROOT / "docs" / "es"))
    assert orders == list(range(1, 11))


def test_no_eight_word_run_from_a_seed_article_appears_on_the_site():
    if not SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEEDS} is missing: CI runs beside shared/")
        pytest.skip(f"{SEEDS} is not beside the checkout")
    pages = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "data").rglob("*.yml"))
    assert [str(p) for p in check_originality(pages, SEEDS, ROOT)] == []


def test_originality_check_finds_a_copied_run(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000.txt").write_text("Uno dos tres cuatro, cinco seis siete ocho nueve.", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nAlgo: ¡DOS tres cuatro cinco\nseis siete ocho nueve! y más\n", encoding="utf-8")
    [problem] = check_originality([page], seeds, tmp_path)
    assert (problem.path, problem.line, problem.code) == ("page.md", 3, "O001")
    assert "dos tres cuatro cinco seis siete ocho nueve" in problem.message


def test_the_coverage_table_names_only_real_lessons():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## 7. Where each source idea lives")[1]
    rows = [line for line in text.splitlines() if line.startswith("| 00")]
    assert len(rows) >= 20
    lessons = {p.stem for p in lesson_files(ROOT / "docs" / "es")}
    named = {name for row in rows for name in re.findall(r"`([a-z-]+)`", row.split("|")[3])}
    assert named and named <= lessons
    assert {row.split("|")[1].strip() for row in rows} == {"000", "001", "002", "003", "004"}
