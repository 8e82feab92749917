"""Where Chromium is and how it starts here: shared by the browser tests and the benchmark."""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# machine's closed network refuses; none of them changes how a page renders.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
