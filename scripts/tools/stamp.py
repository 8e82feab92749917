"""`python -m scripts stamp`: record in every translation the hash of the Spanish text it follows."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..model.freshness import _items
from ..model.languages import Language



def _yaml() -> YAML:
    """Round-trip YAML: comments, quotes, key order and flow mappings stay as written."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10**6  # never re-wrap a long text
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def stamp(root: Path, languages: Sequence[Language]) -> list[Path]:
    """Record the current Spanish hash in every translation; return the files changed."""
    changed = []
    for kind, item, lang, recorded, expected, path, _ in list(_items(root, languages)):
        if recorded == expected:
            continue
        text = path.read_text(encoding="utf-8")
        if kind == "lesson":
            text = _stamp_front_matter(text, expected)
        else:
            text = _stamp_entry(text, lang.code, expected)
        path.write_text(text, encoding="utf-8")
        if path not in changed:
            changed.append(path)
    return changed


def _stamp_entry(text: str, lang: str, value: str) -> str:
    """Set `translated_from.<lang>` in an entry file, keeping everything else as written."""
    yaml = _yaml()
    data = yaml.load(text)
    stamps = data.get("translated_from")
    if not isinstance(stamps, dict):
        data["translated_from"] = stamps = CommentedMap()
    stamps[lang] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _stamp_front_matter(text: str, value: str) -> str:
    """Set `translated_from` in a lesson's front matter, keeping the rest of the page as written."""
    head, sep, body = text.partition("\n---")
    yaml = _yaml()
    meta = yaml.load(head.removeprefix("---\n")) or CommentedMap()
    meta["translated_from"] = value
    out = io.StringIO()
    yaml.dump(meta, out)
    return "---\n" + out.getvalue().rstrip("\n") + sep + body
