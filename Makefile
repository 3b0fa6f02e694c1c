# Two commands do all set-up on a fresh machine:
#   make run    embedded graph + the project's sample articles + API on http://127.0.0.1:8000
#   make test   lint, type checks and the test suite (starts its own Bolt server)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint pytest bench train evaluate clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned, so that nothing later pulls a CUDA build
	$(BIN)/python -m pip install --quiet -c constraints.txt torch
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,train]'
	touch $(STAMP)

run: install
	$(BIN)/akg demo

test: lint pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest

train: install
	$(BIN)/python -m nlp.training.train --data ../shared/data/ner --out nlp/models/akg-ar-ner

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
