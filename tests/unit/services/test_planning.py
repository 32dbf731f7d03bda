"""`Planning` over fakes: the planner, the calendar readers and the export formats are
passed in (as `legday.bootstrap` passes the real ones), so no file is read here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from fakes import fake_catalogue, prescription
from legday.catalogue import Catalogue
from legday.errors import InputError
from legday.exports.formats import FORMATS, ExportOptions, Format
from legday.model import Plan, Profile, Run, RunKind, Session
from legday.planning import Planning

START = date(2027, 1, 4)  # a Monday


def one_session(profile: Profile, runs: Sequence[Run], catalogue: Catalogue) -> Plan:
    """A plan of one session on the first day, around the runs it was given."""
    session = Session(profile.start, 40, (), (prescription(),), (), "stub")
    return Plan(profile.start, profile.end, (), tuple(runs), (session,))


def refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("this use case must not read that")


class Calls:
    """What the fakes were asked, to check the service passed the options on."""

    def __init__(self) -> None:
        self.runs: list[tuple[list[str], date, date, dict[str, Any]]] = []
        self.written: list[tuple[str, Path, ExportOptions]] = []

    def read_runs(self, paths: list[str], start: date, end: date, **options: Any) -> list[Run]:
        self.runs.append((paths, start, end, options))
        return [Run(start + timedelta(days=1), "intervals", RunKind.HARD)]

    def format(self, name: str, *, text: bool = True) -> Format:
        def render(plan: Plan, _catalogue: Catalogue, options: ExportOptions) -> str:
            return f"{name}: {len(plan.sessions)} session(s), tz {options.tz}"

        def write(plan: Plan, _catalogue: Catalogue, output: Path, options: ExportOptions) -> int:
            self.written.append((name, output, options))
            return 3

        return Format(name, render if text else None, write)


def planning(calls: Calls, plan_file: Plan | None = None) -> Planning:
    return Planning(
        catalogue=fake_catalogue,
        make_plan=one_session,
        read_runs=calls.read_runs,
        read_calendar=refuse,
        calendar_span=refuse,
        read_overrides=refuse,
        read_plan=(lambda _path: plan_file) if plan_file is not None else refuse,
        exports={"txt": calls.format("txt"), "dir": calls.format("dir", text=False)},
    )


def test_plan_reads_the_calendars_over_the_profiles_window_in_its_zone() -> None:
    calls = Calls()
    profile = Profile(start=START, weeks=4, timezone="Europe/Berlin")
    plan = planning(calls).plan(profile, ["a.ics", "https://example.com/feed"], Path("k.toml"))
    [(paths, start, end, options)] = calls.runs
    assert paths == ["a.ics", "https://example.com/feed"]
    assert start <= START and end >= profile.end
    assert options == {"tz": "Europe/Berlin", "kinds": Path("k.toml")}
    assert [r.title for r in plan.runs] == ["intervals"]


def test_a_format_is_looked_up_by_name_and_an_unknown_one_is_one_line() -> None:
    calls = Calls()
    service = planning(calls)
    plan = one_session(Profile(start=START, weeks=1), [], fake_catalogue())
    assert service.render(plan, "txt", ExportOptions(tz="UTC")) == "txt: 1 session(s), tz UTC"
    assert service.write(plan, "dir", Path("out"), ExportOptions(pictures=False)) == 3
    assert calls.written == [("dir", Path("out"), ExportOptions(pictures=False))]
    with pytest.raises(InputError, match=r"unknown format 'pdf' \(known: txt, dir\)"):
        service.render(plan, "pdf")
    with pytest.raises(InputError, match="written to a folder"):
        service.render(plan, "dir")


def test_check_adds_the_problems_and_recovery_given_and_refuses_unknown_ones() -> None:
    calls = Calls()
    stored = one_session(Profile(start=START, weeks=4), [], fake_catalogue())
    service = planning(calls, plan_file=stored)
    checked = service.check(Path("p.json"), runs=["a.ics"], recovery_every=3, tz="UTC")
    assert checked.plan.recovery_every == 3
    assert [r.title for r in checked.plan.runs] == ["intervals"]
    [(_paths, start, end, _options)] = calls.runs
    assert (start, end) == (stored.start, stored.end + timedelta(days=1))
    with pytest.raises(InputError, match="unknown injury 'knees'"):
        service.check(Path("p.json"), injuries=["knees"])
    with pytest.raises(InputError, match="between 3 and 6"):
        service.check(Path("p.json"), recovery_every=7)


def test_every_plan_and_export_format_of_the_cli_is_in_the_registry() -> None:
    from legday.cli.plan import PlanFormat

    assert {f.value for f in PlanFormat} - {"table"} <= set(FORMATS)
    assert {"fit", "ics", "html", "md"} <= set(FORMATS)
    assert all(name == f.name for name, f in FORMATS.items())
