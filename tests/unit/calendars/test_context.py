"""What the calendar as a whole settles: language, the week's long run, weekly repeats."""

from __future__ import annotations

from datetime import date, timedelta

from legday.calendars.classifier import read_event
from legday.calendars.context import calendar_language, settle
from legday.calendars.entry import UNSURE, Entry
from legday.model import RunKind

MONDAY = date(2027, 1, 4)


def _entry(day: date, title: str, minutes: int | None = None, *, kind: str = "") -> Entry:
    """An entry as a reader makes it: read by the classifier, or explicit (kind column)."""
    if kind:
        activity, run_kind = ("other", None) if kind == "other" else ("run", RunKind(kind))
        reason = "kind column"
        return Entry(
            day,
            title,
            activity,
            run_kind,
            None,
            None,
            minutes,
            reason,
            "t",
            1.0,
            None,
            explicit=True,
        )
    reading = read_event(title, minutes=minutes)
    return reading.entry(
        day,
        title,
        (reading.activity, reading.kind, reading.reason),
        None,
        None,
        minutes,
        "t",
        reading.priority,
    )


def _weeks(pattern: list[tuple[int, str]], weeks: int = 4) -> list[Entry]:
    return [
        _entry(MONDAY + timedelta(weeks=w, days=offset), title)
        for w in range(weeks)
        for offset, title in pattern
    ]


def test_language_comes_from_all_titles() -> None:
    assert calendar_language(["Footing 45'", "Sortie longue 1h30", "Repos"]) == "fr"
    assert calendar_language(["Easy run 30 min", "Long run 10 mi", "Rest day"]) == "en"
    assert calendar_language(["Rodaje suave", "Series 6 x 1000", "Descanso"]) == "es"
    assert calendar_language(["Dauerlauf locker", "Ruhetag", "Intervalle"]) == "de"
    assert calendar_language(["Cross"]) is None  # too few words tell


def test_cross_in_an_english_plan_is_cross_training() -> None:
    plan = _weeks([(0, "Rest day"), (1, "3 mi run"), (2, "Cross"), (5, "Long run 8 mi")])
    crosses = [e for e in settle(plan) if e.title == "Cross"]
    assert {(e.activity, e.kind) for e in crosses} == {("other", None)}


def test_cross_in_a_french_club_calendar_is_a_cross_country_race() -> None:
    club = _weeks([(1, "Footing 45'"), (3, "Séance piste 10 x 400"), (6, "Cross")])
    crosses = [e for e in settle(club) if e.title == "Cross"]
    assert {(e.kind, e.priority) for e in crosses} == {(RunKind.RACE, "C")}


def test_the_weeks_clearly_longest_run_is_the_long_run() -> None:
    plan = _weeks([(1, "3 mi run"), (2, "4 mi run"), (3, "3 mi run"), (5, "10 mi")])
    settled = settle(plan)
    assert {e.kind for e in settled if e.title == "10 mi"} == {RunKind.LONG}
    assert {e.kind for e in settled if e.title != "10 mi"} == {RunKind.EASY}
    assert all("longest run" in e.reason for e in settled if e.title == "10 mi")


def test_a_run_not_clearly_longer_stays_easy() -> None:
    # 40 min among 30-35 min runs: under the ratio and under the floor
    plan = _weeks([(1, "Run 30 min"), (3, "Run 35 min"), (5, "Run 40 min")])
    assert RunKind.LONG not in {e.kind for e in settle(plan)}


def test_an_explicit_reading_is_never_changed_by_context() -> None:
    week = [
        _entry(MONDAY + timedelta(days=1), "3 mi run"),
        _entry(MONDAY + timedelta(days=3), "3 mi run"),
        _entry(MONDAY + timedelta(days=5), "10 mi", kind="easy"),
        _entry(MONDAY + timedelta(days=6), "Cross", kind="other"),
    ]
    settled = settle(week)
    assert settled[2].kind is RunKind.EASY and settled[2].explicit
    assert settled[3].activity == "other"


def test_the_long_run_day_holds_the_long_run_in_other_weeks() -> None:
    weeks = _weeks([(1, "Easy 40 min"), (3, "Tempo 30 min"), (6, "Long run 90 min")], 4)
    odd = [
        _entry(MONDAY + timedelta(weeks=4, days=1), "Easy 40 min"),
        _entry(MONDAY + timedelta(weeks=4, days=6), "Sunday run"),  # no length, no effort
    ]
    settled = settle(weeks + odd)
    assert settled[-1].kind is RunKind.LONG
    assert "long-run day" in settled[-1].reason


def test_an_unsure_run_repeating_on_a_weekday_reads_like_its_sure_weeks() -> None:
    entries = [_entry(MONDAY + timedelta(weeks=w, days=2), "Club run", 45) for w in range(3)]
    entries.append(_entry(MONDAY + timedelta(weeks=3, days=2), "Club run"))  # no length
    assert entries[-1].confidence < UNSURE and entries[-1].kind is RunKind.HARD
    settled = settle(entries)
    assert settled[-1].kind is RunKind.EASY
    assert settled[-1].confidence >= UNSURE


def test_an_event_name_in_a_running_calendar_is_an_unsure_hard_run() -> None:
    plan = _weeks([(1, "Easy 5 km"), (3, "Tempo 30 min"), (6, "Long run 90 min")], 2)
    plan += [
        _entry(MONDAY + timedelta(days=12), "CAMOVI"),
        _entry(MONDAY + timedelta(days=9), "Haircut"),
    ]
    settled = {e.title: e for e in settle(plan)}
    assert (settled["CAMOVI"].kind, settled["CAMOVI"].confidence < UNSURE) == (
        RunKind.HARD,
        True,
    )
    assert settled["Haircut"].activity == "other"


def test_a_race_name_is_learned_from_the_bib_pick_up() -> None:
    plan = [
        _entry(MONDAY, "Retrait des dossards UTMB - Chamonix"),
        _entry(MONDAY + timedelta(days=2), "UTMB"),
    ]
    settled = settle(plan)
    assert settled[0].activity == "other"
    assert settled[1].kind is RunKind.RACE


def test_a_bare_track_distance_in_a_meet_calendar_is_a_race() -> None:
    meets = [
        _entry(MONDAY, "800m heat"),
        _entry(MONDAY + timedelta(days=1), "800m final"),
        _entry(MONDAY + timedelta(days=7), "1500m"),
    ]
    assert meets[2].kind is RunKind.HARD  # alone, an unsure hard run
    settled = settle(meets)
    assert (settled[2].kind, settled[2].priority) == (RunKind.RACE, "C")


def test_settle_is_pure_and_keeps_order() -> None:
    plan = _weeks([(1, "3 mi run"), (2, "4 mi run"), (3, "3 mi run"), (5, "10 mi")])
    before = list(plan)
    first = settle(plan)
    assert plan == before
    assert settle(plan) == first
    assert [e.day for e in first] == [e.day for e in plan]
    assert settle([]) == ()


def test_a_name_shared_with_logistics_weeks_apart_is_no_race() -> None:
    plan = [
        _entry(MONDAY, "Flight to Boston"),
        _entry(MONDAY + timedelta(days=30), "Boston Tea Party"),
    ]
    assert settle(plan)[1].kind is not RunKind.RACE


def test_two_run_weeks_find_the_long_run_only_with_a_clear_margin() -> None:
    short = _weeks([(2, "Run 5 km"), (6, "Run 14 km")])
    assert {e.kind for e in settle(short) if e.title == "Run 14 km"} == {RunKind.LONG}
    timed = _weeks([(2, "Run 30 min"), (6, "Run 75 min")])
    assert {e.kind for e in settle(timed) if e.title == "Run 75 min"} == {RunKind.LONG}
    # 1.5x the other run: enough among three runs, not against a single one
    close = _weeks([(2, "Run 40 min"), (6, "Run 60 min")])
    assert RunKind.LONG not in {e.kind for e in settle(close)}
    # a week of one run says nothing about its length
    alone = _weeks([(6, "Run 14 km")])
    assert RunKind.LONG not in {e.kind for e in settle(alone)}


def test_the_long_run_day_leaves_a_possible_race_unsure() -> None:
    weeks = _weeks([(1, "Easy 40 min"), (3, "Tempo 30 min"), (6, "Long run 90 min")], 4)
    race_week = [
        _entry(MONDAY + timedelta(weeks=4, days=1), "Easy 40 min"),
        _entry(MONDAY + timedelta(weeks=4, days=6), "Great North Run"),
        _entry(MONDAY + timedelta(weeks=5, days=1), "Easy 40 min"),
        _entry(MONDAY + timedelta(weeks=5, days=6), "5000m"),
    ]
    settled = settle(weeks + race_week)
    for entry in (settled[-3], settled[-1]):
        assert (entry.kind, entry.confidence < UNSURE) == (RunKind.HARD, True), entry.title
        assert "may be a race" in entry.reason


def test_a_race_word_repeating_weekly_is_a_hard_all_out_session() -> None:
    weeks = _weeks([(1, "Lockerer Dauerlauf 45 min"), (3, "Berglauf"), (6, "Langer Lauf 25 km")])
    assert {e.kind for e in weeks if e.title == "Berglauf"} == {RunKind.RACE}
    hills = [e for e in settle(weeks) if e.title == "Berglauf"]
    assert {(e.kind, e.all_out, e.priority) for e in hills} == {(RunKind.HARD, True, None)}
    assert all("weekly hard session" in e.reason for e in hills)


def test_a_race_twice_or_in_weeks_apart_stays_a_race() -> None:
    days = [MONDAY + timedelta(weeks=w, days=6) for w in (0, 1, 3, 4)]  # no 3 weeks in a row
    races = settle([_entry(day, "Berglauf") for day in days])
    assert {e.kind for e in races} == {RunKind.RACE}


def test_a_weekly_league_race_stays_a_c_race() -> None:
    league = settle(
        [_entry(MONDAY + timedelta(weeks=w, days=2), "Surrey League") for w in range(5)]
    )
    assert {(e.kind, e.priority) for e in league} == {(RunKind.RACE, "C")}


def test_a_tiny_calendar_does_not_settle_the_language() -> None:
    assert calendar_language(["Cross", "Repos"]) is None
    assert calendar_language(["Repos", "Footing 45'"]) is None  # two titles say too little
    tiny = settle([_entry(MONDAY, "Cross"), _entry(MONDAY + timedelta(days=1), "Repos")])
    assert tiny[0].activity == "other"
