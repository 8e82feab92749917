"""The problem-code registry: one place, complete, and the same as CONTRIBUTING.md's table."""

import re
import subprocess
import sys
from pathlib import Path

from scripts.checks.codes import CODES, ERROR, WARNING
from tests.conftest import ROOT

_LITERAL = re.compile(r'"([A-Z]\d{3})"')


def _table_codes() -> set[str]:
    """Codes in CONTRIBUTING.md's table: those a row's text names, else its range (L001–L011) expanded."""
    table = [line for line in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines()
             if re.match(r"^\| [A-Z]\d{3}", line)]
    codes = set()
    for line in table:
        first = line.split("|")[1].strip()
        start, _, end = first.partition("–")
        end = end or start
        named = set(re.findall(r"\b([A-Z]\d{3})\b", "|".join(line.split("|")[2:])))
        codes |= named | {start} if named else {f"{start[0]}{n:03d}" for n in range(int(start[1:]), int(end[1:]) + 1)}
    return codes


def test_every_code_the_checks_emit_is_registered():
    emitted = {code for path in (ROOT / "scripts").rglob("*.py") if "checker" not in path.parts
               for code in _LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert emitted - set(CODES) == set()


def test_every_registered_code_has_a_severity_a_summary_and_a_fix():
    for code, entry in CODES.items():
        assert entry.code == code and entry.severity in (ERROR, WARNING) and entry.summary and entry.fix


def test_contributing_lists_exactly_the_registered_codes():
    assert _table_codes() ^ set(CODES) == set()


def test_explain_prints_the_entry_and_refuses_an_unknown_code():
    ok = subprocess.run([sys.executable, "-m", "scripts", "explain", "d005"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("D005 (error): a text is missing in a language.")
    bad = subprocess.run([sys.executable, "-m", "scripts", "explain", "Z999"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "unknown code 'Z999'" in bad.stderr
