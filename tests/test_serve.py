"""`mkdocs serve`: live reload reaches the page (the served policy lets its script run), an
invalid file while serving is logged and the server keeps answering, and fixing it rebuilds."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait(predicate, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_reloads_keeps_answering_on_a_broken_file_and_rebuilds(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/en/glossary/"
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        def answers() -> bool:
            try:
                return "livereload" in _get(url)
            except OSError:
                return False

        _wait(answers, "the first build")
        page = _get(url)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
        assert "script-src 'self' 'unsafe-inline';" in policy  # MkDocs' inline live-reload script may run
        builds = log.read_text().count("Documentation built")

        ui = project / "data" / "ui.yml"
        good = ui.read_text(encoding="utf-8")
        ui.write_text(good.replace("  all: {es: Todos, en: All, pl: Wszystkie}", "  all: {es: Todos, en: All}"),
                      encoding="utf-8")
        _wait(lambda: "D005" in log.read_text(), "the error in the log")
        assert "data/ui.yml:" in log.read_text()
        assert "livereload" in _get(url)  # still answering, with the last good pages

        ui.write_text(good, encoding="utf-8")
        _wait(lambda: log.read_text().count("Documentation built") > builds, "the rebuild")
        assert "livereload" in _get(url)
    finally:
        server.terminate()
        server.wait(timeout=30)
