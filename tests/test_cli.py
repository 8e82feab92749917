import subprocess
import sys

from tests.conftest import ROOT, copy_project


def _check(root):
    return subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), "check"],
                          cwd=ROOT, capture_output=True, text=True)


def test_check_passes_on_the_real_content():
    result = _check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stdout


def test_check_exits_1_with_file_line_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "pl" / "checker.md").unlink()
    result = _check(project)
    assert result.returncode == 1
    assert ("docs/es/checker.md:1: P001 page exists in 'es', 'en' but docs/pl/checker.md is missing"
            in result.stderr)
    # The only other errors: the links to the page that is gone, each at its line (K001).
    lines = result.stderr.strip().splitlines()
    others = [line for line in lines[:-1] if " P001 " not in line]
    assert others and all(" K001 'checker.md' points at checker.md" in line and line.startswith("docs/pl/")
                          for line in others)
    assert lines[-1].startswith(f"{len(others) + 1} error(s), ")
