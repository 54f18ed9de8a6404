# FTA Hub: two commands on a fresh machine.
#   make run   - install, migrate, load reference + demo data, serve on http://127.0.0.1:8000
#   make test  - install, lint (ruff, mypy --strict on the domain cores), run the whole test suite (pytest,
#                browser tests included)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PROD_ENV = FTAHUB_DEBUG=0 FTAHUB_HTTPS=0 FTAHUB_DEMO=1 SECRET_KEY="$$(cat var/secret_key)"

.PHONY: run test install lint browser-deps bench clean

$(BIN)/.installed: pyproject.toml setup.py ftahub/transparency/_batchhash.c
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

var/secret_key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: install var/secret_key
	$(BIN)/ftahub compile-translations
	$(PROD_ENV) $(BIN)/ftahub migrate --no-input -v 0
	$(PROD_ENV) $(BIN)/ftahub load-reference
	$(PROD_ENV) $(BIN)/ftahub load-demo
	$(PROD_ENV) $(BIN)/ftahub collectstatic --no-input -v 0
	$(PROD_ENV) $(BIN)/ftahub serve --host $(HOST) --port $(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests need Debian's chromium; install it when we may (root with apt), else the tests say why they skip.
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null) \
	      || echo "WARNING: could not install chromium; browser tests will be skipped"; \
	  else echo "WARNING: chromium not found and cannot be installed here; browser tests will be skipped"; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install browser-deps lint var/secret_key
	$(BIN)/ftahub compile-translations
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) node_modules var/static test-output
