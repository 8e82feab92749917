"""hreflang alternates live in sitemap.xml (with x-default), never in page heads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence

from ..model.languages import Language

_RELATIVE_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"


def drop_head_alternates(html: str) -> str:
    """Remove the theme's hreflang links from a page head (sitemap.xml carries them). Only the
    head is searched: the pattern's leading whitespace would otherwise be tried at every blank
    of the body."""
    head, separator, body = html.partition("</head>")
    return _RELATIVE_ALTERNATE.sub("", head) + separator + body if separator else _RELATIVE_ALTERNATE.sub("", html)


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
