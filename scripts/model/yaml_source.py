"""YAML data files with the line of every key, read strictly so that no file can crash the build.

Refused, each with the line it happens on: bytes that are not UTF-8, a byte-order mark, a
duplicate key (YAML keeps the last value silently), tags that build Python objects, more
aliases than our data ever needs (an alias bomb expands exponentially) and files over
`MAX_BYTES`. A syntax error names the line where the mistake starts, not the end of the file.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .memo import memo

MAX_BYTES = 512 * 1024  # the largest data file is ~30 KB
MAX_ALIASES = 20  # our data uses none; a few are harmless, thousands are a bomb
MAX_NODES = 200_000  # nodes after aliases are expanded


@dataclass
class YamlSource:
    path: Path
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # (line, reason) when the file cannot be read as our YAML
    digest: bytes = b""  # sha-256 of the file's bytes (answers about the file are memoised by it)

    def line(self, *keys) -> int:
        """The line of the deepest known key along `keys` (1 when nothing matches)."""
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1


class Refused(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.setdefault(key, key_node.start_mark.line + 1)
            except TypeError:  # an unhashable key such as a list: let PyYAML explain it
                continue
            if first != key_node.start_mark.line + 1:
                raise Refused(key_node.start_mark.line + 1,
                               f"duplicate key '{key}' (first at line {first}): YAML would keep only the "
                               "last value; merge the two or remove one")
        return super().construct_mapping(node, deep)


def decode(raw: bytes, what: str = "file") -> str:
    """UTF-8 text, or Refused naming the line of the first bad byte (or the byte-order mark)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise Refused(1, f"the {what} starts with a byte-order mark (U+FEFF): save it as UTF-8 without BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise Refused(line, f"byte 0x{raw[error.start]:02X} at line {line} is not UTF-8: "
                             "save the file as UTF-8") from None


def read_yaml(path: Path) -> YamlSource:
    """Parse once: the node tree gives the lines, and the same tree is built into the data.

    Cached by path, size and modification time, since the checks, the freshness report and
    the build all read the same files."""
    stat = path.stat()
    return _read_yaml(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _read_yaml(path: Path, size: int, mtime: int) -> YamlSource:
    raw = path.read_bytes()
    data, lines, error = memo().get("yaml", raw, compute=lambda: _parse(raw))
    return YamlSource(path, data, lines, error, hashlib.sha256(raw).digest())


def _parse(raw: bytes) -> tuple[object, dict[tuple, int], tuple[int, str] | None]:
    try:
        data, lines = parse_yaml(raw)
    except Refused as refused:
        return None, {}, (refused.line, refused.reason)
    return data, lines, None


def parse_yaml(raw: bytes) -> tuple[object, dict[tuple, int]]:
    """(data, line of every key path); raises Refused."""
    if len(raw) > MAX_BYTES:
        raise Refused(1, f"the file is {len(raw):,} bytes, over {MAX_BYTES:,}: split it or remove what does not belong")
    text = decode(raw)
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        _count_aliases(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise Refused(_mistake_line(error, text), _reason(error, text)) from None
    except yaml.YAMLError as error:
        raise Refused(1, str(error)) from None
    except RecursionError:
        raise Refused(1, "nested too deeply: flatten the structure") from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    _walk(node, (), lines)
    return data, lines


def _mistake_line(error: yaml.MarkedYAMLError, text: str) -> int:
    """The line where the mistake starts: PyYAML's problem mark, unless it only found out at
    the end of the file (an unclosed quote or bracket), where its context mark is the start."""
    problem, context = error.problem_mark, error.context_mark
    if problem is None:
        return context.line + 1 if context else 1
    at_end = problem.index >= len(text.rstrip())
    unclosed = "flow" in (error.context or "")  # `{es: x, en: y` and the next lines: the brace's line
    if (at_end or unclosed) and context is not None:
        return context.line + 1
    return problem.line + 1


def _reason(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or ""
    mark = error.problem_mark
    if "could not determine a constructor" in problem or "tag" in problem and "python" in problem:
        return f"{problem.split(' for the tag ')[-1]} is a tag our data does not use: write plain text, numbers, lists and mappings"
    if mark is not None and text[mark.index:mark.index + 1] == "\t":
        return "a tab character: indent with spaces"
    context = f"{error.context}, " if error.context else ""
    return f"{context}{problem}".strip(", ") or str(error)


def _count_aliases(root: yaml.Node) -> None:
    """Refuse more than MAX_ALIASES reuses of an anchored node, or a tree that expands past MAX_NODES."""
    seen: set[int] = set()
    reused = 0
    expanded: dict[int, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            reused += 1
            if reused > MAX_ALIASES:
                raise Refused(node.start_mark.line + 1, f"more than {MAX_ALIASES} aliases (*name), the last one to "
                                                        "the anchor on this line: write the values out; aliases "
                                                        "can expand without bound")
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)

    def size(node: yaml.Node) -> int:
        if id(node) not in expanded:
            children = ([c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode)
                        else node.value if isinstance(node, yaml.SequenceNode) else [])
            expanded[id(node)] = 1 + sum(size(c) for c in children)
        return expanded[id(node)]

    if size(root) > MAX_NODES:
        raise Refused(1, f"expands to over {MAX_NODES:,} values: write the values out without aliases")


def _walk(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)
