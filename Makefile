# Both entry points bootstrap their own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_PROJECT := samples/atelier-lune
DEMO_BOOK := build/atelier-lune.xlsx

# `make install` puts the command on the PATH for this user, with no root and no clone kept:
# its own environment in $(PREFIX)/share/budgetbook, the command linked into $(PREFIX)/bin.
PREFIX ?= $(HOME)/.local
INSTALL_ENV := $(PREFIX)/share/budgetbook/venv
# pip says only what goes wrong: no progress, no notice of a newer pip.
PIP_QUIET := --quiet --disable-pip-version-check --no-input

.PHONY: demo test lint format clean catalogues install pictures templates

$(BIN)/budgetbook: pyproject.toml
	@echo "Setting up $(VENV) (the first time takes a few minutes)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install $(PIP_QUIET) --upgrade pip
	@$(BIN)/python -m pip install $(PIP_QUIET) -e '.[test]'
	@touch $@

demo: $(BIN)/budgetbook
	@mkdir -p build
	@$(BIN)/budgetbook build $(DEMO_PROJECT) -o $(DEMO_BOOK)
	@echo "Open $(abspath $(DEMO_BOOK))"
	@echo "The command is $(BIN)/budgetbook: run '. $(BIN)/activate' to type budgetbook, or 'make install'"

test: $(BIN)/budgetbook
	@$(BIN)/ruff check --quiet budgetbook tests bench docs
	@$(BIN)/ruff format --quiet --check budgetbook tests bench docs
	@$(BIN)/python -m pytest -q

install:
	@echo "Installing budgetbook in $(INSTALL_ENV)"
	@$(PYTHON) -m venv --clear $(INSTALL_ENV)
	@$(INSTALL_ENV)/bin/python -m pip install $(PIP_QUIET) --upgrade pip
	@$(INSTALL_ENV)/bin/python -m pip install $(PIP_QUIET) .
	@mkdir -p $(PREFIX)/bin
	@ln -sf $(INSTALL_ENV)/bin/budgetbook $(PREFIX)/bin/budgetbook
	@echo "Installed $(PREFIX)/bin/budgetbook"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) \
	  echo "$(PREFIX)/bin is not on your PATH: add this line to ~/.profile, then open a new terminal:"; \
	  echo '  export PATH="$(PREFIX)/bin:$$PATH"';; esac

# The words: Babel extracts every message into budgetbook/i18n/locale/budgetbook.pot, updates
# each language's .po, compiles the .mo files and lists what is left to translate.
catalogues: $(BIN)/budgetbook
	$(BIN)/python -m budgetbook.i18n.catalogues

# Pictures of the sample's workbook, a PNG of each sheet's first printed page, in docs/pictures
# (the README and the guide show them): needs LibreOffice and poppler-utils.
pictures: $(BIN)/budgetbook
	$(BIN)/python docs/pictures.py

# The downloadable kit (templates/kit/): blank workbooks rebuilt from templates/blank-en and
# blank-fr; tests/test_templates.py fails until they are rebuilt after a change to the sheets.
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
