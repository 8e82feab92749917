"""JSON Schemas of the data files, with the site's languages filled in from mkdocs.yml.

A schema never lists the languages. Where a value holds one text per language it says
`"x-each-language": <schema of one text>` (optionally `"x-language-overrides": {"es": …}`
for a language whose text has its own shape, such as Spanish registers); where only some
languages are needed, `"x-some-languages"`. Loading turns these into plain JSON Schema for
the languages of mkdocs.yml, so adding a language means editing mkdocs.yml alone.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path, PurePosixPath

SCHEMAS = Path("data") / "schemas"
EACH, SOME, OVERRIDES = "x-each-language", "x-some-languages", "x-language-overrides"

# Which schema describes a data file: the folder's for one-entry-per-file folders, else the file's own.
_FOLDERS = {"templates": "template", "antipatterns": "antipattern", "terminology": "terminology"}


def schema_name(relative: str) -> str | None:
    """'data/templates/x.yml' -> 'template'; 'data/ui.yml' -> 'ui'; None for data/schemas/ itself."""
    parts = PurePosixPath(relative).parts[1:]
    if len(parts) == 2 and parts[0] in _FOLDERS:
        return _FOLDERS[parts[0]]
    if len(parts) == 1:
        return PurePosixPath(parts[0]).stem
    return None


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMAS / f"{name}.schema.json"


def schemas_digest(root: Path) -> bytes:
    """One hash of every schema file (a schema may refer to another)."""
    digest = hashlib.sha256()
    for path in sorted((root / "data" / "schemas").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


@lru_cache(maxsize=None)
def load_schema(root: Path, name: str, languages: tuple[str, ...]) -> dict:
    """The schema `name`, with every language marker expanded for `languages`."""
    return expand(json.loads(schema_path(root, name).read_text(encoding="utf-8")), languages)


def expand(node, languages: tuple[str, ...]):
    """Replace the language markers, recursively (see the module's docstring)."""
    if isinstance(node, list):
        return [expand(item, languages) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: expand(value, languages) for key, value in node.items()}
    overrides = node.pop(OVERRIDES, {})
    if EACH in node:
        one = node.pop(EACH)
        node.update(type="object", additionalProperties=False, required=list(languages),
                    properties={code: overrides.get(code, one) for code in languages})
    elif SOME in node:
        one = node.pop(SOME)
        node.update(type="object", additionalProperties=False, minProperties=1,
                    properties={code: overrides.get(code, one) for code in languages})
    return node


def is_language_map(schema: dict, languages: tuple[str, ...]) -> bool:
    """Whether an expanded schema is one text per language (its missing keys are languages)."""
    return schema.get("required") == list(languages) and set(schema.get("properties", {})) == set(languages)
