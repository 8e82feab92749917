"""Templates and anti-patterns: one YAML file per entry, every language inside it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .yaml_source import read_yaml

KINDS = {"template": "templates", "antipattern": "antipatterns"}



@dataclass(frozen=True)
class Text:
    """One text of a template: a field in one language and, where it has them, one register."""
    field: str
    lang: str
    variant: str | None
    value: str

    @property
    def label(self) -> str:
        variant = f" ({self.variant})" if self.variant else ""
        return f"'{self.lang}'{variant} {self.field}"


def entry_files(root: Path, kind: str) -> list[Path]:
    return sorted((root / "data" / KINDS[kind]).glob("*.yml"))


@lru_cache(maxsize=None)
def schema(root: Path, kind: str) -> dict:
    return json.loads((root / "data" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def load_limits(root: Path) -> dict:
    return read_yaml(root / "data" / "limits.yml").data


def texts(entry: dict, field: str) -> Iterator[Text]:
    """Every text of `field`, per language and register variant."""
    for lang, value in (entry.get(field) or {}).items():
        if isinstance(value, dict):
            for variant, text in value.items():
                yield Text(field, lang, variant, text)
        else:
            yield Text(field, lang, None, value)


def example(spec: dict, lang: str, variant: str | None) -> str:
    """A placeholder's example in one language, for one register where it has several."""
    value = spec["example"][lang]
    if isinstance(value, dict):
        return value.get(variant) or next(iter(value.values()))
    return value


def load_placeholder_labels(root: Path) -> dict:
    """data/placeholders.yml: placeholder name -> language -> the label beside its blank."""
    path = root / "data" / "placeholders.yml"
    data = read_yaml(path).data if path.exists() else None
    return data if isinstance(data, dict) else {}


# What a reader is writing when they use a template of a channel (the checker's situations);
# a "message" template's own situation says whether it opens, chases or continues a conversation.
_MESSAGE_SITUATIONS = {"after-accepting": "first-message", "follow-up": "follow-up"}


def checker_situation(entry: dict) -> str:
    """The checker situation a template is written for, from its channel (and situation)."""
    channel = entry["channel"]
    if channel == "message":
        return _MESSAGE_SITUATIONS.get(entry.get("situation"), "reply")
    return channel


