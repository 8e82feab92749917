from pathlib import Path

from scripts.model.languages import Language
from scripts.checks.pages import check_page_parity

LANGS = (Language("es", "Español", True), Language("en", "English", False), Language("pl", "Polski", False))


def _write(root: Path, *paths: str) -> None:
    for path in paths:
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("# x\n", encoding="utf-8")


def test_complete_page_sets_pass(tmp_path):
    _write(tmp_path, "es/index.md", "en/index.md", "pl/index.md")
    assert check_page_parity(tmp_path / "docs", LANGS, tmp_path) == []


def test_missing_polish_page_names_the_file_and_the_fix(tmp_path):
    _write(tmp_path, "es/index.md", "en/index.md", "pl/index.md", "es/lessons/a.md", "en/lessons/a.md")
    [problem] = check_page_parity(tmp_path / "docs", LANGS, tmp_path)
    assert (problem.path, problem.line, problem.code) == ("docs/es/lessons/a.md", 1, "P001")
    assert "docs/pl/lessons/a.md is missing" in problem.message
    assert "add docs/pl/lessons/a.md, written in Polski" in str(problem)


def test_page_only_in_a_translation_is_reported_for_the_default_language(tmp_path):
    _write(tmp_path, "en/extra.md")
    problems = check_page_parity(tmp_path / "docs", LANGS, tmp_path)
    assert sorted(p.message.split(" is missing")[0].split()[-1] for p in problems) == [
        "docs/es/extra.md", "docs/pl/extra.md"]
    assert {p.path for p in problems} == {"docs/en/extra.md"}
