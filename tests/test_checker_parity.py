"""Python and Chromium give identical findings and spans: the shared cases, the whole corpus
with the site's own examples (one page evaluation), and random drafts (Hypothesis)."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.checker import compiled
from scripts.checker.engine import check
from scripts.checker.evaluate import corpus_items, site_items
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
DOC = compiled(ROOT)
CASES = [json.loads(line[2:]) for line in
         (ROOT / "tests" / "data" / "checker-cases.yml").read_text(encoding="utf-8").splitlines() if line.startswith("- ")]

BATCH = """items => {
    const doc = window.guideCheckerDocument;
    return items.map(i => {
        const r = window.guideChecker.check(doc, i.text, i.lang, i.situation, i.account);
        return {length: r.length, state: r.state, findings: r.findings.map(f => [f.rule, f.spans])};
    });
}"""


def _python(item) -> dict:
    r = check(DOC, item["text"], item["lang"], item["situation"], item["account"])
    return {"length": r["length"], "state": r["state"],
            "findings": [[f.rule, [list(s) for s in f.spans]] for f in r["findings"]]}


@pytest.fixture
def checker_page(page):
    page.goto("/en/checker/")
    page.locator("[data-guide-checker] textarea").focus()  # the reader reaches for it: the rules load
    page.wait_for_load_state("networkidle")  # polling would need eval, which the policy forbids
    page.wait_for_function("window.guideCheckerDocument")  # the rules script has loaded
    return page


def _batch(page, items):
    return page.evaluate(BATCH, items)


def test_browser_answers_every_shared_case(checker_page):
    items = [{"text": c["text"], "lang": c["lang"], "situation": c.get("channel", "invitation-note"),
              "account": c.get("account", "premium")} for c in CASES]
    expected = [{k: c[k] for k in ("length", "state", "findings")} for c in CASES]
    assert _batch(checker_page, items) == expected


def test_browser_and_python_agree_on_the_whole_corpus(checker_page):
    items = [{"text": i.text, "lang": i.lang, "situation": i.situation, "account": i.account}
             for i in corpus_items(ROOT) + site_items(ROOT)]
    assert len(items) > 50
    assert _batch(checker_page, items) == [_python(i) for i in items]


ALPHABET = st.sampled_from(list("aZł ó,.!?¿¡'’-‐:;\n\r\t$€%[]{}<>_@/#0123456789") +
                           ["\u0301", "\ufeff", "\x1c", "\x1f", "\x85", "\u00a0", "😀", "𝐀", "\U0001e900",
                            "\u0378", "\u2028", "İ", "ß", "Σ", "www.", "http://", "zł", "%", "hola ", "you ",
                            "add me", "call", "demo", "FIRST_NAME"])
DRAFTS = st.lists(ALPHABET, max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(drafts=st.lists(DRAFTS, min_size=20, max_size=20), lang=st.sampled_from(["es", "en", "pl"]),
       situation=st.sampled_from(["invitation-note", "first-message", "follow-up", "reply", "inmail", "comment"]))
def test_random_drafts_agree(browser, base_url, drafts, lang, situation):
    page = _shared_page(browser, base_url)
    items = [{"text": d, "lang": lang, "situation": situation, "account": "free"} for d in drafts]
    assert _batch(page, items) == [_python(i) for i in items]


_PAGES = {}


def _shared_page(browser, base_url):
    if "page" not in _PAGES:
        context = browser.new_context(base_url=base_url)
        _PAGES["page"] = context.new_page()
        _PAGES["page"].goto("/en/checker/")
        _PAGES["page"].locator("[data-guide-checker] textarea").focus()  # the reader reaches for it: the rules load
        _PAGES["page"].wait_for_load_state("networkidle")  # polling would need eval, which the policy forbids
        _PAGES["page"].wait_for_function("window.guideCheckerDocument")  # the rules script has loaded
    return _PAGES["page"]


def test_long_pastes_stay_linear_in_chromium(checker_page):
    times = checker_page.evaluate("""() => {
        const doc = window.guideCheckerDocument;
        const out = {};
        for (const unit of ['1', 'a', '\\u0301', 'hi you ', '`{a} ', 'Hi Emma, we met at the fair. Call me? www.x.com 50 € ']) {
            const t = n => { const s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
                const runs = []; for (let k = 0; k < 3; k++) { const a = performance.now();
                window.guideChecker.check(doc, s, 'en', 'first-message', 'premium'); runs.push(performance.now() - a); }
                return runs.sort((x, y) => x - y)[1]; };
            out[unit] = [t(50000), t(200000)];
        }
        return out;
    }""")
    for unit, (small, large) in times.items():
        assert large / max(small, 0.5) < 8, (unit, small, large)
