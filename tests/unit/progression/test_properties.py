"""Safety invariants of the progression engine, over arbitrary logbooks (hypothesis)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakes import fake_catalogue, prescription
from legday.kit import Kit, kit_of
from legday.model import Equipment, Prescription, Profile
from legday.progression import (
    MAX_RPE,
    PAIN_SEEK_ADVICE,
    SetLog,
    max_rise,
    next_prescription,
    parse_load,
    sessions_of,
)
from thorough import examples

pytestmark = pytest.mark.slow  # long property runs

TODAY = date(2026, 6, 1)
CAT = fake_catalogue()
EXERCISES = ("reverse-lunge", "split-squat", "goblet-squat", "calf-raise", "side-plank")


def set_logs(exercise: str) -> st.SearchStrategy[SetLog]:
    return st.builds(
        SetLog,
        exercise=st.just(exercise),
        day=st.integers(0, 40).map(lambda n: TODAY - timedelta(days=n)),
        side=st.sampled_from(("left", "right", "both")),
        reps=st.none() | st.integers(0, 16) | st.integers(0, 100),
        load_kg=st.none() | st.sampled_from((0.0, 2.0, 4.5, 8.0, 10.0, 12.5, 20.0, 31.0)),
        seconds=st.none() | st.integers(0, 120),
        rpe=st.none() | st.sampled_from((5.0, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 10.0)),
        rir=st.none() | st.integers(0, 5) | st.integers(0, 10),
        form_ok=st.booleans(),
        pain=st.integers(0, 10) | st.just(0),
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Prescription, list[SetLog], int]:
    exercise = draw(st.sampled_from(EXERCISES))
    timed = exercise == "side-plank"
    p = prescription(
        exercise,
        sets=draw(st.integers(1, 4)),
        reps=None if timed else draw(st.integers(4, 15)),
        seconds=draw(st.integers(10, 60)) if timed else None,
        load=draw(st.sampled_from(("bodyweight", "6 kg dumbbells", "10 kg dumbbells", "24 kg"))),
        target_rpe=draw(st.integers(5, 10)),
    )
    history = draw(st.lists(set_logs(exercise), max_size=25))
    weeks_off = draw(st.sampled_from((0, 0, 0, 1, 2)))
    return p, history, weeks_off


def current_kg(p: Prescription, history: list[SetLog]) -> float:
    logs = sessions_of(history, p.exercise, TODAY)
    if logs and logs[-1].load:
        return logs[-1].load
    planned = parse_load(p.load)
    return planned.kg if planned else 0.0


def new_kg(p: Prescription) -> float:
    load = parse_load(p.load)
    return load.kg if load else 0.0


@settings(max_examples=examples(400))
@given(cases())
def test_target_effort_never_above_rpe_8(case: tuple[Prescription, list[SetLog], int]) -> None:
    p, history, weeks_off = case
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    assert change.prescription.target_rpe <= MAX_RPE
    assert change.reason


@settings(max_examples=examples(400))
@given(cases())
def test_load_never_rises_more_than_the_cap(case: tuple[Prescription, list[SetLog], int]) -> None:
    p, history, weeks_off = case
    before = current_kg(p, history)
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    after = new_kg(change.prescription)
    planned = parse_load(p.load)
    implement = planned.implement if planned else ""
    assert after <= before + max_rise(before, implement) + 1e-9
    assert after <= before * 1.10 + 1e-9


@settings(max_examples=examples(400))
@given(cases())
def test_nothing_rises_after_bad_form_high_effort_or_pain(
    case: tuple[Prescription, list[SetLog], int],
) -> None:
    p, history, weeks_off = case
    logs = sessions_of(history, p.exercise, TODAY)
    target = min(p.target_rpe, MAX_RPE)
    if not logs or logs[-1].good(target):
        return
    last = logs[-1]
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    assert new_kg(change.prescription) <= current_kg(p, history)
    assert change.prescription.exercise != "bulgarian-split-squat"  # never a harder variation
    if change.prescription.exercise == p.exercise and p.reps is not None:
        assert change.prescription.reps is not None
        assert change.prescription.reps <= max(last.min_reps or p.reps, 1)
    if change.prescription.exercise == p.exercise and p.seconds is not None:
        assert change.prescription.seconds is not None
        assert change.prescription.seconds <= (last.min_seconds or p.seconds)


@settings(max_examples=examples(400))
@given(cases())
def test_pain_4_or_more_regresses_or_holds_and_flags_advice(
    case: tuple[Prescription, list[SetLog], int],
) -> None:
    p, history, weeks_off = case
    logs = sessions_of(history, p.exercise, TODAY)
    if not logs or logs[-1].pain < PAIN_SEEK_ADVICE:
        return
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    assert change.seek_advice
    assert "physiotherapist or doctor" in change.reason
    regressions = CAT[p.exercise].regressions
    if regressions:
        assert change.prescription.exercise == regressions[0]
    else:
        assert change.prescription.exercise == p.exercise
        assert new_kg(change.prescription) <= current_kg(p, history)


@settings(max_examples=examples(200))
@given(cases(), st.randoms(use_true_random=False))
def test_deterministic_and_independent_of_log_order(
    case: tuple[Prescription, list[SetLog], int], rnd: random.Random
) -> None:
    p, history, weeks_off = case
    first = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    shuffled = list(history)
    rnd.shuffle(shuffled)
    assert next_prescription(p, shuffled, CAT, today=TODAY, weeks_off=weeks_off) == first


@settings(max_examples=examples(400))
@given(cases())
def test_reps_never_above_the_top_of_the_range(
    case: tuple[Prescription, list[SetLog], int],
) -> None:
    p, history, weeks_off = case
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    if p.reps is not None and change.prescription.reps is not None:
        assert change.prescription.reps <= p.reps + 2  # the default range is planned +- 2


@settings(max_examples=examples(400))
@given(cases())
def test_effort_two_above_target_always_lowers_whatever_the_form(
    case: tuple[Prescription, list[SetLog], int],
) -> None:
    p, history, weeks_off = case
    logs = sessions_of(history, p.exercise, TODAY)
    target = min(p.target_rpe, MAX_RPE)
    if not logs or (logs[-1].effort or 0) < target + 2 or not logs[-1].load:
        return
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    if change.prescription.exercise == p.exercise:
        assert new_kg(change.prescription) < current_kg(p, history)


@settings(max_examples=examples(400))
@given(cases())
def test_load_never_above_the_prescribed_after_a_session_that_was_not_good(
    case: tuple[Prescription, list[SetLog], int],
) -> None:
    p, history, weeks_off = case
    logs = sessions_of(history, p.exercise, TODAY)
    target = min(p.target_rpe, MAX_RPE)
    if not logs:
        return
    last = logs[-1]
    # went well as a block reads it: good form, no pain, within RPE 8 and a point of target
    effort = last.effort
    if last.form_ok and not last.pain and effort is not None and effort <= min(MAX_RPE, target + 1):
        return
    day = last.day
    then = next_prescription(p, history, CAT, today=day - timedelta(days=1)).prescription
    prescribed = parse_load(then.load)
    if prescribed is None:
        return
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off)
    assert new_kg(change.prescription) <= prescribed.kg + 1e-9


OWNED = kit_of(
    Profile(
        start=TODAY,
        equipment=frozenset({Equipment.BODYWEIGHT, Equipment.DUMBBELLS}),
        dumbbells_kg=(4.0, 8.0, 10.0, 12.5, 22.0),
    )
)
TYPICAL = kit_of(
    Profile(start=TODAY, equipment=frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL}))
)


@settings(max_examples=examples(400))
@given(cases(), st.sampled_from((OWNED, TYPICAL)))
def test_with_a_kit_a_new_load_is_owned_and_within_the_cap(
    case: tuple[Prescription, list[SetLog], int], kit: Kit
) -> None:
    p, history, weeks_off = case
    before = current_kg(p, history)
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off, kit=kit)
    after = change.prescription.load_kg or 0.0
    implement = change.prescription.implement
    one_step = kit.step_up(implement, before) or before  # the rack's next weight
    assert after <= max(before + max_rise(before, implement), one_step) + 1e-9
    if after > before + max_rise(before, implement) + 1e-9:  # a rack step past 10 %:
        assert (change.prescription.reps or 0) <= (p.reps or 0)  # the reps start lower
    assert after == new_kg(change.prescription)  # the number and the words agree
    logged = {s.load_kg for s in history} | {new_kg(p)}
    chosen = after not in logged and after > 0  # a rise or a drop, not a load already used
    if chosen and change.prescription.implement == "dumbbells":
        assert after in kit.dumbbells


@settings(max_examples=examples(400))
@given(cases(), st.sampled_from((OWNED, TYPICAL)))
def test_with_a_kit_effort_two_above_target_still_eases_off(
    case: tuple[Prescription, list[SetLog], int], kit: Kit
) -> None:
    p, history, weeks_off = case
    logs = sessions_of(history, p.exercise, TODAY)
    target = min(p.target_rpe, MAX_RPE)
    if not logs or (logs[-1].effort or 0) < target + 2 or not logs[-1].load:
        return
    change = next_prescription(p, history, CAT, today=TODAY, weeks_off=weeks_off, kit=kit)
    if change.prescription.exercise != p.exercise:
        return
    lighter = (change.prescription.load_kg or 0.0) < current_kg(p, history)
    shorter = (change.prescription.reps or 0) < (logs[-1].min_reps or p.reps or 0) or (
        change.prescription.seconds or 0
    ) < (logs[-1].min_seconds or p.seconds or 0)
    assert lighter or shorter or (change.prescription.reps or change.prescription.seconds) == 1
