"""Shared fixtures: a real strict build, a local server for it, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scripts.tools import project
from scripts.tools.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict` of `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(destination: Path) -> Path:
    """A copy of the project's sources (no virtualenv, no built site) to break on purpose."""
    return project.copy_project(ROOT, destination)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def _server(tmp_path_factory):
    """A server on 127.0.0.1 for the site folder, started first so the build knows its URL."""
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_dir, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(_server) -> str:
    """The site's own origin: in production site_url, here the local server."""
    return _server[1]


@pytest.fixture(scope="session")
def site(_server) -> Path:
    """The real site, built once per test session with --strict, served at `site_url`."""
    site_dir, url = _server
    result = mkdocs_build(ROOT, site_dir, site_url=url)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def base_url(site, site_url) -> str:
    return site_url.rstrip("/")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; a missing browser fails under CI=true and skips elsewhere."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.console_errors = []
    page.requests = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("response", lambda r: r.status >= 400 and page.console_errors.append(f"{r.status} {r.url}"))
    yield page
    context.close()
