"""A time trial in the plan file: `"all_out": true` on its run, written only when true,
read back as it was (and by the logbook too)."""

from __future__ import annotations

from datetime import date, time, timedelta

from legday.exports.plan_json import plan_from_json, plan_to_json
from legday.model import Plan, Profile, Run, RunKind
from legday.planner import make_plan
from legday.store.mapping import plan_document, plan_from_document
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 1, 4)
TRIAL = Run(MONDAY + timedelta(days=3), "Test 5 km", RunKind.HARD, time(18), None, 25, all_out=True)
PARKRUN = Run(MONDAY + timedelta(days=5), "parkrun", RunKind.HARD, time(9), None, 25)


def _plan() -> Plan:
    return make_plan(Profile(start=MONDAY, weeks=1), [TRIAL, PARKRUN], mini_catalogue())


def test_only_a_time_trial_carries_the_field_and_it_comes_back() -> None:
    data = plan_to_json(_plan())
    runs = {r["title"]: r for d in data["days"] for r in d["runs"]}
    assert runs["Test 5 km"]["all_out"] is True
    assert "all_out" not in runs["parkrun"]
    again = plan_from_json(data, "plan.json")
    assert {r.title: r.all_out for r in again.runs} == {"Test 5 km": True, "parkrun": False}
    assert plan_to_json(again) == data


def test_a_plan_file_without_the_field_reads_as_no_time_trial() -> None:
    data = plan_to_json(_plan())
    for day in data["days"]:
        for run in day["runs"]:
            run.pop("all_out", None)
    assert not any(r.all_out for r in plan_from_json(data, "plan.json").runs)


def test_the_logbook_keeps_the_flag_and_reads_older_rows() -> None:
    plan = _plan()
    again = plan_from_document(plan.start, plan.end, plan_document(plan), plan.sessions)
    assert again == plan
    assert {r.title: r.all_out for r in again.runs} == {"Test 5 km": True, "parkrun": False}
    older = {  # stored before the one codec, and before time trials were kept
        "weeks": [],
        "runs": [
            {
                "day": TRIAL.day.isoformat(), "title": "Test 5 km", "kind": "hard",
                "start": "18:00:00", "end": None, "minutes": 25, "is_strength": False,
                "reason": "", "source": "",
            }
        ],
        "violations": [],
        "recovery_every": 4,
        "injuries": [],
    }  # fmt: skip
    read = plan_from_document(plan.start, plan.end, older, ())
    assert [(r.title, r.all_out) for r in read.runs] == [("Test 5 km", False)]
