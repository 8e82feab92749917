"""LinkedIn's figures (data/limits.yml) and the articles behind the guide (data/articles.yml),
as typed objects: each figure with the sources that state it, and the figure the site uses.

Read only after the files passed their schemas (the checks run first), so every value has
the shape the schema promises; scripts/checks/limits.py holds what a schema cannot say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .yaml_source import read_yaml

LIMITS = Path("data") / "limits.yml"
ARTICLES = Path("data") / "articles.yml"
SECTIONS = ("channels", "profile", "allowances")


@dataclass(frozen=True)
class Article:
    """A practitioner's article: what our copy gives about it, and what the guide took."""
    id: str
    language: str
    topic: dict[str, str]
    took: dict[str, str]
    author_about: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None

    @classmethod
    def from_data(cls, aid: str, data: dict) -> "Article":
        return cls(aid, data["language"], data["topic"], data["took"], data.get("author_about") or {},
                   data.get("title"), data.get("author"), data.get("site"), data.get("url"), data.get("published"))


@dataclass(frozen=True)
class Source:
    """One place that states a figure, and how far we trust it."""
    kind: str  # help-center | article | observation
    recorded: str  # when we wrote the figure down: not a fresh reading
    confidence: str
    title: dict[str, str] = field(default_factory=dict)  # lang -> title (an article's comes from articles.yml)
    url: str | None = None
    article: str | None = None
    updated: str | None = None  # when the page itself was last updated, if known
    states: int | None = None
    states_target: int | None = None
    note: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict) -> "Source":
        return cls(data["kind"], data["recorded"], data["confidence"], data.get("title") or {}, data.get("url"),
                   data.get("article"), data.get("updated"), data.get("states"), data.get("states_target"),
                   data.get("note") or {})


@dataclass(frozen=True)
class Figure:
    """A limit (channels, profile) or an allowance: the figure the site uses and its sources."""
    id: str
    section: str  # channels | profile | allowances
    confidence: str
    sources: tuple[Source, ...]
    value: int | None  # `hard` for a limit, `plan` for an allowance; None when there is none
    target: int | None = None  # the free account's figure, where it differs
    published: bool = True  # False: LinkedIn publishes no figure; never shown as LinkedIn's
    why: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, fid: str, section: str, data: dict) -> "Figure":
        value = data.get("plan") if section == "allowances" else data.get("hard")
        return cls(fid, section, data["confidence"], tuple(Source.from_data(s) for s in data["sources"]),
                   value, data.get("target"), data.get("published", True), data.get("why") or {})

    @property
    def value_key(self) -> str:
        return "plan" if self.section == "allowances" else "hard"

    def stated(self, target: bool = False) -> list[int]:
        """The figures this figure's sources state, in their order (the free account's with target)."""
        values = (s.states_target if target else s.states for s in self.sources)
        return [v for v in values if v is not None]

    @property
    def disagree(self) -> bool:
        return len(set(self.stated())) > 1 or len(set(self.stated(target=True))) > 1

    @property
    def low(self) -> int | None:
        stated = self.stated()
        return min(stated) if stated else None

    @property
    def high(self) -> int | None:
        stated = self.stated()
        return max(stated) if stated else None


@dataclass(frozen=True)
class Facts:
    """Every figure of data/limits.yml, in file order, and the articles of data/articles.yml."""
    figures: dict[str, Figure]
    articles: dict[str, Article]

    def section(self, name: str) -> list[Figure]:
        return [f for f in self.figures.values() if f.section == name]


def figures_from(data: dict) -> dict[str, Figure]:
    return {fid: Figure.from_data(fid, section, spec)
            for section in SECTIONS for fid, spec in (data.get(section) or {}).items()}


def articles_from(data: dict | None) -> dict[str, Article]:
    return {aid: Article.from_data(aid, spec) for aid, spec in ((data or {}).get("articles") or {}).items()}


def load_facts(root: Path) -> Facts:
    articles = root / ARTICLES
    return Facts(figures_from(read_yaml(root / LIMITS).data),
                 articles_from(read_yaml(articles).data if articles.exists() else None))
