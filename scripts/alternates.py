"""Absolute hreflang alternates, with x-default, for page heads and sitemap.xml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence

from .languages import Language

_RELATIVE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"
EMPTY_SITEMAP = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{_SITEMAP}"/>\n'


def page_alternates(path: str, languages: Sequence[Language], site_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for one page, given its path relative to a language root."""
    site_url = site_url.rstrip("/") + "/"
    links = [(lang.code, f"{site_url}{lang.prefix}{path}") for lang in languages]
    default = next(lang for lang in languages if lang.default)
    links.append(("x-default", f"{site_url}{default.prefix}{path}"))
    return links


def set_head_alternates(html: str, links: Sequence[tuple[str, str]]) -> str:
    """Replace the theme's relative alternates with absolute ones, placed before the favicon."""
    html = _RELATIVE_ALTERNATE.sub("", html)
    tags = "".join(f'\n      <link rel="alternate" hreflang="{lang}" href="{url}">' for lang, url in links)
    return html.replace('\n      <link rel="icon"', tags + '\n      <link rel="icon"', 1)


def add_sitemap_x_default(xml: str, default: Language) -> str:
    """Give every <url> of sitemap.xml an x-default alternate equal to its default-language one."""
    ET.register_namespace("", _SITEMAP)
    ET.register_namespace("xhtml", _XHTML)
    root = ET.fromstring(xml)
    for url in root.iter(f"{{{_SITEMAP}}}url"):
        links = url.findall(f"{{{_XHTML}}}link")
        if any(link.get("hreflang") == "x-default" for link in links):
            continue
        for link in links:
            if link.get("hreflang") == default.code:
                ET.SubElement(url, f"{{{_XHTML}}}link",
                              {"rel": "alternate", "hreflang": "x-default", "href": link.get("href")})
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
