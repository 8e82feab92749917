"""Build-time checks and helpers for the guide; plain Python, usable without MkDocs."""
