"""Command line for the guide's chores: `python -m scripts check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import run_checks
from .languages import ROOT
from .problems import errors, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate pages and data in every language")
    check.add_argument("--root", type=Path, default=ROOT, help="folder holding mkdocs.yml")
    args = parser.parse_args(argv)

    problems = run_checks(args.root.resolve())
    print(render(problems), file=sys.stderr if problems else sys.stdout)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
