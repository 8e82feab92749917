"""A Content-Security-Policy meta tag as strict as Material allows.

Every page carries a few small inline scripts (Material's storage scope, the colour scheme
set before the first paint, our "scripted page" mark, Material's tab memory); each is
allowed by its own SHA-256 hash rather than by 'unsafe-inline'. Styles keep
'unsafe-inline' because Material's HTML carries style attributes.

Under `mkdocs serve` only, MkDocs injects an inline live-reload script into every page it
serves, with a fresh number in it on each request: no hash can allow it, so the served
pages allow inline scripts and a built site never does.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'


def script_hashes(html: str) -> list[str]:
    """'sha256-…' sources for every inline executable script, in order, without repeats."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(html: str, serving: bool = False) -> str:
    scripts = "'self' 'unsafe-inline'" if serving else " ".join(["'self'", *script_hashes(html)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_policy(html: str, serving: bool = False) -> str:
    """Insert the policy right after the charset, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, serving)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n      {tag}", 1)
