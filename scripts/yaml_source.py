"""Moved: kept only so modules written before the move keep importing (scripts/checker/,
scripts/spelling.py, scripts/texts.py); new code imports from the subpackage."""

from .model.yaml_source import YamlSource, read_yaml  # noqa: F401
