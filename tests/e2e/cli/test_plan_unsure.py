"""`legday plan` names the runs it read with doubt, with their fixes, in every output a
runner reads; a stored plan keeps them; a plan read surely shows nothing extra."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from doubt import GUESSED, REASON, read_with_doubt
from legday.catalogue.loader import load_catalogue
from legday.cli import main
from legday.cli.plan import PlanFormat, render_plan
from legday.exports.plan_json import plan_from_json, plan_to_json, read_plan_file
from legday.exports.unsure import unsure_in_plan
from legday.model import Plan, Run, RunKind

ROOT = Path(__file__).resolve().parents[3]
UNSURE_ICS = ROOT / "tests" / "fixtures" / "calendars" / "unsure.ics"
EXAMPLE = ROOT / "src" / "legday" / "examples" / "marathon-plan.ics"
SCHEMA = json.loads((ROOT / "src" / "legday" / "exports" / "plan.schema.json").read_text())
ARGS = ["plan", "--runs", str(UNSURE_ICS), "--start", "2027-01-04", "--weeks", "3"]
SURE_ARGS = ["plan", "--runs", str(EXAMPLE), "--start", "2027-01-04", "--weeks", "3"]


@pytest.fixture(autouse=True)
def _doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    read_with_doubt(monkeypatch)


def plan_json(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "plan.json"
    assert main([*args, "--format", "json", "-o", str(target)]) == 0
    capsys.readouterr()
    return target


def test_table_lists_the_unsure_runs_with_their_fixes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    # "E 45'" is timed, so as "other" it is busy time: an unsure one is listed too
    start = lines.index("Check these entries (legday was unsure of 6 calendar reading(s)):")
    assert lines[start + 1 : start + 4] == [
        '  Tue 2027-01-05 and 2 more: "Morning run" read as easy (40 % sure)',
        '  Thu 2027-01-07 and 1 more: "E 45\'" read as other (40 % sure)',
        '  Sat 2027-01-09: "Lauf mit Jörg" read as easy (40 % sure)',
    ]
    assert '"Lauf mit Jörg" = "easy"  # Sat 2027-01-09, 40 % sure; or hard' in out
    assert '"morning-series@unsure.example" = "easy"  # "Morning run"' in out
    assert "unsure how to read 6 calendar entries" in err
    assert err.count("\n") == 1


def test_plan_json_lists_unsure_runs_and_stays_in_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(plan_json(ARGS, tmp_path, capsys).read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    unsure = data["unsure"]
    assert [(u["date"], u["title"], u["kind"]) for u in unsure] == [
        ("2027-01-05", "Morning run", "easy"),
        ("2027-01-07", "E 45'", "other"),
        ("2027-01-09", "Lauf mit Jörg", "easy"),
        ("2027-01-12", "Morning run", "easy"),
        ("2027-01-14", "E 45'", "other"),
        ("2027-01-19", "Morning run", "easy"),
    ]
    for item in unsure:
        assert {"date", "title", "kind", "confidence", "reason", "fix"} <= set(item)
        assert item["confidence"] == GUESSED
        assert item["reason"] == REASON
    assert unsure[2]["fix"]["toml"] == '[titles]\n"Lauf mit Jörg" = "easy"\n'
    assert unsure[0]["fix"]["table"] == "uids"
    runs = [r for d in data["days"] for r in d["runs"]]
    sure = [r for r in runs if r["confidence"] == 1.0]
    # the one codec keeps every run whole: sure ones keep why and where they were read too
    assert sure and all(r["source"].startswith("unsure.ics:") and r["reason"] for r in sure)
    assert not {r["title"] for r in sure} & {u["title"] for u in unsure}
    doubtful = [r for r in runs if r["confidence"] < 1.0]
    assert len(doubtful) == 4 and all(r["source"].startswith("unsure.ics:") for r in doubtful)


def test_a_stored_plan_reads_back_with_its_unsure_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = plan_json(ARGS, tmp_path, capsys)
    written = json.loads(path.read_text(encoding="utf-8"))
    again = read_plan_file(path)
    assert plan_to_json(again) == written
    for form in (PlanFormat.TABLE, PlanFormat.MD, PlanFormat.HTML):
        text = render_plan(again, form)
        assert isinstance(text, str) and "Check these entries" in text
        assert '"Lauf mit Jörg" = "easy"' in text or "&quot;Lauf mit Jörg&quot;" in text
    assert render_plan(again, PlanFormat.MD) == render_plan(_from_memory(), PlanFormat.MD)


def _from_memory() -> Plan:
    from legday.calendars import read_runs
    from legday.planner import make_plan
    from legday.profiles import build_profile, layered

    values = layered(None, {"runs": [str(UNSURE_ICS)], "start": "2027-01-04", "weeks": 3})
    athlete = build_profile(values, default_start=date(2027, 1, 4))
    runs = read_runs([UNSURE_ICS], athlete.start, athlete.end)
    return dataclasses.replace(make_plan(athlete, runs, load_catalogue()), profile=None)


def test_markdown_and_html_have_a_check_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    section = markdown[markdown.index("## Check these entries") : markdown.index("## Week 1")]
    assert '- Sat 2027-01-09: "Lauf mit Jörg" read as easy (40 % sure)' in section
    assert '```toml\n[titles]\n"E 45\'" = "other"' in section
    assert '\n"Lauf mit Jörg" = "easy"' in section
    assert main([*ARGS, "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert '<section class="unsure"><h2>Check these entries</h2>' in html
    assert "[uids]\n&quot;morning-series@unsure.example&quot; = &quot;easy&quot;" in html


def test_a_title_cannot_close_the_markdown_fence() -> None:
    run = Run(
        date(2027, 1, 5),
        "```\n# Injected heading",
        RunKind.HARD,
        confidence=0.3,
        source="p.csv:line 2",
    )
    plan = dataclasses.replace(_from_memory(), runs=(run,))
    markdown = render_plan(plan, PlanFormat.MD)
    assert isinstance(markdown, str)
    assert "\n````toml\n" in markdown and "\n# Injected heading" not in markdown


def test_nothing_extra_when_every_reading_is_sure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import legday.calendars.fixes

    def never(*_: object) -> object:
        raise AssertionError("fixes computed for a plan read surely")

    monkeypatch.setattr(legday.calendars.fixes, "find_unsure", never)
    assert main(SURE_ARGS) == 0
    out, err = capsys.readouterr()
    assert "Check these entries" not in out and "unsure" not in err
    for form in ("md", "html"):
        assert main([*SURE_ARGS, "--format", form]) == 0
        assert "Check these entries" not in capsys.readouterr().out
    data = json.loads(plan_json(SURE_ARGS, tmp_path, capsys).read_text(encoding="utf-8"))
    assert data["unsure"] == []


def test_a_hand_made_plan_with_odd_reason_and_source_reads_as_empty_text() -> None:
    data = plan_to_json(_from_memory())
    run = next(r for d in data["days"] for r in d["runs"] if r["confidence"] < 1)
    run["reason"], run["source"] = 7, None
    plan = plan_from_json(data, "hand.json")
    odd = [r for r in plan.runs if r.confidence < 1 and r.reason == "" and r.source == ""]
    assert len(odd) == 1
    assert len(unsure_in_plan(plan)) == 6  # four runs and two busy "E 45'"


def test_the_fix_is_the_same_from_the_file_as_from_memory() -> None:
    plan = _from_memory()
    first = True
    runs = []
    for run in plan.runs:  # one occurrence of the series unsure, the others moved and sure
        if run.title == "Morning run":
            if not first:
                run = dataclasses.replace(run, title="Morning run, moved", confidence=1.0)
            first = False
        elif run.confidence < 1:
            run = dataclasses.replace(run, confidence=1.0)
        runs.append(run)
    plan = dataclasses.replace(plan, runs=tuple(runs))
    data = plan_to_json(plan)
    # one unsure day of the series, its title unsure everywhere: the title settles it
    assert [(u["fix"]["table"], u["fix"]["key"]) for u in data["unsure"]] == [
        ("titles", "Morning run")
    ]
    assert plan_to_json(plan_from_json(json.loads(json.dumps(data)), "file")) == data
