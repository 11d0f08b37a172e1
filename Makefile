# ParkPortal. Needs only Python 3.11+ and make: the first target run builds .venv from uv.lock.
# Without DATABASE_URL / REDIS_URL, run/test/lint/bench start an embedded PostgreSQL and Redis
# (portal/embedded.py, data in .data/); with them set, those services are used instead.

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
# Touched after each sync: a newer uv.lock or pyproject.toml re-syncs.
SYNCED := $(VENV)/.synced
EMBEDDED := $(BIN)/python -m portal.embedded
PYTEST_ARGS ?=

.PHONY: .venv run test test-fast lint audit bench messages clean-data prodlike faults load nginx

.venv: $(SYNCED)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(SYNCED): uv.lock pyproject.toml | $(BIN)/uv
	$(BIN)/uv sync --frozen --inexact
	touch $@

run: $(SYNCED)
	$(EMBEDDED) run

test: $(SYNCED)
	$(EMBEDDED) exec --profile test -- $(BIN)/pytest $(PYTEST_ARGS)

# Everything but the browser tests, keeping the test database between runs (--reuse-db; pass
# PYTEST_ARGS=--create-db after a migration).
test-fast: $(SYNCED)
	$(EMBEDDED) exec --profile test -- $(BIN)/pytest -m "not browser" --reuse-db $(PYTEST_ARGS)

lint: $(SYNCED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(EMBEDDED) exec --profile test -- $(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory audit

# Security checks: bandit over the apps (each exception is a `# nosec <id> - reason` on its line),
# pip-audit over the virtualenv (.ci/deps_audit.py: fails on any known vulnerability).
APPS := accounts analytics api open311 appeals cms core demo enterprises notifications onewindow portal servicedays proactive tenants
audit: $(SYNCED)
	$(BIN)/bandit -q -r $(APPS) .ci
	$(BIN)/python .ci/deps_audit.py

bench: $(SYNCED) nginx
	$(EMBEDDED) exec --profile test -- $(BIN)/python bench/run.py

# The production-shaped stack (portal/prodlike.py, deploy/): nginx with TLS in front of two
# gunicorn nodes, two Celery workers and beat, on https://*.localhost:8443/. RabbitMQ is the broker
# when CELERY_BROKER_URL is an amqp:// URL (else a Redis of its own). Its own durable PostgreSQL
# (.data/prodlike) unless DATABASE_URL is set; PRODLIKE_ARGS=--replica adds a streaming replica.
PRODLIKE_ARGS ?=
prodlike: $(SYNCED) nginx
	$(BIN)/python -m portal.prodlike run $(PRODLIKE_ARGS)

# Fault drills on that stack (portal/faults.py): broker, worker, database, beat, web node,
# replica. Always on a PostgreSQL and a Redis of its own (it restarts the one and empties the
# other). DRILLS="broker web" for some.
DRILLS ?=
faults: $(SYNCED) nginx
	env -u DATABASE_URL -u DATABASE_REPLICA_URL -u REDIS_URL $(BIN)/python -m portal.faults $(DRILLS)

# Locust (deploy/load/) against that stack: LOAD_USERS simulated users for LOAD_TIME.
LOAD_USERS ?= 50
LOAD_TIME ?= 120s
load: $(SYNCED) nginx
	$(BIN)/python -m portal.prodlike load --users $(LOAD_USERS) --run-time $(LOAD_TIME)

# Debian's nginx, for the three above: installed when missing (as root), never started as a
# service (the stack runs its own, with its own configuration).
nginx:
	@if [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "nginx is missing: sudo apt-get install nginx" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	fi

# Extract every translatable string into the catalogue (needs GNU gettext's xgettext and
# msgmerge), then compile it. Translate the new and fuzzy entries in between and run it again.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='.data/*' --ignore='bench/*' --ignore='tests/*'
messages: $(SYNCED)
	$(BIN)/python manage.py makemessages --locale zh_Hans --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/pybabel compile --statistics -d locale -D django

clean-data:
	rm -rf .data

# Refreshes the vendored Apache ECharts from the npm registry: needs node/npm. The result is
# committed under static/vendor/echarts/, so a fresh machine still needs only Python.
ECHARTS_VERSION := 6.1.0
ECHARTS_DIR := static/vendor/echarts
.PHONY: assets
assets:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	npm pack --silent --ignore-scripts --pack-destination "$$tmp" echarts@$(ECHARTS_VERSION) >/dev/null; \
	tar -xzf "$$tmp/echarts-$(ECHARTS_VERSION).tgz" -C "$$tmp"; \
	mkdir -p $(ECHARTS_DIR); \
	cp "$$tmp/package/dist/echarts.min.js" "$$tmp/package/LICENSE" $(ECHARTS_DIR)/; \
	if [ -f "$$tmp/package/NOTICE" ]; then cp "$$tmp/package/NOTICE" $(ECHARTS_DIR)/; fi; \
	echo $(ECHARTS_VERSION) > $(ECHARTS_DIR)/VERSION; \
	echo "echarts $(ECHARTS_VERSION) -> $(ECHARTS_DIR)"
