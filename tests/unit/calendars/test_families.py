"""Families of misreads the classifier reads right, one entry at a time (docs/calendars.md).

Each family is tested with titles in the shapes plan books, apps, clubs and federations
write, in several languages, never one title per rule.
"""

from __future__ import annotations

import pytest

from legday.calendars.classifier import (
    CONFIDENCE,
    read_event,
    title_minutes,
)
from legday.calendars.entry import UNSURE
from legday.model import RunKind

E, H, L, R, REST = RunKind.EASY, RunKind.HARD, RunKind.LONG, RunKind.RACE, RunKind.REST


def _is(title: str, activity: str, kind: RunKind | None) -> None:
    got = read_event(title)
    assert (got.activity, got.kind) == (activity, kind), f"{title!r}: {got.reason}"


@pytest.mark.parametrize(
    "title",
    [
        "Cross-train 30 min",
        "XT",
        "XT 45'",
        "Cross training",
        "Crosstrain 40 min",
        "Cross",
        "Cross 40 min",
        "Elliptical 30 min",
        "Aqua jogging 30'",
        "Pool running 40 min",
    ],
)
def test_cross_training_is_other_not_a_cross_country_race(title: str) -> None:
    _is(title, "other", None)


@pytest.mark.parametrize(
    "title",
    [
        "County XC Champs",
        "Cross de Lyon",
        "Cross du Figaro",
        "Campeonato de España de Cross",
        "XC League Match 2",
        "Cross League",
        "Kreis Crosslauf",
        "Cross-country régional",
    ],
)
def test_cross_next_to_race_words_is_a_c_race(title: str) -> None:
    got = read_event(title)
    assert (got.kind, got.priority) == (R, "C"), got.reason


def test_cross_alone_is_a_race_in_a_french_or_spanish_calendar() -> None:
    assert read_event("Cross", lang="fr").kind is R
    assert read_event("Cross", lang="es").priority == "C"
    assert read_event("Cross", lang="en").activity == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Saturday parkrun",
        "parkrun",
        "Parkrun 5k",
        "5K time trial",
        "TT 3 km",
        "Control 3000 m",
        "Testlauf 5 km",
        "Test 5 km",
        "Test VMA",
        "Zeitlauf 3000 m",
    ],
)
def test_parkrun_and_time_trials_are_hard_workouts(title: str) -> None:
    _is(title, "run", H)


def test_a_test_without_running_is_not_a_run() -> None:
    _is("Blood test", "other", None)


@pytest.mark.parametrize(
    "title",
    [
        "BMC Grand Prix 1500m",
        "800m final",
        "3000m SC heat",
        "5000m Vorlauf",
        "1500 m Endlauf",
        "Meeting 1500m",
        "Mile final",
        "Diamond League",
        "Surrey League Match 2",
        "Conference Indoor Championships - 5000m",
        "Mitin 800 m",
        "4x400m relay meet",
    ],
)
def test_track_meets_that_never_say_race_are_c_races(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind, got.priority) == ("run", R, "C"), got.reason


@pytest.mark.parametrize(
    "title",
    ["10,000m final", "10 000 m finale", "Meeting 3.000 m", "1,500m heat", "5 000 m Vorlauf"],
)
def test_track_distances_with_a_thousands_separator_are_read_whole(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind, got.priority) == ("run", R, "C"), got.reason


@pytest.mark.parametrize("title", ["Run 10,5 km", "Tempo 2 x 3,000 m", "200,400,600m"])
def test_decimals_and_lists_are_not_thousands(title: str) -> None:
    assert read_event(title).kind is not R


@pytest.mark.parametrize(
    "title",
    [
        "6x800m",
        "6 x 800 m final set",
        "Race sharpener 6 x 400",
        "XC session: 6 x 3 min",
        "Berglauf 8 x 2 min bergauf",
        "Team meeting",
        "Final exam",
    ],
)
def test_repetitions_and_everyday_meet_words_are_not_races(title: str) -> None:
    assert read_event(title).kind is not R, read_event(title).reason


@pytest.mark.parametrize(
    "title",
    [
        "2x(600,400,300,200)",
        "(400-800-1200-800-400)",
        "1000/800/600/400",
        "3 x 2 mi",
        "4x1 mile",
        "Run 5 x 3 min",
        "Fraccionado 6 x 3 min",
        "Endurance active 4 x 6 mn",
        "Footing 1h05 dont 3 x 8′ un peu plus vite",
    ],
)
def test_bracketed_ladder_and_timed_repetitions_in_a_run_are_hard(title: str) -> None:
    _is(title, "run", H)


@pytest.mark.parametrize(
    "title",
    [
        "5 mi pace",
        "5 m pace",
        "10K pace",
        "MP 10",
        "HMP 8",
        "LT 8 w/ 4 @ 15K to HM pace",
        "Strength: 3 x 2 mi @ MP-10s",
        "Strength 6 x 1 mi",
        "Strength 4 x 1.5 mi",
    ],
)
def test_race_pace_shorthand_and_hansons_strength_are_hard_runs(title: str) -> None:
    _is(title, "run", H)


@pytest.mark.parametrize("title", ["Strength", "Gym", "Strength 30 min", "Strength 3x10"])
def test_a_plain_strength_session_stays_strength(title: str) -> None:
    _is(title, "strength", None)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("E 45'", E),
        ("E 8 mi", E),
        ("30-40' E", E),
        ("E", E),
        ("M 10", H),
        ("T 3x1 mi", H),
        ("I 5x1000", H),
        ("R 8x200", H),
        ("L 15", L),
        ("2E + 20' T + 2E", H),
        ("1E + 5 x (1K I w/ 3' jg) + 1E", H),
        ("LR5", L),
        ("Q2: 2E + 4T", H),
    ],
)
def test_coaching_letters_and_codes_are_read(title: str, kind: RunKind) -> None:
    _is(title, "run", kind)


def test_a_pronoun_i_is_not_a_coaching_letter() -> None:
    assert read_event("I run 5 km with Sam").kind is E


@pytest.mark.parametrize(
    "title",
    [
        "Pre-race shakeout",
        "Race week: easy 30 min",
        "Shakeout 20 min (veille de course)",
        "Packet pickup + shakeout 3 mi",
    ],
)
def test_around_a_race_is_not_the_race(title: str) -> None:
    _is(title, "run", E)


@pytest.mark.parametrize(
    "title",
    [
        "Travel to race",
        "Race expo",
        "Marathon expo",
        "Packet pickup",
        "Bib pick-up",
        "Startunterlagen abholen",
        "Retrait des dossards",
        "Recogida de dorsales",
        "Volunteer at parkrun",
        "Marshal at the XC",
        "Emma's cross-country meet (watching)",
        "Juez en el control del club",
        "Kampfrichtereinsatz Sportfest",
    ],
)
def test_race_logistics_and_roles_are_never_races(title: str) -> None:
    _is(title, "other", None)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Brick", H),
        ("Brick: Bike 90' + Run 30'", H),
        ("Bike 60' + run 15'", H),
        ("Koppeltraining Rad 90 min + Lauf 20 min", H),
        ("Enchaînement vélo 1h30 + course à pied 20'", H),
        ("Sprint Triathlon", R),
        ("Duathlon Sprint 5-20-2,5", R),
        ("Volkstriathlon 500-20-5", R),
        ("Triatlón de Madrid", R),
        ("Aquathlon", R),
    ],
)
def test_multisport_counts_as_running(title: str, kind: RunKind) -> None:
    _is(title, "run", kind)


@pytest.mark.parametrize(
    "title",
    [
        "Bike 90 min",
        "Swim 45 min",
        "Bike intervals",
        "Tempo ride",
        "Easy swim",
        "Vélo 1h30",
        "Schwimmen 2 km",
        "Walk 30 min",
        "Cycling race",
    ],
)
def test_timed_bike_and_swim_sessions_are_other(title: str) -> None:
    _is(title, "other", None)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("8 x 300m w/ 100m walk", H),
        ("Walk-jog recovery 20 min", E),
        ("Rest or cross-training", REST),
    ],
)
def test_walking_and_resting_next_to_running(title: str, kind: RunKind) -> None:
    _is(title, "run", kind)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Tempowechsellauf 10 km", H),
        ("Trainingslauf 12 km", E),
        ("Crescendolauf 12 km", H),
        ("Waldlaufmeisterschaften", R),
        ("Athletiktraining 30 min", None),
        ("Grundlagenausdauer 50 min", E),
        ("Arzttermin Dr. Weber", None),
        ("Radausfahrt 2 h", None),
        ("Vereinsmeisterschaften 5000 m", R),
    ],
)
def test_german_compounds_are_read_by_their_parts(title: str, kind: RunKind | None) -> None:
    got = read_event(title)
    assert got.kind is kind, got.reason


@pytest.mark.parametrize(
    "title", ["Raheny 5 mile", "Great Run 10K", "10 km de Paris", "Cambridge Half", "Hackney Half"]
)
def test_races_named_by_place_and_distance(title: str) -> None:
    _is(title, "run", R)


@pytest.mark.parametrize(
    "title", ["Week 3 10", "Sunday 8 mile", "Longjog 35 km", "E 8", "Level 2", "Bramley 20"]
)
def test_counters_days_and_running_words_are_not_places(title: str) -> None:
    assert read_event(title).kind is not R, read_event(title).reason


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Recovery 5 mi + 6 x 100m strides", E),
        ("Stride Repeats", E),
        ("Easy run + strides", E),
        ("Long intervals 3 x 2 km", H),
        ("Résistance longue 3 x 1200 m", H),
        ("Long run with tempo finish", L),
    ],
)
def test_strides_stay_easy_and_a_bare_long_yields_to_hard_words(title: str, kind: RunKind) -> None:
    _is(title, "run", kind)


def test_distances_in_miles_and_minutes_in_titles() -> None:
    assert title_minutes("Footing 1h25") == 85
    assert title_minutes("Run 40 min") == 40
    assert title_minutes("Rodaje suave 50'") == 50
    assert title_minutes("Seuil 3 x 10 min") is None  # a repetition, not the run's length
    assert read_event("Run 100 min").kind is L
    assert read_event("3 m run").kind is E  # Higdon writes "m" for miles
    assert read_event("Intervals 6 x 800 m", minutes=95).kind is H  # a workout stays hard


@pytest.mark.parametrize(
    ("title", "minutes"),
    [("Easy run 30 min", None), ("Run 5 km", None), ("Run", 40), ("10 mi", None)],
)
def test_plain_runs_with_a_length_are_sure_easy(title: str, minutes: int | None) -> None:
    got = read_event(title, minutes=minutes)
    assert got.kind is E and got.confidence >= UNSURE, got.reason


@pytest.mark.parametrize(
    "title", ["Run", "Morning run with Sam", "Run: Session", "QS 8 mi", "1500m", "Mile"]
)
def test_unsure_runs_are_hard_and_say_so(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind) == ("run", H)
    assert got.confidence < UNSURE
    assert "unsure" in got.reason


def test_confidence_follows_what_decided() -> None:
    assert read_event("Week 3", uid="x_INTERVALS_1").confidence == CONFIDENCE["prefix"]
    assert read_event("Tempo 20 min").confidence == CONFIDENCE["title"]
    assert read_event("6 x 800 m").confidence == CONFIDENCE["structure"]
    assert (
        read_event("Run: Session", "Steady tempo finish", minutes=50).confidence
        == (CONFIDENCE["description"])
    )
    assert read_event("Run 40 min").confidence == CONFIDENCE["generic"]
    assert read_event("Dinner with Alex").confidence > CONFIDENCE["nothing"]
    assert read_event("Zorblat").confidence == CONFIDENCE["nothing"]
    ordered = [CONFIDENCE[k] for k in ("explicit", "prefix", "title", "structure")]
    ordered += [CONFIDENCE[k] for k in ("description", "generic", "nothing", "guess")]
    assert ordered == sorted(ordered, reverse=True)


@pytest.mark.parametrize(
    ("title", "priority"),
    [
        ("Local 5K", "C"),
        ("800m final", "C"),
        ("Road relays", "C"),
        ("County XC Champs", "C"),
        ("Berlin Marathon", None),
        ("Half marathon", None),
        ("City 10K", None),
        ("Carrera popular 10K", None),
    ],
)
def test_short_and_club_races_are_priority_c(title: str, priority: str | None) -> None:
    got = read_event(title)
    assert (got.kind, got.priority) == (R, priority), got.reason


def test_only_races_carry_a_priority() -> None:
    assert read_event("5K pace 3 x 1 mi").priority is None
    assert read_event("Easy 5k").priority is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Lunch run 5k", E),
        ("Run 10K", E),
        ("Morning run 10k", E),
        ("Santa Run 5K", R),
        ("Color Run 5K", R),
        ("Duathlon training: run-bike-run", H),
        ("Triathlon", R),
    ],
)
def test_a_run_word_and_a_distance_is_a_run_unless_a_name_makes_it_a_race(
    title: str, kind: RunKind
) -> None:
    _is(title, "run", kind)


@pytest.mark.parametrize("title", ["XC session", "Championship prep run", "Séance cross"])
def test_practice_and_preparation_are_not_races(title: str) -> None:
    assert read_event(title).kind is not R, read_event(title).reason


def test_a_hostile_title_is_read_by_its_head_only() -> None:
    huge = "Tempo 6 x 800 m " + "Waldlaufmeisterschaften x " * 300_000
    assert read_event(huge).kind is H  # read at once: only the head is looked at
