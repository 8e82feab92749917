"""The message checker in Python, the rules file checks, and parity with the browser."""

import shutil
from pathlib import Path

import pytest
import yaml

from scripts.entries import load_limits
from scripts.languages import load_languages
from scripts.message_checker import PATTERN_SUBSET, check_message, check_rules, load_rules
from tests.conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "data" / "checker-cases.yml").read_text(encoding="utf-8"))
RULES = load_rules(ROOT)
LIMITS = load_limits(ROOT)["channels"]
LANGS = [lang.code for lang in load_languages()]


def _python(case: dict) -> dict:
    result = check_message(case["text"], case["lang"], case.get("channel", "invitation-note"),
                           case.get("account", "premium"), RULES, LIMITS)
    return {"length": result["length"], "state": result["state"], "findings": result["findings"]}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lang']}:{c['text'][:30]}")
def test_python_checker_answers_every_shared_case(case):
    assert _python(case) == {k: case[k] for k in ("length", "state", "findings")}


def test_every_rule_has_a_positive_case_in_every_language_it_has_patterns_for():
    fired = {(c["lang"], f) for c in CASES for f in c["findings"]}
    for rule in RULES["rules"]:
        langs = LANGS if "any" in (rule.get("patterns") or {}) or "patterns" not in rule else list(rule["patterns"])
        assert any((lang, rule["id"]) in fired for lang in langs), rule["id"]


def test_the_real_rules_file_passes():
    assert check_rules(ROOT, LANGS) == []


def _rules_project(tmp_path, edit) -> Path:
    (tmp_path / "data").mkdir()
    text = (ROOT / "data" / "checker-rules.yml").read_text(encoding="utf-8")
    (tmp_path / "data" / "checker-rules.yml").write_text(edit(text), encoding="utf-8")
    return tmp_path


def test_a_pattern_outside_the_shared_subset_is_refused(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace('"sinergia(s)?"', '"\\\\bsinergia\\\\w*"'))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R003" and problem.path == "data/checker-rules.yml"
    assert "leaves the shared subset" in problem.message
    lines = (root / "data" / "checker-rules.yml").read_text(encoding="utf-8").splitlines()
    assert "sinergia" in lines[problem.line - 1]


def test_a_rule_without_a_message_in_one_language(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace(
        "      pl: Brzmi jak krzyk (wielkie litery albo dużo wykrzykników). Wycisz ton.\n", ""))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R002" and "'pl' message" in problem.message


def test_a_rule_with_an_unknown_kind(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace("kind: shouting", "kind: yelling"))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R001"


def test_subset_accepts_the_operators_and_refuses_engine_specific_syntax():
    for ok in ["sinergia(s)?", "[0-9]+([.,][0-9]+)? ?(€|\\$)", "www\\.[^ ]+", "poleci(ł|ła)"]:
        assert PATTERN_SUBSET.match(ok), ok
    for bad in ["\\bword", "\\w+", "(?i)x", "a{2}", "(?<=a)b", "\\p{L}"]:
        assert not PATTERN_SUBSET.match(bad), bad


@pytest.mark.browser
@pytest.mark.parametrize("lang", load_languages(), ids=lambda l: l.code)
def test_browser_checker_agrees_with_python_on_every_shared_case(page, lang):
    cases = [c for c in CASES if c["lang"] == lang.code]
    page.goto(f"/{lang.prefix}checker/")
    results = page.evaluate("""cases => {
        const data = JSON.parse(document.getElementById('guide-checker-data').textContent);
        return cases.map(c => {
            const r = window.guideChecker.check(c.text, c.channel || 'invitation-note', c.account || 'premium', data);
            return {length: r.length, state: r.state, findings: r.findings.map(f => f.id)};
        });
    }""", cases)
    assert results == [_python(c) for c in cases]
