"""`python -m scripts stamp`: record in every translation the hash of the Spanish text it follows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..model.freshness import _items
from ..model.languages import Language

_FRONT_KEY = re.compile(r"^translated_from:.*$", re.M)


def stamp(root: Path, languages: Sequence[Language]) -> list[Path]:
    """Record the current Spanish hash in every translation; return the files changed."""
    changed = []
    for kind, item, lang, recorded, expected, path, _ in list(_items(root, languages)):
        if recorded == expected:
            continue
        text = path.read_text(encoding="utf-8")
        if kind == "lesson":
            if _FRONT_KEY.search(text.split("\n---", 1)[0]):
                text = _FRONT_KEY.sub(f"translated_from: {expected}", text, count=1)
            else:
                text = text.replace("\n---", f"\ntranslated_from: {expected}\n---", 1)
        else:
            text = _stamp_entry(text, lang.code, expected)
        path.write_text(text, encoding="utf-8")
        if path not in changed:
            changed.append(path)
    return changed


def _stamp_entry(text: str, lang: str, value: str) -> str:
    """Set `translated_from.<lang>` in an entry file, keeping everything else as written."""
    block = re.search(r"^translated_from:\n((?:  .*\n?)*)", text, re.M)
    if not block:
        return text.rstrip("\n") + f"\ntranslated_from:\n  {lang}: {value}\n"
    body = block.group(1)
    line = re.compile(rf"^  {lang}:.*$", re.M)
    body = line.sub(f"  {lang}: {value}", body) if line.search(body) else body.rstrip("\n") + f"\n  {lang}: {value}\n"
    return text[:block.start(1)] + body + text[block.end(1):]
