"""`make bench`: how fast the site builds, how heavy its pages are, how the checks scale.

Writes the results to bench/REPORT.md (linked from the README). Everything is a
median of repeated runs or a ratio; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .pages_server import serve
from .project import copy_project
from ..checker.evaluate import corpus_items
from ..model.entries import load_limits
from ..model.languages import ROOT, load_languages
from ..checker import check_message, load_rules

PAGE_TYPES = {"home": "", "lesson": "lessons/invitation-note/", "gallery": "antipatterns/",
              "library": "templates/", "template": "templates/concrete-collaboration/",
              "anti-pattern": "antipatterns/stranger-no-note/", "checker": "checker/"}
OWN_JS = {p.name for p in (ROOT / "overrides" / "assets" / "javascripts").glob("*.js")}


def _measure(command: list[str], cwd: Path, before=None) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MiB) of one run of `command`; `before()` runs first."""
    if before:
        before()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command, stderr=stderr)
    return elapsed, usage.ru_maxrss / 1024


def _run(command: list[str], cwd: Path) -> float:
    return _measure(command, cwd)[0]


def _median(command: list[str], cwd: Path, runs: int, before=None) -> float:
    return statistics.median(_measure(command, cwd, before)[0] for _ in range(runs))


def _paired(a: list[str], b: list[str], cwd: Path, runs: int) -> tuple[float, float, float]:
    """Medians of A and B run in turn (A B A B …), and the median of the pairwise ratios A/B:
    pairing keeps the ratio meaningful when the machine's speed drifts."""
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(_run(a, cwd))
        times_b.append(_run(b, cwd))
    return statistics.median(times_a), statistics.median(times_b), statistics.median(
        x / y for x, y in zip(times_a, times_b))


def _forget(project: Path):
    """A cold start for the checks: the memo of earlier runs removed."""
    return lambda: (project / ".cache" / "checks.pickle").unlink(missing_ok=True)


def _build(cwd: Path, site: Path, config: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return command + (["--config-file", str(config)] if config else [])


def _copy(destination: Path) -> Path:
    return copy_project(ROOT, destination, skip_top=("bench",))


def _without_hooks(project: Path) -> Path:
    """The same config with our hooks removed (markers then stay as HTML comments), building the
    same pages: docs/ plus each entry's generated page, written out to docs-bare/."""
    from ..model.catalog import Catalog
    from ..model.languages import load_languages
    from ..render.entry_pages import entry_pages

    bare_docs = project / "docs-bare"
    shutil.rmtree(bare_docs, ignore_errors=True)
    shutil.copytree(project / "docs", bare_docs)
    languages = load_languages(project / "mkdocs.yml")
    pages = entry_pages(Catalog.load(project, languages, ""), [lang.code for lang in languages])
    for src_uri, page in pages.items():
        (bare_docs / src_uri).write_text(page.markdown, encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    listed = "".join(f"  /{src_uri}\n" for src_uri in sorted(pages))
    text += f"\ndocs_dir: docs-bare\nnot_in_nav: |\n{listed}"
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


# Where a build's time goes: the cumulative time of each part, as a share of the whole profiled
# build (a profiler slows Python down, so shares, not seconds, are what to compare). The parts
# are entry points, each counted once however many languages call it; drawing sharing cards
# happens in other processes and is not in the profile.
PROFILE_PARTS = (
    ("content checks, loading and rehearsing every marker (on_config)", "scripts/hooks.py", "on_config"),
    ("static-i18n sorting the files into languages (on_files)", "mkdocs_static_i18n/plugin.py", "on_files"),
    ("our markers rendered into each page's Markdown (on_page_markdown)", "scripts/hooks.py", "on_page_markdown"),
    ("Markdown, pages MkDocs renders", "mkdocs/structure/pages.py", "render"),
    ("Markdown, entry pages (one instance, scripts/site/generated_page.py)", "scripts/site/generated_page.py", "render"),
    ("the theme's page template (Jinja, called by each page's building)", "jinja2/environment.py", "render"),
    ("Material's search reading each page (on_page_context)", "material/plugins/search/plugin.py", "on_page_context"),
    ("our finishing of each page's HTML (on_post_page)", "scripts/hooks.py", "on_post_page"),
    ("writing the files", "mkdocs/utils/__init__.py", "write_file"),
    ("per-language search indexes, 404 pages, sitemaps and cards (on_post_build)", "scripts/hooks.py", "on_post_build"),
)


def _profile(project: Path, site: Path, out: Path) -> list[str]:
    """A table of PROFILE_PARTS for one profiled strict build of `project`."""
    import pstats

    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    _run(command, project)
    stats = pstats.Stats(str(out)).stats  # (file, line, function) -> (calls, primitive, own, cumulative, callers)
    total = max(entry[3] for entry in stats.values())
    rows = ["| part | calls | share of the build |", "| --- | ---: | ---: |"]
    for label, file, function in PROFILE_PARTS:
        found = [entry for (path, _, name), entry in stats.items() if path.endswith(file) and name == function]
        if function == "render" and file.startswith("jinja2"):  # only as each page's building calls it
            found = [timing for entry in found for (path, _, name), timing in entry[4].items()
                     if path.endswith("mkdocs/commands/build.py") and name == "_build_page"]
        calls, cumulative = sum(e[1] for e in found), sum(e[3] for e in found)
        rows.append(f"| {label} | {calls:,} | {100 * cumulative / total:.0f} % |")
    page_templates = [entry for (path, _, name), entry in stats.items()
                      if path.endswith("mkdocs/commands/build.py") and name == "_build_page"]
    rows.append(f"| all of each page's building after Markdown (`_build_page`) | {sum(e[1] for e in page_templates):,} | "
                f"{100 * sum(e[3] for e in page_templates) / total:.0f} % |")
    return rows + [""]


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
                         "js": size(js), "own_js": size(own), "own_js_gz": gz(own),
                         "total_gz": len(gzip.compress(html.encode(), mtime=0)) + gz(css) + gz(js)})
    return rows


def _serve(folder: Path, port: int):
    return serve(folder, port)


LIGHTHOUSE = ROOT / "bench" / "tools" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _lighthouse(url: str, form_factor: str, out: Path) -> dict:
    """One Lighthouse run in Debian's Chromium; returns the parsed JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _lighthouse_section(base: str, tmp: Path, runs: int, figures: dict[str, float]) -> list[str]:
    """Each page type in each language, `runs` times per form factor. Lighthouse's performance
    score moves with the machine's load from one run to the next, so the table gives the
    median run with the lowest and highest beside it (Lighthouse's own advice is to take the
    median of several runs); the other categories do not move and show their lowest."""
    lines = ["## Lighthouse 12 (Debian Chromium; served with gzip and a 10-minute cache, as GitHub Pages does)", "",
             f"Each page {runs} times per form factor; performance is the median run's score, the lowest and "
             "highest in brackets.", "",
             "| lang | page | form factor | performance | accessibility | best practices | SEO |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    losses: Counter = Counter()
    shown: dict[str, str] = {}
    lowest = {"mobile": 100, "desktop": 100, "others": 100}
    made = 0
    for lang in load_languages():
        for kind, path in PAGE_TYPES.items():
            for form_factor in ("mobile", "desktop"):
                reports = [_lighthouse(f"{base}{lang.prefix}{path}", form_factor, tmp / "lighthouse.json") for _ in range(runs)]
                made += runs
                scores = [[round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES] for report in reports]
                performance = sorted(s[0] for s in scores)
                median = performance[len(performance) // 2]
                others = [min(s[i] for s in scores) for i in range(1, len(CATEGORIES))]
                lowest[form_factor] = min(lowest[form_factor], median)
                lowest["others"] = min(lowest["others"], *others)
                lines.append(f"| {lang.code} | {kind} | {form_factor} | {median} ({performance[0]}–{performance[-1]}) | "
                             + " | ".join(map(str, others)) + " |")
                for report in reports:
                    for category in CATEGORIES:
                        for ref in report["categories"][category]["auditRefs"]:
                            audit = report["audits"][ref["id"]]
                            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                                losses[(category, ref["id"])] += 1
                                shown[ref["id"]] = f"{audit['title']} ({audit.get('displayValue', '').strip() or 'failed'})"
    figures.update({"lh-mobile": lowest["mobile"], "lh-desktop": lowest["desktop"], "lh-others": lowest["others"]})
    lines += ["", f"Audits that cost points (weighted audits below a full score, and in how many of the {made} runs; "
              "the value shown is from the last such run):", ""]
    lines += [f"- {category} · `{audit}`: {shown[audit]} — {count} run(s)"
              for (category, audit), count in losses.most_common()] or ["- none"]
    return lines + [""]


def _note(length: int) -> str:
    """A realistic invitation note, repeated to exactly `length` UTF-16 units."""
    base = ("Hi Emma, we met at the logistics fair in Poznań last Thursday and talked about "
            "returns in small warehouses. I'd like to keep in touch and read what you share. ")
    return (base * (length // len(base) + 1))[:length]


def _checker_in_browser(base: str) -> tuple[float, float]:
    """Median time of one check of a growing 300-character note, and median input-to-update delay."""
    from playwright.sync_api import sync_playwright  # installed with the test tools

    note = _note(300)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(bypass_csp=True).new_page()
        page.goto(f"{base}en/checker/")
        page.locator("[data-guide-checker] textarea").focus()  # the reader reaches for it: the rules load
        page.wait_for_function("window.guideCheckerDocument")  # the rules script has loaded
        per_check = page.evaluate("""note => {
            const data = window.guideCheckerDocument;
            const times = [];
            for (let i = 1; i <= note.length; i++) {
                const start = performance.now();
                for (let k = 0; k < 50; k++) window.guideChecker.check(data, note.slice(0, i), "en", "invitation-note", "free");
                times.push((performance.now() - start) / 50);
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)];
        }""", note)
        page.evaluate("""() => {
            window.__delays = []; let typed = 0;
            const form = document.querySelector("[data-guide-checker]");
            form.addEventListener("input", () => { typed = performance.now(); }, true);
            new MutationObserver(() => {
                if (typed) { window.__delays.push(performance.now() - typed); typed = 0; }
            }).observe(form.querySelector("#guide-count"), {childList: true, characterData: true, subtree: true});
        }""")
        page.get_by_label("Your draft").click()
        page.keyboard.type(note)
        delays = page.evaluate("window.__delays")
        pastes = page.evaluate("""texts => {
            const data = window.guideCheckerDocument;
            return texts.map(text => { const runs = [];
                for (let k = 0; k < 5; k++) { const a = performance.now();
                    window.guideChecker.check(data, text, "en", "first-message", "premium"); runs.push(performance.now() - a); }
                return runs.sort((x, y) => x - y)[2]; });
        }""", [text for _, text in _pastes()])
        browser.close()
    return per_check, statistics.median(delays), dict(zip((label for label, _ in _pastes()), pastes))


def _pastes() -> list[tuple[str, str]]:
    """(what, text) for the paste figures: one sentence repeated to 300, 50,000 and 200,000
    characters, and 200,000 characters of the English corpus's real and written messages (every
    rule has something to find there, so it is the harder case)."""
    sentence = "Hi Emma, we met at the logistics fair in Poznań and talked about returns. "
    out = [(f"a {size:,}-character paste of one sentence", (sentence * (size // len(sentence) + 1))[:size])
           for size in (300, 50_000, 200_000)]
    messages = "\n\n".join(item.text for item in corpus_items(ROOT) if item.lang == "en")
    out.append(("a 200,000-character paste of the English corpus", (messages * (200_000 // len(messages) + 1))[:200_000]))
    return out


def _pastes_in_python(runs: int) -> dict[str, float]:
    """Median seconds for one check of each paste, in Python."""
    rules = load_rules(ROOT)
    out = {}
    for label, text in _pastes():
        times = []
        for _ in range(max(runs, 3)):
            start = time.perf_counter()
            check_message(text, "en", "first-message", "premium", rules)
            times.append(time.perf_counter() - start)
        out[label] = statistics.median(times)
    return out


def _checker_in_python(runs: int) -> float:
    """Messages per second through the Python checker (median of `runs` batches of 1,000 notes)."""
    rules, limits = load_rules(ROOT), load_limits(ROOT)["channels"]
    notes = [_note(300 - i % 50) for i in range(1000)]
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for note in notes:
            check_message(note, "en", "invitation-note", "free", rules, limits)
        rates.append(len(notes) / (time.perf_counter() - start))
    return statistics.median(rates)


TARGETS = (  # issue 15: (figure, what, "≤" or "≥", limit, unit)
    ("ratio", "strict build / same pages without hooks", "≤", 1.25, "×"),
    ("check", "`python -m scripts check` on the real content", "≤", 0.3, "s"),
    ("check-5000", "`python -m scripts check` at 5,000 templates", "≤", 5.0, "s"),
    ("build-1000", "build with 1,000 templates", "≤", 30.0, "s"),
    ("build-5000", "build with 5,000 templates", "≤", 150.0, "s"),
    ("own-js-gz", "our JavaScript on the heaviest page, gzipped", "≤", 10.0, "KB"),
    ("lh-mobile", "Lighthouse mobile performance, the lowest page's median", "≥", 99, ""),
    ("lh-desktop", "Lighthouse desktop performance, the lowest page's median", "≥", 100, ""),
    ("lh-others", "Lighthouse accessibility, best practices and SEO, the lowest score", "≥", 100, ""),
)


def _targets(figures: dict[str, float]) -> list[str]:
    lines = ["## Targets", "", "| target | limit | measured | met |", "| --- | ---: | ---: | :-: |"]
    for key, what, sense, limit, unit in TARGETS:
        if key in figures:
            value = figures[key]
            met = value <= limit if sense == "≤" else value >= limit
            shown = f"{value:.0f}" if key.startswith("lh-") else f"{value:.2f}"
            lines.append(f"| {what} | {sense} {f'{limit:g} {unit}'.strip()} | {f'{shown} {unit}'.strip()} | "
                         f"{'yes' if met else '**no**'} |")
    return lines


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", default="100,1000,5000", help="synthetic template counts")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false", help="skip the Lighthouse table")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs of each page and form factor")
    parser.add_argument("--report", type=Path, default=ROOT / "bench" / "REPORT.md")
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    port = _free_port()
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"  # the canonical and hreflang URLs of the served copy
    lines = ["# Benchmark", "", f"Medians of {args.runs} runs unless a row says otherwise, on this machine "
             f"({os.cpu_count()} cores), {time.strftime('%Y-%m-%d')}. Regenerate with `make bench`; nothing here "
             "is asserted by the tests. Timings and Lighthouse's performance score move with other load "
             f"on the machine: the 1-minute load average was {os.getloadavg()[0]:.1f} at the start "
             "and {end_load} at the end.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        project = _copy(tmp / "project")
        _run(_build(project, tmp / "site"), project)  # one unmeasured build fills the caches
        full, bare, ratio = _paired(_build(project, tmp / "site"), _build(project, tmp / "bare", _without_hooks(project)),
                                    project, args.runs)
        check_command = [sys.executable, "-m", "scripts", "--root", str(project), "check"]
        check = _median(check_command, project, args.runs)
        cold = _median(check_command, project, args.runs, before=_forget(project))
        pages = len(list((tmp / "site").rglob("index.html")))
        figures.update(ratio=ratio, check=check)
        lines += ["## Build", "", "Full and bare builds run in turn, A B A B …; the ratio is the median of the pairs.", "",
                  "| what | median | ratio |", "| --- | ---: | ---: |",
                  f"| strict build, all languages ({pages} pages) | {full:.2f} s | {ratio:.2f} |",
                  f"| same pages, hooks and checks off | {bare:.2f} s | 1.00 |",
                  f"| checks alone (`python -m scripts check`), unchanged files | {check:.2f} s | {check / bare:.2f} |",
                  f"| checks alone, cold (memo in .cache/ removed) | {cold:.2f} s | {cold / bare:.2f} |", ""]
        lines += ["## Where a build's time goes", "",
                  "One strict build under Python's profiler; each part's cumulative time as a share of the whole "
                  "(the profiler slows Python, so compare shares, not seconds). Parts overlap where one calls "
                  "another: `_build_page` holds the theme's template, search and finishing.", "",
                  "Real site:", "", *_profile(project, tmp / "profiled", tmp / "build.prof")]
        weights = _weights(tmp / "site")
        figures["own-js-gz"] = max(r["own_js_gz"] for r in weights) / 1024
        lines += ["## Page weight (bytes; total is gzip of HTML + CSS + JS)", "",
                  "| lang | page | HTML | CSS | JS | our JS | our JS gzipped | total gzip |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        lines += [f"| {r['lang']} | {r['type']} | {r['html']:,} | {r['css']:,} | {r['js']:,} | {r['own_js']:,} | "
                  f"{r['own_js_gz']:,} | {r['total_gz']:,} |" for r in weights]
        with _serve(tmp / "site", port) as base:
            per_check, delay, pastes = _checker_in_browser(base)
            rate = _checker_in_python(args.runs)
            python_pastes = _pastes_in_python(args.runs)
            lines += ["", "## Message checker", "", "| what | median |", "| --- | ---: |",
                      f"| one check of a note growing to 300 characters, in Chromium | {1000 * per_check:.0f} µs |",
                      f"| keystroke to updated count, typing that note in the page | {delay:.1f} ms |",
                      f"| Python checker, 300-character notes | {rate:,.0f} messages/s |"]
            lines += [f"| one check of {label}, Chromium / Python | {pastes[label]:.1f} ms / "
                      f"{1000 * python_pastes[label]:.1f} ms |" for label in pastes]
            lines += [""]
            if args.lighthouse and LIGHTHOUSE.exists():
                lines += _lighthouse_section(base, tmp, args.lighthouse_runs, figures)
            elif args.lighthouse:
                lines += [f"Lighthouse skipped: {LIGHTHOUSE.relative_to(ROOT)} is missing (`make bench` installs it).", ""]
        lines += ["## Scale (synthetic templates in a throwaway copy)", "",
                  "Build: one strict build of all languages, with its peak memory. Check: `python -m scripts check` "
                  "cold (no memo) and again with nothing changed (the pre-commit case).", "",
                  "| templates | build | build per template | peak RSS | check cold | check unchanged | "
                  "check unchanged per template |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        profiles: dict[int, list[str]] = {}
        for count in [int(c) for c in args.scale.split(",") if c]:
            scaled = _copy(tmp / f"scale-{count}")
            _synthetic_templates(scaled, count)
            check_command = [sys.executable, "-m", "scripts", "--root", str(scaled), "check"]
            cold, _ = _measure(check_command, scaled, _forget(scaled))
            runs = 1 if count >= 1000 else min(3, args.runs)
            warm = _median(check_command, scaled, runs)
            build, rss = _measure(_build(scaled, tmp / f"site-{count}"), scaled)
            if count == 1000:
                profiles[count] = _profile(scaled, tmp / f"site-{count}", tmp / f"build-{count}.prof")
            figures[f"build-{count}"], figures[f"check-{count}"] = build, warm
            lines.append(f"| {count:,} | {build:.2f} s | {1000 * build / count:.2f} ms | {rss:,.0f} MiB | {cold:.2f} s | "
                         f"{warm:.2f} s | {1000 * warm / count:.2f} ms |")
            shutil.rmtree(scaled)
            shutil.rmtree(tmp / f"site-{count}", ignore_errors=True)
        for count, rows in profiles.items():
            lines += ["", f"Where the time of a build with {count:,} templates goes (profiled as above, "
                      "cards already drawn by the timed build):", "", *rows[:-1]]
        lines += ["", *_targets(figures), ""]
    lines[2] = lines[2].replace("{end_load}", f"{os.getloadavg()[0]:.1f}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
