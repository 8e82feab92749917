"""YAML data files with the line of every key, so problems point at the real line."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

Path_ = tuple  # a path into the data: ("text", "pl", "pani")


@dataclass
class YamlSource:
    path: Path
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # (line, reason) when the file is not YAML

    def line(self, *keys) -> int:
        """The line of the deepest known key along `keys` (1 when nothing matches)."""
        for end in range(len(keys), -1, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1


# libyaml's parser when PyYAML was built with it (the PyPI wheels are), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> YamlSource:
    """Parse once: the node tree gives the lines, and the same tree is built into the data.

    Cached by path, size and modification time, since the checks, the freshness report and
    the build all read the same files."""
    stat = path.stat()
    return _read_yaml(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _read_yaml(path: Path, size: int, mtime: int) -> YamlSource:
    text = path.read_text(encoding="utf-8")
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        return YamlSource(path, None, error=((mark.line + 1) if mark else 1, reason))
    finally:
        loader.dispose()
    source = YamlSource(path, data)
    if node is not None:
        _walk(node, (), source.lines)
    return source


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
