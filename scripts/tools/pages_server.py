"""A local server that behaves like GitHub Pages for a built site: gzip for text,
`Cache-Control: max-age=600`, and, for any missing address, the site's root 404.html with
status 404 (GitHub Pages serves no per-folder 404 pages). Used by the benchmark and the
sub-path tests; `site_root` is the URL path the site lives under (`/` or `/guia/`)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from typing import Iterator


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def __init__(self, *args, site_root: str = "/", **kwargs):
        self.site_root = site_root
        super().__init__(*args, **kwargs)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):  # noqa: N802 (the standard library's name)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the standard redirect to the address with a slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.translate_path(self.site_root + "404.html")), 404
            if not path.is_file():
                return self.send_error(404)
        body = path.read_bytes()
        gzipped = path.suffix in self.TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, port: int = 0, site_root: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (port 0: any free one); yields the server's base URL."""
    handler = functools.partial(PagesHandler, directory=str(folder), site_root=site_root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
