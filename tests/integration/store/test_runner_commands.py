"""The logbook commands as a runner meets them (issue 15, item 8), on SQLite and
PostgreSQL: `log --done` with `--set` changes, "as prescribed?" prompts, `move --to`, the
days a re-plan changed, a weather swap in `today`, `today --format json` and `history`
past the clock. In process through `legday.cli.main`."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from legday.bootstrap import open_logbook
from legday.cli import logbook_entries, main
from legday.model import Session

START = date(2027, 1, 4)  # a Monday
CALENDAR = """date,title,kind
2027-01-05,Intervals 6x800,hard
2027-01-07,Easy 40,easy
2027-01-09,Long run 18k,long
2027-01-12,Tempo 5k,hard
2027-01-16,Long run 20k,long
"""
RACE = date(2027, 1, 21)  # a Thursday B race: no strength on the Wednesday before


@pytest.fixture
def env(migrated_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = tmp_path / "runs.csv"
    runs.write_text(CALENDAR, encoding="utf-8")
    monkeypatch.setenv("LEGDAY_DATABASE_URL", migrated_url)
    monkeypatch.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEGDAY_TODAY", START.isoformat())
    monkeypatch.delenv("LEGDAY_ATHLETE", raising=False)
    assert main(["athlete", "add", "sam", "--runs", str(runs), "--start", START.isoformat(),
                 "--weeks", "4", "--equipment", "dumbbells",
                 "--race", f"{RACE.isoformat()}:B"]) == 0  # fmt: skip


def _sessions() -> list[Session]:
    with open_logbook() as (logbook, _db):
        return list(logbook.versions("sam")[-1].plan.sessions)


def _days() -> list[date]:
    return [s.day for s in _sessions()]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _shown(day: date) -> str:
    return f"{day:%a} {day.isoformat()}"


@pytest.mark.usefixtures("env")
def test_log_done_logs_the_session_as_prescribed_with_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    day = _days()[0]
    code, out, _ = _run(["today", "--date", day.isoformat(), "--format", "json"], capsys)
    assert code == 0
    view = json.loads(out)
    main_block = view["session"]["main"]
    first, second, *rest = main_block
    changed = [
        "--set", f"{first['exercise']}=2x5@7.5,rpe=8",
        "--set", f"{second['exercise']}=skip",
    ]  # fmt: skip
    code, out, _ = _run(["log", "--done", "--date", day.isoformat(), *changed], capsys)
    assert code == 0
    with open_logbook() as (logbook, _db):
        sets = logbook.history("sam", day, day)[0].sets
    sides = 2 if first["per_side"] else 1
    mine = [s for s in sets if s.exercise == first["exercise"]]
    assert len(mine) == 2 * sides
    assert {(s.reps, s.load_kg, s.rpe) for s in mine} == {(5, 7.5, 8.0)}
    assert not [s for s in sets if s.exercise == second["exercise"]]
    for p in rest:  # the others exactly as prescribed, at the planned effort, no pain
        logged = [s for s in sets if s.exercise == p["exercise"]]
        extra = 1 if p["extra_side"] else 0
        assert len(logged) == p["sets"] * (2 if p["per_side"] else 1) + extra
        assert {(s.reps, s.seconds, s.load_kg, s.rpe, s.pain, s.form_ok) for s in logged} == {
            (p["reps"], p["seconds"], p["load_kg"], float(p["target_rpe"]), 0, True)
        }
    assert f"logged {len(sets)} set(s) for {day.isoformat()}" in out
    code, _, err = _run(["log", "--done", "--date", day.isoformat()], capsys)
    assert code == 2 and "is already logged" in err  # twice would double the sets


@pytest.mark.usefixtures("env")
@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("no-such-move=3x5", "'no-such-move' is not in the session"),
        ("{id}=3x500", "--set {id}: reps must be 0-100, not 500"),
        ("{id}=3x8@600", "--set {id}: load must be 0-500 kg, not 600"),
        ("{id}=rpe=11", "--set {id}: rpe must be 1-10, not 11"),
        ("{id}=pain=12", "--set {id}: pain must be 0-10, not 12"),
        ("{id}=0x8", "--set {id}: sets must be 1-50, not 0"),
        ("{id}=three sets", "--set {id}: 'three sets' not understood"),
        ("{id}", "is not ID=PART"),
    ],
)
def test_a_wrong_set_change_is_one_line_and_exit_2(
    change: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    session = _sessions()[0]
    exercise = session.main[0].exercise
    args = ["log", "--done", "--date", session.day.isoformat(), "--set"]
    code, _, err = _run([*args, change.format(id=exercise)], capsys)
    assert code == 2
    assert problem.format(id=exercise) in err and err.count("\n") == 1
    with open_logbook() as (logbook, _db):
        assert logbook.history("sam", START) == []  # nothing stored


@pytest.mark.usefixtures("env")
def test_prompts_ask_once_per_exercise_and_no_kg_for_bodyweight(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = next(s for s in _sessions() if len(s.main) >= 4)
    monkeypatch.setattr(logbook_entries, "_interactive", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("\n" * len(session.main)))
    code, out, _ = _run(["log", "--date", session.day.isoformat()], capsys)
    assert code == 0
    assert out.count("as prescribed") == len(session.main)  # one prompt per exercise

    # "no" for each exercise: the numbers once for all its sets, kg only for loaded work
    later = next(s for s in _sessions() if s.day > session.day and len(s.main) >= 4)
    answers = []
    for p in later.main:
        answers += ["n", "2", "6"]  # not as prescribed, 2 sets, 6 reps or seconds
        answers += ["5"] if p.load_kg is not None else []
        answers += ["6", "y", "0"]  # RPE, form good, no pain
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    code, out, _ = _run(["log", "--date", later.day.isoformat()], capsys)
    assert code == 0
    assert out.count("  kg") == sum(p.load_kg is not None for p in later.main)
    assert out.count("seconds per set") == sum(p.reps is None for p in later.main)
    with open_logbook() as (logbook, _db):
        sets = logbook.history("sam", later.day, later.day)[0].sets
    for p in later.main:
        mine = [s for s in sets if s.exercise == p.exercise]
        assert len(mine) == 2 * (2 if p.per_side else 1)
        assert {s.load_kg for s in mine} == {5.0 if p.load_kg is not None else None}
        assert {s.seconds if p.reps is None else s.reps for s in mine} == {6}


@pytest.mark.usefixtures("env")
def test_move_to_a_chosen_day_and_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    first = _days()[0]
    hard = date(2027, 1, 5)  # intervals
    code, _, err = _run(["move", first.isoformat(), "--to", hard.isoformat()], capsys)
    assert code == 2 and "2027-01-05 (Tue): hard run (Intervals 6x800)" in err
    eve = RACE - timedelta(days=1)
    race_week = next(d for d in _days() if d > eve - timedelta(days=7) and d != eve)
    code, _, err = _run(["move", race_week.isoformat(), "--to", eve.isoformat()], capsys)
    assert code == 2 and f"{eve.isoformat()} (Wed): the day before a race" in err
    code, _, err = _run(["move", first.isoformat(), "--to", "2026-12-30"], capsys)
    assert code == 2 and "in the past" in err
    # a day that holds a session already is refused (the B race's week lifts, so week 4
    # is the month's recovery week, without strength: the day is taken from week 2)
    taken = next(d for d in _days() if d >= date(2027, 1, 11))
    code, _, err = _run(["move", first.isoformat(), "--to", taken.isoformat()], capsys)
    assert code == 2
    assert f"{taken.isoformat()} ({taken:%a}) already holds a session" in err
    with open_logbook() as (logbook, _db):
        assert len(logbook.versions("sam")) == 1  # refused: nothing was stored

    before = _days()
    target = next(
        first + timedelta(days=n)
        for n in range(1, 7)
        if first + timedelta(days=n) not in before
        and (first + timedelta(days=n)).weekday() not in (1, 5)  # not a hard or long run
    )
    code, out, _ = _run(["move", first.isoformat(), "--to", target.isoformat()], capsys)
    assert code == 0, out
    assert f"{_shown(first)} -> {_shown(target)}" in out
    after = _days()
    assert target in after and first not in after
    code, out, _ = _run(["today", "--date", target.isoformat()], capsys)
    assert "strength" in out and "no strength session today" not in out

    with open_logbook() as (_logbook, db), db.uow() as uow:
        sam = uow.repo.get_athlete("sam")
        assert sam is not None
        (moved,) = uow.repo.overrides(sam.id)
    assert (moved.day, moved.kind, moved.moved_to) == (first, "moved", target)
    code, _, err = _run(["move", target.isoformat(), "--to", first.isoformat()], capsys)
    assert code == 2 and "blocked (skipped or moved from)" in err
    # the chosen day holds through a later re-plan
    assert main(["sync", "--force"]) == 0
    assert target in _days()


@pytest.mark.usefixtures("env")
def test_skip_and_weather_say_what_changed(capsys: pytest.CaptureFixture[str]) -> None:
    before = _days()
    code, out, _ = _run(["skip", before[0].isoformat(), "--note", "travel"], capsys)
    assert code == 0
    after = _days()
    assert out.startswith("skipped; plan version 2\n")
    assert f"  {_shown(before[0])} -> " in out
    for gone in sorted(set(before) - set(after)):
        assert f"  {_shown(gone)} -> " in out
    for new in sorted(set(after) - set(before)):
        assert f" -> {_shown(new)}" in out

    wet = date(2027, 1, 16)  # the long run, lost to a storm
    code, out, _ = _run(["weather", wet.isoformat()], capsys)
    assert code == 0
    assert f"weather swap on {_shown(wet)}" in out and "plan version 3" in out
    code, out, _ = _run(["today", "--date", wet.isoformat()], capsys)
    assert "weather swap: the run is off today" in out and "Long run 20k" not in out
    code, out, _ = _run(["today", "--date", wet.isoformat(), "-f", "json"], capsys)
    assert json.loads(out)["weather_swap"] is True


@pytest.mark.usefixtures("env")
def test_today_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    session = _sessions()[0]
    code, out, _ = _run(["today", "--date", session.day.isoformat(), "--format", "json"], capsys)
    assert code == 0
    view = json.loads(out)
    assert view["day"] == session.day.isoformat() and view["status"] is None
    assert [p["exercise"] for p in view["session"]["main"]] == [p.exercise for p in session.main]
    assert all(p["why"] for p in view["session"]["main"])
    code, out, _ = _run(["today", "--date", "2027-01-05", "--format", "json"], capsys)
    rest = json.loads(out)
    assert rest["session"] is None and rest["runs"][0]["title"] == "Intervals 6x800"
    assert rest["next_session"] is not None


@pytest.mark.usefixtures("env")
def test_history_shows_sets_dated_after_the_clock(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ahead = START + timedelta(days=10)
    assert main(["log", "-e", "goblet-squat", "--sets", "3", "--reps", "8", "--load", "12",
                 "--date", ahead.isoformat()]) == 0  # fmt: skip
    code, out, _ = _run(["history"], capsys)
    assert code == 0
    assert f"{ahead.isoformat()} done (dated after today)" in out
    assert "goblet-squat: 3 x 8 reps @ 12 kg" in out


@pytest.mark.usefixtures("env")
@pytest.mark.parametrize("note", ["moved to Thursday", "moved to 2027-01-21"])
def test_a_skip_note_is_the_runners_words_never_a_move(
    note: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only `move --to` chooses a day: a skip's note that reads like one pins nothing."""
    first = _days()[0]
    code, _, err = _run(["skip", first.isoformat(), "--note", note], capsys)
    assert (code, err) == (0, "")
    code, _, err = _run(["sync", "--force"], capsys)  # a re-plan reads the overrides back
    assert (code, err) == (0, "")
    assert RACE - timedelta(days=1) not in _days()
    with open_logbook() as (logbook, _db):
        (skipped,) = [p for p in logbook.history("sam", first, first) if p.status == "skipped"]
    assert skipped.note == note
