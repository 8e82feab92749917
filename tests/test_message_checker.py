"""The message checker in Python: tokens, patterns, scanners, rules, R-codes, CLI, evaluation,
linear time. tests/test_browser_tools.py runs the same shared cases and the corpus in Chromium."""

import gc
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from scripts.checker import check_message, compiled
from scripts.checker.compile import check_rules
from scripts.checker.engine import check
from scripts.checker.patterns import PatternError, parse
from scripts.checker.text import classify, normalise, tokenize, utf16_length
from scripts.model.languages import load_languages
from scripts.checker import load_rules
from tests.conftest import ROOT

CASES = [json.loads(line[2:]) for line in
         (ROOT / "tests" / "data" / "checker-cases.yml").read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
DOC = compiled(ROOT)
LANGS = [lang.code for lang in load_languages()]


def run(text, lang="en", situation="invitation-note", account="premium"):
    return check(DOC, text, lang, situation, account)


def rules_of(text, lang="en", situation="invitation-note"):
    return [f.rule for f in run(text, lang, situation)["findings"]]


def quotes(text, rule, lang="en", situation="invitation-note"):
    [finding] = [f for f in run(text, lang, situation)["findings"] if f.rule == rule]
    return [text[a:b] for a, b in finding.spans]


# --- shared cases ---

@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lang']}:{c['text'][:30]}")
def test_python_checker_answers_every_shared_case(case):
    result = run(case["text"], case["lang"], case.get("channel", "invitation-note"), case.get("account", "premium"))
    got = {"length": result["length"], "state": result["state"],
           "findings": [[f.rule, [list(s) for s in f.spans]] for f in result["findings"]]}
    assert got == {k: case[k] for k in ("length", "state", "findings")}


def test_shim_keeps_the_old_imports():
    # The same document (equal), not necessarily the same object: the compile cache keeps
    # eight projects and a full test run builds more than eight copies of the project.
    assert load_rules(ROOT) == DOC
    result = check_message("Hi Ann, please add me", "en", "message", "premium", DOC, {})
    assert [f.rule for f in result["details"]] == ["ask-to-invite"]


# --- tokens and normalisation ---

def test_tokens_keep_inner_apostrophes_and_hyphens_and_utf16_spans():
    toks = tokenize("¡Hola! I’m a 15-minute e‑mail ’quote’ 😀 don't-")
    assert toks.norm == ["hola", "i'm", "a", "15-minute", "e-mail", "quote", "don't"]
    assert toks.sep[0] == "¡" and toks.brk[1]
    text = "😀 ab 𝐀c"
    toks = tokenize(text)
    assert list(zip(toks.start, toks.end)) == [(3, 5), (6, 9)]


def test_opening_marks_are_punctuation_and_questions_are_known():
    toks = tokenize("¿Qué tal? Bien. ¿Hablamos")
    assert toks.norm == ["qué", "tal", "bien", "hablamos"]
    assert toks.question == [True, False, False]


def test_normalisation_is_nfc_lowercase_and_bounded():
    assert normalise("JOSE\u0301")[0] == "josé"
    assert normalise("a" * 65)[0] is None
    many = "a" + "\u0301" * 50
    assert normalise(many)[0] is not None and len(normalise(many)[0]) <= 9


def test_character_classes_are_the_shipped_ones():
    assert classify("\ufeff") is None and classify("\x1c") == "space" and classify("\x85") == "space"
    assert classify("ł") == "letter" and classify("\u0301") == "mark" and classify("٣") == "digit"
    assert DOC["text"]["classes"]["letter"][0] == [65, 90]


def test_length_counts_crlf_once_and_astral_twice():
    assert utf16_length("a\r\nb😀") == 5


# --- the pattern language ---

@pytest.mark.parametrize("pattern", ["a(b)", "[a-z]+", "\\bword", "(x+)+", "a{2}", "a^b", "x$"])
def test_regex_like_patterns_are_refused(pattern):
    with pytest.raises(PatternError) as error:
        parse(pattern)
    assert error.value.code == "R003"


@pytest.mark.parametrize("pattern,code", [("a _9 b", "R007"), ("_2 a", "R007"), ("a _2", "R007"),
                                          ("a? b?", "R007"), ("a _2 _2 b", "R007"), ("a||b", "R003")])
def test_unbounded_or_malformed_patterns_are_refused(pattern, code):
    with pytest.raises(PatternError) as error:
        parse(pattern)
    assert error.value.code == code


def _matches(pattern, text, lang="en"):
    from scripts.checker.engine import _Group, _positions

    group = _Group([parse(pattern)], DOC["lexicon"][lang])
    toks = tokenize(text)
    return [(toks.start[a], toks.end[b]) for a, b in group.matches(toks, _positions(toks))]


def test_pattern_features():
    assert _matches("add me", "Please ADD me.") == [(7, 13)]
    assert _matches("your _2 post", "your very long post") == [(0, 19)]
    assert _matches("your _2 post", "your very long boring post") == []
    assert _matches("grab a? coffee", "grab coffee") == [(0, 11)]
    assert _matches("synerg*", "synergies!") == [(0, 9)]
    assert _matches("*ing chat", "a fleeting chat") == [(2, 15)]
    assert _matches("#num-minute call", "a 15-minute call") == [(2, 16)]
    assert _matches("#num min*", "20 minutes") == [(0, 10)]
    assert _matches("call @question", "A call? Yes.") == [(2, 6)]
    assert _matches("call @question", "A call. Yes?") == []
    assert _matches("pani *o ,", "Pani Katarzyno, dzień dobry") == [(0, 14)]
    assert _matches("saw your", "I saw. Your post") == []  # a sentence break stops a match
    assert _matches("~see your", "I saw your post") == [(2, 10)]


def test_lemmas_expand_to_every_form_in_each_language():
    assert {"widzę", "widziałam", "widzimy"} <= set(DOC["lexicon"]["pl"]["widzieć"].split(" "))
    assert {"publicaciones"} <= set(DOC["lexicon"]["es"]["publicación"].split(" "))
    assert {"met", "meeting"} <= set(DOC["lexicon"]["en"]["meet"].split(" "))


# --- scanners ---

def test_link_scanner():
    assert quotes("Hi, see https://a.io/x, or www.b.com and shop.example.pl/offer.", "link", situation="first-message") \
        == ["https://a.io/x", "www.b.com", "shop.example.pl/offer"]
    assert rules_of("Hi Ann, e.g. node.js and 3.5 and U.S.", situation="reply") == []
    assert "link" not in rules_of("Hi Ann, e.g. node.js and 3.5 and U.S.", situation="first-message")


def test_price_scanner():
    text = "Hi Ann, it costs $99, 1.500,00 € or 300 zł, USD 40, 20% off and 50 % de descuento."
    assert quotes(text, "price", "en", "first-message") == ["$99", "1.500,00 €", "300 zł", "USD 40", "20% off",
                                                             "50 % de descuento"]
    assert "price" not in rules_of("Hi Ann, 20% of teams and 3 eurovision fans", situation="first-message")


def test_merge_field_scanner():
    text = "Hi [FIRST_NAME], {{company}} {name} <Name> %FIRSTNAME% [imię] [1] <3 50% off 20%"
    assert quotes(text, "merge-field", situation="reply") == ["[FIRST_NAME]", "{{company}}", "{name}", "<Name>",
                                                              "%FIRSTNAME%", "[imię]"]


def test_me_first_and_empty_comment():
    long_intro = ("Hi Kate, I'm Tom, head of sales at Acme. We have 300 clients across Europe. "
                  "We won three awards. I'd like to connect with you.")
    assert "me-first" in rules_of(long_intro)
    assert "me-first" not in rules_of("Hi Kate, I'm Tom from Acme. I read your post on returns.")
    # a message that never turns to the reader: only the sentences about the writer count
    one_line = "Hi Kate, I'm building a small community for product designers in Leeds. Would love to connect."
    assert "me-first" not in rules_of(one_line)
    two_lines = ("Hi Kate, I'm Tom, head of sales at Acme. We've won three awards this year. "
                 "Would love to connect.")
    assert quotes(two_lines, "me-first") == ["I'm Tom, head of sales at Acme. We've won three awards this year"]
    assert rules_of("Great post! Totally agree.", situation="comment") == ["empty-comment"]
    assert rules_of("👏👏", situation="comment") == ["empty-comment"]
    assert rules_of("Great post! The night-shift numbers match what we saw in Leeds last winter.",
                    situation="comment") == []
    assert rules_of("Which tool did you use for the heat map?", situation="comment") == []


# --- each rule, positive and negative, in each language ---

RULE_CASES = [
    ("no-greeting", "es", "invitation-note", "Vi tu charla sobre rutas.", "¡Hola, Lucía! Vi tu charla sobre rutas."),
    ("no-greeting", "en", "first-message", "Saw your talk on routes.", "Thanks for connecting, Kate! Saw your talk."),
    ("no-greeting", "pl", "inmail", "Widziałam Pani wystąpienie.", "Pani Katarzyno, widziałam Pani wystąpienie."),
    ("no-reason", "es", "invitation-note", "Hola, Ana: me encantaría conectar.", "Hola, Ana: veo que lideras el equipo de datos."),
    ("no-reason", "en", "invitation-note", "Hi Ann, your experience aligns perfectly.", "Hi Ann, I noticed your work on routing."),
    ("no-reason", "pl", "invitation-note", "Cześć Ania, imponujący profil!", "Cześć Ania, widzę, że też pracujesz w logistyce."),
    ("buzzwords", "es", "first-message", "Hola, Ana: busquemos sinergias.", "Hola, Ana: gracias por aceptar."),
    ("buzzwords", "en", "first-message", "Hi Ann, I want to build my network with like-minded professionals.", "Hi Ann, see you at the networking event."),
    ("buzzwords", "pl", "first-message", "Cześć Ania, chcę poszerzyć moją sieć kontaktów.", "Cześć Ania, dziękuję za kontakt."),
    ("pitch", "es", "first-message", "Hola, Ana: ayudamos a empresas como la tuya a ahorrar.", "Hola, Ana: enhorabuena por tu promoción."),
    ("pitch", "en", "first-message", "Hi Ann, we help companies like yours cut costs.", "Hi Ann, your post on dynamic pricing was great."),
    ("pitch", "pl", "first-message", "Dzień dobry, chciałbym przedstawić naszą ofertę.", "Dzień dobry, pracuję w dziale promocji."),
    ("ask-to-invite", "es", "invitation-note", "Hola, Ana: ¿me agregas?", "Hola, Ana: ¿me invitas a tu webinar?"),
    ("ask-to-invite", "en", "first-message", "Hi Ann, could you send me the request instead?", "Hi Ann, thanks for taking the time to connect with me."),
    ("ask-to-invite", "pl", "comment", "Dodaj mnie do znajomych!", "Zaproś mnie na webinar, chętnie posłucham."),
    ("call-or-meeting", "es", "first-message", "Hola, Ana: ¿tienes 10 minutos para una llamada?", "Hola, Ana: nos conocimos en el congreso."),
    ("call-or-meeting", "en", "first-message", "Hi Ann, interested in chatting?", "Hi Ann, great meeting you at DevOpsDays."),
    ("call-or-meeting", "pl", "first-message", "Cześć Ania, czy znajdziesz 20 minut na krótką rozmowę?", "Cześć Ania, spotkaliśmy się na konferencji."),
    ("default-text", "en", "invitation-note", "I'd like to add you to my professional network.", "Hi Ann, I'd like to read more of your work."),
    ("generic-opener", "es", "first-message", "Hola, Ana: espero que estés bien.", "Hola, Ana: espero tu respuesta sobre el informe."),
    ("generic-opener", "en", "inmail", "Hi Ann, I came across your profile.", "Hi Ann, I came across your post on returns."),
    ("generic-opener", "pl", "invitation-note", "Cześć Ania, trafiłem na Twój profil.", "Cześć Ania, trafiłem na Twój post o zwrotach."),
    ("flattery", "es", "inmail", "Hola, Ana: me impresiona tu trayectoria.", "Hola, Ana: tu artículo sobre turnos me fue útil."),
    ("flattery", "en", "first-message", "Hi Ann, impressive profile!", "Hi Ann, your post on night shifts was useful."),
    ("flattery", "pl", "inmail", "Dzień dobry, imponujący profil!", "Dzień dobry, Pani artykuł o zmianach był przydatny."),
    ("personal-data", "es", "first-message", "Hola, Ana: ¿me pasas tu número de móvil?", "Hola, Ana: mi número está en mi perfil."),
    ("personal-data", "en", "comment", "Send me your WhatsApp number!", "Phone screening tips were useful."),
    ("personal-data", "pl", "first-message", "Cześć Ania, podaj mi swój numer telefonu.", "Cześć Ania, mój numer masz w stopce."),
    ("big-ask", "es", "first-message", "Hola, Ana: ¿me pasarías mi CV a RR. HH.?", "Hola, Ana: ¿qué libro me recomiendas?"),
    ("big-ask", "en", "first-message", "Thanks for accepting. Could you recommend me for the role?", "Hi Ann, could you recommend me a book on routing?"),
    ("big-ask", "pl", "first-message", "Dzień dobry, czy mógłby Pan polecić mnie na to stanowisko?", "Dzień dobry, jaką książkę by Pan polecił?"),
    ("pushy", "es", "follow-up", "Hola, Ana: ¿viste mi mensaje? Te he escrito tres veces.", "Hola, Ana: sin prisa, cuando puedas."),
    ("pushy", "en", "follow-up", "Hi Ann, just bumping this. Only 2 spots left!", "Hi Ann, no rush at all."),
    ("pushy", "pl", "reply", "Czekam na odpowiedź, to ostatnia szansa.", "Dzięki, odezwę się w piątek."),
]


@pytest.mark.parametrize("rule,lang,situation,bad,good", RULE_CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_each_rule_fires_on_its_example_and_not_on_its_near_miss(rule, lang, situation, bad, good):
    assert rule in rules_of(bad, lang, situation), rules_of(bad, lang, situation)
    assert rule not in rules_of(good, lang, situation), rules_of(good, lang, situation)


def test_rules_apply_only_where_the_contract_says():
    assert "pitch" not in rules_of("Hi Ann, we help companies like yours.", situation="reply")
    assert "no-greeting" not in rules_of("Saw your talk.", situation="comment")
    assert run("x", situation="message")["limit"] == 8000


# --- R-codes ---

def test_the_real_rules_file_passes():
    assert check_rules(ROOT, LANGS) == []


def _rules_project(tmp_path, edit) -> Path:
    (tmp_path / "data").mkdir()
    for name in ("checker-rules.yml", "limits.yml"):
        text = (ROOT / "data" / name).read_text(encoding="utf-8")
        (tmp_path / "data" / name).write_text(edit(text) if name == "checker-rules.yml" else text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def _line_of(root, problem):
    return (root / "data" / "checker-rules.yml").read_text(encoding="utf-8").splitlines()[problem.line - 1]


def test_a_nested_quantifier_is_refused_at_its_line(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace("        - add me\n", '        - "([a-z]+ ?)+:"\n', 1))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R003" and "([a-z]+ ?)+:" in _line_of(root, problem)


def test_a_rule_without_severity_or_situations_is_a_problem_not_a_crash(tmp_path):
    def edit(text):
        text = text.replace("    kind: shouting\n    severity: warning\n", "    kind: shouting\n", 1)
        return text.replace("  - id: link\n    kind: link\n    severity: error\n    situations: [invitation-note, first-message, follow-up, inmail]\n",
                            "  - id: link\n    kind: link\n    severity: error\n", 1)
    root = _rules_project(tmp_path, edit)
    assert sorted(p.code for p in check_rules(root, LANGS)) == ["R004", "R005"]


def test_a_rule_without_a_message_in_one_language(tmp_path):
    # the shouting rule's Polish message, whatever its wording
    root = _rules_project(tmp_path, lambda t: re.sub(r"      pl: Brzmi jak krzyk.*\n", "", t, count=1))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R002" and "'pl' message" in problem.message


def test_a_rule_with_an_unknown_kind(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace("kind: shouting", "kind: yelling"))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R001"


def test_a_string_instead_of_a_list_and_a_bad_gap(tmp_path):
    def edit(text):
        text = text.replace("    patterns:\n      en:\n        - add me\n", "    patterns:\n      en: add me\n", 1)
        return text.replace("        - ~touch base\n", "        - ~touch _12 base\n", 1)
    root = _rules_project(tmp_path, edit)
    assert sorted(p.code for p in check_rules(root, LANGS)) == ["R003", "R007"]


def test_bad_scanner_parameters(tmp_path):
    root = _rules_project(tmp_path, lambda t: t.replace("    min_words: 4\n", "    min_words: four\n"))
    [problem] = check_rules(root, LANGS)
    assert problem.code == "R009" and "min_words" in _line_of(root, problem)


# --- CLI ---

def _cli(text, *args):
    return subprocess.run([sys.executable, "-m", "scripts", "checker", *args], input=text.encode("utf-8"),
                          capture_output=True, cwd=ROOT, timeout=120)


def test_cli_json_and_exit_codes():
    done = _cli("Hi Kate 😀, see www.acme.com", "--lang", "en", "--channel", "message", "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"length": 28, "limit": 8000, "state": "fits",
                                       "findings": [{"rule": "link", "severity": "error", "spans": [[16, 28]]}]}
    assert _cli("Hi Kate, I read your post on returns.", "--lang", "en", "--channel", "invitation-note",
                "--account", "free").returncode == 0
    for args in (["--lang", "xx", "--channel", "message"], ["--lang", "en", "--channel", "letter"], ["--lang", "en"]):
        done = _cli("hi", *args)
        assert done.returncode == 2 and len(done.stderr.decode().strip().splitlines()) == 1


# --- evaluation ---

def test_the_site_examples_pass_and_the_bad_ones_fire():
    from scripts.checker.evaluate import evaluate, site_items

    items = site_items(ROOT)
    assert any(i.source == "antipattern" for i in items) and any(i.source == "lesson" for i in items)
    report = evaluate(ROOT, items)
    assert report.false_alarms == [] and report.misses == []


# Issue 10's goal on the hand-labelled corpus, per language: precision >= 0.90, recall >= 0.85,
# no rule under 0.80 precision. Every language meets it and is held to it; the floors keep
# each language's overall figures from slipping below what was measured. Raise them whenever
# the rules improve.
GOAL = {"precision": 0.90, "recall": 0.85, "rule_precision": 0.80}
FLOORS = {"es": (0.98, 0.96), "en": (0.99, 0.97), "pl": (0.97, 0.88)}  # corpus only, measured 2026-11-23


def _corpus_report():
    from scripts.checker.evaluate import corpus_items, evaluate

    items = corpus_items(ROOT)
    if not items:
        pytest.skip("tests/data/checker-corpus has no labelled messages yet")
    return evaluate(ROOT, items)


def test_corpus_never_falls_below_the_measured_floors():
    report = _corpus_report()
    for lang, (precision, recall) in FLOORS.items():
        score = report.by_lang[lang]
        assert score.precision >= precision and score.recall >= recall, (lang, score)


@pytest.mark.parametrize("lang", ["es", "en", "pl"])
def test_language_meets_the_goal(lang):
    report = _corpus_report()
    score = report.by_lang[lang]
    assert score.precision >= GOAL["precision"] and score.recall >= GOAL["recall"], score
    for (rule_lang, rule), rule_score in report.by_rule.items():
        if rule_lang == lang:
            assert rule_score.precision >= GOAL["rule_precision"], (rule, rule_score)


# --- linear time (ratios, never wall-clock limits) ---

def _best_time(text, runs=3):
    run(text[:1000], "en", "first-message")  # warm the caches
    times = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            run(text, "en", "first-message")
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return min(times)


@pytest.mark.parametrize("unit", ["1", "a", "\u0301", "1.", "[a", "hi you ", "www.a", "$1 ", "`{a} "])
def test_checking_is_linear(unit):
    small = _best_time(("a" if unit == "\u0301" else "") + unit * (50_000 // len(unit)))
    large = _best_time(("a" if unit == "\u0301" else "") + unit * (200_000 // len(unit)))
    assert large / max(small, 0.005) < 8, (small, large)  # a floor: tiny timings are mostly noise


def test_an_inmail_body_is_measured_against_the_stricter_of_linkedins_figures():
    """LinkedIn's pages say 2,000 and 1,900: the checker (and the cards) use 1,900, read from
    data/limits.yml, so a body between the two is over the limit, not silently accepted."""
    from scripts.model.limits import load_facts

    inmail = load_facts(ROOT).figures["inmail"]
    assert sorted(set(inmail.stated())) == [1900, 2000] and inmail.value == 1900
    body = "Dear Ann, " + "x" * 1890
    assert run(body, situation="inmail")["state"] == "fits"
    assert run(body + "x", situation="inmail")["state"] == "over"
    assert run(body + "x" * 100, situation="inmail")["state"] == "over"  # 2,000 characters: over here


# --- the shortcuts that keep long pastes fast give the answers of the plain definitions ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scripts.checker import engine as _engine  # noqa: E402
from scripts.checker import text as _text  # noqa: E402

_RUNS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@settings(max_examples=300, deadline=None)
@given(found=_RUNS, against=_RUNS)
def test_drop_overlapping_keeps_exactly_the_matches_sharing_no_word(found, against):
    plain = [(a, b) for a, b in found if not any(c <= b and a <= d for c, d in against)]
    assert _engine._drop_overlapping(found, against) == plain


@settings(max_examples=300, deadline=None)
@given(starts=st.lists(st.integers(0, 200), unique=True).map(sorted),
       where=st.lists(st.integers(0, 200), unique=True).map(sorted), span=st.integers(0, 12))
def test_followed_within_is_the_plain_window_test(starts, where, span):
    assert _engine._followed_within(starts, where, span) == [i for i in starts if any(i < p <= i + span for p in where)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,é\u0301😀𝐁\n?!'-"), max_size=80))
def test_tokens_and_offsets_match_a_token_by_token_reading(text):
    toks = tokenize(text)
    token_re = _text._regexes()[0]
    spans = [m.span() for m in token_re.finditer(text)]
    to16 = _text.utf16_offsets(text)
    assert toks.start == [to16(a) for a, _ in spans] and toks.end == [to16(b) for _, b in spans]
    assert toks.norm == [normalise(text[a:b])[0] for a, b in spans]
    assert len(toks.sep) == len(spans) + 1 and len(toks.question) == (toks.sentence[-1] + 1 if spans else 1)


def test_a_dotted_chunk_that_trims_to_a_scheme_is_still_a_link():
    # only chunks holding a dot are looked at; trimming may then take the dot away
    assert [f.rule for f in check(DOC, "see https://intranet. now", "en", "invitation-note")["findings"]].count("link") == 1


def test_first_is_the_earliest_match_that_matches_would_keep():
    # Context.first stops at the first match; it must agree with the full list it stands for
    corpus = [(lang, item["text"]) for lang in LANGS
              for item in yaml.safe_load((ROOT / "tests" / "data" / "checker-corpus" / f"{lang}.yml").read_text(encoding="utf-8"))]
    rt, compared = _engine.runtime(DOC), 0
    for lang, text in corpus[::3]:
        for rule in DOC["rules"]:
            if rule["kind"] not in ("contains", "missing", "me-first"):
                continue
            for group in ("patterns", "you") if rule["kind"] == "me-first" else ("patterns",):
                fast, full = _engine._Context(rt, text, lang), _engine._Context(rt, text, lang)
                against = full.matches("pitch")
                for lo in (0, 3):
                    runs = _engine._runs(against)
                    kept = [a for a, b in full.matches(rule["id"], group)
                            if a >= lo and not (against and _engine._overlaps(runs, a, b))]
                    assert fast.first(rule["id"], group, lo, against) == (kept[0] if kept else None), (rule["id"], text)
                    compared += 1
    assert compared > 1000


def test_offsets_in_a_text_full_of_emoji_are_utf16_offsets():
    # past FEW_ASTRAL astral characters the offsets come from UTF-16 lengths measured in C
    text = "".join(f"word{k} 😀𝐁 {'é' if k % 3 else ''}x\ud800 " for k in range(_text.FEW_ASTRAL))
    toks = tokenize(text)
    spans = [m.span() for m in _text._regexes()[0].finditer(text)]
    to16 = _text.utf16_offsets(text)
    assert toks.start == [to16(a) for a, _ in spans] and toks.end == [to16(b) for _, b in spans]
