"""Lesson exercises, as data/exercises.yml holds them (checked by scripts/checks/exercises.py)."""

from __future__ import annotations

from pathlib import Path

from .yaml_source import read_yaml

PATH = "data/exercises.yml"


def load_exercises(root: Path) -> dict:
    path = root / PATH
    if not path.exists():
        return {}
    data = read_yaml(path).data
    return (data.get("exercises") or {}) if isinstance(data, dict) else {}


def exercise_view(block: dict, lang: str) -> dict:
    """One lesson's exercises in one language, ready for partials/guide/exercises.html."""
    return {
        "spot": {"message": block["spot"]["message"][lang], "answer": block["spot"]["answer"][lang],
                 "antipattern": block["spot"]["antipattern"]},
        "fix": {"message": block["fix"]["message"][lang], "model": block["fix"]["model"][lang],
                "note": block["fix"]["note"][lang]},
        "check": [{"question": q["question"][lang], "answer": q["answer"][lang]} for q in block["check"]],
    }
