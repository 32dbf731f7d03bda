"""A coach's read of fresh plans (issue 13, second pass): no dose jumps between exposures,
anchors kept while they can progress, two sessions for a beginner, words that match the
dose, honest minutes and cool-downs that stretch what was worked."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest
from bench.athletes import random_athlete

from coach_athletes import coached_athlete, random_plans
from legday.catalogue import Catalogue
from legday.catalogue.loader import load_catalogue
from legday.kit import kit_of
from legday.model import (
    CARE_NEEDS,
    Equipment,
    ExerciseKind,
    Level,
    Phase,
    Plan,
    Prescription,
    Profile,
    Role,
    Run,
    RunKind,
)
from legday.planner import make_plan
from legday.planner.care.in_session import KEY_RUN_NEAR
from legday.planner.dose import Dose, prescribe, within_reach
from legday.planner.pools import ANCHOR_KINDS
from legday.planner.season import season
from legday.planner.session import NEW_PER_SESSION
from legday.planner.words import in_a_list, listed
from legday.rules import check_plan
from legday.rules.progression import HEAVY_RPE, heavy
from thorough import athletes

ATHLETES = athletes(60)  # each a 16-week plan: a quarter of them under the dev profile
INJURED = athletes(30)
MASTERS = 34  # a share of 5 % needs them all: 2 of the first 10's 38 rises are over 1.2
WEEKS = 16


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def plans(catalogue: Catalogue) -> list[tuple[Profile, Plan]]:
    """Random athletes without problems to care for (care reshapes doses on its own)."""
    return random_plans(2613, ATHLETES, WEEKS, catalogue, without_problems=True)


def _eased_before_key_run(why: str, catalogue: Catalogue) -> set[str]:
    """The care-dosed calf lifts a session's why says are a set lighter, as a key run or
    race is less than 48 h away (`CareFit.told`)."""
    said = f" a set lighter ({KEY_RUN_NEAR})"
    if said not in why:
        return set()
    names = why[: why.index(said)].rsplit("; ", 1)[-1].split(" and ")
    return {e.id for e in catalogue if e.name.lower() in names}


def _exposures(plan: Plan, catalogue: Catalogue) -> list[tuple[Prescription, Prescription, bool]]:
    """Each anchor or accessory with its previous prescription, in plan order, and
    whether that one was care work held a set lighter before a key run (the next goes
    back to the week's dose: a set more than the usual climb)."""
    last: dict[str, tuple[Prescription, bool]] = {}
    pairs = []
    for s in plan.sessions:
        eased = _eased_before_key_run(s.why, catalogue)
        for p in s.main:
            before = last.get(p.exercise)
            last[p.exercise] = p, p.care_dose and p.exercise in eased
            if before is not None and p.role in (Role.ANCHOR, Role.ACCESSORY):
                pairs.append((before[0], p, before[1]))
    return pairs


@pytest.fixture(scope="module")
def injured_plans(catalogue: Catalogue) -> list[tuple[Profile, Plan]]:
    """Random athletes with a problem or two: care sets some lifts at its stage's dose."""
    rng = random.Random(1307)
    found = []
    while len(found) < INJURED:
        profile, runs = random_athlete(rng, WEEKS)
        if profile.injuries:
            found.append((profile, make_plan(profile, runs, catalogue)))
    return found


@pytest.mark.parametrize("kind", ["plans", "injured_plans"])
def test_no_dose_jumps_between_exposures(kind: str, request: pytest.FixtureRequest) -> None:
    """At most a set and an RPE point more than last time (two sets after care work held
    a set lighter before a key run); a load rise of 10 % or one step of the athlete's
    rack, with no more reps than last time."""
    catalogue = request.getfixturevalue("catalogue")
    for profile, plan in request.getfixturevalue(kind):
        kit = kit_of(profile)
        for before, now, eased in _exposures(plan, catalogue):
            where = f"{now.exercise}: {before.sets}x{before.reps} -> {now.sets}x{now.reps}"
            if now.injury_care and now.load_kg is None:
                continue  # unloaded care work follows its protocol's stage (test_care_dose)
            assert now.sets <= before.sets + 1 + eased, where
            assert now.target_rpe <= before.target_rpe + 1, where
            same = now.implement == before.implement
            if now.load_kg and before.load_kg and same and now.load_kg > before.load_kg:
                one_step = kit.step_up(now.implement, before.load_kg) or before.load_kg
                assert now.load_kg <= max(before.load_kg * 1.1, one_step), where
                assert (now.reps or 0) <= (before.reps or 0), where


def test_a_first_exposure_ramps_up(catalogue: Catalogue) -> None:
    """Two easy sets of five, then one thing more at a time, effort first (else a lift
    that met a rise every session stayed at its first RPE 6 for good): the working RPE at
    the same load and reps; once there, a heavier load only one step up with no more
    reps, else the planned sets, else two reps more, never two of them together."""
    squat = catalogue["goblet-squat"]
    first = prescribe(
        squat, Role.ANCHOR, Dose(2, 5, None, 6, "3-1-2"), 6.0, "dumbbells", new=True, injury_care=()
    )
    dumbbells = frozenset({Equipment.DUMBBELLS})
    kit = kit_of(Profile(start=date(2027, 1, 4), weeks=1, equipment=dumbbells))
    dose, kg = within_reach(Dose(4, 5, None, 8, "3-1-2", 2), 10.0, "dumbbells", first, kit)
    assert (dose.sets, dose.reps, dose.rpe, kg) == (2, 5, 7, 6.0)
    working = replace(first, target_rpe=7, new=False)
    dose, kg = within_reach(Dose(4, 5, None, 7, "3-1-2", 2), 10.0, "dumbbells", working, kit)
    assert (dose.sets, dose.reps, dose.rpe, kg) == (2, 5, 7, 8.0)
    # at the working effort and the same load, the block's sets come back before reps
    dose, kg = within_reach(Dose(4, 10, None, 7, "3-1-2"), 6.0, "dumbbells", working, kit)
    assert (dose.sets, dose.reps, dose.rpe, kg) == (3, 5, 7, 6.0)
    dose, kg = within_reach(Dose(2, 10, None, 7, "3-1-2"), 6.0, "dumbbells", working, kit)
    assert (dose.sets, dose.reps, dose.rpe, kg) == (2, 7, 7, 6.0)
    dose, kg = within_reach(Dose(3, 5, None, 7, "3-1-2"), 6.0, "dumbbells", working, kit)
    assert (dose.sets, dose.reps, dose.rpe, kg) == (3, 5, 7, 6.0)
    # the day after a lighter one (the eve of intervals: RPE 6) returns to RPE 7 and moves on
    eve = replace(working, target_rpe=6)
    dose, kg = within_reach(
        Dose(3, 7, None, 7, "3-1-2"), 6.0, "dumbbells", eve, kit, reached=(2, 7)
    )
    assert (dose.sets, dose.reps, dose.rpe, kg) == (3, 5, 7, 6.0)


def test_one_thing_rises_at_a_time(plans: list[tuple[Profile, Plan]]) -> None:
    """From one exposure of a lift to the next, at most one of sets, reps (or seconds),
    effort and load rises: a beginner's 2x8 at RPE 6 never becomes 3x10 at RPE 7. Sets and
    effort count as a rise above the most of the lift's last three exposures: the return
    after a lighter day (the eve of a hard run) is no rise."""
    for _, plan in plans:
        last: dict[str, Prescription] = {}
        seen: dict[str, list[Prescription]] = {}
        for s in plan.sessions:
            for p in s.main:
                before = last.get(p.exercise)
                recent = seen.setdefault(p.exercise, [])[-3:]
                last[p.exercise] = p
                seen[p.exercise].append(p)
                if before is None or (p.injury_care and p.load_kg is None):
                    continue
                rises = [
                    p.sets > max(q.sets for q in recent),
                    (p.reps or 0) > (before.reps or 0) and before.reps is not None,
                    (p.seconds or 0) > (before.seconds or 0) and before.seconds is not None,
                    p.target_rpe > max(q.target_rpe for q in recent),
                    (p.load_kg or 0) > (before.load_kg or 0) and before.load_kg is not None,
                ]
                assert sum(rises) <= 1, (s.day, p.exercise, before, p)


@pytest.mark.parametrize("fixture", ["plans", "injured_plans"])
def test_sessions_fit_the_minutes_asked(fixture: str, request: pytest.FixtureRequest) -> None:
    """The honest estimate (warm-up, work at tempo, rests, cool-down) fits the athlete's
    minutes, a minute of rounding aside (it was up to 10 % over: 33' for 30), but for the
    rare short session whose rules' minimum or care dose overruns, which says so."""
    plans: list[tuple[Profile, Plan]] = request.getfixturevalue(fixture)
    over = total = 0
    for profile, plan in plans:
        for s in plan.sessions:
            total += 1
            if s.minutes > profile.minutes + 1:
                over += 1
                assert "longer than your time" in s.why, (s.minutes, profile.minutes)
    assert over <= (0.02 if fixture == "plans" else 0.08) * total


def test_cool_downs_stretch_what_was_worked(
    catalogue: Catalogue, plans: list[tuple[Profile, Plan]]
) -> None:
    """The muscles the anchors lead with are stretched, as many as the cool-down has
    stretches for: the hamstrings after a hinge."""
    for profile, plan in plans:
        doable = catalogue.doable(profile.equipment, profile.level, ExerciseKind.STRETCH)
        stretchable = {m for e in doable for m in e.muscles}
        for s in plan.sessions:
            leads = {
                catalogue[p.exercise].muscles[0] for p in s.main if p.role is Role.ANCHOR
            } & stretchable
            stretched = {m for c in s.cooldown for m in catalogue[c.exercise].muscles}
            enough = min(len(s.cooldown), len(leads))
            assert len(leads & stretched) >= enough, (s.day, leads, stretched)


def test_injured_runners_stretch_their_sore_muscles(catalogue: Catalogue) -> None:
    """Every session stretches the athlete's problem areas when a stretch for them is
    doable (calves for Achilles trouble, hamstrings for a hamstring problem)."""
    rng = random.Random(77)
    for _ in range(15):
        profile, runs = random_athlete(rng, 8)
        if not profile.injuries:
            continue
        plan = make_plan(profile, runs, catalogue)
        doable = catalogue.doable(profile.equipment, profile.level, ExerciseKind.STRETCH)
        for injury in profile.injuries:
            sore = set(CARE_NEEDS[injury]) & {m for e in doable for m in e.muscles}
            for s in plan.sessions:
                stretched = {m for c in s.cooldown for m in catalogue[c.exercise].muscles}
                assert not sore or sore & stretched, (injury, s.day)


def test_anchors_carry_over_and_settle_before_a_goal_race(
    plans: list[tuple[Profile, Plan]], catalogue: Catalogue
) -> None:
    """At most two anchors change at a block's start (a stalled one and the one held
    longest: `NEW_PER_SESSION`), so one at least carries its progress on (besides, a
    bodyweight lift the athlete has outgrown hands over to its harder variation, in a
    block or at its start), and no anchor lift is met for the first time within three
    weeks of an A race nor in a race, taper or post-race week."""
    quiet = (Phase.TAPER, Phase.RACE, Phase.POST_RACE)
    kinds = {pattern: n for n, kind in enumerate(ANCHOR_KINDS) for pattern in kind[0] | kind[1]}
    for _, plan in plans:
        by_block: dict[int, set[str]] = {}
        harder: dict[int, int] = {}  # hand-overs of an outgrown lift to a harder variation
        last: dict[int, Prescription] = {}  # each kind's lift as last met
        for s in plan.sessions:
            anchors = [p for p in s.main if p.role is Role.ANCHOR]
            by_block.setdefault(s.block, set()).update(p.exercise for p in anchors)
            for p in anchors:
                kind = kinds[catalogue[p.exercise].pattern]
                before = last.get(kind)
                last[kind] = p
                if before is None or before.exercise == p.exercise or before.load_kg is not None:
                    continue
                if p.exercise in catalogue[before.exercise].progressions:
                    harder[s.block] = harder.get(s.block, 0) + 1
        blocks = sorted(b for b in by_block if b)
        for before_block, after in pairwise(blocks):
            # a short session may leave an anchor out (`trim`): the one before it counts too
            carried = by_block[before_block] | by_block.get(before_block - 1, set())
            new = by_block[after] - carried
            # a hand-over to a harder variation of a lift met before, in the block or at
            # its start (a beginner's three bodyweight lifts outgrown in one block's last
            # week, found once recovery weeks held no light session to spread them over)
            handed = {
                e
                for e in new
                if any(e in catalogue[met].progressions for met in carried | by_block[after])
            }
            assert len(new) - max(harder.get(after, 0), len(handed)) <= NEW_PER_SESSION, (
                before_block,
                after,
            )
        goals = [race.day for race in plan.race_days if race.priority == "A"]
        seen: set[str] = set()
        for s in plan.sessions:
            for p in s.main:
                if p.role is Role.ANCHOR and p.exercise not in seen and s is not plan.sessions[0]:
                    assert s.phase not in quiet, (s.day, p.exercise)
                    assert not any(
                        timedelta(0) <= goal - s.day < timedelta(weeks=3) for goal in goals
                    )
            seen.update(s.exercise_ids)


def test_a_beginner_starts_with_two_sessions_a_week(catalogue: Catalogue) -> None:
    """SPEC allows 2-3 a week: a complete beginner is given two unless they ask for three."""
    rng = random.Random(5)
    profile, runs = random_athlete(rng, 8)
    beginner = replace(profile, level=Level.BEGINNER, sessions=None)
    assert all(w.target <= 2 for w in make_plan(beginner, runs, catalogue).weeks)
    asked = make_plan(replace(beginner, sessions=3), runs, catalogue)
    assert any(w.target == 3 for w in asked.weeks)


def test_words_match_the_dose(plans: list[tuple[Profile, Plan]]) -> None:
    """A session promises heavy or heavier lifts only when it holds one: a load at 3-6
    reps. Bodyweight sessions are told how they do progress."""
    for _, plan in plans:
        for s in plan.sessions:
            # heavy at RPE 7 or more: a first time or the eve of a hard run is said to be easy
            heavy_lift = any(
                heavy(p) and p.target_rpe >= HEAVY_RPE for p in s.main if p.role is Role.ANCHOR
            )
            says_heavy = "heavy lifts" in s.why or "heavier lifts" in s.why
            assert says_heavy == heavy_lift, (s.day, s.why)
            if all(p.load_kg is None for p in s.main):
                assert "load" not in s.why.replace("bodyweight", ""), s.why


def test_the_progression_rule_flags_a_dose_jump(
    catalogue: Catalogue, plans: list[tuple[Profile, Plan]]
) -> None:
    """`legday check` finds a jump in any plan: two sets more, or a load past one rise."""
    for _, plan in plans:
        assert not [v for v in plan.violations if "jumps" in v.message]
    _, plan = next(
        (pr, pl) for pr, pl in plans if any(p.load_kg for s in pl.sessions for p in s.main)
    )
    seen: dict[str, Prescription] = {}
    again: list[Prescription] = []
    index = 0
    while not again:
        s = plan.sessions[index]
        again = [p for p in s.main if p.load_kg and p.exercise in seen]
        seen.update((p.exercise, p) for p in s.main if not again)
        index += 0 if again else 1
    lifted = again[0]
    last = seen[lifted.exercise]
    jumped = replace(lifted, sets=last.sets + 2, load_kg=(last.load_kg or 0) * 2 + 10)
    sessions = list(plan.sessions)
    sessions[index] = replace(s, main=tuple(jumped if p is lifted else p for p in s.main))
    messages = [v.message for v in check_plan(replace(plan, sessions=tuple(sessions)), catalogue)]
    assert sum("jumps" in m and lifted.exercise in m for m in messages) == 2


def test_taper_and_peak_carry_less_volume(plans: list[tuple[Profile, Plan]]) -> None:
    """The taper's sessions hold a third to a half fewer sets than the build's and are
    shorter; the peak's sets do not rise above the build's (its note says fewer sets)."""
    sets: dict[Phase, list[int]] = {}
    minutes: dict[Phase, list[int]] = {}
    for _, plan in plans:
        for s in plan.sessions:
            sets.setdefault(s.phase, []).append(sum(p.sets for p in s.main))
            minutes.setdefault(s.phase, []).append(s.minutes)

    def mean(values: list[int]) -> float:
        return sum(values) / len(values)

    build = mean(sets[Phase.BUILD])
    assert mean(sets[Phase.TAPER]) <= 0.7 * build
    assert mean(minutes[Phase.TAPER]) < mean(minutes[Phase.BUILD])
    assert mean(sets[Phase.PEAK]) <= build


def test_nothing_new_nor_heavier_close_to_an_a_race(plans: list[tuple[Profile, Plan]]) -> None:
    """Within three weeks of an A race no exercise is met for the first time (anchor or
    not) and no load goes above what the lift carried before those weeks (a plan that
    starts that close has nothing to go on yet)."""
    checked = 0
    for _, plan in plans:
        goals = [
            race.day
            for race in plan.race_days
            if race.priority == "A" and race.day - plan.start >= timedelta(weeks=4)
        ]
        seen: set[str] = set()
        heaviest: dict[str, float] = {}
        for s in plan.sessions:
            close = any(timedelta(0) <= goal - s.day < timedelta(weeks=3) for goal in goals)
            for p in s.main:
                if close:
                    checked += 1
                    assert p.exercise in seen, (s.day, p.exercise)
                    if p.load_kg is not None and p.exercise in heaviest:
                        assert p.load_kg <= heaviest[p.exercise], (s.day, p.exercise)
                elif p.load_kg is not None:
                    heaviest[p.exercise] = max(heaviest.get(p.exercise, 0.0), p.load_kg)
            seen.update(p.exercise for p in s.main)
    assert checked


def test_masters_recover_monthly_with_a_light_week_and_stay_at_rpe_7(catalogue: Catalogue) -> None:
    """A runner of 50 or more keeps the seed's monthly recovery week (a chosen rhythm
    stays) rather than every third week off (a coach's later read: too little training),
    and no working set above RPE 7."""
    rng = random.Random(50)
    for _ in range(6):
        profile, runs = random_athlete(rng, WEEKS)
        masters = replace(profile, age=52, recovery_every=4, level=Level.ADVANCED)
        plan = make_plan(masters, runs, catalogue)
        assert plan.recovery_every == 4
        assert all(p.target_rpe <= 7 for s in plan.sessions for p in s.main)
        chosen = make_plan(replace(masters, recovery_every=5), runs, catalogue)
        assert chosen.recovery_every == 5


def test_names_with_a_comma_or_and_read_as_one_item_of_a_list() -> None:
    """A why's list never splits an exercise's own name into two: "single-leg stand,
    eyes closed" and "squat jump and stick" each read as one exercise."""
    names = ["single-leg stand, eyes closed", "squat jump and stick", "calf raise"]
    text = listed([in_a_list(name) for name in names])
    assert text == "single-leg stand (eyes closed), squat jump & stick and calf raise"
    items = [item for part in text.split(", ") for item in part.split(" and ")]
    assert len(items) == len(names)


def test_a_build_week_without_hard_runs_does_not_promise_hard_running() -> None:
    """A beginner's build weeks over easy run-walks say nothing of hard running; a week
    with intervals still does."""
    monday = date(2027, 1, 4)
    goal = Run(monday + timedelta(weeks=9, days=6), "First 10K", RunKind.RACE)
    easy = [Run(monday + timedelta(weeks=w, days=1), "Run-walk", RunKind.EASY) for w in range(9)]
    hard = [Run(monday + timedelta(weeks=2, days=3), "Intervals", RunKind.HARD)]
    frames = season(Profile(start=monday, weeks=9), [*easy, *hard, goal])
    builds = [f for f in frames if f.phase is Phase.BUILD]
    assert builds
    for frame in builds:
        with_intervals = frame.start == monday + timedelta(weeks=2)
        assert ("hard running" in frame.note) is with_intervals, frame.note


def test_a_recovery_weeks_session_is_shorter_than_a_normal_one(catalogue: Catalogue) -> None:
    """The light session of a recovery week (one whose only races are C races: a track
    season's), called short, is never longer than the athlete's typical session of the
    plan."""
    checked = 0
    for seed in range(6):
        plan = make_plan(*coached_athlete(random.Random(seed), "track"), catalogue)
        normal = sorted(
            s.minutes
            for s in plan.sessions
            if s.phase in (Phase.BUILD, Phase.BASE, Phase.OFF_SEASON)
        )
        typical = normal[len(normal) // 2]
        for s in plan.sessions:
            if s.phase is Phase.RECOVERY:
                checked += 1
                assert s.minutes <= typical, (s.day, s.minutes, typical)
    assert checked


def test_a_masters_weekly_volume_climbs_gently(catalogue: Catalogue) -> None:
    """Masters: from one week to the next with as many sessions (recovery weeks aside), the
    week's sets rise about 20 % at most: a per-session cap of 20 % over the last full
    week's average, rounded up, so never as much as half again. The plan's first week is
    no base to measure from: every exercise in it, care work in routines and sessions
    alike, stays at a first time's two sets (`planner.ramp`), lighter than any later week;
    nor is the first week back from a recovery week, which is no full week either, nor
    the two ramp weeks back from an A race's week off (`season._in_blocks`), lighter on
    purpose: with recovery weeks no earlier than `recovery_every - 1` lifting weeks after
    such a week off, the full week after them lifts."""
    rises = []
    for seed in range(1000, 1000 + 3 * MASTERS, 3):
        profile, runs = random_athlete(random.Random(seed), WEEKS)
        plan = make_plan(replace(profile, age=52), runs, catalogue)
        weeks: dict[int, list[int]] = {}
        phases: dict[int, Phase] = {}
        for s in plan.sessions:
            week = (s.day - plan.start).days // 7
            weeks.setdefault(week, []).append(sum(p.sets for p in s.main))
            phases[week] = s.phase
        for week, sets in weeks.items():
            after = weeks.get(week + 1)
            if week == 0 or after is None or len(after) != len(sets):
                continue
            if Phase.RECOVERY in (phases[week], phases[week + 1], plan.weeks[week - 1].phase):
                continue
            if Phase.POST_RACE in (plan.weeks[week - 1].phase, plan.weeks[max(0, week - 2)].phase):
                continue  # a ramp week back from an A race's week off: light on purpose
            rises.append(sum(after) / sum(sets))
    assert rises
    assert max(rises) <= 1.5
    assert sum(rise > 1.2 for rise in rises) <= 0.05 * len(rises)
