"""Links in a built site: internal ones must resolve; external ones answer (with a network).

External URLs are only collected by the tests (no network here); `make linkcheck-external`
requests them where a network is available.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urldefrag, urlparse
from urllib.request import Request, urlopen

class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def check_site_links(site: Path) -> tuple[list[str], set[str]]:
    """(broken internal links as 'page -> link: why', external URLs) for a built site folder."""
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    broken, external = [], set()
    for page, collected in pages.items():
        if page.name == "404.html":
            continue  # served at any depth; its links are root-absolute by design
        for link in collected.links:
            parsed = urlparse(link)
            if parsed.scheme in ("http", "https"):
                external.add(link)
                continue
            if parsed.scheme or link.startswith("//"):
                continue  # data:, mailto:
            path, fragment = urldefrag(link)
            target = page if not path else (site / unquote(path).lstrip("/") if path.startswith("/")
                                             else (page.parent / unquote(path)))
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}: no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link}: no element with id '{fragment}'")
    return broken, external


def check_external(urls: set[str], timeout: float = 10.0) -> list[str]:
    """'url: why' for every external URL that does not answer with a success (HEAD, then GET)."""
    failures = []
    for url in sorted(urls):
        reason = None
        for method in ("HEAD", "GET"):
            request = Request(url, method=method, headers={"User-Agent": "conexiones-reales-linkcheck"})
            try:
                with urlopen(request, timeout=timeout):
                    reason = None
                    break
            except HTTPError as error:  # some servers refuse HEAD: try GET before calling it broken
                reason = f"HTTP {error.code}"
            except (URLError, OSError) as error:
                reason = str(getattr(error, "reason", error))
                break
        if reason:
            failures.append(f"{url}: {reason}")
    return failures


def main(argv: list[str] | None = None) -> int:
    """`make linkcheck-external`: list the built site's external URLs and check them online."""
    parser = argparse.ArgumentParser(prog="python -m scripts linkcheck", description=main.__doc__)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--list-only", action="store_true", help="print the URLs without requesting them")
    args = parser.parse_args(argv)
    _, external = check_site_links(args.site)
    if args.list_only:
        print("\n".join(sorted(external)))
        return 0
    failures = check_external(external)
    print("\n".join(failures) or f"all {len(external)} external URLs answered")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
