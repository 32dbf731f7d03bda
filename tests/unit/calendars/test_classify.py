"""Classification tables per language and the rule order (docs/calendars.md)."""

from __future__ import annotations

import pytest

from legday.calendars import classify
from legday.calendars.classifier import kind_from_word, normalize, planned_minutes
from legday.model import RunKind

E, H, L, R, REST = RunKind.EASY, RunKind.HARD, RunKind.LONG, RunKind.RACE, RunKind.REST

TITLES = {
    "en": [
        ("Intervals 6 x 800 m", "run", H),
        ("1km repeats", "run", H),
        ("Hill reps", "run", H),
        ("Tempo 20 min", "run", H),
        ("Threshold run", "run", H),
        ("Fartlek", "run", H),
        ("VO2max session", "run", H),
        ("Progression run", "run", H),
        ("Long run", "run", L),
        ("Saturday parkrun", "run", H),  # a weekly hard effort unless the athlete says race
        ("Berlin Marathon", "run", R),
        ("Half marathon", "run", R),
        ("Local 10k", "run", R),
        ("Easy run", "run", E),
        ("Recovery jog", "run", E),
        ("Rest day", "run", REST),
        ("Gym: squats", "strength", None),
        ("Strength training", "strength", None),
        ("Bike ride", "other", None),
        ("Swim", "other", None),
        ("Yoga", "other", None),
        ("Quarterly planning meeting", "other", None),
    ],
    "de": [
        ("Intervalle 10 x 400", "run", H),
        ("Intervalltraining", "run", H),
        ("Tempodauerlauf", "run", H),
        ("Schwellenlauf", "run", H),
        ("Langer Lauf", "run", L),
        ("Wettkampf", "run", R),
        ("Halbmarathon", "run", R),
        ("Dauerlauf", "run", E),
        ("Ruhetag", "run", REST),
        ("Kraft", "strength", None),
        ("Radfahren", "other", None),
        ("Schwimmen", "other", None),
    ],
    "fr": [
        ("Fractionné 10 x 400", "run", H),
        ("Seuil 3 x 10 min", "run", H),
        ("Sortie longue", "run", L),
        ("Compétition", "run", R),
        ("Footing", "run", E),
        ("Repos", "run", REST),
        ("Musculation", "strength", None),
        ("Vélo", "other", None),
        ("Natation", "other", None),
    ],
    "es": [
        ("Series 6 x 1000", "run", H),
        ("Umbral", "run", H),
        ("Tirada larga", "run", L),
        ("Carrera popular", "run", R),
        ("Competición", "run", R),
        ("Rodaje", "run", E),
        ("Descanso", "run", REST),
        ("Fuerza", "strength", None),
        ("Bici", "other", None),
        ("Natación", "other", None),
    ],
}
CASES = [(lang, *case) for lang, cases in TITLES.items() for case in cases]


@pytest.mark.parametrize(("lang", "title", "activity", "kind"), CASES)
def test_title_tables_per_language(
    lang: str, title: str, activity: str, kind: RunKind | None
) -> None:
    got_activity, got_kind, reason = classify(title)
    assert (got_activity, got_kind) == (activity, kind), reason
    assert reason


def test_accents_and_case_do_not_matter() -> None:
    assert classify("FRACTIONNE")[1] == H
    assert classify("tempodauerLAUF")[1] == H
    assert normalize("Natación") == "natacion"


def test_word_boundaries_keep_words_apart() -> None:
    assert classify("Brunch")[0] == "other"  # "run" inside a word is not a run
    assert classify("Reston office visit")[0] == "other"


def test_reason_names_the_keyword_and_language() -> None:
    assert classify("Intervals 5 x 1 km")[2] == 'title keyword "intervals" (en)'
    assert classify("Sortie longue")[2] == 'title keyword "sortie longue" (fr)'


def test_race_beats_long_beats_hard_beats_easy() -> None:
    assert classify("Easy long run with tempo finish")[1] == L
    assert classify("Race: easy start, tempo finish")[1] == R
    assert classify("Easy run with tempo strides")[1] == H


def test_race_pace_is_hard_not_a_race() -> None:
    assert classify("8 km at marathon pace")[1] == H
    assert classify("Easy 10k")[1] == E  # a distance alone yields to an effort word


def test_sport_prefix_decides_the_activity() -> None:
    assert classify("Run: Morning session", minutes=40)[:2] == ("run", E)
    assert classify("Run: Morning session")[:2] == ("run", H)  # no effort, no length: unsure
    assert classify("Bike: Intervals")[:2] == ("other", None)
    assert classify("Strength: Legs")[:2] == ("strength", None)
    assert classify("Day Off: Rest")[:2] == ("run", REST)
    assert classify("Run: Cruise intervals")[2].startswith('sport prefix "Run:"')


def test_workout_type_line_and_planned_time() -> None:
    description = "Workout type: Run\nPlanned Time: 1:35\n\nSteady, keep it smooth."
    activity, kind, reason = classify("Tuesday session", description)
    assert (activity, kind) == ("run", L)
    assert 'description "Workout type: Run"' in reason
    assert "95 min" in reason
    assert planned_minutes("Planned Time: 1:05") == 65
    assert planned_minutes("Planned Time: 0:45:00") == 45
    assert planned_minutes("nothing") is None


def test_uid_hints_of_coaching_apps() -> None:
    assert classify("Week 3", uid="abc_plan_week_3_INTERVALS_1")[:2] == ("run", H)
    assert classify("Sunday", uid="abc_plan_week_5_LONG_RUN_2")[:2] == ("run", L)
    assert classify("Big day", uid="abc_plan_week_9_RACE_1")[:2] == ("run", R)
    assert classify("Monday", uid="abc_plan_week_9_EASY_1")[:2] == ("run", E)
    assert classify("x", uid="abc_plan_week_9_EASY_1")[2] == "UID hint EASY"
    assert classify("Lunch", uid="4f3a9c-0001@mail.example")[0] == "other"


def test_emoji_means_run() -> None:
    activity, kind, reason = classify("🏃 1km Repeats • 6.5km")
    assert (activity, kind) == ("run", H)
    assert reason.startswith('emoji "🏃"')
    assert classify("🏃 Sunday Special • 21km")[1] == L  # distance makes it long


def test_duration_and_distance_make_a_run_long() -> None:
    assert classify("Easy run", minutes=95)[1] == L
    assert classify("Easy run", minutes=89)[1] == E
    assert classify("Easy run", distance_km=18.0)[1] == L
    assert classify("Dauerlauf 22 km")[1] == L
    assert classify("Marathon", minutes=200)[1] == R  # a race stays a race
    assert classify("Rest day", minutes=600)[1] == REST


def test_plain_personal_event_is_other() -> None:
    activity, kind, reason = classify("Dinner with Alex")
    assert (activity, kind) == ("other", None)
    assert reason


def test_rest_in_a_description_is_not_a_rest_day() -> None:
    assert classify("Run: Session", "6 x 800 m, rest 90 s")[1] == H


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hard", ("run", H)),
        ("LONG", ("run", L)),
        ("lang", ("run", L)),
        ("Ruhetag", ("run", REST)),
        ("strength", ("strength", None)),
        ("other", ("other", None)),
        ("Wettkampf", ("run", R)),
    ],
)
def test_explicit_kind_words(word: str, expected: tuple[str, RunKind | None]) -> None:
    assert kind_from_word(word) == expected


def test_unknown_kind_word_is_refused() -> None:
    assert kind_from_word("banana") is None


def test_repetitions_make_a_run_hard_but_not_a_run() -> None:
    assert classify("Run: 5 x 1000 m")[1] == H
    assert classify("🏃 4×1km")[1] == H
    assert classify("Squats 3x10")[0] == "other"


@pytest.mark.parametrize(
    "title",
    [
        "10 x 400 m",
        "6x800",
        "5 x 1000m",
        "4×1km",
        "3 x 2 mi",
        "10 x 200 Meter",
        "Sprint session",
        "Sprints",
        "Hill sprints",
        "Crescendo",
        "Crescendo run 10 km",
        "Sprinttraining",
        "Tempoläufe",
        "Fractionné court",
        "Séance de vitesse",
        "Series cortas",
        "Velocidad 8 x 200",
    ],
)
def test_hard_sessions_without_a_run_word_are_hard_runs(title: str) -> None:
    # review: "10 x 400 m" and "Sprint session" were `other`, so strength was planned on them
    assert classify(title)[:2] == ("run", H), classify(title)[2]


def test_running_repetitions_name_the_pattern() -> None:
    assert classify("10 x 400 m")[2] == 'title repetitions "10 x 400 m"'


@pytest.mark.parametrize(
    "title",
    ["Squats 3x10", "Plank 3 x 60 s", "Lunges 3 x 12", "Swim 10 x 100 m", "Bike 5 x 2 km"],
)
def test_repetitions_without_a_running_distance_or_in_another_sport_are_not_runs(
    title: str,
) -> None:
    assert classify(title)[0] == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Strides",
        "Easy run + strides",
        "Steigerungen",
        "Steigerungsläufe",
        "Dauerlauf mit Steigerungen",
        "Lignes droites",
        "Footing + lignes droites",
    ],
)
def test_strides_stay_easy(title: str) -> None:
    # strides are short relaxed pick-ups after an easy run: the day stays easy
    assert classify(title)[:2] == ("run", E), classify(title)[2]


@pytest.mark.parametrize(
    "title", ["Sprint planning", "Sprint review", "Sprint-Retro", "Sprintplanung"]
)
def test_office_sprints_are_not_runs(title: str) -> None:
    assert classify(title)[0] == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Marathon-Renntempo 15 km",
        "Halbmarathon-Renntempo 3 x 5 km",
        "Marathonrenntempo 12 km",
        "10 km im Wettkampf-Tempo",
        "Wettkampftempo 3 x 3 km",
        "Tempo at marathon pace",
        "Half marathon race pace 3 x 5 km",
        "Parkrun at marathon pace",
        "Race pace 8 km",
        "allure marathon 10 km",
        "10 km à allure 10 km",
        "Semi-marathon à allure course",
        "ritmo de maratón",
        "Media maratón a ritmo de carrera",
        "10k a ritmo de competición",
    ],
)
def test_race_pace_words_make_a_hard_run_not_a_race(title: str) -> None:
    # review: "Marathon-Renntempo 15 km" was a race, which distorted phases and blocked days
    assert classify(title)[:2] == ("run", H), classify(title)[2]


def test_a_race_word_without_a_pace_word_is_still_a_race() -> None:
    assert classify("Berlin Marathon")[1] == R
    assert classify("Wettkampf: Stadtlauf 10 km")[1] == R
    assert classify("Course de Noël 10 km")[1] == R
    assert classify("Race: easy start, tempo finish")[1] == R
    assert classify("Long run with 10 km at marathon pace")[1] == L
