"""The site's languages, read from mkdocs.yml: the one place where they are declared."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool

    @property
    def prefix(self) -> str:
        """URL and output prefix of this language's pages ('' for the default language)."""
        return "" if self.default else f"{self.code}/"


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    """A safe loader that tolerates MkDocs' !!python/name and !ENV tags without running them."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


@lru_cache(maxsize=None)
def load_languages(path: Path = CONFIG) -> tuple[Language, ...]:
    """Languages in build order, the default one first."""
    return _languages(Path(path).resolve())


@lru_cache(maxsize=None)
def _languages(path: Path) -> tuple[Language, ...]:
    plugins = read_config(path)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    languages = [
        Language(code=entry["locale"], name=entry["name"], default=bool(entry.get("default")))
        for entry in i18n["languages"]
        if entry.get("build", True)
    ]
    return tuple(sorted(languages, key=lambda lang: not lang.default))


def default_language(path: Path = CONFIG) -> Language:
    return load_languages(path)[0]
