"""Moved to scripts/checks/problems.py: kept so modules written before the move keep importing
(scripts/checker/, scripts/spelling.py); new code imports from scripts.checks."""

from .checks.problems import ERROR, WARNING, Problem, errors, render, render_github  # noqa: F401
