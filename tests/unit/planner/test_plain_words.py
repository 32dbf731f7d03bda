"""Words a runner understands (issue 13 item 11), after a coach read three plans (a
beginner, a 10K racer, a half marathoner with runner's knee): exercises counted as
one-legged that are not, "Building up over the next weeks" two days before a race, and gym
jargon ("kickstand", "block 2 of 3") in a beginner's plan. bench/plain_words.py counts each
over random athletes (docs/planner.md 3.19); here they must find nothing.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from bench.athletes import random_athlete
from bench.plain_words import (
    athletes,
    beginners,
    jargon,
    one_legged_misses,
    race_blind,
    wrongly_one_legged,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_athletes import B_RACE, half_marathoner
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.exports.markdown import plan_to_markdown
from legday.model import Equipment, Phase, Plan, Race
from legday.planner import make_plan, words
from legday.planner.care.first_times import Climbing, Outlook, climb_note
from legday.planner.season import _around_a_race
from strategies import profiles, runs_for
from thorough import plan_examples

PROPERTY = settings(
    max_examples=plan_examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUNDAY = date(2027, 2, 21)
C_RACE = Race(SUNDAY, "C", "club 5K")
B_10_MILE = Race(SUNDAY, "B", "10 mile")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def plans(catalogue: Catalogue) -> list[tuple[str, Plan]]:
    """The coach's runner's-knee half marathoner and bodyweight beginner, 12 random
    athletes and 6 of the coach's kinds (half, ultra, track)."""
    return [
        (name, make_plan(profile, runs, catalogue)) for name, profile, runs in athletes(12, seed=5)
    ]


# -- one-legged ------------------------------------------------------------------------


def test_nothing_counts_as_one_legged_that_is_not(plans: list[tuple[str, Plan]]) -> None:
    """Before: 860 of 92 plans' prescriptions (clamshells, short foot, side plank with leg
    lift) counted toward the one-legged rule."""
    assert [line for _, plan in plans for line in wrongly_one_legged(plan)] == []


def test_the_coachs_runners_meet_the_one_legged_target(plans: list[tuple[str, Plan]]) -> None:
    """The half marathoner's knee care (clamshells, side-lying raises) no longer counts as
    one-legged, and her sessions still meet the target; so do the beginner's."""
    coach = dict(plans[:2])
    assert [line for plan in coach.values() for line in one_legged_misses(plan)] == []


def test_athletes_without_a_barbell_or_care_meet_the_one_legged_target(
    catalogue: Catalogue,
) -> None:
    """Without a barbell's heavy two-legged anchors or care work that has no one-legged
    form, the composer's swaps meet the target: at most 1 % of sessions miss it (5 of
    1,069 sessions over the bench's athletes)."""
    rng = random.Random(21)
    sessions = misses = 0
    while sessions < 250:
        profile, runs = random_athlete(rng, 12)
        if Equipment.BARBELL in profile.equipment:
            continue
        plan = make_plan(replace(profile, injuries=()), runs, catalogue)
        sessions += len(plan.sessions)
        misses += len(list(one_legged_misses(plan)))
    assert misses <= 0.01 * sessions, (misses, sessions)


# -- words about the coming weeks --------------------------------------------------------


def test_no_building_words_before_a_race_or_in_a_taper_or_recovery_week(
    plans: list[tuple[str, Plan]],
) -> None:
    """Before: 84 texts over 92 plans (care's "Building up over the next weeks" in
    recovery weeks and days before races, base weeks' "building strength" before a C
    race, week notes promising to build strength in a week with a race)."""
    assert [f"{name}: {line}" for name, plan in plans for line in race_blind(plan)] == []


@PROPERTY
@given(data=st.data())
def test_drawn_athletes_speak_of_the_race_ahead(catalogue: Catalogue, data: st.DataObject) -> None:
    profile = data.draw(profiles(max_weeks=10))
    plan = make_plan(profile, data.draw(runs_for(profile.start, profile.weeks)), catalogue)
    assert list(race_blind(plan)) == []


def test_care_two_days_before_the_coachs_b_race_speaks_of_it(catalogue: Catalogue) -> None:
    """The coach's case: a care routine days before the half marathoner's 10 mile B race
    said "Building up over the next weeks"."""
    profile, runs = half_marathoner()
    plan = make_plan(profile, runs, catalogue)
    before = [r for r in plan.care if 0 < (B_RACE - r.day).days <= 7]
    assert before
    for routine in before:
        assert "over the next weeks" not in routine.why
    # held below a dose ("(the stage's dose is ...)", the lightest form's), or climbing
    climbing = [r for r in before if "dose is" in r.why or " today)" in r.why]
    assert climbing
    assert all("Before your B race (10 mile) on Sunday" in r.why for r in climbing)


CLIMB = [Climbing("wall sit", "4 × 30 s", "3 × 30 s")]


@pytest.mark.parametrize(
    ("ahead", "held", "eased", "said", "promised"),
    [
        (Outlook(Phase.BASE), False, False, "Building up over the next weeks: wall sit to", ""),
        (
            Outlook(Phase.RACE, B_10_MILE),
            True,
            False,
            "Before your B race (10 mile) on Sunday: wall sit at 3 × 30 s (the stage's dose",
            "no dose goes past what you have done so far until after it",
        ),
        (
            Outlook(Phase.PEAK, B_10_MILE),
            False,
            False,
            "Before your B race (10 mile) on Sunday: wall sit to 4 × 30 s (3 × 30 s today)",
            "in the race's week no dose goes past",
        ),
        (
            Outlook(Phase.BASE, C_RACE),
            False,
            False,
            "Around your C race (club 5K) on Sunday: wall sit to",
            "never on the race day",
        ),
        (Outlook(Phase.TAPER, B_10_MILE), True, True, "Taper: wall sit at 3 × 30 s", "fresh"),
        (Outlook(Phase.RECOVERY), False, True, "A lighter week: wall sit at", "nothing climbs"),
        (Outlook(Phase.OFF_SEASON), True, False, "Back after your race: wall sit to", ""),
    ],
)
def test_the_climb_speaks_of_what_the_calendar_holds(
    ahead: Outlook, held: bool, eased: bool, said: str, promised: str
) -> None:
    note = climb_note(CLIMB, ahead, held=held, eased=eased)
    assert note.startswith(said)
    assert promised in note
    if ahead.race is not None or eased:
        assert "next weeks" not in note and "Building" not in note


def test_a_building_week_speaks_of_a_race_ahead() -> None:
    friday = SUNDAY - timedelta(days=2)
    said = words.why(friday, [], Phase.BASE, race_ahead=C_RACE)
    assert "base week, your C race (club 5K) on Sun: strength goes on" in said
    assert "build" not in said
    plain = words.why(friday, [], Phase.BASE)
    assert "building strength alongside your regular running" in plain
    after = words.why(friday, [], Phase.OFF_SEASON, after=B_10_MILE, race_ahead=C_RACE)
    assert "fresh for the race ahead" in after and "building" not in after


def test_a_week_with_a_c_race_says_so_instead_of_building() -> None:
    assert _around_a_race("no race ahead: build strength while running is lighter") == (
        "no goal race ahead: strength goes on around the race, fresh legs for it first"
    )
    note = "base, 14 weeks before the A race (marathon) on Sun 18 Apr: build strength while"
    assert "build" not in _around_a_race(note + " runs are mostly easy").split(": ", 1)[1]
    kept = "build, 5 weeks before the A race: maintain strength alongside hard running"
    assert _around_a_race(kept) == kept


# -- jargon in a beginner's plan -----------------------------------------------------------


def test_a_beginners_plan_speaks_plainly(catalogue: Catalogue) -> None:
    """The coach's bodyweight beginner and four random beginners: no "kickstand", no
    "week 2 of 3 in block 1", no "hinge" in a session's title, no "eccentric", "doming",
    "dorsiflexion" or "adduction", a jump tempo's X explained, and an exercise guide that
    says what each exercise is (before: 2,647 such words over 21 beginners' plans)."""
    found = [
        f"{name}: {line}"
        for name, profile, runs in beginners(4, seed=11)
        for line in jargon(make_plan(profile, runs, catalogue), catalogue)
    ]
    assert found == []


def test_a_beginner_is_told_what_a_block_is() -> None:
    monday = date(2027, 1, 4)
    first = words.why(monday, [], Phase.BASE, block=(2, 1, 3), plain=True)
    assert "week 1 of 3: the same main lifts for these weeks, each a little harder" in first
    later = words.why(monday, [], Phase.BASE, block=(2, 2, 3), plain=True)
    assert "week 2 of 3 with the same main lifts" in later
    assert "block" not in first + later
    # a runner who has lifted before keeps the block's number
    assert "week 2 of 3 in block 2" in words.why(monday, [], Phase.BASE, block=(2, 2, 3))


def test_a_beginners_build_week_builds_strength() -> None:
    """A runner new to lifting has no strength to keep yet (the week's note said "build
    strength gently", its sessions "keeping strength")."""
    monday = date(2027, 1, 4)
    assert "keeping strength" in words.why(monday, [], Phase.BUILD)
    assert "building strength gently" in words.why(monday, [], Phase.BUILD, plain=True)


def test_renamed_exercises_keep_their_ids(catalogue: Catalogue) -> None:
    """Logs and exports key on ids: the names change, the ids stay."""
    renamed = {
        "kickstand-rdl": "Staggered-stance Romanian deadlift",
        "eccentric-heel-drop": "Slow heel drop",
        "bent-knee-eccentric-heel-drop": "Bent-knee slow heel drop",
        "band-dorsiflexion": "Banded ankle pull (toes toward the shin)",
        "side-lying-adduction": "Side-lying inner-thigh lift",
        "short-foot": "Short foot (arch lift)",
    }
    assert {exercise: catalogue[exercise].name for exercise in renamed} == renamed


def test_the_guide_says_what_each_exercise_is(catalogue: Catalogue) -> None:
    profile, runs = athletes(0)[1][1:]
    text = plan_to_markdown(make_plan(profile, runs, catalogue), catalogue)
    guide = text.split("## Exercise guide", 1)[1]
    assert "### Staggered-stance Romanian deadlift\n\nBending forward from the hips" in guide
    assert "X means as fast as you can" in text
