"""The memo that lets `python -m scripts check` skip unchanged files: answers are reused only
for exactly the same bytes and code, never stale, and a broken memo file is a cold start."""

from __future__ import annotations

import pickle
from pathlib import Path

from scripts.checks import run_checks
from scripts.model import memo as memo_module
from scripts.model.memo import Memo, memo, remembering
from tests.conftest import copy_project


def _counting():
    calls = []

    def compute(value):
        calls.append(value)
        return value * 2
    return calls, compute


def test_an_answer_is_reused_for_the_same_bytes_and_only_for_them(tmp_path):
    calls, compute = _counting()
    with remembering(tmp_path):
        assert memo().get("n", b"a", compute=lambda: compute(1)) == 2
        assert memo().get("n", b"a", compute=lambda: compute(1)) == 2
        assert memo().get("n", b"b", compute=lambda: compute(3)) == 6
    assert calls == [1, 3]
    with remembering(tmp_path):  # the next run reads the file
        assert memo().get("n", b"a", compute=lambda: compute(5)) == 2
        assert memo().get("other namespace", b"a", compute=lambda: compute(7)) == 14
    assert calls == [1, 3, 7]


def test_parts_are_length_prefixed_so_they_cannot_run_into_each_other(tmp_path):
    m = Memo(tmp_path / "m.pickle")
    assert m.key("n", b"ab", b"c") != m.key("n", b"a", b"bc")


def test_a_change_in_our_code_forgets_everything(tmp_path, monkeypatch):
    with remembering(tmp_path):
        memo().get("n", b"a", compute=lambda: "old")
    monkeypatch.setattr(memo_module, "_code_key", lambda: b"another version of scripts/")
    with remembering(tmp_path):
        assert memo().get("n", b"a", compute=lambda: "new") == "new"


def test_unused_answers_are_dropped_when_the_run_saves(tmp_path):
    with remembering(tmp_path):
        memo().get("n", b"a", compute=lambda: 1)
        memo().get("n", b"b", compute=lambda: 2)
    with remembering(tmp_path):
        memo().get("n", b"a", compute=lambda: 1)
    _, kept = pickle.loads((tmp_path / ".cache" / "checks.pickle").read_bytes())
    assert len(kept) == 1


def test_a_truncated_or_foreign_memo_file_is_a_cold_start(tmp_path):
    path = tmp_path / ".cache" / "checks.pickle"
    path.parent.mkdir()
    for junk in (b"", b"\x80\x05not a pickle", pickle.dumps(["something", "else"])):
        path.write_bytes(junk)
        with remembering(tmp_path):
            assert memo().get("n", b"a", compute=lambda: "fresh") == "fresh"


def test_outside_a_run_nothing_is_remembered():
    calls, compute = _counting()
    memo().get("n", b"a", compute=lambda: compute(1))
    memo().get("n", b"a", compute=lambda: compute(1))
    assert calls == [1, 1]


def test_a_failed_run_writes_nothing(tmp_path):
    try:
        with remembering(tmp_path):
            memo().get("n", b"a", compute=lambda: 1)
            raise RuntimeError
    except RuntimeError:
        pass
    assert not (tmp_path / ".cache" / "checks.pickle").exists()


def _codes(root: Path) -> list[str]:
    return sorted(f"{p.path}:{p.code}" for p in run_checks(root))


def test_check_sees_every_change_after_a_memoised_run(tmp_path):
    """Warm the memo on a clean copy, then break a template, a lesson and the rules' limits:
    each problem is reported, and mending the files brings the clean answer back."""
    root = copy_project(tmp_path / "project")
    assert _codes(root) == []
    template = root / "data" / "templates" / "asking-for-advice.yml"
    lesson = root / "docs" / "en" / "lessons" / "invitation-note.md"
    originals = {p: p.read_bytes() for p in (template, lesson)}
    template.write_text(template.read_text(encoding="utf-8").replace("channel:", "channels:", 1), encoding="utf-8")
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nA zero\u200bwidth space.\n", encoding="utf-8")
    codes = _codes(root)
    assert "data/templates/asking-for-advice.yml:D002" in codes
    assert "docs/en/lessons/invitation-note.md:U001" in codes
    for path, raw in originals.items():
        path.write_bytes(raw)
    assert _codes(root) == []
    # A misspelling in a memoised file's text is found once the text changes.
    entry = root / "data" / "antipatterns" / "roof-first.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("  en: ", "  en: Recieve ", 1), encoding="utf-8")
    assert any(code.endswith("roof-first.yml:S001") for code in _codes(root))
