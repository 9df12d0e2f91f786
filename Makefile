# clerk-fapi developer commands. Every target sets up what it needs (a .venv with the dev extra).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The generator runs ruff from PATH; it must be the pinned one from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

SPEC := openapi.yaml
GEN_CONFIG := generated/config.yaml
GEN_PACKAGE := generated/clerk_fapi_raw
# Templates that replace the generator's own: the package and models/__init__.py load each client and
# model on first use.
GEN_TEMPLATES := generated/templates

.PHONY: help venv generate lint typecheck test demo record bench mutate clean

help:
	@echo "make demo      walk through the documented Client against the embedded emulator"
	@echo "make test      lint, type-check and run the test suite (sets up .venv first)"
	@echo "make generate  regenerate $(GEN_PACKAGE) from $(SPEC)"
	@echo "make lint      ruff check and format check"
	@echo "make record    re-record the cassettes against the emulator (or a real instance)"
	@echo "make bench     run the benchmarks"
	@echo "make mutate    mutation check of the token cache, token stores and retry policy (one pytest run per mutant)"

$(BIN)/python:
	@echo "==> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	@echo "==> installing clerk-fapi with its dev extra into $(VENV)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

generate: $(STAMP)
	@echo "==> generating $(GEN_PACKAGE) from $(SPEC) (openapi-python-client $$($(BIN)/python -c 'import importlib.metadata as m; print(m.version("openapi-python-client"))'))"
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) --meta none \
		--custom-template-path $(GEN_TEMPLATES) \
		--output-path $(GEN_PACKAGE) --overwrite
	@find $(GEN_PACKAGE) -name __pycache__ -prune -exec rm -rf {} +
	@echo "==> done; review with: git status $(GEN_PACKAGE)"

lint: $(STAMP)
	@echo "==> ruff check"
	$(BIN)/ruff check .
	@echo "==> ruff format --check"
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	@echo "==> mypy (strict on the facade)"
	$(BIN)/mypy

test: lint typecheck
	@echo "==> pytest"
	$(BIN)/pytest -n auto --dist worksteal

demo: $(STAMP)
	@echo "==> demo: the documented Client against the embedded emulator on 127.0.0.1"
	$(BIN)/python examples/walkthrough.py

record: $(STAMP)
	@echo "==> re-recording the cassettes (against the emulator on loopback, or the instance of CLERK_PUBLISHABLE_KEY)"
	CLERK_FAPI_RECORD=1 $(BIN)/pytest tests/golden --record-mode=rewrite -p no:cacheprovider

bench: $(STAMP)
	@echo "==> benchmarks (ratios against baselines measured in the same run)"
	$(BIN)/python benchmarks/bench.py

mutate: $(STAMP)
	@echo "==> mutation check: each mutant in mutation/mutants.py against the tests that guard it"
	$(BIN)/python mutation/run.py

clean:
	@echo "==> removing $(VENV) and caches"
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis dist build
