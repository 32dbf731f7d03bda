"""Time trials: a hard run that is an all-out effort though not a race (`all_out`).

The flag is set when a time-trial word decided the hard kind, in every table language;
parkrun (a weekly hard effort) and a session of several efforts do not get it, and an
override that changes the kind clears it.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources

import pytest

from legday.calendars import context
from legday.calendars.classifier import CONFIDENCE, normalize, read_event
from legday.calendars.entry import Calendar, Entry
from legday.model import RunKind

DAY = date(2027, 3, 4)


@pytest.mark.parametrize(
    "title",
    [
        "Time trial 5 km",
        "5k time trial",
        "TT 3 mi",
        "Test 5 km",
        "Fitness test",
        "Zeitlauf 3000 m",
        "Testlauf 10 km",
        "1500 m Zeitlauf",
        "Leistungstest",
        "Test VMA",
        "Contrôle 3000 m",
        "Chrono 10 km",
        "Demi-Cooper",
        "Contrarreloj 5 km",
        "Control 3000 m",
        "10K de control",
        "Evaluación 2000 m",
    ],
)
def test_a_time_trial_is_a_hard_run_run_all_out(title: str) -> None:
    reading = read_event(title)
    assert (reading.activity, reading.kind) == ("run", RunKind.HARD), reading.reason
    assert reading.all_out, reading.reason
    assert reading.priority is None  # not a race: no race week, no taper
    assert "a time trial" in reading.reason


@pytest.mark.parametrize(
    "title",
    [
        "parkrun",
        "Parkrun 5k",
        "junior parkrun",
        "Tempo 20 min",
        "Intervals 6 x 800 m",
        "Test 3 x 1 km",  # several efforts: a session, not one trial
        "Fartlek 40'",
        "Seuil 3 x 10 min",
        "Series 10 x 400",
        "Tempodauerlauf 8 km",
    ],
)
def test_parkrun_and_workouts_stay_plain_hard_runs(title: str) -> None:
    reading = read_event(title)
    assert reading.kind is RunKind.HARD, reading.reason
    assert not reading.all_out, reading.reason


@pytest.mark.parametrize("title", ["Easy 5 km", "Marathon", "Blood test", "Long run 20 km"])
def test_only_a_hard_run_can_be_all_out(title: str) -> None:
    assert not read_event(title).all_out


def test_a_coaching_apps_time_trial_uid_hint_is_all_out() -> None:
    assert read_event("Run", uid="plan_week_3_TIME_TRIAL_1").all_out
    assert not read_event("Run", uid="plan_week_3_PARKRUN_1").all_out


def test_every_time_trial_word_is_a_hard_keyword() -> None:
    """A word in [time_trial] that no category lists would never decide anything."""
    text = resources.files("legday.calendars").joinpath("keywords.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    hard = {
        normalize(word.rstrip("*"))
        for lang in ("en", "de", "fr", "es")
        for word in raw[lang].get("hard", [])
    }
    words = [w for lang, items in raw["time_trial"].items() if lang != "uid" for w in items]
    assert words and all(normalize(w) in hard for w in words)
    assert "parkrun" not in {normalize(w) for w in words}


def _entry_of(title: str, answer: tuple[str, RunKind | None, str] | None = None) -> Entry:
    reading = read_event(title)
    own = (reading.activity, reading.kind, reading.reason)
    return reading.entry(
        DAY, title, answer or own, None, None, None, "plan.csv:line 2", reading.priority
    )


def test_the_reading_carries_the_flag_into_the_entry_and_the_run() -> None:
    entry = _entry_of("Zeitlauf 3000 m")
    assert entry.all_out and not entry.explicit
    (run,) = Calendar((entry,), None).runs()
    assert run.all_out and run.kind is RunKind.HARD


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        (("run", RunKind.EASY, "kinds.toml: date 2027-03-04 = easy"), False),
        (("run", RunKind.RACE, "kinds.toml: title = race"), False),
        (("other", None, "kinds.toml: title = other"), False),
        (("run", RunKind.HARD, "kinds.toml: title = hard"), True),  # the athlete agrees
    ],
)
def test_an_override_that_changes_the_kind_clears_the_flag(
    answer: tuple[str, RunKind | None, str], kept: bool
) -> None:
    entry = _entry_of("Control 3000 m", answer)
    assert entry.explicit and entry.kind is answer[1]
    assert entry.all_out is kept
    assert all(r.all_out is kept for r in Calendar((entry,), None).runs())


def test_a_run_made_easy_by_hand_loses_the_flag_on_its_way_to_the_planner() -> None:
    """Even an entry built by hand with a stale flag gives the core no easy time trial."""
    entry = replace(_entry_of("Time trial 5 km"), kind=RunKind.EASY)
    (run,) = Calendar((entry,), None).runs()
    assert not run.all_out


def _week_of(titles: list[str], first: date = DAY) -> list[Entry]:
    return [_entry_of_day(t, first + timedelta(days=i)) for i, t in enumerate(titles)]


def _entry_of_day(title: str, day: date) -> Entry:
    return replace(_entry_of(title), day=day)


def test_calendar_context_keeps_the_flag_where_it_keeps_the_kind() -> None:
    titles = ["Footing 40 min", "Séance VMA 10 x 400 m", "Contrôle 3000 m", "Footing 45 min"]
    titles += ["Sortie longue 1h30", "Repos", "Fractionné 6 x 1000 m"]
    settled = context.settle(_week_of(titles * 3))
    trials = [e for e in settled if "Contrôle" in e.title]
    assert len(trials) == 3 and all(e.all_out and e.kind is RunKind.HARD for e in trials)
    assert not any(e.all_out for e in settled if "Contrôle" not in e.title)


def test_a_repeated_title_read_again_by_context_follows_its_sure_occurrences() -> None:
    """An unsure occurrence of a weekly time trial reads like the sure ones, flag and all."""
    weeks = [_entry_of_day("TT", DAY + timedelta(weeks=w)) for w in range(3)]
    doubtful = replace(weeks[2], confidence=CONFIDENCE["guess"], all_out=False)
    easy = [_entry_of_day("Easy 40 min", DAY + timedelta(weeks=w, days=1)) for w in range(3)]
    settled = context.settle([weeks[0], weeks[1], doubtful, *easy])
    assert [e.all_out for e in settled[:3]] == [True, True, True]
    assert settled[2].confidence < CONFIDENCE["title"]
