# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.seismo-installed

.PHONY: install demo test lint typecheck unit browser-deps clean bench

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

## test: install what the tests need, lint, type-check and run every test
test: $(STAMP) browser-deps lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_coder.py

clean:
	rm -rf $(VENV) *.duckdb test-artifacts .pytest_cache .mypy_cache .ruff_cache
