# The two commands of the README, and the tasks behind them.
# Everything runs inside .venv, created on first use from the Python 3.11+ on PATH.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint catalogs bench clean

$(BIN)/explainers: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

serve: $(BIN)/explainers  ## build and serve the site at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve

build: $(BIN)/explainers  ## build the site into site/ (strict: any broken rule fails)
	$(BIN)/mkdocs build --strict

test: $(BIN)/explainers  ## run the whole test suite
	$(BIN)/python -m pytest

check: $(BIN)/explainers  ## check every explainer
	$(BIN)/explainers check --strict

lint: $(BIN)/explainers
	$(BIN)/ruff check explainers hooks tests
	$(BIN)/mypy

catalogs: $(BIN)/explainers  ## extract UI strings and update the .po catalogs
	$(BIN)/pybabel extract -F babel.cfg --no-location --omit-header --sort-output -o explainers/locale/explainers.pot .
	$(BIN)/pybabel update -D explainers -i explainers/locale/explainers.pot -d explainers/locale --width 100 --no-fuzzy-matching

bench: $(BIN)/explainers
	$(BIN)/python benchmarks/build_speed.py

clean:
	rm -rf site .pytest_cache
