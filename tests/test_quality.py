"""Quality gates on the built site: HTML validity, accessibility, links, privacy, reproducibility."""

import filecmp
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.site.html_fixes import add_noopener, bind_percent
from scripts.tools.linkcheck import check_external, check_site_links
from tests.conftest import ROOT, mkdocs_build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _require(path: Path, how: str) -> None:
    if not path.exists() or (path.suffix == ".jar" and not shutil.which("java")):
        message = f"{path.name} (or java) is missing: {how}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _pages(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html"))


def test_every_page_is_valid_html(site):
    _require(VNU, "run `make test`, which installs the npm tools")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu",
                             str(site)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[:5000]


def test_every_internal_link_and_anchor_resolves(site):
    broken, external = check_site_links(site)
    assert broken == []
    assert all(url.startswith("https://") for url in external)


def test_external_links_open_with_noopener(site):
    for page in site.rglob("*.html"):
        for tag in re.findall(r'<a\s[^>]*href="https?://[^>]*>', page.read_text(encoding="utf-8")):
            assert "noopener" in tag, (page, tag)


def test_external_check_reports_what_does_not_answer(base_url):
    """`make linkcheck-external` logic, against the local server (no network here)."""
    missing = f"{base_url}/no-such-page/"
    refused = "http://127.0.0.1:9/"  # the discard port: nothing listens there
    failures = check_external({f"{base_url}/en/", missing, refused}, timeout=5)
    assert failures[0] == f"{missing}: HTTP 404"
    assert failures[1].startswith(refused) and len(failures) == 2


def test_noopener_is_added_to_an_existing_rel():
    assert add_noopener('<a href="https://x.org" rel="edit">') == '<a href="https://x.org" rel="edit noopener">'
    assert add_noopener('<a href="https://x.org">') == '<a href="https://x.org" rel="noopener">'
    assert add_noopener('<a href="../x/">') == '<a href="../x/">'


def test_a_number_keeps_its_percent_sign_on_its_line():
    assert bind_percent("hasta un 40 % y un 5 %.") == "hasta un 40\u00a0% y un 5\u00a0%."
    assert bind_percent("40% and 100 % off; % alone") == "40% and 100\u00a0% off; % alone"


def test_no_built_page_parts_a_number_from_its_percent_sign(site):
    assert not [page for page in site.rglob("*.html") if re.search(r"\d %", page.read_text(encoding="utf-8"))]


def test_every_page_has_a_strict_content_security_policy(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert csp, page
        assert "default-src 'self'" in csp.group(1) and "unsafe-inline" not in csp.group(1).split("style-src")[0]
        assert html.index("Content-Security-Policy") < html.index("<script"), page


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, site, base_url, scheme):
    """Every page in both palettes (the palette follows the system's colour scheme until a
    reader picks one), so contrast is checked on the dark scheme too."""
    _require(AXE, "run `make test`, which installs the npm tools")
    context = browser.new_context(base_url=base_url, bypass_csp=True, color_scheme=scheme)  # bypass: to inject axe
    page = context.new_page()
    failures = {}
    for path in _pages(site):
        page.goto(path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, path
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


def test_two_builds_are_byte_identical_apart_from_sitemap_dates(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = mkdocs_build(ROOT, out)
        assert result.returncode == 0, result.stderr
    different = []
    for path in sorted(first.rglob("*")):
        twin = second / path.relative_to(first)
        if path.is_file() and not filecmp.cmp(path, twin, shallow=False):
            different.append(path.relative_to(first).as_posix())
    documented = {"sitemap.xml.gz"}  # gzip stores a timestamp; sitemap.xml's <lastmod> is the build date
    assert [d for d in different if Path(d).name not in documented] == []
