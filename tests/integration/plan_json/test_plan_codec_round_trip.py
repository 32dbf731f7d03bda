"""One codec, `legday.plan/1`: every plan the planner makes comes back equal from it.

Equal means the whole `Plan`: profile, music, races, level, kit, time zone, care and the
logged strength days, so a reloaded plan is checked as the planner checked it.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta

import pytest
from bench.athletes import random_athlete
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.errors import StoreError
from legday.exports.ics import plan_to_ics
from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.model import Plan, StrengthDay
from legday.planner import make_plan
from legday.rules import check_plan
from legday.store.mapping import plan_document, plan_from_document
from mini_catalogue import mini_catalogue
from strategies import profiles, runs_for
from thorough import examples

pytestmark = pytest.mark.slow  # long property runs over whole plans

ROUND_TRIP = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ZONES = st.sampled_from([None, "Europe/Berlin", "America/New_York", "Australia/Sydney"])


@pytest.fixture(params=["mini", "packaged"], scope="module")
def catalogue(request: pytest.FixtureRequest) -> Catalogue:
    return mini_catalogue() if request.param == "mini" else load_catalogue()


def _through_text(plan: Plan) -> Plan:
    """Encode, write as JSON text (as the store and `-o plan.json` do), read, decode."""
    return plan_from_json(json.loads(json.dumps(plan_to_json(plan))), "memory")


def _assert_same(again: Plan, plan: Plan) -> None:
    # field by field first, so a failure names the part that came back different
    for name in Plan.__dataclass_fields__:
        assert getattr(again, name) == getattr(plan, name), name
    assert again == plan


@ROUND_TRIP
@given(data=st.data())
def test_a_random_plan_comes_back_equal(catalogue: Catalogue, data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=10))
    profile = replace(
        profile,
        timezone=data.draw(ZONES),
        age=data.draw(st.sampled_from([None, 55])),
        body_kg=data.draw(st.sampled_from([None, 58.5, 72.0])),
    )
    runs = data.draw(runs_for(profile.start, profile.weeks))
    # strength already trained: some days of the first week, and some before the plan
    logged = [
        StrengthDay(profile.start + timedelta(days=d), frozenset(data.draw(st.sets(
            st.sampled_from(sorted(e.id for e in catalogue)[:12]), max_size=3
        ))))
        for d in sorted(data.draw(st.sets(st.integers(-20, 6), max_size=3)))
    ]  # fmt: skip
    plan = make_plan(profile, runs, catalogue, done=logged)
    again = _through_text(plan)
    _assert_same(again, plan)
    assert list(check_plan(again, catalogue)) == list(plan.violations)


@pytest.mark.parametrize("seed", range(6))
def test_a_bench_athlete_plan_comes_back_equal(seed: int) -> None:
    catalogue = load_catalogue()
    profile, runs = random_athlete(random.Random(seed), weeks=26)
    plan = make_plan(profile, runs, catalogue)
    assert plan.sessions and any(s.music for s in plan.sessions)
    _assert_same(_through_text(plan), plan)


def test_the_plan_carries_its_time_zone() -> None:
    profile, runs = random_athlete(random.Random(1), weeks=4)
    plan = make_plan(replace(profile, timezone="Europe/Berlin"), runs, mini_catalogue())
    data = plan_to_json(plan)
    assert plan.timezone == "Europe/Berlin" and data["timezone"] == "Europe/Berlin"
    assert plan_from_json(data, "memory").timezone == "Europe/Berlin"
    floating = make_plan(profile, runs, mini_catalogue())
    assert floating.timezone is None and "timezone" not in plan_to_json(floating)


def test_an_ics_export_from_the_plan_file_is_zoned_without_tz() -> None:
    catalogue = load_catalogue()
    profile, runs = random_athlete(random.Random(2), weeks=2)
    plan = make_plan(replace(profile, timezone="America/New_York"), runs, catalogue)
    read = _through_text(replace(plan, profile=None))  # the zone is the plan's own
    text = plan_to_ics(read, catalogue, tz=None).decode("utf-8")
    assert "TZID=America/New_York" in text and "BEGIN:VTIMEZONE" in text
    floating = plan_to_ics(replace(read, timezone=None), catalogue, tz=None).decode("utf-8")
    assert "TZID=" not in floating


def test_a_damaged_stored_plan_is_one_line() -> None:
    profile, runs = random_athlete(random.Random(4), weeks=2)
    plan = make_plan(profile, runs, mini_catalogue())
    document = plan_document(plan)
    document["days"][3] = {"date": 7}
    with pytest.raises(StoreError) as caught:
        plan_from_document(plan.start, plan.end, document, plan.sessions)
    assert "\n" not in str(caught.value) and "stored plan" in str(caught.value)
