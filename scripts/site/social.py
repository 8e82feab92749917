"""Sharing cards: Open Graph tags for every page and a 1200×630 PNG per page and language,
drawn at build time with Pillow and the vendored DejaVu Sans (data/fonts, free licence,
covers Spanish and Polish letters). Offline and byte-reproducible: the same words give the
same bytes, and cards are cached by their words in .cache/social/."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
INDIGO, WHITE, PALE = (48, 63, 159), (255, 255, 255), (200, 206, 240)
FONTS = Path(__file__).resolve().parents[2] / "data" / "fonts"
LOCALES = {"es": "es_ES", "en": "en_GB", "pl": "pl_PL"}


@lru_cache(maxsize=None)
def _font(bold: bool, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        if len(lines) == max_lines:
            break
    if line and len(lines) < max_lines:
        lines.append(line)
    if len(lines) == max_lines and " ".join(lines) != " ".join(text.split()):
        while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
        lines[-1] += "…"
    return lines


# The card is drawn as an 8-bit palette image: text is antialiased on two greyscale layers
# (white text, pale text) and each layer's coverage is mapped to one of LEVELS shades between
# the background and its colour. That PNG encodes about five times faster than a true-colour
# one and is a third of its size, which matters with a card for every entry page. zlib level 3
# (ZLEVEL) encodes it in 2.7 ms instead of 4.4 at level 6, for 22 KB instead of 17.
LEVELS = 16
ZLEVEL = 3
TEAL = (0, 191, 165)
STRIPE = 2 * LEVELS  # the palette index of the bottom stripe
TITLE_TOP = 150


@lru_cache(maxsize=1)
def _palette() -> tuple[list[int], list[int], list[int]]:
    """The palette (shades of white, then of pale, then the stripe) and the two layers' maps."""
    def shade(colour, k):
        return [round(a + (b - a) * k / (LEVELS - 1)) for a, b in zip(INDIGO, colour)]
    palette = [c for k in range(LEVELS) for c in shade(WHITE, k)] + [c for k in range(LEVELS) for c in shade(PALE, k)]
    palette += list(TEAL)
    white = [v * (LEVELS - 1) // 255 for v in range(256)]
    pale = [0 if v * (LEVELS - 1) // 255 == 0 else LEVELS + v * (LEVELS - 1) // 255 for v in range(256)]
    return palette, white, pale


def draw_card(title: str, description: str, site_name: str, address: str) -> bytes:
    """The PNG bytes of one card: site name, the page's title, its description, the address.

    All text is drawn on one greyscale layer; the title's band of rows then takes the white
    shades and the rest the pale ones (the title shares no row with the other texts)."""
    from PIL import Image, ImageDraw

    layer = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(layer)
    draw.text((80, 64), site_name, font=_font(True, 40), fill=255)
    size = 68 if len(title) < 48 else 56
    y = TITLE_TOP
    for line in _wrap(draw, title, _font(True, size), WIDTH - 160, 3):
        draw.text((80, y), line, font=_font(True, size), fill=255)
        y += int(size * 1.22)
    title_band = (0, TITLE_TOP, WIDTH, y)
    y += 24
    for line in _wrap(draw, description, _font(False, 32), WIDTH - 160, 3 if y < 400 else 2):
        draw.text((80, y), line, font=_font(False, 32), fill=255)
        y += 44
    draw.text((80, HEIGHT - 80), address, font=_font(False, 28), fill=255)
    palette, white_map, pale_map = _palette()
    image = layer.point(pale_map)
    image.paste(layer.crop(title_band).point(white_map), title_band)
    ImageDraw.Draw(image).rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=STRIPE)
    image.putpalette(palette)  # the shade indexes become the palette image, in place
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=ZLEVEL)
    return out.getvalue()


def card(cache: Path, title: str, description: str, site_name: str, address: str) -> bytes:
    """draw_card, cached by its words and the fonts (a change of either draws it again)."""
    return cards(cache, [(title, description, site_name, address)])[0]


PARALLEL_FROM = 32  # cards to draw before it pays to start more processes
BATCH = 16  # cards handed to a drawing process at once


def _keep(path: Path, data: bytes) -> None:
    """Into the cache whole or not at all: an interrupted build leaves no half-written card."""
    if path.exists():
        return
    part = path.with_suffix(f".{os.getpid()}.part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def place(cached: Path, destination: Path) -> None:
    """A cached card into the site: a hard link (one call, no copy) where the two folders share
    a file system, else a copy. The site's file is removed first, never written through, so
    the cache cannot change under a link (MkDocs also empties the site folder before a build)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    try:
        os.link(cached, destination)
    except OSError:
        shutil.copyfile(cached, destination)


class Painter:
    """Cards drawn while the build goes on. `want` each card as its page is finished: once
    PARALLEL_FROM cards are missing from the cache, they go in batches to a pool of drawing
    processes, one per processor (one fewer left the drawing behind the build: measured slower)
    and at a lower priority (nice 10), so the build's own process keeps a processor and the
    drawing fills what it leaves (1,000 templates, cold: 28.1 s against 28.7-30.3). `files` then
    gives every card's file in the cache, drawing here whatever was not handed out."""

    def __init__(self, cache: Path, parallel: bool = False):
        self.cache, self.parallel = cache, parallel
        self._waiting: dict[Path, tuple[str, str, str, str]] = {}  # missing, not yet handed out
        self._handed: dict[Path, tuple] = {}  # path -> (future of a batch, place in it)
        self._pool: ProcessPoolExecutor | None = None

    def _path(self, card_words: tuple[str, str, str, str]) -> Path:
        return self.cache / f"{_key(*card_words)}.png"

    def want(self, card_words: tuple[str, str, str, str]) -> None:
        path = self._path(card_words)
        if not self.parallel or path in self._handed or path in self._waiting or path.exists():
            return
        self._waiting[path] = card_words
        if self._pool is not None and len(self._waiting) >= BATCH or len(self._waiting) >= PARALLEL_FROM:
            self._hand_out()

    def _hand_out(self) -> None:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(os.cpu_count() or 1, initializer=os.nice, initargs=(10,))
        waiting = list(self._waiting.items())
        for start in range(0, len(waiting), BATCH):
            batch = waiting[start:start + BATCH]
            future = self._pool.submit(_draw_many, [card_words for _, card_words in batch])
            self._handed.update({path: (future, place) for place, (path, _) in enumerate(batch)})
        self._waiting = {}

    def files(self, words: list[tuple[str, str, str, str]]) -> list[Path]:
        """Each card's file in the cache, drawn first where it is missing."""
        for card_words in words:
            self.want(card_words)
        if self._pool is not None and self._waiting:
            self._hand_out()
        self.cache.mkdir(parents=True, exist_ok=True)
        found = []
        for card_words in words:
            path = self._path(card_words)
            if path in self._handed:
                future, place = self._handed.pop(path)
                _keep(path, future.result()[place])
            elif not path.exists():
                _keep(path, draw_card(*card_words))
            found.append(path)
        return found

    def cards(self, words: list[tuple[str, str, str, str]]) -> list[bytes]:
        return [path.read_bytes() for path in self.files(words)]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def cards(cache: Path, words: list[tuple[str, str, str, str]], parallel: bool = False) -> list[bytes]:
    """draw_card for each (title, description, site name, address), from the cache where it can;
    with `parallel`, many missing ones are drawn on every processor (a large build's cold start)."""
    painter = Painter(cache, parallel)
    try:
        return painter.cards(words)
    finally:
        painter.close()


def _draw_many(words: list[tuple[str, str, str, str]]) -> list[bytes]:
    return [draw_card(*card_words) for card_words in words]


def _key(title: str, description: str, site_name: str, address: str) -> str:
    return hashlib.sha256("\0".join([title, description, site_name, address, _fonts_signature(),
                                      f"palette-{LEVELS}-z{ZLEVEL}"]).encode()).hexdigest()[:24]


@lru_cache(maxsize=None)
def _fonts_signature() -> str:
    from PIL import __version__

    sizes = [f"{p.name}:{p.stat().st_size}" for p in sorted(FONTS.glob("*.ttf"))]
    return "|".join(sizes + [__version__])


def og_tags(*, title: str, description: str, url: str, image: str, image_alt: str, site_name: str,
            lang: str, others: list[str], page_type: str = "article") -> str:
    """The Open Graph block for one page's head."""
    tags = [("og:type", page_type), ("og:site_name", site_name), ("og:title", title),
            ("og:description", description), ("og:url", url), ("og:locale", LOCALES.get(lang, lang)),
            *[("og:locale:alternate", LOCALES.get(code, code)) for code in others],
            ("og:image", image), ("og:image:type", "image/png"), ("og:image:width", str(WIDTH)),
            ("og:image:height", str(HEIGHT)), ("og:image:alt", image_alt)]
    meta = "".join(f'\n    <meta property="{name}" content="{escape(value)}">' for name, value in tags)
    return meta + f'\n    <meta name="twitter:card" content="summary_large_image">'


_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
_LANG = re.compile(r'<html lang="([^"]+)"')


def heading(html: str) -> str | None:
    """The text of the page's first <h1>, without its permalink."""
    match = _H1.search(html)
    if not match:
        return None
    return unescape(_TAG.sub("", _PERMALINK.sub("", match.group(1)))).strip() or None


def title_from_heading(html: str, site_name: str) -> str:
    """<title> from the page's own heading ("Templates to copy - Real Connections"), not from
    the menu's verb ("Copy - Real Connections"); a home whose heading is the site's name is
    just the name."""
    text = heading(html)
    if not text:
        return html
    title = site_name if text == site_name else f"{text} - {site_name}"
    return _TITLE.sub(lambda _: f"<title>{escape(title, quote=False)}</title>", html, count=1)


@dataclass(frozen=True)
class Card:
    title: str
    description: str
    url: str


def card_for(html: str) -> Card | None:
    """The words of a page's sharing card, read from its finished head and heading."""
    canonical, description, text = _CANONICAL.search(html), _DESCRIPTION.search(html), heading(html)
    if not (canonical and text):
        return None
    return Card(text, unescape(description.group(1)) if description else "", unescape(canonical.group(1)))


def add_open_graph(html: str, site_name: str, languages: list[str]) -> str:
    """Open Graph tags before </head>, from the page's own title, description and address;
    the image is the card drawn beside the page (card.png)."""
    card = card_for(html)
    lang = _LANG.search(html)
    if card is None or lang is None or 'property="og:title"' in html:
        return html
    code = lang.group(1)
    tags = og_tags(title=card.title, description=card.description, url=card.url, image=card.url + "card.png",
                   image_alt=f"{card.title} · {site_name}", site_name=site_name, lang=code,
                   others=[c for c in languages if c != code], page_type="website" if card.title == site_name else "article")
    return html.replace("</head>", tags + "\n  </head>", 1)
