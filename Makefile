# Two commands for a newcomer: `make serve` and `make test`. Each sets itself up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

PORT ?= 8000

NODE_STAMP := node_modules/.installed
BENCH_STAMP := bench/tools/node_modules/.installed

.PHONY: serve build test check bench linkcheck-external clean

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Third-party checkers for the tests (Nu HTML Checker, axe-core), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Lighthouse, for the benchmark only (pinned in bench/tools/package-lock.json).
$(BENCH_STAMP): bench/tools/package.json bench/tools/package-lock.json
	npm ci --prefix bench/tools --no-audit --no-fund --ignore-scripts
	touch $@

## serve: build the site and serve it with live reload on http://127.0.0.1:$(PORT) (make serve PORT=8001)
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

## build: a strict build of every language into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The spelling gate's Hunspell dictionaries (Debian packages): installed when we are root,
# otherwise the check itself says what to install.
DICTIONARIES := hunspell-es hunspell-en-gb hunspell-pl libenchant-2-2
.PHONY: dictionaries
dictionaries:
	@missing=$$(for p in $(DICTIONARIES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	elif [ -n "$$missing" ]; then echo "spelling gate: install $$missing (apt-get install $$missing)"; fi

## test: every test (unit, build, browser)
test: $(STAMP) $(NODE_STAMP) dictionaries
	$(BIN)/python -m pytest

## check: the content checks alone, as the build runs them
check: $(STAMP) dictionaries
	$(BIN)/python -m scripts check

## bench: build time, page weight, checker speed, Lighthouse and scaling, written to bench/REPORT.md
bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python -m scripts bench

## linkcheck-external: build, then request every external URL the site links to (needs a network)
linkcheck-external: build
	$(BIN)/python -m scripts linkcheck site

clean:
	rm -rf site $(VENV) .pytest_cache node_modules bench/tools/node_modules
