import xml.etree.ElementTree as ET

from scripts.site.alternates import add_sitemap_x_default, drop_head_alternates
from scripts.model.languages import load_languages

LANGS = load_languages()
SITE = "https://example.org/"


def test_head_alternates_are_dropped_and_rss_kept():
    head = ('<head>\n      <link rel="alternate" href="../en/" hreflang="en">'
            '\n      <link rel="alternate" type="application/rss+xml" href="feed.xml">'
            '\n      <link rel="icon" href="f.svg">')
    out = drop_head_alternates(head)
    assert "hreflang" not in out
    assert "rss+xml" in out and 'rel="icon"' in out


def test_sitemap_gets_one_x_default_per_url():
    xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://example.org/en/</loc>'
           '<xhtml:link rel="alternate" hreflang="es" href="https://example.org/"/>'
           '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/></url></urlset>')
    out = add_sitemap_x_default(add_sitemap_x_default(xml, LANGS[0]), LANGS[0])
    links = ET.fromstring(out).findall(".//{http://www.w3.org/1999/xhtml}link")
    assert [(l.get("hreflang"), l.get("href")) for l in links][-1] == ("x-default", "https://example.org/")
    assert sum(l.get("hreflang") == "x-default" for l in links) == 1
