"""Families of misreads found by the second review (docs/calendars.md, "Families"): effort
adjectives, N-milers, track meets and plural track distances, rehearsals, and race phrases or
"Cross" next to a planned duration. Several titles per family, in the languages it concerns.
"""

from __future__ import annotations

import pytest

from legday.calendars.classifier import language_bound, read_event
from legday.model import RunKind

E, H, L, R = RunKind.EASY, RunKind.HARD, RunKind.LONG, RunKind.RACE


def _read(title: str, lang: str | None = None) -> tuple[str, RunKind | None]:
    got = read_event(title, lang=lang)
    return got.activity, got.kind


@pytest.mark.parametrize(
    "title",
    [
        "Hard 5 mi",
        "Uptempo 6 mi",
        "Fast 4 miles",
        "Brisk 5k run",
        "Strong 8 km",
        "Run 30 min at effort",
        "Schneller Dauerlauf 10 km",
        "Zügiger Dauerlauf 8 km",
        "Flotter Dauerlauf 45 min",
        "Dauerlauf zügig 10 km",
        "Schneller DL 10 km",
        "Harter Lauf 40 min",
        "Footing rapide 40 min",
        "Footing soutenu 50 min",
        "Course à pied vite 30 min",
        "Rodaje rápido 8 km",
        "Rodaje vivo 45 min",
        "Carrera continua fuerte 10 km",
    ],
)
def test_an_effort_adjective_makes_a_run_hard_over_an_easy_base_word(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind) == ("run", H), f"{title!r}: {got.reason}"
    assert "no effort word" not in got.reason


@pytest.mark.parametrize(
    "title",
    [
        "Easy run, fast strides",
        "Easy 5 mi + 6 quick strides",
        "Lockerer Lauf, schnelle Steigerungen",
        "Footing 40 min + lignes droites rapides",
        "Rodaje suave con rectas rápidas",
    ],
)
def test_an_effort_adjective_next_to_strides_describes_the_strides(title: str) -> None:
    assert _read(title) == ("run", E)


@pytest.mark.parametrize(
    "title",
    [
        "Easy 40 min, last 10 a bit faster",
        "Footing 1h dont 10 min un peu plus rapide",
        "Lockerer Dauerlauf, am Ende etwas schneller",
    ],
)
def test_a_softened_adjective_leaves_an_easy_run_easy(title: str) -> None:
    assert _read(title) == ("run", E)


@pytest.mark.parametrize("title", ["Brisk walk 30 min", "Hard day at work", "Fast food"])
def test_an_effort_adjective_alone_makes_no_run(title: str) -> None:
    assert _read(title)[0] == "other"


def test_a_fast_finish_is_a_progression() -> None:
    assert _read("Easy 6 mi with fast finish") == ("run", H)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("20 miler", L),
        ("Sunday 20-miler", L),
        ("16 Miler", L),
        ("18-miler with the group", L),
        ("8 miler", E),
        ("6-miler", E),
    ],
)
def test_an_n_miler_is_a_run_of_n_miles(title: str, kind: RunKind) -> None:
    got = read_event(title)
    assert (got.activity, got.kind) == ("run", kind), f"{title!r}: {got.reason}"


def test_a_ten_miler_race_name_stays_a_race() -> None:
    assert _read("Broad Street 10 Miler") == ("run", R)


@pytest.mark.parametrize(
    "title",
    [
        "Dual meet vs State",
        "Conference meet",
        "Home meet",
        "Tri meet at Central",
        "Invitational meet",
        "Indoor meet",
        "XC meet",
        "League meet",
        "Regionals",
        "Sectionals",
    ],
)
def test_a_qualified_meet_is_a_c_race(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind, got.priority) == ("run", R, "C"), got.reason


@pytest.mark.parametrize("title", ["Meet Sam for coffee", "Meet the new team", "Team meeting"])
def test_a_meet_with_people_stays_other(title: str) -> None:
    assert _read(title) == ("other", None)


@pytest.mark.parametrize(
    "title",
    [
        "800s",
        "400s x 12",
        "Float 400s",
        "12 x 200s",
        "1200s at threshold feel",
        "Over-unders",
        "Cut-downs",
        "5 x 1000er",
        "Schnelle 1000er x 5",
        "400er Serie",
    ],
)
def test_plural_track_distances_are_a_hard_session(title: str) -> None:
    got = read_event(title)
    assert (got.activity, got.kind) == ("run", H), f"{title!r}: {got.reason}"


@pytest.mark.parametrize("title", ["1980s party", "Back to the 1990s", "Seats 101-120s"])
def test_decades_are_not_track_repeats(title: str) -> None:
    assert _read(title)[0] == "other"


@pytest.mark.parametrize(
    "title",
    [
        "Race rehearsal",
        "Marathon simulation",
        "Dress rehearsal 10 mi",
        "Marathonsimulation 25 km",
        "Simulation marathon 2h",
        "Simulacro de carrera 15 km",
    ],
)
def test_a_rehearsal_of_the_race_is_a_workout(title: str) -> None:
    assert _read(title) == ("run", H)


def test_a_rehearsal_without_running_is_no_run() -> None:
    assert _read("Choir rehearsal") == ("other", None)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Trail de montaña 3h", L),
        ("Trail du Vercors 2h", L),
        ("Trail des crêtes 1h15", E),
    ],
)
def test_a_place_race_phrase_with_a_planned_duration_is_training(title: str, kind: RunKind) -> None:
    for lang in (None, "fr", "es"):
        got = read_event(title, lang=lang)
        assert (got.activity, got.kind) == ("run", kind), f"{title!r} ({lang}): {got.reason}"


@pytest.mark.parametrize("title", ["Trail des Crêtes", "Course de la Saint-Jean 10 km"])
def test_a_place_race_phrase_without_a_duration_stays_a_race(title: str) -> None:
    assert _read(title) == ("run", R)


@pytest.mark.parametrize(
    ("title", "lang"),
    [("Cross 40 min", "fr"), ("Cross 45'", "es"), ("Cross 1h", "fr"), ("Cross 50 min", "es")],
)
def test_a_cross_with_a_duration_is_cross_country_training(title: str, lang: str) -> None:
    got = read_event(title, lang=lang)
    assert (got.activity, got.kind, got.priority) == ("run", H, None), got.reason
    assert f"({lang})" in got.reason  # the calendar's language, not the table's


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_cross_without_a_duration_stays_a_race_in_french_and_spanish(lang: str) -> None:
    got = read_event("Cross", lang=lang)
    assert (got.kind, got.priority) == (R, "C")
    assert f"({lang})" in got.reason


def test_a_cross_with_a_duration_in_english_stays_cross_training() -> None:
    assert _read("Cross 40 min", "en") == ("other", None)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Trail de montaña", "es"),
        ("Trail de la sierra", "es"),
        ("Course de montaña", "es"),
        ("Carrera de la mañana", "fr"),
    ],
)
def test_a_place_race_phrase_of_the_other_language_is_a_run_not_a_race(
    title: str, lang: str
) -> None:
    got = read_event(title, lang=lang)
    assert (got.activity, got.kind) == ("run", H), got.reason  # unsure: no length
    assert f"({lang})" in got.reason
    assert language_bound(title)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Trail del Gorbeia", "es"),
        ("Carrera de San Antón", "es"),
        ("Trail des Crêtes", "fr"),
        ("Course du Figaro", "fr"),
        ("Trail de Gorbeia", "de"),
        ("Course de Lyon", "en"),
    ],
)
def test_a_place_race_phrase_stays_a_race_in_its_own_or_an_unrelated_language(
    title: str, lang: str
) -> None:
    assert _read(title, lang) == ("run", R)


@pytest.mark.parametrize("title", ["Easy 5", "Wettkampf", "Race day", "Marathon de Paris"])
def test_titles_without_a_shared_language_phrase_are_not_language_bound(title: str) -> None:
    assert not language_bound(title)


@pytest.mark.parametrize(
    "title", ["Course sur route 15 km", "Carrera en ruta 10 km", "Road race 10 mi", "Straßenlauf"]
)
def test_a_road_race_is_a_race_in_every_language(title: str) -> None:
    assert _read(title) == ("run", R)


@pytest.mark.parametrize("title", ["Gran fondo", "Granfondo Girona 140 km", "Gran Fondo Mallorca"])
def test_a_gran_fondo_is_a_ride_not_a_long_run(title: str) -> None:
    assert _read(title) == ("other", None)
