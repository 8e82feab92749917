"""Every text a reader sees, per language, with the file and line it comes from: the pages
(Markdown stripped of markup, links, code and attribute lists), the entries (each template
variant filled with its examples, as a reader copies it), the interface words, the figures'
words and the checker's messages. The spelling and terminology checks read them from here."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .memo import memo
from .yaml_source import YamlSource, read_yaml


@dataclass(frozen=True)
class Line:
    path: str  # relative to the project root
    line: int
    lang: str
    text: str


_FENCE = re.compile(r"^\s*(```|~~~)")
_STRIP = [
    re.compile(r"<!--.*?-->"),                       # comments and markers
    re.compile(r"`[^`]*`"),                           # inline code
    re.compile(r"\{[:#.][^}]*\}|\{ *[#.][^}]*\}"),    # attribute lists { #id } { .class }
    re.compile(r"\{[a-z_]+\}"),                        # placeholders in interface words: {names}
    re.compile(r"!?\[([^\]]*)\]\([^)]*\)"),           # [text](target): keep the text (group 1)
    re.compile(r"<[^>]+>"),                           # HTML tags
    re.compile(r"https?://\S+|www\.\S+"),             # bare URLs
    re.compile(r"\*\[[^\]]*\]:"),                     # abbreviation definitions' keys
    re.compile(r":[a-z0-9-]+:"),                      # icon shortcodes
    re.compile(r"^\s*(!!!|\?\?\?\+?|===)\s*[a-z-]*"),  # admonition and tab markers (titles stay)
]
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


_FOREIGN = re.compile(r'<span lang="([a-z-]+)">(.*?)</span>')


def _clean(line: str, lang: str | None = None) -> str:
    """The words of a line, without markup; a quote marked as another language
    (<span lang="en">…</span>, as WCAG 3.1.2 asks) is left out of this language's text."""
    line = _FOREIGN.sub(lambda m: m.group(2) if m.group(1) == lang else " ", line)
    for pattern in _STRIP:
        line = pattern.sub(lambda m: m.group(1) if m.re.groups else " ", line)
    return line


def markdown_lines(root: Path, lang: str) -> Iterator[Line]:
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        yield from _markdown_file(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"), lang)


def _markdown_file(rel: str, text: str, lang: str) -> Iterator[Line]:
    lines = text.splitlines()
    in_fence = False
    in_meta = bool(lines) and lines[0].strip() == "---"
    for number, raw in enumerate(lines, 1):
        if in_meta:
            if number > 1 and raw.strip() == "---":
                in_meta = False
            elif raw.startswith(("title:", "description:")):
                yield Line(rel, number, lang, raw.split(":", 1)[1].strip().strip("'\""))
            continue
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield Line(rel, number, lang, _clean(raw, lang))


def _strings(source: YamlSource, data, keys: tuple, lang: str) -> Iterator[Line]:
    """Every string under `data` (a language's value: a string, a list or a mapping of variants)."""
    rel = source.path
    if isinstance(data, str):
        yield Line(rel, source.line(*keys), lang, _clean(data))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(source, item, keys + (index,), lang)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(source, value, keys + (key,), lang)


def _language_values(source: YamlSource, data, keys: tuple, lang: str, codes: set[str]) -> Iterator[Line]:
    """Walk a data file and yield the strings found under a `lang:` key."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == lang:
                yield from _strings(source, value, keys + (key,), lang)
            elif key not in codes and key not in _HIDDEN:
                yield from _language_values(source, value, keys + (key,), lang, codes)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _language_values(source, item, keys + (index,), lang, codes)


def _only(source: YamlSource, data, keys: tuple, lang: str, codes: set[str], wanted: set[str]) -> Iterator[Line]:
    """The language's strings found below the keys named in `wanted`, anywhere in the file."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in wanted:
                yield from _language_values(source, value, keys + (key,), lang, codes)
            else:
                yield from _only(source, value, keys + (key,), lang, codes, wanted)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _only(source, item, keys + (index,), lang, codes, wanted)


def _example(spec: dict, lang: str, variant: str | None) -> str:
    value = (spec.get("example") or {}).get(lang, "")
    if isinstance(value, dict):
        return value.get(variant) or next(iter(value.values()), "")
    return value


def filled_templates(root: Path, lang: str) -> Iterator[Line]:
    """Every template variant filled with its examples: the words a reader pastes."""
    for path in sorted((root / "data" / "templates").glob("*.yml")):
        yield from _filled_template(path.relative_to(root).as_posix(), read_yaml(path), lang)


def _filled_template(rel: str, source: YamlSource, lang: str) -> Iterator[Line]:
    entry = source.data if isinstance(source.data, dict) else {}
    text = (entry.get("text") or {}).get(lang)
    variants = text.items() if isinstance(text, dict) else [(None, text)]
    specs = entry.get("placeholders") or {}
    for variant, value in variants:
        if not isinstance(value, str):
            continue
        filled = _PLACEHOLDER.sub(lambda m: _example(specs.get(m.group(1), {}), lang, variant)
                                  if isinstance(specs.get(m.group(1)), dict) else " ", value)
        keys = ("text", lang) + ((variant,) if variant else ())
        yield Line(rel, source.line(*keys), lang, filled)


DATA_FILES = ("data/ui.yml", "data/placeholders.yml", "data/abbreviations.yml", "data/figures.yml",
              "data/checker-rules.yml", "data/limits.yml", "data/articles.yml", "data/exercises.yml")
# Parts of data files that readers never see (machine keys); of the checker's rules, readers
# see only the messages and the accounts' names, never the word lists the patterns use.
_HIDDEN = {"translated_from"}
_ONLY = {"data/checker-rules.yml": {"message", "accounts"}}


def data_lines(root: Path, lang: str, codes: set[str]) -> Iterator[Line]:
    for path in _data_paths(root):
        yield from _data_file(path.relative_to(root).as_posix(), read_yaml(path), lang, codes)
    for path in sorted((root / "data" / "templates").glob("*.yml")):
        yield from _template_data(path.relative_to(root).as_posix(), read_yaml(path), lang, codes)


def _data_paths(root: Path) -> list[Path]:
    paths = [root / p for p in DATA_FILES] + sorted((root / "data" / "antipatterns").glob("*.yml"))
    return [p for p in paths if p.exists()]


def _data_file(rel: str, source: YamlSource, lang: str, codes: set[str]) -> Iterator[Line]:
    rel_source = YamlSource(rel, source.data, source.lines, source.error)
    if rel in _ONLY:
        yield from _only(rel_source, source.data, (), lang, codes, _ONLY[rel])
    else:
        yield from _language_values(rel_source, source.data, (), lang, codes)


def _template_data(rel: str, source: YamlSource, lang: str, codes: set[str]) -> Iterator[Line]:
    rel_source = YamlSource(rel, source.data, source.lines, source.error)
    data = {k: v for k, v in (source.data or {}).items() if k not in ("text",)} if isinstance(source.data, dict) else {}
    yield from _language_values(rel_source, data, (), lang, codes)


def reader_lines(root: Path, lang: str, codes: set[str]) -> list[Line]:
    """Everything a reader of `lang` sees, line by line."""
    return [line for unit in reader_files(root, lang, codes) for line in unit.lines]


@dataclass
class ReaderFile:
    """The reader-visible lines of one file in one language. `digest` names the file's bytes
    (and the language set): answers about the lines can be memoised by it without reading them."""
    rel: str
    digest: bytes
    _lines: Callable[[], list[Line]]

    @property
    def lines(self) -> list[Line]:
        return self._lines()


def reader_files(root: Path, lang: str, codes: set[str]) -> list[ReaderFile]:
    """Every file a reader of `lang` sees, in the order of reader_lines, each named by a digest
    of its bytes; its lines are made only when asked for (checks memoise their answers by the
    digest, so an unchanged file's lines are never made). The list is made once per run."""
    return memo().once(f"reader-files {root} {lang} {sorted(codes)}", lambda: _reader_files(root, lang, codes))


def _reader_files(root: Path, lang: str, codes: set[str]) -> list[ReaderFile]:
    codes_key = ",".join(sorted(codes))
    units = []

    def unit(rel: str, digest: bytes, make: Callable[[], Iterator[Line]]) -> ReaderFile:
        key = (digest, rel, lang, codes_key)
        return ReaderFile(rel, hashlib.sha256(b"\0".join(k.encode() if isinstance(k, str) else k for k in key)).digest(),
                          lambda: list(make()))

    for path in sorted((root / "docs" / lang).rglob("*.md")):
        raw, rel = path.read_bytes(), path.relative_to(root).as_posix()
        units.append(unit(rel, hashlib.sha256(raw).digest(),
                          lambda raw=raw, rel=rel: _markdown_file(rel, raw.decode("utf-8"), lang)))
    for path in _data_paths(root):
        source, rel = read_yaml(path), path.relative_to(root).as_posix()
        units.append(unit(rel, source.digest, lambda s=source, rel=rel: _data_file(rel, s, lang, codes)))
    templates = [(p.relative_to(root).as_posix(), read_yaml(p)) for p in sorted((root / "data" / "templates").glob("*.yml"))]
    for rel, source in templates:
        units.append(unit(rel, source.digest, lambda s=source, rel=rel: _template_data(rel, s, lang, codes)))
    for rel, source in templates:
        units.append(unit(rel + "#filled", source.digest, lambda s=source, rel=rel: _filled_template(rel, s, lang)))
    return units
