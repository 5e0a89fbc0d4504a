# iomsite: `make run` serves the site with the seed data; `make test` runs every check.
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEV := DJANGO_DEBUG=1
# `make run PORT=8001` (or `make serve PORT=8001`) to serve on another port.
PORT ?= 8000
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=iomsite.settings_test

.PHONY: setup catalogs messages run serve deploy test node-tools bench lint format clean

setup: $(INSTALLED) catalogs

# The French and Spanish interface: locale/*/LC_MESSAGES/django.po compiled to .mo
# (git-ignored) in pure Python (polib), so no GNU gettext is needed to serve them.
catalogs: $(INSTALLED)
	$(PYTHON) -m iomsite.catalogs

# Refresh the catalogs from the source (needs GNU gettext: apt-get install gettext)
# and list every entry still untranslated or fuzzy.
messages: setup
	$(TEST_SETTINGS) $(PYTHON) manage.py update_catalogs

# Rebuilt whenever the pinned dependencies change.
$(INSTALLED): pyproject.toml bin/find-python
	@if [ -x $(PYTHON) ] && ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Replacing $(VENV): it was made with a Python older than 3.12."; rm -rf $(VENV); fi
	@if [ ! -x $(PYTHON) ]; then \
		interpreter=$$(bin/find-python) || exit 1; \
		echo "Creating $(VENV) with $$interpreter"; \
		"$$interpreter" -m venv $(VENV) || exit 1; fi
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet --editable ".[dev]"
	@touch $@

run: setup
	$(DEV) $(PYTHON) manage.py migrate --noinput
	$(DEV) $(PYTHON) manage.py load_content
	$(DEV) $(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

# The production stack (debug off, gunicorn, WhiteNoise) on http://127.0.0.1:$(PORT),
# with a local secret key. Plain http on loopback, so no redirect to HTTPS.
serve: setup
	@test -s .dev-secret-key || (umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > .dev-secret-key)
	unset DJANGO_DEBUG; \
	DJANGO_SECRET_KEY="$$(cat .dev-secret-key)" DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECURE_SSL_REDIRECT=0 GUNICORN_BIND=127.0.0.1:$(PORT) bin/deploy

# Check, migrate, collect static files, load the content, then run gunicorn.
# The settings come from the environment: see "Deploy" in README.md.
deploy: setup
	bin/deploy

test: setup lint node-tools
	$(TEST_SETTINGS) $(PYTHON) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=tests.testapp.settings $(PYTHON) manage.py makemigrations testapp --check --dry-run
	$(VENV)/bin/pytest

# The pinned Node tools of the HTML check (vnu-jar) and the benchmark (Lighthouse):
# installed when Node.js is here and node_modules is missing or older than
# package-lock.json. Without Node.js the HTML check is skipped, saying so.
node-tools:
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: the HTML check (tests/iomsite/test_html_validity.py) will be skipped;" \
			"install Node.js 18.16 or newer to run it."; \
	elif [ ! -e node_modules/.package-lock.json ] \
			|| [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		echo "npm ci: installing the pinned Node tools (package-lock.json)"; \
		npm ci --no-audit --no-fund \
			|| echo "WARNING: npm ci failed; the HTML check will be skipped (or fail, with CI set)."; \
	fi

# Benchmark the production stack: `make bench`, or `make bench ARGS=--quick`.
bench: setup
	$(PYTHON) -m devtools.bench $(ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
