"""Broken contributions, one per case: each is refused with its exact code, file and line,
all through the same check runner the build uses, and never with a traceback (E001).

Each case (tests/data/bad-input.yml) copies the content (docs/, data/, overrides/, mkdocs.yml),
breaks one file the way a contributor might, and runs the checks. The expected line is the
line of `mark` in the broken file (so the cases survive edits to the texts around them)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scripts.checks import run_checks
from tests.conftest import ROOT

CASES_FILE = ROOT / "tests" / "data" / "bad-input.yml"


@dataclass(frozen=True)
class Case:
    """One broken contribution from tests/data/bad-input.yml (its header explains the fields)."""
    id: str
    file: str
    code: str
    mark: str | int  # the text on the expected line, or the line number
    sub: tuple[str, str] | None = None
    replace: tuple[str, str] | None = None
    prefix: str = ""
    append: str = ""
    times: int = 1
    content: str | None = None
    delete: bool = False
    rename: str | None = None  # the broken file's new name
    encoding: str = "utf-8"

    def change(self, raw: bytes) -> bytes | None:
        """The broken file's bytes (None: the file is removed)."""
        if self.delete:
            return None
        if self.content is not None:
            raw = self.content.encode(self.encoding)
        if self.sub:
            text, count = re.subn(self.sub[0], self.sub[1], raw.decode("utf-8"), count=1, flags=re.M)
            assert count == 1, f"the case no longer applies: {self.sub[0]!r}"
            raw = text.encode("utf-8")
        if self.replace:
            old, new = (part.encode(self.encoding) for part in self.replace)
            assert old in raw, f"the case no longer applies: {old!r}"
            raw = raw.replace(old, new, 1)
        return self.prefix.encode(self.encoding) + raw + (self.append * self.times).encode(self.encoding)


CASES = [Case(**{key: tuple(value) if isinstance(value, list) else value for key, value in case.items()})
         for case in yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))]


def _expected_line(raw: bytes | None, mark: str | int) -> int:
    if isinstance(mark, int):
        return mark
    text = raw.decode("utf-8", errors="replace")
    return next(number for number, line in enumerate(text.splitlines(), 1) if mark in line)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_broken_contribution_is_refused_at_its_line(case: Case, pristine: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    target = root / case.file
    broken = case.change(target.read_bytes() if target.exists() else b"")
    if broken is None:
        target.unlink()
        reported = "docs/es/glossary.md"  # P001 is reported on the page that exists
    else:
        if case.rename:
            target.unlink()
            target = root / case.rename
        target.write_bytes(broken)
        reported = case.rename or case.file
    problems = run_checks(root)
    found = {(p.path, p.line, p.code) for p in problems if p.severity == "error"}
    assert not [p for p in problems if p.code == "E001"], "a check crashed"
    expected = (reported, _expected_line(broken, case.mark), case.code)
    assert expected in found, "\n".join(map(str, sorted(problems)))


def test_the_suite_is_large_and_varied():
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)
    assert len({c.file for c in CASES}) >= 12 and len({c.code for c in CASES}) >= 20
