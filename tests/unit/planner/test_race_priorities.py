"""Race priorities: A races get a taper and a week off, B a race week, C races keep their
day and the day before free while the week lifts on (at least once, then short)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.model import REST_PHASES, Level, Phase, Plan, Profile, Race, Run, RunKind, Week
from legday.planner import make_plan
from legday.planner.dose import budget_share
from legday.planner.season import BUILDING, race_priorities, season
from legday.planner.session import FIT_TOLERANCE
from mini_catalogue import mini_catalogue
from strategies import profiles, runs_for
from thorough import plan_examples

MONDAY = date(2027, 1, 4)
CATALOGUE = mini_catalogue()
# A goal far enough ahead that the weeks around the smaller races are ordinary ones
GOAL = Run(MONDAY + timedelta(weeks=14, days=6), "City Marathon", RunKind.RACE, minutes=220)


def _day(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


def _plan(runs: list[Run], weeks: int = 4, **profile: object) -> Plan:
    athlete = Profile(start=MONDAY, weeks=weeks, recovery_every=6, **profile)  # type: ignore[arg-type]
    return make_plan(athlete, runs, CATALOGUE)


def _sessions_in(plan: Plan, week: int) -> list[date]:
    return [s.day for s in plan.sessions if s.day in plan.weeks[week]]


def test_the_athletes_word_wins_then_the_calendars_then_the_length() -> None:
    half = Run(_day(2, 6), "Half marathon", RunKind.RACE, minutes=100)
    full = Run(_day(8, 6), "Marathon", RunKind.RACE, minutes=220)
    club = Run(_day(1, 2), "club 5K", RunKind.RACE, priority="C")
    ten = Run(_day(4, 5), "Park 10K", RunKind.RACE)
    runs = [half, full, club, ten]
    found = race_priorities(Profile(start=MONDAY), runs)
    assert {day: race.priority for day, race in found.items()} == {
        half.day: "B",  # a longer race follows within eight weeks: a tune-up
        full.day: "A",
        club.day: "C",  # as the calendar reader or an override said
        ten.day: "B",  # a short race nobody ranked
    }
    told = Profile(
        start=MONDAY,
        races=(half.day, _day(6, 0)),
        race_priorities=((club.day, "A"), (full.day, "C")),
    )
    found = race_priorities(told, runs)
    assert found[half.day] == Race(half.day, "A", "Half marathon")  # given without one: A
    assert found[club.day].priority == "A" and found[full.day].priority == "C"
    assert found[_day(6, 0)] == Race(_day(6, 0), "A", "your race")


def test_an_explicit_priority_on_the_run_beats_the_tune_up_guess() -> None:
    half = Run(_day(2, 6), "Half marathon", RunKind.RACE, minutes=100, priority="A")
    full = Run(_day(8, 6), "Marathon", RunKind.RACE, minutes=220)
    assert race_priorities(Profile(start=MONDAY), [half, full])[half.day].priority == "A"


def test_the_most_important_race_of_a_day_counts() -> None:
    runs = [
        Run(_day(1, 6), "club relay", RunKind.RACE, priority="C"),
        Run(_day(1, 6), "Marathon", RunKind.RACE),
    ]
    assert race_priorities(Profile(start=MONDAY), runs)[_day(1, 6)].priority == "A"


def test_an_a_race_gets_a_taper_a_race_week_and_a_week_off() -> None:
    race = Run(_day(4, 6), "City Marathon", RunKind.RACE, minutes=220)
    plan = _plan([race], weeks=6)
    phases = [w.phase for w in plan.weeks]
    assert phases[3:6] == [Phase.TAPER, Phase.RACE, Phase.POST_RACE]
    assert "A race (City Marathon) on Sun 07 Feb" in plan.weeks[4].note
    assert len(_sessions_in(plan, 4)) == 1 and _sessions_in(plan, 4)[0] < race.day - timedelta(1)
    assert _sessions_in(plan, 5) == []
    assert plan.race_days == (Race(race.day, "A", "City Marathon"),)
    assert not [v for v in plan.violations if v.hard]


def test_a_b_race_gets_a_race_week_without_taper_or_week_off() -> None:
    race = Run(_day(2, 5), "Park 10K", RunKind.RACE)
    plan = _plan([race, GOAL], weeks=4)
    assert plan.weeks[1].phase is not Phase.TAPER
    assert plan.weeks[2].phase is Phase.RACE
    assert plan.weeks[3].phase not in (Phase.POST_RACE, Phase.RECOVERY)
    assert "B race (Park 10K) on Sat 23 Jan" in plan.weeks[2].note
    (only,) = _sessions_in(plan, 2)
    assert only < race.day - timedelta(days=1)
    assert len(_sessions_in(plan, 3)) >= 2
    assert not [v for v in plan.violations if v.hard]


def test_a_c_race_keeps_its_week_and_only_its_day_and_the_day_before() -> None:
    race = Run(_day(1, 2), "club 5K", RunKind.RACE, priority="C")
    plan = _plan([race, GOAL], weeks=3)
    before, week = plan.weeks[0], plan.weeks[1]
    assert week.phase is before.phase and week.target == before.target >= 2  # a beginner: two
    assert "C race (club 5K) on Wed 13 Jan: its day and the day before stay free" in week.note
    days = _sessions_in(plan, 1)
    assert len(days) >= 2 and not {race.day, race.day - timedelta(days=1)} & set(days)
    assert any(d > race.day for d in days)  # unlike a race week, it lifts after the race
    why = [s.why for s in plan.sessions if s.day in week]
    assert all("C race (club 5K) on Wed: its day and the day before stay free" in w for w in why)
    # not shortened beyond what its phase asks (a peak week's sessions are a little
    # shorter): as long as the sessions around it, within the fitter's tolerance, and
    # never a maintenance session's single sets. (Not a fixed floor of the athlete's
    # minutes: a C race's week brings nothing new, and since a first session brings at
    # most four new exercises (e8a6c69) this mini catalogue leaves the week one familiar
    # exercise fewer, and one session ends 14 s short of that floor: none of the week's
    # familiar exercises fits in what is left, and an anchor rises in effort, not sets.)
    least = 45 * (budget_share(week.phase) - FIT_TOLERANCE)
    ordinary = [s.minutes for s in plan.sessions[1:] if s.day not in week]  # past the first
    in_week = [s for s in plan.sessions if s.day in week]
    assert all(s.minutes >= min(ordinary) - 45 * FIT_TOLERANCE for s in in_week)
    assert max(s.minutes for s in in_week) >= least
    assert all(max(p.sets for p in s.main) >= 2 for s in in_week)
    assert not [v for v in plan.violations if v.hard]


def test_a_c_race_week_with_room_for_one_gets_one_short_maintenance_session() -> None:
    race = Run(_day(1, 2), "club 5K", RunKind.RACE, priority="C")
    hard = [Run(_day(1, offset), "Intervals", RunKind.HARD) for offset in (0, 3, 5)] + [
        Run(_day(1, 6), "Long run", RunKind.LONG)
    ]
    plan = _plan([race, GOAL, *hard], weeks=3, level=Level.INTERMEDIATE)
    (friday,) = _sessions_in(plan, 1)
    session = next(s for s in plan.sessions if s.day == friday)
    # the week before, past the first session (whose new exercises start at two sets)
    ordinary = [s for s in plan.sessions if s.day in plan.weeks[0]][-1]
    assert session.minutes < ordinary.minutes
    assert max(p.sets for p in session.main) <= 2 < max(p.sets for p in ordinary.main)
    assert "Rønnestad & Mujika 2014" in session.why
    assert "one short maintenance session" in plan.weeks[1].note
    assert not [v for v in plan.violations if v.rule == "frequency"]


def test_the_most_important_race_decides_a_week_with_several() -> None:
    club = Run(_day(1, 1), "club 5K", RunKind.RACE, priority="C")
    tune_up = Run(_day(1, 5), "Park 10K", RunKind.RACE)
    plan = _plan([club, tune_up, GOAL], weeks=3)
    week = plan.weeks[1]
    assert week.phase is Phase.RACE and "B race (Park 10K)" in week.note
    (only,) = _sessions_in(plan, 1)
    assert club.day < only < tune_up.day - timedelta(days=1)
    frames = season(plan.profile, [club, tune_up, GOAL])  # type: ignore[arg-type]
    assert frames[1].required == 1 and not frames[1].only_c_races


def test_c_races_alone_set_no_countdown() -> None:
    race = Run(_day(2, 5), "club 5K", RunKind.RACE, priority="C")
    phases = {f.phase for f in season(Profile(start=MONDAY, weeks=3), [race])}
    assert phases <= BUILDING  # its week runs hard (base), the others not at all


@settings(
    max_examples=plan_examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=st.data())
def test_weeks_take_their_shape_from_their_most_important_race(data: st.DataObject) -> None:
    """On random calendars with random A/B/C races (and races from the profile)."""
    profile = data.draw(profiles(max_weeks=10))
    runs = data.draw(runs_for(profile.start, profile.weeks))
    plan = make_plan(profile, runs, CATALOGUE)
    races = race_priorities(profile, runs)
    lifting = {r.day for r in runs if r.is_strength}
    short = {v.day for v in plan.violations if v.rule == "frequency"}
    for week in plan.weeks:
        here = {races[d].priority for d in races if d in week}
        before = {races[d].priority for d in races if week.start - timedelta(7) <= d < week.start}
        days = _sessions_in(plan, plan.weeks.index(week))
        if here & {"A", "B"}:
            assert week.phase in (Phase.RACE, Phase.RECOVERY, Phase.BLOCKED)
        if week.phase is Phase.RACE:
            assert here & {"A", "B"}
        if week.phase is Phase.POST_RACE:
            assert "A" in before
        if here == {"C"} and week.phase not in REST_PHASES:
            own = lifting & set(week_days(week))  # strength already in the calendar
            assert days or own or week.start in short or week.end > plan.end
            if len(days) == 1 and not own:
                session = next(s for s in plan.sessions if s.day == days[0])
                assert all(p.sets <= 2 for p in session.main)
                # short for in-season maintenance, or for legs still recovering from last
                # week's long race: either way the why says which
                assert "Rønnestad & Mujika 2014" in session.why or (
                    "legs are still recovering" in session.why
                )


def week_days(week: Week) -> list[date]:
    return [week.start + timedelta(days=i) for i in range(7)]
