"""`History` and `PainTimeline` answer every day as re-reading the sets for that day would.

The look backs of progression ask them instead of the sets, so each answer is checked
against a plain reading of the sets on that very day (the pain rule written out as it was
before the timeline, and `logs.sessions_of`), over arbitrary logbooks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby

from hypothesis import given, settings
from hypothesis import strategies as st

from fakes import fake_catalogue
from legday.catalogue import Catalogue
from legday.model import Muscle
from legday.progression import (
    PAIN_SEEK_ADVICE,
    History,
    PainFlag,
    PainTimeline,
    SetLog,
    pain_flags,
    sessions_of,
)
from thorough import examples

CAT = fake_catalogue()
START = date(2026, 5, 1)
EXERCISES = ("reverse-lunge", "split-squat", "goblet-squat", "calf-raise", "side-plank", "mystery")


def flags_read_on(history: Sequence[SetLog], catalogue: Catalogue, today: date) -> list[PainFlag]:
    """The pain rule read from the sets up to `today` alone, day by day."""

    def muscles(exercise_id: str) -> tuple[Muscle, ...]:
        exercise = catalogue.get(exercise_id)
        return exercise.muscles if exercise is not None else ()

    flags: dict[Muscle, PainFlag] = {}
    mine = sorted((s for s in history if s.day <= today), key=lambda s: s.day)
    for day, group in groupby(mine, key=lambda s: s.day):
        sets = list(group)
        for muscle in list(flags):
            working = [s for s in sets if muscle in muscles(s.exercise)]
            if working and all(s.pain == 0 for s in working):
                del flags[muscle]
        for s in sorted(
            (s for s in sets if s.pain >= PAIN_SEEK_ADVICE), key=lambda s: (s.pain, s.exercise)
        ):
            main = muscles(s.exercise)[:1]
            if main:
                flags[main[0]] = PainFlag(main[0], s.exercise, day, s.pain)
    return sorted(flags.values(), key=lambda f: (-f.pain, f.muscle.value))


logbooks = st.lists(
    st.builds(
        SetLog,
        exercise=st.sampled_from(EXERCISES),
        day=st.integers(0, 30).map(lambda n: START + timedelta(days=n)),
        reps=st.just(8),
        rpe=st.sampled_from((6.0, 8.0)),
        pain=st.sampled_from((0, 0, 0, 2, 4, 7)),
    ),
    max_size=40,
)


@settings(max_examples=examples(300))
@given(logbooks)
def test_the_pain_timeline_is_the_pain_rule_on_every_day(history: list[SetLog]) -> None:
    timeline = PainTimeline.of(history, CAT)
    for n in range(-1, 33):
        day = START + timedelta(days=n)
        expected = flags_read_on(history, CAT, day)
        assert list(timeline.on(day)) == expected
        assert list(pain_flags(history, CAT, day)) == expected


@settings(max_examples=examples(300))
@given(logbooks)
def test_history_gives_each_days_sessions_and_last_day_trained(history: list[SetLog]) -> None:
    logs = History.of(history, CAT)
    for n in range(-1, 33):
        day = START + timedelta(days=n)
        for exercise in EXERCISES:
            assert logs.sessions_of(exercise, day) == sessions_of(history, exercise, day)
        before = max((s.day for s in history if s.day < day), default=None)
        assert logs.last_day_before(day) == before
