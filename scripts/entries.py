"""Moved: kept only so modules written before the move keep importing (scripts/checker/,
scripts/spelling.py, scripts/texts.py); new code imports from the subpackage."""

from .model.entries import KINDS, Text, checker_situation, entry_files, example, load_limits, texts  # noqa: F401
