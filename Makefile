# Two commands do all set-up on a fresh machine:
#   make run    embedded graph + the project's sample articles + API on http://127.0.0.1:8000
#   make test   lint, type checks and the test suite (starts its own Bolt server)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The /explore page's graph library (npm, never committed) and the browser its test drives.
EXPLORE  := service/explore
VIS      := $(EXPLORE)/node_modules/vis-network/standalone/umd/vis-network.min.js
CHROMIUM := /usr/bin/chromium
ARABIC_FONT := /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf
APT      := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: install run test lint pytest bench train evaluate clean explore-assets browser

install: $(STAMP) explore-assets

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned, so that nothing later pulls a CUDA build
	$(BIN)/python -m pip install --quiet -c constraints.txt torch
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,train]'
	touch $(STAMP)

explore-assets: $(VIS)

$(VIS): $(EXPLORE)/package.json $(EXPLORE)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: installing Debian's npm"; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends npm; } \
	  || { echo "make explore-assets: npm is missing and apt-get could not install it;" \
	       "install Node.js 18+ with npm, then run make explore-assets" >&2; exit 1; }
	npm ci --prefix $(EXPLORE) --omit=peer --no-audit --no-fund
	touch $@

# Headless Chromium and an Arabic font for tests/test_explore_browser.py (Debian packages).
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(ARABIC_FONT) ]; then \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends chromium fonts-noto-core; \
	fi

run: install
	$(BIN)/akg demo

test: lint pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

pytest: install browser
	$(BIN)/python -m pytest

# Figures for BENCHMARKS.md (minutes; not part of make test).
bench: install
	$(BIN)/python -m bench.ner_throughput
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.writes
	$(BIN)/python -m bench.resolver
	$(BIN)/python -m bench.search
	$(BIN)/python -m bench.api_ingest
	$(BIN)/python -m bench.api_load --mix search
	$(BIN)/python -m bench.api_load

train: install  # two stages, ~55 min on 2 cores: all corpora, then on towards news (MODEL_CARD.md)
	$(BIN)/python -m nlp.training.train --data ../shared/data/ner --out build/akg-ar-ner-base
	$(BIN)/python -m nlp.training.train --data ../shared/data/ner --out nlp/models/akg-ar-ner \
		--finetune-from build/akg-ar-ner-base --finetune-lr 0.02 --oversample newsfane=3 \
		--select-on newsfane --max-steps 3000 --eval-interval 250

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
