"""Lesson exercises (data/exercises.yml): every lesson has them, in every language; each bad
message triggers the checker rule its answer names, and each model answer passes the checker
in its situation: the same proof the checker's evaluation corpus gives, on the lessons' own
examples."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.yaml_source import read_yaml
from .problems import Problem

from ..model.exercises import PATH, load_exercises


def _texts(block: dict, key: str) -> dict:
    value = block.get(key)
    return value if isinstance(value, dict) else {}


def check_exercises(root: Path, languages: Sequence[Language]) -> list[Problem]:
    from ..checker import check_message, compiled

    path = root / PATH
    lessons = sorted(p.stem for p in (root / "docs" / languages[0].code / "lessons").glob("*.md") if p.stem != "index")
    if not path.exists():
        return [Problem(PATH, 1, "X001", "no exercises: every lesson needs a spot-the-mistake, a fix-it and a self-check")]
    source = read_yaml(path)
    if source.error:
        return [Problem(PATH, source.error[0], "X001", f"not valid YAML ({source.error[1]}): fix the syntax there")]
    exercises = load_exercises(root)
    codes = [lang.code for lang in languages]
    antipatterns = {p.stem for p in (root / "data" / "antipatterns").glob("*.yml")}
    rules = compiled(root)
    known = {r["id"]: r for r in rules["rules"]}
    problems: list[Problem] = []
    for lesson in lessons:
        if lesson not in exercises:
            problems.append(Problem(PATH, 1, "X001", f"lesson '{lesson}' has no exercises: add `{lesson}:` "
                                    "with spot, fix and check"))
    for lesson, block in exercises.items():
        line = source.line("exercises", lesson)
        if lesson not in lessons:
            problems.append(Problem(PATH, line, "X002", f"'{lesson}' is not a lesson: use one of {lessons}"))
        if not isinstance(block, dict) or not all(isinstance(block.get(k), dict) for k in ("spot", "fix")) \
                or not isinstance(block.get("check"), list) or not 2 <= len(block["check"]) <= 3:
            problems.append(Problem(PATH, line, "X001", f"'{lesson}' needs `spot`, `fix` and a `check` of 2 or 3 questions"))
            continue
        if block["spot"].get("antipattern") not in antipatterns:
            problems.append(Problem(PATH, source.line("exercises", lesson, "spot", "antipattern"), "X002",
                                    f"'{lesson}' spot names anti-pattern {block['spot'].get('antipattern')!r}, "
                                    "which is not in data/antipatterns/"))
        # Every text in every language.
        parts = [("spot", "message"), ("spot", "answer"), ("fix", "message"), ("fix", "model"), ("fix", "note")]
        parts += [(i, key) for i in range(len(block["check"])) for key in ("question", "answer")]
        for part, key in parts:
            holder = block["check"][part] if isinstance(part, int) else block[part]
            texts = _texts(holder, key)
            for code in codes:
                if not isinstance(texts.get(code), str) or not texts[code].strip():
                    problems.append(Problem(PATH, source.line("exercises", lesson, *(("check", part) if isinstance(part, int) else (part,)), key),
                                            "X003", f"'{lesson}' {part} {key} has no '{code}' text: write it"))
        # The checker agrees with the answers.
        for part in ("spot", "fix"):
            rule, situation = block[part].get("rule"), block[part].get("situation")
            at = source.line("exercises", lesson, part, "rule")
            if rule not in known or situation not in rules["situations"]:
                problems.append(Problem(PATH, at, "X002", f"'{lesson}' {part}: unknown rule {rule!r} or situation {situation!r}"))
                continue
            for code, text in _texts(block[part], "message").items():
                found = {f.rule for f in check_message(text, code, situation, "premium", rules=rules)["findings"]}
                if rule not in found:
                    problems.append(Problem(PATH, source.line("exercises", lesson, part, "message", code), "X004",
                                            f"'{lesson}' {part} message ({code}) does not trigger '{rule}', the rule its "
                                            f"answer names (the checker found {sorted(found) or 'nothing'}): make the "
                                            "mistake plain, or name the rule it does show"))
        situation = block["fix"].get("situation")
        if situation in rules["situations"]:
            for code, text in _texts(block["fix"], "model").items():
                found = sorted(f.rule for f in check_message(text, code, situation, "premium", rules=rules)["findings"])
                if found:
                    problems.append(Problem(PATH, source.line("exercises", lesson, "fix", "model", code), "X005",
                                            f"'{lesson}' model answer ({code}) gets findings {found}: a model must pass"))
    return problems
