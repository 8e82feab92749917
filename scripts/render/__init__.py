"""Rendering: `<!-- guide:… -->` markers in pages replaced by Jinja partials fed with views of the model."""
