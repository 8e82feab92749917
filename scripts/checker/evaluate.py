"""Precision and recall of the checker: the hand-labelled corpus and the site's own examples.

  python -m scripts.checker.evaluate [--misses]

Corpus: tests/data/checker-corpus/{lang}.yml (see its README). The site adds: every template
variant filled with its examples (expect nothing, in the template's situation), the model
notes of the lessons' "Instead of… / Try…" tables (expect nothing), and every anti-pattern
with a `checks:` field (its example must trigger the rule the entry names; other rules are
not judged on it).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import compiled
from .engine import check

LANGS = ("es", "en", "pl")
QUOTED = re.compile(r"[“«„\"]([^”»“\"]{8,})[”»“\"]")
TABLE_LESSONS = {"invitation-note": "invitation-note", "after-they-accept": "first-message"}


@dataclass
class Item:
    id: str
    lang: str
    situation: str
    text: str
    expect: list[str]
    account: str = "premium"
    judged: list[str] | None = None  # rules judged on this item (None: every rule that applies)
    source: str = "corpus"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    by_rule: dict = field(default_factory=lambda: defaultdict(Score))  # (lang, rule) -> Score
    by_lang: dict = field(default_factory=lambda: defaultdict(Score))
    overall: Score = field(default_factory=Score)
    misses: list = field(default_factory=list)  # (item, rule) expected, not found
    false_alarms: list = field(default_factory=list)  # (item, rule, quotes)
    items: int = 0


def corpus_items(root: Path) -> list[Item]:
    items = []
    for lang in LANGS:
        path = root / "tests" / "data" / "checker-corpus" / f"{lang}.yml"
        if not path.exists():
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            items.append(Item(str(entry["id"]), lang, entry["situation"], entry["text"], list(entry.get("expect") or []),
                              entry.get("account", "premium")))
    return items


def site_items(root: Path) -> list[Item]:
    from ..model.entries import checker_situation, entry_files, example, texts

    items = []
    for path in entry_files(root, "template"):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        if entry.get("channel") == "email":
            continue
        for text in texts(entry, "text"):
            filled = text.value
            for name, spec in (entry.get("placeholders") or {}).items():
                filled = filled.replace("{" + name + "}", example(spec, text.lang, text.variant))
            items.append(Item(f"template:{path.stem}:{text.lang}:{text.variant or '-'}", text.lang,
                              checker_situation(entry), filled, [], source="template"))
    for path in entry_files(root, "antipattern"):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        checks = entry.get("checks")
        if not checks:
            continue
        for lang, value in entry["example"].items():
            quoted = QUOTED.findall(value)
            text = " ".join(quoted) if quoted else value
            items.append(Item(f"antipattern:{path.stem}:{lang}", lang, checks["situation"], text, [checks["rule"]],
                              judged=[checks["rule"]], source="antipattern"))
    for lang in LANGS:
        for lesson, situation in TABLE_LESSONS.items():
            path = root / "docs" / lang / "lessons" / f"{lesson}.md"
            if not path.exists():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
                if len(cells) == 2 and not set(cells[1]) <= set("-: "):
                    quoted = QUOTED.findall(cells[1])
                    if quoted:
                        items.append(Item(f"lesson:{lesson}:{lang}:{number}", lang, situation, quoted[0], [],
                                          source="lesson"))
    return items


def evaluate(root: Path, items: list[Item] | None = None) -> Report:
    document = compiled(root)
    items = items if items is not None else corpus_items(root) + site_items(root)
    report = Report()
    for item in items:
        situation = document["aliases"].get(item.situation, item.situation)
        applies = [r["id"] for r in document["rules"] if situation in r["situations"]]
        judged = item.judged if item.judged is not None else applies
        result = check(document, item.text, item.lang, situation, item.account)
        found = {f.rule: f for f in result["findings"]}
        report.items += 1
        for rule in judged:
            expected, got = rule in item.expect, rule in found
            if not (expected or got):
                continue
            score = "tp" if expected and got else ("fn" if expected else "fp")
            for target in (report.by_rule[(item.lang, rule)], report.by_lang[item.lang], report.overall):
                setattr(target, score, getattr(target, score) + 1)
            if score == "fn":
                report.misses.append((item, rule))
            elif score == "fp":
                quotes = [_slice16(item.text, a, b) for a, b in found[rule].spans]
                report.false_alarms.append((item, rule, quotes))
    return report


def _slice16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le", errors="replace")


def render(report: Report, misses: bool = True) -> str:
    rules = sorted({rule for _, rule in report.by_rule})
    lines = ["| rule | " + " | ".join(f"{lang} P | {lang} R | {lang} n" for lang in LANGS) + " |",
             "| --- |" + " ---: |" * (3 * len(LANGS))]
    for rule in rules:
        cells = []
        for lang in LANGS:
            score = report.by_rule.get((lang, rule))
            cells += [f"{score.precision:.2f}", f"{score.recall:.2f}", str(score.tp + score.fn)] if score else ["–"] * 3
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    lines.append("")
    for lang in LANGS:
        score = report.by_lang.get(lang)
        if score:
            lines.append(f"{lang}: precision {score.precision:.3f} recall {score.recall:.3f} "
                         f"(tp {score.tp}, fp {score.fp}, fn {score.fn})")
    o = report.overall
    lines.append(f"overall: precision {o.precision:.3f} recall {o.recall:.3f} over {report.items} messages")
    if misses:
        lines += ["", "## Misses (expected, not found)"]
        lines += [f"- {i.id} [{i.situation}] {rule}: {i.text[:160]!r}" for i, rule in report.misses]
        lines += ["", "## False alarms (found, not expected)"]
        lines += [f"- {i.id} [{i.situation}] {rule} {q}: {i.text[:160]!r}" for i, rule, q in report.false_alarms]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from ..model.languages import ROOT

    parser = argparse.ArgumentParser(prog="python -m scripts.checker.evaluate", description=__doc__)
    parser.add_argument("--no-misses", dest="misses", action="store_false")
    parser.add_argument("--lang", choices=LANGS)
    args = parser.parse_args(argv)
    items = corpus_items(ROOT) + site_items(ROOT)
    if args.lang:
        items = [i for i in items if i.lang == args.lang]
    print(render(evaluate(ROOT, items), args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
