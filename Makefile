# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.seismo-installed

.PHONY: install demo test test-bare lint typecheck unit browser-deps clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,spark,pdf]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, code the bundled sample corpus into a fresh DuckDB file, serve the dashboard
demo: $(STAMP)
	$(BIN)/seismo demo

## browser-deps: Debian packages the tests drive (Chromium, Java for Spark, poppler, pango)
browser-deps:
	@bash scripts/install-system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check seismo tests benchmarks
	$(BIN)/ruff format --check seismo tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy seismo

unit: $(STAMP)
	$(BIN)/pytest -q

## test-bare: the HTML, feed and WARC tests again in a virtualenv made with plain
## `pip install .` (no extras), so a dependency only an extra brings in cannot hide.
## The tests import the installed package (importlib mode), not the source tree.
BARE_VENV ?= .venv-bare
BARE_TESTS = tests/test_reliability_dependencies.py tests/test_ingest_html.py \
             tests/test_ingest_archives.py tests/test_ingest_jsonl.py
test-bare:
	rm -rf $(BARE_VENV)
	$(PYTHON) -m venv $(BARE_VENV)
	$(BARE_VENV)/bin/pip install --quiet . pytest
	$(BARE_VENV)/bin/pytest -q -p no:cacheprovider --import-mode=importlib $(BARE_TESTS)

## test: install what the tests need, lint, type-check and run every test
test: $(STAMP) browser-deps lint typecheck test-bare unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_coder.py

clean:
	rm -rf $(VENV) $(BARE_VENV) *.duckdb test-artifacts .pytest_cache .mypy_cache .ruff_cache
