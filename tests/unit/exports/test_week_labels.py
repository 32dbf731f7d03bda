"""A race week is named for its race in the season overview, the week headings and the
all-day note, even when the planner also made it the recovery week: "B-race week", not
"recovery" (a coach read the A- and B-race weeks of a trail season as recovery weeks)."""

from __future__ import annotations

from datetime import date, timedelta

from legday.exports._describe import rest_week_title, week_heading, week_label, week_overview
from legday.exports.html import plan_to_html
from legday.exports.markdown import plan_to_markdown
from legday.model import Phase, Plan, Race, Week
from mini_catalogue import mini_catalogue

MONDAY = date(2027, 6, 21)


def _plan(phase: Phase, races: tuple[Race, ...]) -> Plan:
    week = Week(MONDAY, phase, "recovery week, and the week of the B race", 0)
    return Plan(
        start=MONDAY,
        end=MONDAY + timedelta(days=6),
        weeks=(week,),
        runs=(),
        sessions=(),
        races=tuple(r.day for r in races),
        race_days=races,
    )


def test_a_recovery_week_holding_a_b_race_is_the_b_race_week() -> None:
    plan = _plan(Phase.RECOVERY, (Race(MONDAY + timedelta(days=5), "B", "Jura Crest 50K"),))
    week = plan.weeks[0]
    assert week_label(week, plan) == "B-race week"
    assert week_heading(1, week, plan).endswith("· B-race week")
    assert rest_week_title(week, plan).startswith("B-race week: no strength")
    assert [row.phase for row in week_overview(plan, mini_catalogue())] == ["B-race week"]


def test_the_a_race_names_a_week_holding_several_races() -> None:
    races = (
        Race(MONDAY + timedelta(days=2), "C", "club 5K"),
        Race(MONDAY + timedelta(days=5), "A", "Alpine Ultra"),
    )
    plan = _plan(Phase.RACE, races)
    assert week_label(plan.weeks[0], plan) == "A-race week"


def test_a_c_race_leaves_a_recovery_week_a_recovery_week() -> None:
    plan = _plan(Phase.RECOVERY, (Race(MONDAY + timedelta(days=5), "C", "parkrun"),))
    assert week_label(plan.weeks[0], plan) == "recovery"
    assert rest_week_title(plan.weeks[0], plan) == "Recovery week: no strength"


def test_markdown_and_html_overviews_name_the_race_week() -> None:
    plan = _plan(Phase.RECOVERY, (Race(MONDAY + timedelta(days=5), "B", "Jura Crest 50K"),))
    catalogue = mini_catalogue()
    markdown = plan_to_markdown(plan, catalogue)
    assert "| B-race week |" in markdown
    assert "| recovery |" not in markdown
    html = plan_to_html(plan, catalogue)
    assert "<td>B-race week</td>" in html
    assert "<td>recovery</td>" not in html
