"""Care protocols are reviewed data: every condition has one, every routine is short, and
every exercise exists and is dosed the way the catalogue measures it."""

from __future__ import annotations

from importlib.resources import files
from itertools import pairwise

import pytest

from legday.care import CareProtocol, Frequency
from legday.care.loader import _check_exercises, load_protocols, read_protocol
from legday.catalogue.loader import load_catalogue
from legday.errors import CatalogueError
from legday.model import INJURIES
from legday.planner.care.routines import routine_seconds

CATALOGUE = load_catalogue()
PROTOCOLS = load_protocols(CATALOGUE)


def test_every_condition_has_a_protocol() -> None:
    assert set(PROTOCOLS) == set(INJURIES)


@pytest.mark.parametrize("protocol", PROTOCOLS.values(), ids=list(PROTOCOLS))
def test_routines_take_five_to_fifteen_minutes(protocol: CareProtocol) -> None:
    for stage in protocol.stages:
        for week in range(1, 27):  # every step of a stage whose dose rises
            minutes = routine_seconds(stage.items_in_week(week), CATALOGUE) / 60
            assert 5 <= minutes <= 15, (stage.name, week, minutes)
    assert routine_seconds(protocol.lightest, CATALOGUE) / 60 <= 8


@pytest.mark.parametrize("protocol", PROTOCOLS.values(), ids=list(PROTOCOLS))
def test_each_protocol_cites_its_evidence(protocol: CareProtocol) -> None:
    assert protocol.citations
    assert all(c.doi.startswith("10.") for c in protocol.citations)


@pytest.mark.parametrize("protocol", PROTOCOLS.values(), ids=list(PROTOCOLS))
def test_the_lightest_form_is_lighter_than_any_stage(protocol: CareProtocol) -> None:
    lightest = routine_seconds(protocol.lightest, CATALOGUE)
    assert all(lightest < routine_seconds(s.items, CATALOGUE) for s in protocol.stages)


def test_the_achilles_protocol_loads_every_other_day_then_heavy_three_times_a_week() -> None:
    """Beyer 2015: heavy slow raises three times a week did as well as daily heel drops;
    care on five days a week or more is hard to keep up, so no stage is daily and hard-run
    days rest the tendon."""
    achilles = PROTOCOLS["achilles"]
    assert not achilles.lightest_daily
    assert [stage.frequency for stage in achilles.stages] == [
        Frequency.EVERY_OTHER_DAY,
        Frequency.EVERY_OTHER_DAY,
        Frequency.THREE_A_WEEK,
    ]


def test_heavy_slow_calf_raises_get_heavier_within_their_stage_then_hold() -> None:
    """Beyer 2015: a 15-rep maximum in week 1 to a 6-rep maximum from week 9, then held;
    each step one owned weight heavier."""
    achilles = PROTOCOLS["achilles"]
    heavy = next(i for i in achilles.stages[-1].items if i.exercise == "heavy-slow-calf-raise")
    doses = [heavy.in_week(week) for week in range(1, 15)]
    reps = [d.reps or 0 for d in doses]
    assert reps[0] == 15 and reps[8:] == [6] * 6
    assert all(later <= earlier for earlier, later in pairwise(reps))
    assert len({(d.sets, d.reps, d.heavier) for d in doses}) == 5  # five steps, no more
    assert [d.heavier for d in doses] == sorted(d.heavier for d in doses)
    assert doses[0].heavier == 0 and doses[-1].heavier == 4 and all(d.loaded for d in doses)
    assert all(d.sets <= 4 for d in doses)


def test_the_last_stage_counts_its_weeks_on() -> None:
    achilles = PROTOCOLS["achilles"]  # three stages, three weeks each
    assert achilles.expected(1, 0) == (achilles.stages[0], 1)
    assert achilles.expected(1, 4) == (achilles.stages[1], 2)
    assert achilles.expected(1, 6) == (achilles.stages[2], 1)
    assert achilles.expected(1, 20) == (achilles.stages[2], 15)
    assert achilles.expected(3, 2) == (achilles.stages[2], 3)


def test_a_step_must_dose_as_the_catalogue_measures() -> None:
    text = (files("legday.care") / "protocols" / "achilles.toml").read_text(encoding="utf-8")
    broken = text.replace("week = 2\nsets = 3\nreps = 12", "week = 2\nsets = 3\nseconds = 30", 1)
    assert broken != text
    with pytest.raises(CatalogueError, match="doses it in reps"):
        _check_exercises("achilles.toml", read_protocol("achilles.toml", broken), CATALOGUE)


def test_plantar_care_starts_two_legged_before_the_one_legged_raise() -> None:
    first, second = PROTOCOLS["plantar-fascia"].stages[:2]
    assert "towel-heel-raise" in [i.exercise for i in first.items]
    assert "single-leg-towel-heel-raise" in [i.exercise for i in second.items]


def test_nordic_curls_start_at_two_sets_of_five() -> None:
    items = [i for s in PROTOCOLS["hamstring"].stages for i in s.items]
    nordic = next(i for i in items if i.exercise == "nordic-hamstring-curl")
    assert (nordic.sets, nordic.reps) == (2, 5)


def test_a_broken_protocol_names_its_file_and_field() -> None:
    text = (files("legday.care") / "protocols" / "achilles.toml").read_text(encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"^achilles.toml: max_pain: must be smaller"):
        read_protocol("achilles.toml", text.replace("max_pain = 5", "max_pain = 9"))
    with pytest.raises(CatalogueError, match=r"^achilles.toml: citations: is required$"):
        read_protocol("achilles.toml", text.split("[[citations]]")[0])
