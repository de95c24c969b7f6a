# brikg: the two commands of the quick start are `make graph` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
BRIKG  := $(BIN)/brikg

.PHONY: graph validate test lint bench system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the package metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## graph: build the knowledge graph from corpus/ into graph/, with its report and views
graph: $(VENV)/.installed
	$(BRIKG) build --corpus corpus --out graph --jobs 0
	$(BRIKG) report --data graph --out graph
	$(BRIKG) viz --data graph --kind all --out graph/viz

## validate: check graph/ (SHACL shapes, every quote against corpus/, HermiT); exit 1 if invalid
validate: $(VENV)/.installed
	$(BRIKG) validate graph/brikg.trig --corpus corpus

## system-deps: Java for the OWL reasoner, Chromium and CJK fonts for browser tests (Debian)
system-deps:
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk; }

## test: install the test extras and run the whole suite
test: $(VENV)/.installed-test system-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

## bench: build throughput per stage, --jobs 1 vs 2, incremental rebuilds, SPARQL on both
## engines, into bench/results.md (bundled, 10x, 100x, 1000x corpora: 20-30 minutes on
## 2 cores; the 1000x build needs about 10 GB of memory and 35 GB of disk while it runs)
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .brikg-cache
