"""Twelve weeks of a scripted athlete through the real planner, services and database:
realistic sets, some bad form, some pain, a missed week. Loads rise only under the rules.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from fakes import prescription
from legday.model import Equipment, Prescription, Profile
from legday.progression import Change, SetLog, max_rise, next_prescription, parse_load
from legday.services import Logbook

START = date(2027, 1, 4)
MISSED_WEEK = 6  # weeks are 0-based; week 3 and 7 are recovery weeks by default
PAIN_SESSION = 9  # the athlete's 9th session hurts (goblet squat, 5/10)
SUMMARY: list[str] = []  # what happened, for a reader running with -s
GOBLET = replace(prescription("goblet-squat", reps=8, load="10 kg dumbbells"), per_side=False)


def perform(p: Prescription, day: date, rng: random.Random, *, hurt: bool) -> list[SetLog]:
    """The athlete does what is prescribed; form slips now and then, effort varies a bit."""
    planned = parse_load(p.load)
    kg = planned.kg if planned else (10.0 if "weight you could lift" in p.load else None)
    form_ok = rng.random() > 0.06  # a sloppy session now and then
    rpe = p.target_rpe - 0.5 if rng.random() > 0.1 else p.target_rpe + 1.0  # a hard day
    return [
        SetLog(p.exercise, day, "both", p.reps, kg, p.seconds, rpe, None, form_ok, 5 if hurt else 0)
        for _ in range(p.sets)
    ]


def test_twelve_weeks_loads_rise_only_under_the_rules(logbook: Logbook) -> None:
    rng = random.Random(20270104)
    equipment = frozenset({Equipment.BODYWEIGHT, Equipment.WALL, Equipment.DUMBBELLS})
    profile = Profile(start=START, weeks=12, sessions=2, equipment=equipment)
    logbook.add_athlete("sim", profile, [], START)
    goblet_changes: list[tuple[date, Change]] = []
    done = 0
    for offset in range(12 * 7):
        day = START + timedelta(days=offset)
        view = logbook.today("sim", day)
        if view.session is None:
            continue
        if offset // 7 == MISSED_WEEK:
            logbook.skip("sim", day, day, "ill")
            continue
        done += 1
        change = logbook.next_for("sim", GOBLET, day)
        goblet_changes.append((day, change))
        logged = perform(change.prescription, day, rng, hurt=done == PAIN_SESSION)
        for p in view.session.main:
            logged += perform(p, day, rng, hurt=False)
        logbook.log("sim", logged)

    history = [
        s for p in logbook.history("sim", START, START + timedelta(weeks=12)) for s in p.sets
    ]
    rises = 0
    for exercise in {s.exercise for s in history}:
        by_day: dict[date, list[SetLog]] = {}
        for s in history:
            if s.exercise == exercise:
                by_day.setdefault(s.day, []).append(s)
        days = sorted(by_day)
        loads = [max((s.load_kg or 0.0) for s in by_day[d]) for d in days]
        for i in range(1, len(days)):
            if loads[i] <= loads[i - 1]:
                continue
            rises += 1
            assert i >= 2, f"{exercise} rose after a single session"
            before = [by_day[days[i - 1]], by_day[days[i - 2]]]
            assert loads[i - 1] == loads[i - 2], f"{exercise}: two sessions at one load first"
            for sets in before:
                assert all(s.form_ok and s.pain == 0 and (s.rpe or 10) <= 8 for s in sets), (
                    f"{exercise} rose on {days[i]} after a session with bad form, pain or effort"
                )
            assert loads[i] - loads[i - 1] <= max_rise(loads[i - 1], "dumbbells") + 1e-9
            first_at_load = next(d for d, kg in zip(days, loads, strict=True) if kg == loads[i - 1])
            assert (days[i] - first_at_load).days >= 7, f"{exercise}: one rise a week at most"
    assert rises >= 1, "a consistent athlete does progress"

    pain_day, after_pain = goblet_changes[PAIN_SESSION]
    assert after_pain.seek_advice and after_pain.prescription.exercise == "bodyweight-squat"
    assert "physiotherapist" in after_pain.reason
    missed = [c for d, c in goblet_changes if d >= START + timedelta(weeks=MISSED_WEEK + 1)]
    assert missed and "Back after a missed session" in missed[0].reason
    performed = logbook.history("sim", START, START + timedelta(weeks=12))
    skipped = [p.day for p in performed if p.status == "skipped"]
    assert skipped and all((d - START).days // 7 == MISSED_WEEK for d in skipped)
    assert pain_day > START
    SUMMARY.extend(f"{d} {c.prescription.exercise} {c.prescription.load} {c.prescription.reps}: "
                   f"{c.reason}" for d, c in goblet_changes)  # fmt: skip
    SUMMARY.append(f"load rises: {rises}")
    # the engine and the stored history agree: the same inputs give the same decision
    same = next_prescription(GOBLET, [], logbook.catalogue, today=START)
    assert same.prescription.load == "10 kg dumbbells"


def teardown_module() -> None:
    print("\n".join(SUMMARY))
