# Finds a Python >= 3.12 by itself (python3.13, python3.12, pyenv, python3), makes .venv, installs.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install run test eval bench clean

$(PY):
	@set -e; py=$$(bash scripts/find-python.sh); echo "using $$py"; \
	$$py -m venv $(VENV); \
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	$(PY) -m pip install -q -e '.[test]'

run: install
	$(VENV)/bin/papi-extract convert corpus -o dataset --force
	$(VENV)/bin/papi-extract export dataset --to duckdb
	$(VENV)/bin/papi-extract query dataset/papi.duckdb

# every blind held-out set is a gate of its own (its floors file beside its gold; a set without one fails loudly)
HELDOUT_SETS := $(sort $(patsubst %/gold,%,$(wildcard tests/heldout*/gold)))

test: install
	$(PY) -m pytest
	$(VENV)/bin/papi-extract eval --gold tests/gold --corpus corpus --no-show-mismatches --check-floors tests/gold/floors.yaml
	@set -e; for d in $(HELDOUT_SETS); do echo "$$d:"; \
	  $(VENV)/bin/papi-extract eval --gold $$d/gold --corpus $$d/docs --no-show-mismatches --check-floors $$d/floors.yaml; \
	done

bench: install
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(VENV) dataset
