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

test: install
	$(PY) -m pytest
	$(VENV)/bin/papi-extract eval --gold tests/gold --corpus corpus --no-show-mismatches --check-floors tests/gold/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout/gold --corpus tests/heldout/docs --no-show-mismatches --check-floors tests/heldout/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout2/gold --corpus tests/heldout2/docs --no-show-mismatches --check-floors tests/heldout2/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout3/gold --corpus tests/heldout3/docs --no-show-mismatches --check-floors tests/heldout3/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout4/gold --corpus tests/heldout4/docs --no-show-mismatches --check-floors tests/heldout4/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout5/gold --corpus tests/heldout5/docs --no-show-mismatches --check-floors tests/heldout5/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout6/gold --corpus tests/heldout6/docs --no-show-mismatches --check-floors tests/heldout6/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout7/gold --corpus tests/heldout7/docs --no-show-mismatches --check-floors tests/heldout7/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout8/gold --corpus tests/heldout8/docs --no-show-mismatches --check-floors tests/heldout8/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout9/gold --corpus tests/heldout9/docs --no-show-mismatches --check-floors tests/heldout9/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout10/gold --corpus tests/heldout10/docs --no-show-mismatches --check-floors tests/heldout10/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout11/gold --corpus tests/heldout11/docs --no-show-mismatches --check-floors tests/heldout11/floors.yaml
	$(VENV)/bin/papi-extract eval --gold tests/heldout12/gold --corpus tests/heldout12/docs --no-show-mismatches --check-floors tests/heldout12/floors.yaml

bench: install
	$(PY) benchmarks/bench.py

clean:
	rm -rf $(VENV) dataset
