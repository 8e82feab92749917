"""Contributor and maintainer tools (scaffold, stamp, benchmark, link check, browser helpers); the build never imports them."""
