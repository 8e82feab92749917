"""Post-processing of the built HTML, sitemap and search index: pure text-in, text-out steps."""
