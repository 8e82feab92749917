"""Every file in data/: readable YAML, then valid against its JSON Schema (D001, D002, D005,
D007, D008). Later checks read only files that pass, so no value of a wrong type reaches them."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Sequence

from ..model.languages import Language
from ..model.memo import memo
from ..model.schemas import EACH, is_language_map, load_schema, schema_name, schema_path, schemas_digest
from ..model.yaml_source import YamlSource, read_yaml
from .problems import Problem

@functools.lru_cache(maxsize=1)
def _validator_class():
    """Draft 2020-12, with whole numbers only: JSON Schema counts 20.0 as an integer, and a
    maximum of 20.0 breaks the lengths. (Imported on first use: a run whose files are all
    memoised never needs jsonschema.)"""
    import jsonschema

    types = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool))
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=types)


def data_files(root: Path) -> list[Path]:
    """Every YAML-looking file below data/ (schemas are JSON and are not data)."""
    return sorted(p for pattern in ("*.yml", "*.yaml") for p in (root / "data").rglob(pattern))


def check_data(root: Path, languages: Sequence[Language]) -> list[Problem]:
    problems: list[Problem] = []
    for path in data_files(root):
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            problems.append(Problem(rel, 1, "D007", f"the build reads only .yml files: rename it to {path.stem}.yml"))
            continue
        name = schema_name(rel)
        if name is None or not schema_path(root, name).exists():
            problems.append(Problem(rel, 1, "D008", f"no schema describes this file: add "
                                    f"data/schemas/{name or path.stem}.schema.json, or move the file out of data/"))
            continue
        problems += validate(read_yaml(path), rel, name, root, languages)
    return problems


def validate(source: YamlSource, rel: str, name: str, root: Path, languages: Sequence[Language]) -> list[Problem]:
    """D001 when the file cannot be read; else D002 (or D005, a missing language) per schema error.

    Memoised by the file's bytes, its path, the schemas and the languages: an unchanged file
    is not validated again (in this run or the next)."""
    codes = tuple(lang.code for lang in languages)
    if not source.digest:
        return _validate(source, rel, name, root, codes)
    return memo().get("validate", source.digest, rel, name, ",".join(codes), memo().once(f"schemas {root}", lambda: schemas_digest(root)),
                      compute=lambda: _validate(source, rel, name, root, codes))


def _validate(source: YamlSource, rel: str, name: str, root: Path, codes: tuple[str, ...]) -> list[Problem]:
    if source.error:
        line, reason = source.error
        return [Problem(rel, line, "D001", f"not valid YAML: {reason}")]
    validator = _validator_class()(load_schema(root, name, codes))
    problems = []
    for error in sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        where = ".".join(map(str, path)) or "the file"
        if error.validator == "required" and is_language_map(error.schema, codes):
            missing = error.message.split("'")[1]
            problems.append(Problem(rel, source.line(*path), "D005",
                                    f"{where} has no '{missing}' text: add `{missing}:` under `{path[-1] if path else where}:`"))
            continue
        problems.append(Problem(rel, _line(source, error), "D002",
                                f"{where}: {_message(error, codes)}: see data/schemas/{name}.schema.json"))
    return problems or markup(source, rel)


def _line(source: YamlSource, error: jsonschema.ValidationError) -> int:
    """The line of the offending key itself where the error is about a key (unknown or misnamed)."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)
        return source.line(*path, unknown[0]) if unknown else source.line(*path)
    if "propertyNames" in error.schema_path:  # a misnamed key: its own line
        return source.line(*path, error.instance)
    return source.line(*path) if path else 1  # about the whole file: its start


# Markup in data: partials insert texts into HTML and SVG, so no tag, entity, script URL or
# Jinja syntax belongs in any text (it is escaped on the page anyway; this catches it early).
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#|&[a-z]+;|javascript:|\{\{|\{%|\{#", re.I)
_UNCHECKED = {"data/checker-rules.yml"}  # the checker's patterns have their own grammar (R003)


def markup(source: YamlSource, rel: str) -> list[Problem]:
    if rel in _UNCHECKED:
        return []
    return [Problem(rel, source.line(*path), "T005", f"{'.'.join(map(str, path))} contains HTML, script or template "
                    "markup: write plain text") for path, value in strings(source.data) if MARKUP.search(value)]


def strings(data, path=()):
    """(path, text) for every string in a data document, keys excluded."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def _message(error: jsonschema.ValidationError, codes: tuple[str, ...]) -> str:
    value = error.instance
    if error.validator == "type":
        expected = error.validator_value
        shown = repr(value) if not hasattr(value, "isoformat") else f"the date {value.isoformat()}"
        hint = " (quote it to make it text)" if expected == "string" and not isinstance(value, (dict, list)) else ""
        return f"{shown} is not a {expected}{hint}"
    if error.validator == "oneOf":
        return "must be one text, or one text per register variant (es: tu, usted; pl: ty, pan, pani)"
    if error.validator == "additionalProperties":
        unknown = sorted(set(value) - set(error.schema.get("properties", {}))) if isinstance(value, dict) else []
        if set(error.schema.get("properties", {})) == set(codes):
            return f"unknown language {', '.join(map(repr, unknown))}: the languages are {', '.join(codes)}"
        return f"unknown field {', '.join(map(repr, unknown))} (a typo?)"
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    return error.message
