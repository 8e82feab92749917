"""python -m scripts checker: the message checker on standard input.

Exit status: 0 nothing or only warnings, 1 at least one error finding, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", required=True, choices=["es", "en", "pl"], help="the draft's language")
    parser.add_argument("--channel", required=True, metavar="SITUATION",
                        help="invitation-note, first-message (or message), follow-up, reply, inmail, comment")
    parser.add_argument("--account", choices=["free", "premium"], default="premium")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def usage_error(message: str):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def run(args: argparse.Namespace, root: Path) -> int:
    from . import compiled
    from .engine import check

    document = compiled(root)
    situations = sorted(document["situations"]) + sorted(document["aliases"])
    if args.channel not in situations:
        print(f"error: unknown --channel {args.channel!r}: use one of {', '.join(situations)}", file=sys.stderr)
        return 2
    if args.lang not in document["languages"]:
        print(f"error: unknown --lang {args.lang!r}: use one of {', '.join(document['languages'])}", file=sys.stderr)
        return 2
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        print(f"error: standard input is not UTF-8 (byte {error.start})", file=sys.stderr)
        return 2
    result = check(document, text, args.lang, args.channel, args.account)
    findings = result["findings"]
    if args.format == "json":
        print(json.dumps({"length": result["length"], "limit": result["limit"], "state": result["state"],
                          "findings": [f.as_json() for f in findings]}, ensure_ascii=False))
    else:
        limit = "no limit" if result["limit"] is None else f"limit {result['limit']}"
        print(f"{result['length']} characters ({limit}): {result['state']}")
        for f in findings:
            quotes = " · ".join(_utf16_slice(text, a, b) for a, b in f.spans)
            print(f"{f.severity}: {f.rule}: {f.message}" + (f" [{quotes}]" if quotes else ""))
        if not findings:
            print("no findings")
    return 1 if any(f.severity == "error" for f in findings) else 0


def _utf16_slice(text: str, start: int, end: int) -> str:
    encoded = text.encode("utf-16-le")
    return encoded[2 * start:2 * end].decode("utf-16-le", errors="replace")
