"""`make bench`: how fast the site builds, how heavy its pages are, how the checks scale.

Writes the results to bench/REPORT.md (linked from the README). Everything is a
median of repeated runs or a ratio; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .languages import ROOT, load_languages

PAGE_TYPES = {"home": "", "lesson": "lessons/invitation-note/", "gallery": "antipatterns/",
              "library": "templates/", "checker": "checker/"}
OWN_JS = ("gallery.js", "checker.js", "card.js")


def _run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _median(command: list[str], cwd: Path, runs: int) -> float:
    return statistics.median(_run(command, cwd) for _ in range(runs))


def _build(cwd: Path, site: Path, config: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return command + (["--config-file", str(config)] if config else [])


def _copy(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__", "bench")
    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


def _without_hooks(project: Path) -> Path:
    """The same config with our hooks removed (markers then stay as HTML comments)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    path = project / "mkdocs-bare.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _synthetic_templates(project: Path, count: int) -> None:
    """`count` copies of the real templates under new ids, in a throwaway copy only."""
    folder = project / "data" / "templates"
    originals = sorted(folder.glob("*.yml"))
    for index in range(count - len(originals)):
        source = originals[index % len(originals)]
        new_id = f"{source.stem}-synthetic-{index}"
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}", f"id: {new_id}", 1)
        (folder / f"{new_id}.yml").write_text(text, encoding="utf-8")


def _weights(site: Path) -> list[dict]:
    rows = []
    for lang in load_languages():
        for kind, path in PAGE_TYPES.items():
            page = site / lang.prefix / path / "index.html"
            html = page.read_text(encoding="utf-8")
            css = [site / m.lstrip("/") if m.startswith("/") else (page.parent / m).resolve()
                   for m in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
            js = [(page.parent / m).resolve() for m in re.findall(r'<script src="([^"]+)"', html)]
            size = lambda files: sum(f.stat().st_size for f in files)  # noqa: E731
            gz = lambda files: sum(len(gzip.compress(f.read_bytes(), mtime=0)) for f in files)  # noqa: E731
            own = [f for f in js if f.name in OWN_JS]
            rows.append({"lang": lang.code, "type": kind, "html": len(html.encode()), "css": size(css),
                         "js": size(js), "own_js": size(own),
                         "total_gz": len(gzip.compress(html.encode(), mtime=0)) + gz(css) + gz(js)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", default="100,1000,5000", help="synthetic template counts")
    parser.add_argument("--report", type=Path, default=ROOT / "bench" / "REPORT.md")
    args = parser.parse_args(argv)
    lines = ["# Benchmark", "", f"Median of {args.runs} runs on this machine ({os.cpu_count()} cores). "
             "Regenerate with `make bench`.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        project = _copy(tmp / "project")
        full = _median(_build(project, tmp / "site"), project, args.runs)
        bare = _median(_build(project, tmp / "bare", _without_hooks(project)), project, args.runs)
        check = _median([sys.executable, "-m", "scripts", "--root", str(project), "check"], project, args.runs)
        pages = len(list((tmp / "site").rglob("index.html")))
        lines += ["## Build", "", "| what | median | ratio |", "| --- | ---: | ---: |",
                  f"| strict build, all languages ({pages} pages) | {full:.2f} s | 1.00 |",
                  f"| same pages, hooks and checks off | {bare:.2f} s | {bare / full:.2f} |",
                  f"| checks alone (`python -m scripts check`) | {check:.2f} s | {check / full:.2f} |", ""]
        lines += ["## Page weight (bytes; total is gzip of HTML + CSS + JS)", "",
                  "| lang | page | HTML | CSS | JS | our JS | total gzip |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {r['lang']} | {r['type']} | {r['html']:,} | {r['css']:,} | {r['js']:,} | {r['own_js']:,} | "
                  f"{r['total_gz']:,} |" for r in _weights(tmp / "site")]
        lines += ["", "## Scale (synthetic templates in a throwaway copy)", "",
                  "| templates | build | check | build per template | check per template |",
                  "| ---: | ---: | ---: | ---: | ---: |"]
        for count in [int(c) for c in args.scale.split(",") if c]:
            scaled = _copy(tmp / f"scale-{count}")
            _synthetic_templates(scaled, count)
            runs = 1 if count >= 1000 else min(3, args.runs)
            build = _median(_build(scaled, tmp / f"site-{count}"), scaled, runs)
            check = _median([sys.executable, "-m", "scripts", "--root", str(scaled), "check"], scaled, runs)
            lines.append(f"| {count:,} | {build:.2f} s | {check:.2f} s | {1000 * build / count:.2f} ms | "
                         f"{1000 * check / count:.2f} ms |")
            shutil.rmtree(scaled)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
