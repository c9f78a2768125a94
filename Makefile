# Maatwerk: `make demo` serves the demo municipality, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/maatwerk/static/vendor
PYTEST_ARGS ?=

.PHONY: demo serve test lint bench install assets messages browser ocr speech clean

# The demo runs as production does: debug off, so Maatwerk's own error pages and static files
# served by WhiteNoise. MAATWERK_DEMO allows the public development keys (on this machine only)
# and the DigiD mock has its own switch (docs/operations.md, "The demo"). Set in the environment,
# these three win over the values here.
demo: export MAATWERK_DEBUG ?= false
demo: export MAATWERK_DEMO ?= true
demo: export MAATWERK_DIGID_MOCK ?= true
demo: install assets messages ocr speech
	@mkdir -p var
	$(BIN)/maatwerk migrate --no-input -v 0
	$(BIN)/maatwerk collectstatic --no-input -v 0
	$(BIN)/maatwerk demo
	@echo ""
	@echo "Maatwerk draait op http://127.0.0.1:8000 (stoppen: Ctrl+C)"
	$(BIN)/maatwerk serve

# pytest exits 5 when it collected no tests: not a failure of the code (CI checks this too).
test: install assets messages browser ocr speech
	$(BIN)/pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: install
	$(BIN)/ruff check src tests bench conftest.py
	$(BIN)/ruff format --check src tests bench conftest.py
	$(BIN)/mypy src
	DJANGO_SETTINGS_MODULE=maatwerk.settings $(BIN)/maatwerk makemigrations --check --dry-run -v 0

bench: install assets messages ocr
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	@command -v gs >/dev/null && command -v unpaper >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ghostscript unpaper >/dev/null; \
	  else echo "The document benchmark needs ghostscript and unpaper: run 'sudo apt-get install ghostscript unpaper'."; exit 1; fi; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null || \
	  { echo "Maatwerk needs Python 3.11: install it (Debian: apt-get install python3.11 python3.11-venv) and run make again."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

assets: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Maatwerk needs Node.js and npm for its style sheets: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p $(VENDOR)
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/design-tokens.css
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/component-library.css
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	@touch $@

messages: install
	$(BIN)/python -m maatwerk.i18n

# The browser tests drive Debian's Chromium; install it when missing (root) or say how.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Chromium: run 'sudo apt-get install chromium' and then make test again."; exit 1; fi; }

# Reading documents needs Tesseract with the Dutch model and pdftoppm.
ocr:
	@{ command -v tesseract >/dev/null && command -v pdftoppm >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx nld; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-nld poppler-utils >/dev/null; \
	  else echo "Reading documents needs Tesseract and pdftoppm: run 'sudo apt-get install tesseract-ocr tesseract-ocr-nld poppler-utils' and then make again."; exit 1; fi; }

# Letters read aloud for clients who prefer listening: espeak-ng (Debian).
speech:
	@command -v espeak-ng >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null; \
	  else echo "Letters read aloud need espeak-ng: run 'sudo apt-get install espeak-ng' and then make again."; exit 1; fi; }

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var/maatwerk.sqlite3*
