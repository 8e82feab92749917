"""Command line for the guide's chores.

  python -m scripts check [--format text|github]   validate pages and data in every language
  python -m scripts explain CODE                    what a problem code means and how to fix it
  python -m scripts new template|antipattern <id>  scaffold an entry with every language stubbed
  python -m scripts stamp                           record which Spanish text each translation follows
  python -m scripts checker --lang en --channel invitation-note [--account free|premium] [--format text|json]
                                                    check a draft read from standard input
  python -m scripts bench [--runs N] …              build time, page weight, checker speed (bench/REPORT.md)
  python -m scripts linkcheck SITE [--list-only]    request every external URL of a built site
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import run_checks
from .checks.problems import errors, render, render_github
from .model.languages import ROOT, load_languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="folder holding mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate pages and data in every language")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: also print ::error/::warning annotations for pull requests")
    explain = commands.add_parser("explain", help="what a problem code means and how to fix it")
    explain.add_argument("code", help="e.g. D002")
    new = commands.add_parser("new", help="scaffold a template or an anti-pattern")
    new.add_argument("kind", choices=["template", "antipattern"])
    new.add_argument("id", help="kebab-case id, also the file name")
    commands.add_parser("stamp", help="mark every translation as following the current Spanish text")
    for tool in ("bench", "linkcheck"):
        commands.add_parser(tool, help=f"see `python -m scripts {tool} -h`", add_help=False).add_argument(
            "rest", nargs=argparse.REMAINDER)
    from .checker import cli as checker_cli

    checker_parser = commands.add_parser(
        "checker", help="check a draft from standard input (exit 1 on an error finding, 2 on bad usage)")
    checker_cli.add_arguments(checker_parser)
    checker_parser.error = checker_cli.usage_error  # one line, exit 2
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command not in ("bench", "linkcheck"):
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    root = args.root.resolve()

    if args.command == "checker":
        return checker_cli.run(args, root)
    if args.command == "explain":
        from .checks.codes import explain as explain_code

        try:
            print(explain_code(args.code))
        except KeyError:
            print(f"error: unknown code '{args.code}': see CONTRIBUTING.md for the list", file=sys.stderr)
            return 1
        return 0
    if args.command == "bench":
        from .tools import bench

        return bench.main(unknown + args.rest)
    if args.command == "linkcheck":
        from .tools import linkcheck

        return linkcheck.main(unknown + args.rest)
    if args.command == "new":
        from .tools.scaffold import scaffold

        try:
            path = scaffold(root, args.kind, args.id, [lang.code for lang in load_languages(root / "mkdocs.yml")])
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"wrote {path.relative_to(root)}: replace every TODO, then run `python -m scripts check`")
        return 0
    if args.command == "stamp":
        from .tools.stamp import stamp

        for path in stamp(root, load_languages(root / "mkdocs.yml")):
            print(f"stamped {path.relative_to(root)}")
        return 0

    problems = run_checks(root)
    if args.format == "github":
        print(render_github(problems))
    print(render(problems), file=sys.stderr if errors(problems) else sys.stdout)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
