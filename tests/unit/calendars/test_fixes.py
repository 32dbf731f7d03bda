"""The override line for an unsure reading: valid TOML, the right key, and it matches."""

from __future__ import annotations

import tomllib
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday.calendars.entry import LIKELY, UNSURE, Entry, confidence_word
from legday.calendars.fixes import (
    KINDS,
    Fix,
    Reading,
    find_unsure,
    fix_lines,
    fixes_of,
    reading_of_entry,
    reading_of_run,
    starter_overrides,
    toml_string,
    unsure_json,
)
from legday.calendars.overrides import KindOverrides, read_overrides
from legday.model import Run, RunKind
from thorough import examples

DAY = date(2027, 1, 5)
LOW = UNSURE / 2

AWKWARD_TITLES = [
    "E 45'",
    'The "long" one',
    "C:\\runs\\tempo\\",
    "Tempo\nrun\r\nwith\tfriends",
    "Lauf mit Jörg über den Berg",
    "Fractionné 10×400 m",
    "🏃 Run 🏃‍♀️",
    "nul\x00 bell\x07 del\x7f esc\x1b",
    "'''\"\"\"",
    "  padded   title  ",
    "\u2028line separator\u0085next line",
    "ｆｕｌｌ width",
    "[titles]",
    "# not a comment",
]


def overrides_from(text: str, folder: Path) -> KindOverrides:
    path = folder / "fix.toml"
    path.write_text(text, encoding="utf-8")
    return read_overrides(path)


def unsure(title: str, kind: str = "easy", **changes: object) -> Reading:
    values: dict[str, object] = {
        "day": DAY,
        "title": title,
        "kind": kind,
        "confidence": LOW,
        "reason": "no effort word → easy",
        "source": "plan.csv:line 2",
    }
    values.update(changes)
    return Reading(**values)  # type: ignore[arg-type]


def sure(title: str, kind: str = "hard", **changes: object) -> Reading:
    return unsure(title, kind, confidence=1.0, reason="title keyword", **changes)


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_toml_string_reads_back_as_the_same_text(title: str) -> None:
    assert tomllib.loads(f"key = {toml_string(title)}")["key"] == title


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_title_fix_parses_and_matches_through_the_override_rules(
    title: str, tmp_path: Path
) -> None:
    (found,) = find_unsure([unsure(title)])
    assert found.fix.table == "titles"
    overrides = overrides_from(found.fix.toml(), tmp_path)
    activity, kind, reason, _ = overrides.decide(
        "run", RunKind.EASY, "guess", None, title=title, uid="", day=None
    )
    assert (activity, kind) == ("run", RunKind.EASY)
    assert reason.startswith("fix.toml: title")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fixes")


@settings(max_examples=examples(60), deadline=None)
@given(title=st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_any_title_gets_a_line_that_matches_it(title: str, folder: Path) -> None:
    (found,) = find_unsure([unsure(title, kind="hard")])
    line = fix_lines([found.fix])
    overrides = overrides_from("\n".join(line) + "\n", folder)
    assert overrides.decide("other", None, "guess", None, title=title, uid="", day=None)[:2] == (
        "run",
        RunKind.HARD,
    )


def test_a_lone_surrogate_cannot_break_the_toml() -> None:
    text = toml_string("bad \ud800 title")
    assert tomllib.loads(f"k = {text}")["k"] == "bad \ufffd title"


def test_nothing_is_unsure_when_every_reading_is_sure() -> None:
    assert find_unsure([sure("Intervals"), sure("Easy", "easy")]) == []


def test_a_recurring_series_is_fixed_by_its_uid() -> None:
    source = "plan.ics:weekly@app.example"
    series = [
        unsure("Morning run", day=DAY + timedelta(days=7 * week), source=source)
        for week in range(3)
    ]
    found = find_unsure([*series, sure("Intervals", source="plan.ics:other@app.example")])
    assert len(found) == 3
    (fix,) = fixes_of(found)
    assert (fix.table, fix.key, fix.kind) == ("uids", "weekly@app.example", "easy")
    assert fix.days == tuple(r.day for r in series)
    assert fix.when() == "Tue 2027-01-05 and 2 more"
    assert fix.comment().startswith('# "Morning run", Tue 2027-01-05 and 2 more')


def test_a_title_unsure_wherever_it_appears_is_fixed_by_title() -> None:
    one = unsure("E 45'", source="plan.ics:a@app.example")
    two = unsure("e  45'", day=DAY + timedelta(days=7), source="plan.ics:b@app.example")
    (fix,) = fixes_of(find_unsure([one, two]))
    assert (fix.table, fix.key) == ("titles", "E 45'")
    assert len(fix.days) == 2


def test_a_title_also_read_surely_is_fixed_by_the_events_uid() -> None:
    plain = unsure("Run with Anna", source="plan.ics:plain@app.example")
    tempo = sure("Run with Anna", day=DAY + timedelta(days=2), source="plan.ics:t@app.example")
    (fix,) = fixes_of(find_unsure([plain, tempo]))
    assert (fix.table, fix.key) == ("uids", "plain@app.example")


def test_a_csv_run_is_fixed_by_its_day_unless_a_sure_run_shares_it() -> None:
    alone = unsure("Run", source="plan.csv:line 2")
    sure_elsewhere = sure("Run", day=DAY + timedelta(days=1), source="plan.csv:line 3")
    (fix,) = fixes_of(find_unsure([alone, sure_elsewhere]))
    assert (fix.table, fix.key) == ("dates", "2027-01-05")

    same_day = sure("Intervals", source="plan.csv:line 4")
    (fix,) = fixes_of(find_unsure([alone, sure_elsewhere, same_day]))
    assert (fix.table, fix.key) == ("titles", "Run")


def test_a_non_run_without_uid_is_fixed_by_title() -> None:
    other = unsure("Club night", kind="other")
    (fix,) = fixes_of(find_unsure([other, sure("Club night", kind="other", day=DAY)]))
    assert fix.table == "titles"  # a [dates] line would not touch an entry that is no run


def test_an_event_without_uid_is_fixed_by_title() -> None:
    reading = unsure("Hill reps?", source="plan.ics:Hill reps?")
    (fix,) = fixes_of(find_unsure([reading]))
    assert (fix.table, fix.key) == ("titles", "Hill reps?")


def test_the_value_is_the_most_common_guess_and_the_lowest_confidence_shown() -> None:
    readings = [
        unsure("Fartlek?", kind="hard", confidence=0.5),
        unsure("Fartlek?", kind="long", day=DAY + timedelta(days=7), confidence=0.3),
        unsure("Fartlek?", kind="hard", day=DAY + timedelta(days=14), confidence=0.4),
    ]
    (fix,) = fixes_of(find_unsure(readings))
    assert fix.kind == "hard"
    assert fix.confidence == 0.3
    assert fix.alternatives == tuple(k for k in KINDS if k != "hard")
    assert "30 % sure" in fix.describe()


def test_fix_lines_group_by_table_and_form_one_valid_file(tmp_path: Path) -> None:
    readings = [
        unsure("E 45'", source="p.ics:e1@x"),
        unsure("Morning run", source="p.ics:m@x"),
        unsure("Morning run", day=DAY + timedelta(days=7), source="p.ics:m@x"),
        unsure('Say "hi"', day=DAY + timedelta(days=1), source="p.ics:e2@x"),
    ]
    fixes = fixes_of(find_unsure(readings))
    lines = fix_lines(fixes)
    assert lines.count("[titles]") == 1 and lines.count("[uids]") == 1
    text = starter_overrides(fixes, "plan.ics")
    data = tomllib.loads(text)
    assert data == {"titles": {"E 45'": "easy", 'Say "hi"': "easy"}, "uids": {"m@x": "easy"}}
    overrides = overrides_from(text, tmp_path)
    assert overrides.uids == {"m@x": "easy"}


def test_a_starter_file_without_fixes_is_an_empty_valid_file(tmp_path: Path) -> None:
    text = starter_overrides([], "plan.ics")
    assert "sure of every entry" in text
    assert overrides_from(text, tmp_path) == KindOverrides(source="fix.toml")


def test_comments_stay_on_one_line_whatever_the_title() -> None:
    fix = Fix("uids", "u@x", "hard", "a\nb\x00c" + "x" * 80, (DAY,), 0.2)
    comment = fix.comment()
    assert "\n" not in comment and "\x00" not in comment
    assert tomllib.loads(f"[uids]\n{fix.line}  {comment}\n") == {"uids": {"u@x": "hard"}}


def test_json_carries_the_reading_and_its_fix() -> None:
    (item,) = unsure_json(find_unsure([unsure('Say "hi"')]))
    assert item == {
        "date": "2027-01-05",
        "title": 'Say "hi"',
        "kind": "easy",
        "confidence": LOW,
        "reason": "no effort word → easy",
        "source": "plan.csv:line 2",
        "fix": {
            "table": "titles",
            "key": 'Say "hi"',
            "kind": "easy",
            "toml": '[titles]\n"Say \\"hi\\"" = "easy"\n',
        },
        "alternatives": [
            "hard",
            "long",
            "race",
            "race:A",
            "race:B",
            "race:C",
            "rest",
            "strength",
            "other",
        ],
    }


@pytest.mark.parametrize("priority", ["A", "B", "C"])
def test_a_race_fix_keeps_its_priority_and_reads_back_with_it(
    priority: str, tmp_path: Path
) -> None:
    reading = unsure("parkrun", kind="race", priority=priority)
    (fix,) = fixes_of(find_unsure([reading]))
    assert fix.line == f'"parkrun" = "race:{priority}"'
    others = [f"race:{p}" for p in "ABC" if p != priority]
    assert fix.alternatives == ("easy", "hard", "long", *others, "rest", "strength", "other")
    assert f"read as race {priority} " in fix.describe()
    (line,) = (x for x in fix_lines([fix]) if x.startswith('"parkrun"'))
    assert line.endswith(f"or easy, hard, long, {', '.join(others)}, rest, strength, other")
    overrides = overrides_from(starter_overrides([fix], "plan.ics"), tmp_path)
    verdict = overrides.decide(
        "run", RunKind.EASY, "guess", None, title="parkrun", uid="", day=None
    )
    assert verdict[1:2] + verdict[3:] == (RunKind.RACE, priority)


def test_a_race_without_priority_stays_plain_race_and_offers_all_three() -> None:
    (fix,) = fixes_of(find_unsure([unsure("parkrun", kind="race")]))
    assert fix.line == '"parkrun" = "race"'
    assert {"race:A", "race:B", "race:C"} <= set(fix.alternatives)
    # a priority on anything but a race is not a value of its own
    assert unsure("Tempo", kind="hard", priority="B").value == "hard"


def test_the_starter_file_names_the_race_priorities() -> None:
    head = starter_overrides([], "plan.ics")
    assert "race:A" in head and "race:B" in head and "race:C" in head
    assert "goal" in head and "tune-up" in head


def test_readings_use_the_override_files_words() -> None:
    def entry(activity: str, kind: RunKind | None) -> Entry:
        return Entry(DAY, "t", activity, kind, None, None, None, "r", "s", confidence=0.1)

    assert reading_of_entry(entry("run", RunKind.LONG)).kind == "long"
    assert reading_of_entry(entry("strength", None)).kind == "strength"
    assert reading_of_entry(entry("other", None)).kind == "other"
    assert reading_of_run(Run(DAY, "t", RunKind.REST, is_strength=True)).kind == "strength"
    busy = Run(DAY, "Ride", RunKind.EASY, time(7), time(8), busy=True)
    assert reading_of_run(busy).kind == "other"
    assert reading_of_run(Run(DAY, "t", RunKind.HARD, confidence=0.3)).unsure
    raced = Entry(DAY, "t", "run", RunKind.RACE, None, None, None, "r", "s", 0.1, "B")
    assert (reading_of_entry(raced).value, reading_of_entry(raced).priority) == ("race:B", "B")
    assert reading_of_run(Run(DAY, "t", RunKind.RACE, priority="C")).value == "race:C"


def test_confidence_words() -> None:
    assert confidence_word(1.0) == "sure"
    assert confidence_word(LIKELY) == "sure"
    assert confidence_word((UNSURE + LIKELY) / 2) == "likely"
    assert confidence_word(UNSURE) == "likely"
    assert confidence_word(UNSURE - 0.01) == "unsure"
    assert confidence_word(0.0) == "unsure"
