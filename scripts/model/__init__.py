"""The content model: sources read with line numbers, languages from mkdocs.yml, lengths, and the data loaded once."""
