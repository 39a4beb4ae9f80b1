# Both entry points bootstrap their own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_PROJECT := samples/atelier-lune
DEMO_BOOK := build/atelier-lune.xlsx

.PHONY: demo test lint format clean catalogues

$(BIN)/budgetbook: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/budgetbook
	mkdir -p build
	$(BIN)/budgetbook build $(DEMO_PROJECT) -o $(DEMO_BOOK)
	@echo "Open $(abspath $(DEMO_BOOK))"

test: $(BIN)/budgetbook
	$(BIN)/ruff check budgetbook tests bench docs
	$(BIN)/ruff format --check budgetbook tests bench docs
	$(BIN)/python -m pytest

# The words: Babel extracts every message into budgetbook/i18n/locale/budgetbook.pot, updates
# each language's .po, compiles the .mo files and lists what is left to translate.
catalogues: $(BIN)/budgetbook
	$(BIN)/python -m budgetbook.i18n.catalogues

# The downloadable kit (templates/kit/): blank workbooks rebuilt from templates/blank-en and
# blank-fr; tests/test_templates.py fails until they are rebuilt after a change to the sheets.
.PHONY: templates
templates: $(BIN)/budgetbook
	$(BIN)/python -m budgetbook.commands.kit

# The scale benchmark (bench/scale.py): 15-20 minutes; BENCH_ARGS="--quick" for a smoke run.
.PHONY: bench
bench: $(BIN)/budgetbook
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

format: $(BIN)/budgetbook
	$(BIN)/ruff format budgetbook tests bench docs
	$(BIN)/ruff check --fix budgetbook tests bench docs

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache .hypothesis
