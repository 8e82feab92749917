"""Answers that depend only on bytes, kept between runs so unchanged files are not read again.

A memo entry is keyed by a hash of everything its answer depends on: the input bytes the
caller names, plus the source of every Python module under scripts/ and the versions of the
libraries that parse and validate. Change a file, a schema, a rule or a line of our code and
the key changes, so an answer is never stale; it is only ever reused for exactly the same
question. Entries not asked for in a run are dropped when the run saves, so the file stays
the size of the project. The memo lives in .cache/ (ignored by git) and is written
atomically; a missing, truncated or foreign file is simply a cold start.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parents[1]  # scripts/
_LIBRARIES = ("PyYAML", "jsonschema", "simplemma", "pyenchant")
_FORMAT = b"memo-1"


def _code_key() -> bytes:
    digest = hashlib.sha256(_FORMAT + sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.digest()


class Memo:
    """memo.get(namespace, parts..., compute=fn): fn() the first time, the kept answer after."""

    def __init__(self, path: Path | None):
        self.path = path
        self.code = _code_key() if path is not None else b""
        self.kept: dict[bytes, object] = {}
        self.used: dict[bytes, object] = {}
        self.run: dict[str, object] = {}
        self.hits = self.misses = 0
        if path is not None:
            try:
                with path.open("rb") as stream:
                    header, kept = pickle.load(stream)
                if header == self.code and isinstance(kept, dict):
                    self.kept = kept
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
                self.kept = {}

    def key(self, namespace: str, *parts: bytes | str) -> bytes:
        digest = hashlib.sha256(self.code + namespace.encode())
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little") + data)
        return digest.digest()

    def get(self, namespace: str, *parts: bytes | str, compute: Callable[[], T]) -> T:
        if self.path is None:
            return compute()  # outside a run nothing is remembered
        key = self.key(namespace, *parts)
        if key in self.used:
            self.hits += 1
            return self.used[key]  # type: ignore[return-value]
        if key in self.kept:
            self.hits += 1
            value = self.kept[key]
        else:
            self.misses += 1
            value = compute()
        self.used[key] = value
        return value  # type: ignore[return-value]

    def once(self, name: str, compute: Callable[[], T]) -> T:
        """A value computed once per run (e.g. a hash of the schemas); every time outside a run."""
        if self.path is None:
            return compute()
        if name not in self.run:
            self.run[name] = compute()
        return self.run[name]  # type: ignore[return-value]

    def save(self) -> None:
        """Write what this run used (and only that), atomically; a read-only tree is fine."""
        if self.path is None or (self.misses == 0 and set(self.used) == set(self.kept)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as stream:
                pickle.dump((self.code, self.used), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
        except OSError:
            pass


_NONE = Memo(None)
_active: Memo = _NONE


def memo() -> Memo:
    """The memo of the current run (outside `remembering`, one that remembers nothing)."""
    return _active


class remembering:
    """`with remembering(root):` keeps answers in root/.cache/checks.pickle across runs."""

    def __init__(self, root: Path):
        self.root = root

    def __enter__(self) -> Memo:
        global _active
        self.previous = _active
        _active = Memo(self.root / ".cache" / "checks.pickle")
        return _active

    def __exit__(self, *exc) -> None:
        global _active
        if exc[0] is None:
            _active.save()
        _active = self.previous
