"""Real strict builds of broken contributions: each fails naming the file and line, with no
traceback, and leaves the output folder empty (everything is checked and rendered in memory
before the first language writes a file)."""

from __future__ import annotations

import pytest

from tests.conftest import copy_project, mkdocs_build


def _break(project, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the case no longer applies: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    "ui-missing-pl": ("data/ui.yml", "  all: {es: Todos, en: All, pl: Wszystkie}", "  all: {es: Todos, en: All}",
                      "data/ui.yml:", "D005"),
    "partial-typo": ("overrides/partials/guide/cards.html", "e.why", "e.whyy",
                     "docs/es/templates/index.md:", "partials/guide/cards.html"),
    "unknown-marker": ("docs/en/glossary.md", "\n## ", "\n<!-- guide:nope -->\n\n## ", "docs/en/glossary.md:", "M001"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_broken_build_names_the_problem_and_writes_nothing(name, tmp_path):
    relative, old, new, where, what = CASES[name]
    project = copy_project(tmp_path / "project")
    _break(project, relative, old, new)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert any(where in line and what in line for line in result.stderr.splitlines()), result.stderr
    assert not site.exists() or not any(site.iterdir())
