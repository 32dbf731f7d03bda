# legday: `make run` and `make test` work on a fresh clone; they build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test services lint typecheck unit bench eval fuzz pictures catalogue clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/legday plan --runs src/legday/examples/marathon-plan.ics --start 2027-01-04 --weeks 18 \
		--injury shin-splints --equipment bodyweight,dumbbells,band,step

test: $(STAMP) services lint typecheck unit

# What the tests talk to: PostgreSQL for the logbook, Chromium for the pictures.
services:
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -n 2

bench: $(STAMP) services eval
	$(BIN)/python bench/run.py
	$(BIN)/python bench/logbook.py
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/hostile.py

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

# After editing src/legday/catalogue/data/*.toml: validate them all and rebuild bundle.json.
catalogue: $(STAMP)
	$(BIN)/python -m legday.catalogue

# Every exercise's still and animated SVG, and a contact sheet (HTML and PNG) to look at.
pictures: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m legday.pictures.sheet out/pictures --png

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
