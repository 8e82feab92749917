"""What a contributor touches: the scaffold, the pre-commit hook, annotations, freshness."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.checks.freshness import check_freshness
from scripts.model.freshness import freshness, lesson_hash
from scripts.tools.stamp import stamp
from scripts.model.languages import load_languages
from scripts.checks.problems import Problem, render_github
from tests.conftest import ROOT, copy_project, mkdocs_build

LANGS = load_languages()


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_scaffold_writes_every_language_and_the_check_fails_until_filled(tmp_path):
    project = copy_project(tmp_path / "project")
    result = _cli(project, "new", "template", "met-at-a-fair")
    assert result.returncode == 0, result.stderr
    path = project / "data" / "templates" / "met-at-a-fair.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data["title"]) == {"es", "en", "pl"}
    assert set(data["text"]["es"]) == {"tu", "usted"} and set(data["text"]["pl"]) == {"ty", "pan", "pani"}
    check = _cli(project, "check")
    assert check.returncode == 1
    mine = [line for line in check.stderr.splitlines() if line.startswith("data/templates/met-at-a-fair.yml")]
    errors = [line for line in mine if " warning: " not in line]
    assert errors and all(" D006 " in line or " D004 " in line for line in errors)
    assert "data/templates/met-at-a-fair.yml:12: D006 title.es is still the scaffold's TODO: write it" in mine
    assert sum(" D006 " in line for line in errors) == 3 + 3 + 6 + 3  # examples, title, text variants, why


def test_scaffold_refuses_a_bad_or_existing_id(tmp_path):
    project = copy_project(tmp_path / "project")
    assert _cli(project, "new", "antipattern", "Bad Id").returncode == 1
    assert _cli(project, "new", "antipattern", "fresh-one").returncode == 0
    again = _cli(project, "new", "antipattern", "fresh-one")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_pre_commit_hook_runs_the_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"].endswith("python -m scripts check") and hook["pass_filenames"] is False
    entry = hook["entry"].replace(".venv/bin/python", sys.executable).split()
    assert subprocess.run(entry, cwd=ROOT, capture_output=True).returncode == 0


def test_github_annotations_carry_file_line_and_code():
    problems = [Problem("data/templates/x.yml", 14, "T003", "too long: 50%\nshorten it"),
                Problem("docs/pl/a.md", 3, "F001", "outdated", "warning")]
    assert render_github(problems).splitlines() == [
        "::error file=data/templates/x.yml,line=14,title=T003::too long: 50%25%0Ashorten it",
        "::warning file=docs/pl/a.md,line=3,title=F001::outdated",
    ]


def test_check_prints_annotations_in_github_format(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "pl" / "sources.md").unlink()
    result = _cli(project, "check", "--format", "github")
    assert result.returncode == 1
    assert "::error file=docs/es/sources.md,line=1,title=P001::" in result.stdout


def test_changing_the_spanish_source_makes_its_translations_outdated(tmp_path):
    project = copy_project(tmp_path / "project")
    stamp(project, LANGS)
    assert [p for p in check_freshness(project, LANGS) if p.code in ("F001", "F002")] == []
    source = project / "docs" / "es" / "lessons" / "open-doors.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nUna frase nueva.\n", encoding="utf-8")
    outdated = [p for p in check_freshness(project, LANGS) if p.code == "F001"]
    assert sorted(p.path for p in outdated) == ["docs/en/lessons/open-doors.md", "docs/pl/lessons/open-doors.md"]
    assert all(p.severity == "warning" for p in outdated)
    assert freshness(project, LANGS)["pl"]["lesson"].outdated == ["open-doors"]
    assert lesson_hash(source) in outdated[0].message


def test_changing_an_entrys_spanish_text_makes_that_entry_outdated(tmp_path):
    project = copy_project(tmp_path / "project")
    stamp(project, LANGS)
    entry = project / "data" / "templates" / "met-at-event.yml"
    text = entry.read_text(encoding="utf-8")
    title = re.search(r"^title:\n  es: (.+)$", text, re.M)
    entry.write_text(text.replace(title.group(0), title.group(0) + " (nuevo)", 1), encoding="utf-8")
    outdated = [p for p in check_freshness(project, LANGS) if p.code == "F001"]
    assert [(p.path, p.message.split("'")[1]) for p in outdated] == [
        ("data/templates/met-at-event.yml", "en"), ("data/templates/met-at-event.yml", "pl")]
    assert freshness(project, LANGS)["en"]["template"].outdated == ["met-at-event"]
    assert stamp(project, LANGS) == [entry]
    assert [p for p in check_freshness(project, LANGS) if p.code in ("F001", "F002")] == []


def test_outdated_translation_shows_a_notice_and_the_status_page_lists_it(tmp_path):
    project = copy_project(tmp_path / "project")
    stamp(project, LANGS)
    source = project / "docs" / "es" / "lessons" / "open-doors.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nUna frase nueva.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    lesson = (tmp_path / "out" / "pl" / "lessons" / "open-doors" / "index.html").read_text(encoding="utf-8")
    assert "Tłumaczenie czeka na aktualizację" in lesson
    untouched = (tmp_path / "out" / "pl" / "lessons" / "invitation-note" / "index.html").read_text(encoding="utf-8")
    assert "Tłumaczenie czeka na aktualizację" not in untouched
    status = (tmp_path / "out" / "en" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert "<code>lesson/open-doors</code>" in status
    assert "9 / 10 up to date" in status


def test_edit_links_lead_to_the_source_file_of_the_page_language(site):
    html = (site / "pl" / "checker" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/pl/checker.md" in html
