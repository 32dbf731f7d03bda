# legday: `make run` and `make test` work on a fresh clone; they build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every version the venv gets, with hashes: `make lock` rewrites it from pyproject.toml.
LOCK := requirements-dev.txt

# The browser tests' front-end tools (axe-core) from the npm registry, exactly as locked in
# package-lock.json; nothing from node_modules is ever served to the browser.
NODE_STAMP := node_modules/.installed

.PHONY: run test test-all test-quick services lint typecheck unit lock bench eval fuzz pictures catalogue clean

# The lock first (exact versions, hash-checked), then legday itself without touching them;
# --no-index makes a pyproject.toml that asks for more than the lock holds fail here.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-index --no-build-isolation \
		-e '.[dev]' || { echo "legday needs more than $(LOCK) holds: run make lock" >&2; exit 1; }
	touch $(STAMP)

# Rewrite the lock for Python 3.11+ on any platform, keeping the pins that still fit;
# `make lock LOCK_ARGS=--upgrade` moves everything to the newest allowed versions.
UV_VERSION = $(shell sed -n 's/^uv==\([^ ]*\).*/\1/p' $(LOCK))
LOCK_ARGS ?=
lock:
	test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet "uv$(if $(UV_VERSION),==$(UV_VERSION))"; }
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" --quiet $(LOCK_ARGS) -o $(LOCK)

run: $(STAMP)
	$(BIN)/legday plan --runs src/legday/examples/marathon-plan.ics --start 2027-01-04 --weeks 18 \
		--injury shin-splints --equipment bodyweight,dumbbells,band,step

# Tests run on both cores (pytest-xdist). The Hypothesis profile (tests/conftest.py) sets how
# far each test goes: `dev` on a laptop (a quarter of every property's examples, a sample of
# each corpus), `ci` when CI=true or HYPOTHESIS_PROFILE=ci (everything in full).
# `make test` under `dev` leaves out the tests marked `slow` (long properties, fuzzing, killed
# processes, simulated athletes, whole corpora, Chromium) to stay near 2 minutes here;
# under `ci` (CI=true, HYPOTHESIS_PROFILE=ci, .ci/run) it runs every test. `make test-all` is
# the thorough run CI makes: every test, `ci` profile. docs/testing.md has the numbers.
PROFILE = $(shell $(BIN)/python tests/thorough.py)
test: MARKS = $(if $(filter dev,$(PROFILE)),-m "not slow")
test: $(STAMP) services lint typecheck unit

test-all: export HYPOTHESIS_PROFILE = ci
test-all: $(STAMP) services lint typecheck unit

# The edit-run loop: no lint, no long tests (`slow`), no PostgreSQL.
test-quick: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q -n $(WORKERS) $(DIST) -m "not slow and not postgres" $(PYTEST_ARGS)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

# What the tests talk to: PostgreSQL for the logbook, Chromium for the pictures and the
# browser tests (Debian's package, driven by Playwright: no `playwright install`).
services:
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest's own exit codes pass through: 5 (no test collected) fails the target like a failure.
# MARKS is what `make test` leaves out (above); `make unit` alone runs whatever PYTEST_ARGS
# name, `slow` or not, and a `-m` in PYTEST_ARGS comes last, so it wins.
WORKERS ?= 2
PYTEST_ARGS ?=
MARKS ?=
# Each worker takes whole test modules (loadscope), so a module's shared starting point (the
# plans a planner module builds once, the onboarded logbook of a web module) is built by one
# worker, not by both: 10 % less CPU than handing out single tests.
DIST = --dist loadscope
unit: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q -n $(WORKERS) $(DIST) $(MARKS) $(PYTEST_ARGS)

# The tests keep Python's bytecode caches (__pycache__, ignored by git) even where the
# environment turns them off (PYTHONDONTWRITEBYTECODE, as in this container): without them
# each worker rewrote the asserts of every test module on every run (7 s of CPU a worker,
# 2.6 s with the cache), and each `legday` process a test starts compiled legday again.
unit test-quick: export PYTHONDONTWRITEBYTECODE =

bench: $(STAMP) services eval
	$(BIN)/python bench/run.py
	$(BIN)/python bench/logbook.py
	$(BIN)/python bench/warm.py
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/hostile.py
	bash scripts/ensure-wrk.sh
	$(BIN)/python bench/web.py

# How well calendars are read: the labelled corpus (tests/data/calendar-corpus) scored;
# `$(BIN)/python bench/classify_eval.py --misses` lists every misread row.
eval: $(STAMP)
	$(BIN)/python bench/classify_eval.py
	@echo; echo "held-out set (measured, never tuned on; tests/data/calendar-holdout/README.md):"
	$(BIN)/python bench/classify_eval.py tests/data/calendar-holdout/*.csv

# The calendar readers' fuzz targets for minutes, against the 2 s target (issue 12);
# prints the slowest inputs. Each target reads for FUZZ_SECONDS or FUZZ_EXAMPLES inputs.
FUZZ_SECONDS ?= 120
FUZZ_EXAMPLES ?= 5000
fuzz: $(STAMP)
	LEGDAY_FUZZ_SECONDS=$(FUZZ_SECONDS) LEGDAY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) LEGDAY_FUZZ_LIMIT=2 \
		$(BIN)/pytest -q -s -p no:cacheprovider tests/integration/calendars/test_calendars_fuzz.py
	$(BIN)/pytest -q -p no:cacheprovider -n 0 -m slow tests/integration/plan_json/test_plan_json_hostile.py \
		tests/integration/store/test_backup_validation.py tests/unit/profiles/test_profile_kinds_fuzz.py

# After editing src/legday/catalogue/data/*.toml or src/legday/care/protocols/*.toml: validate
# them all and rebuild the two bundle.json files.
catalogue: $(STAMP)
	$(BIN)/python -m legday.catalogue

# Every exercise's still and animated SVG, and a contact sheet (HTML and PNG) to look at.
pictures: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m legday.pictures.sheet out/pictures --png

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis node_modules test-artifacts
