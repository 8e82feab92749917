"""Moved to scripts/model/languages.py: kept so modules written before the move keep importing
(scripts/checker/, scripts/spelling.py); new code imports from scripts.model."""

from .model.languages import CONFIG, ROOT, Language, default_language, load_languages, read_config  # noqa: F401
