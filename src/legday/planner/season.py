"""Periodisation: what each week of the horizon is for.

Phases come from the races in the calendar (and the profile), each with a priority, and
from the calendar's running: strength is built in the off-season and base, kept in build
and peak, trimmed in the taper before an A (goal) race and in the race week of an A or B
(tune-up) race, and paused the week after an A race. Only a goal race has a peak and a
taper, in its last weeks; tune-ups are raced from a build. With no race near, the running
decides: base while it goes on (hard or steady), off-season when it is lighter or stops
(issue 13: a 10K runner's three tune-ups made weeks 1-9 "peak", intervals every week
after the last one were "off-season", and a beginner's steady running was "off-season"
all through). A C race (short or club) keeps its week's phase; that week needs only one
session (Rønnestad & Mujika 2014: one a week keeps strength in season). A lone C race
sets no countdown, but a run of them (SEASON_RACES within SEASON_SPAN: a track or
cross-country season, a meet most weekends) is a competition season: its weeks, from the
first meet to the last, keep strength as build weeks do (short heavy or explosive work,
48-72 h clear of the meets) instead of building it as the off-season does. No
`recovery_every` weeks in a row lift without a recovery week, a whole week without
strength for everyone, placed at the least cost (`_recovery_weeks`). An A or B race's
week lifts (its one light session), so it never takes a recovery week's place: the
recovery weeks keep apart from it where they can, and come next to it where the rule
leaves no other week. Where the races allow, a recovery week comes only after
`recovery_every - 1` lifting weeks since the plan's start or the last week without
strength (a coach found one in a 10K racer's second week), and never after fewer than two
but where the rule itself asks. The one exception to a week without strength is SPEC's
own: a week whose only races are C races keeps one short maintenance session
(`frequency`), so a recovery week goes there only when no other week will do (a
competition season with a meet every week). Every other in-season week (build, peak,
taper, race) keeps a floor of at least one session; the day chooser keeps it 48-72 h
clear of the races.

The lifting weeks between pauses form training blocks of 3-6 weeks, each with its anchor
lifts; the first two weeks back after an A race's week off ramp up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from itertools import groupby
from typing import NamedTuple

from legday.model import REST_PHASES, Level, Phase, Profile, Race, Run, RunKind


def recovery_every(profile: Profile) -> int:
    """Every how many weeks a recovery week comes: the profile's, masters included. A
    masters athlete's extra recovery comes from spacing and the RPE and set caps, not from
    a week off every third week: that left a beginner of 52 two weeks of bodyweight work
    between weeks without any (docs/planner.md section 4)."""
    return profile.recovery_every


__all__ = [
    "DAY_ABBR",
    "DAY_NAMES",
    "LIGHT_NOTE",
    "WEEK_SPAN",
    "WeekFrame",
    "competition_seasons",
    "goal_races",
    "is_major_race",
    "race_days",
    "race_event",
    "race_priorities",
    "recovery_every",
    "season",
]

RACE = RunKind.RACE  # looked up once: enum member look-ups are slow in Python 3.11
MAJOR_RACE_MINUTES = 75
TUNE_UP_WINDOW = timedelta(weeks=8)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_ABBR = tuple(name[:3] for name in DAY_NAMES)  # in notes: "Tue", "Thu"
WEEK_SPAN = timedelta(days=6)  # a week's first day to its last
ONE_WEEK = timedelta(days=7)
MAJOR_RACE_WORDS = ("marathon", "maraton", "ultra", "half", "halb", "semi", "media", "trail")


class WeekFrame(NamedTuple):
    """A week as the day chooser sees it: what it is for, how many sessions to aim for,
    and the floor. The plan's `Week` is made from it once the days are chosen."""

    start: date
    phase: Phase
    note: str
    target: int  # strength sessions to aim for
    required: int  # below this the `frequency` rule is broken
    races: tuple[Race, ...] = ()  # the week's races with their priorities, by day
    block: int = 0  # which training block (1, 2, ...); 0 for a week without strength
    block_week: int = 0  # the week's place in its block: 1, 2, ...
    ramp: int = 0  # 1 or 2: the first or second week back after an A race; else 0
    light: bool = False  # a recovery week holding a C race: one short, light session
    # the B race of the week before an off-season week: the week is the return from it,
    # and says so, never "off-season" (issue 13)
    after: Race | None = None
    # the races of the seven days before the week, before the plan's start too: a race on
    # the Sunday before closes Monday (`days.py`), and care holds after it
    last_week: tuple[Race, ...] = ()

    @property
    def only_c_races(self) -> bool:
        """Races this week, all of them C: the week keeps its phase and lifts at least once."""
        return bool(self.races) and all(race.priority == "C" for race in self.races)


def race_days(profile: Profile, runs: Sequence[Run]) -> frozenset[date]:
    days = frozenset([r.day for r in runs if r.kind is RACE])
    return days.union(profile.races) if profile.races else days


def is_major_race(run: Run) -> bool:
    """A long race earns a taper before it and a week without strength after it."""
    title = run.title.lower()
    long_enough = run.minutes is not None and run.minutes >= MAJOR_RACE_MINUTES
    return long_enough or any(word in title for word in MAJOR_RACE_WORDS)


def goal_races(runs: Sequence[Run]) -> frozenset[date]:
    """Long races that are not tune-ups: a long race with a longer one within eight weeks
    after it is a stepping stone (a race week, but no taper and no week off after it)."""
    majors = [r for r in runs if r.kind is RACE and is_major_race(r)]
    return frozenset(
        r.day
        for r in majors
        if not any(
            r.day < other.day <= r.day + TUNE_UP_WINDOW and _race_size(other) > _race_size(r)
            for other in majors
        )
    )


def race_priorities(profile: Profile, runs: Sequence[Run]) -> dict[date, Race]:
    """Every race day with its priority: the most important race of the day decides.

    The athlete's word wins (a profile or `--race` priority; a race day they gave without
    one is their goal, A), then the calendar's (a `race:C` override, or C for a track meet
    or 5K as the reader saw it), then the race's length: a long race is A unless a longer
    one follows within eight weeks (then B, a tune-up), any other race is B.
    """
    athlete = dict.fromkeys(profile.races, "A")
    athlete.update(profile.race_priorities)
    goals = goal_races(runs)
    found: dict[date, Race] = {}
    for run in runs:
        if run.kind is not RACE:
            continue
        day = run.day
        priority = athlete.get(day) or (run.priority if run.priority in RANKS else None)
        if priority is None:
            priority = "A" if day in goals else "B"
        _keep(found, Race(day, priority, run.title))
    for day, priority in athlete.items():
        if day not in found:
            found[day] = Race(day, priority, "your race")
        elif found[day].priority != priority:  # the athlete's word beats the calendar's
            found[day] = Race(day, priority, found[day].title)
    return found


RANKS = {"A": 0, "B": 1, "C": 2}
# What a race's title says of its ground and length when the profile names no event: a
# trail, mountain or sky race, an ultra, or a race longer than a marathon ("50 km",
# "100 miles"). Only these two events are read from titles: the plan prepares their legs
# for downhills (planner/pools.py `ECCENTRIC_EVENTS`); a road distance needs the profile.
TRAIL_WORDS = re.compile(
    r"\b(?:trail|mountain|sky ?r(?:ace|un)|fell (?:race|run)|berglauf|montagne|montaña)"
)
ULTRA_WORDS = ("ultra",)
MARATHON_KM = 42.2
_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|k|mi|miles?)\b")
MILE_KM = 1.609


def race_event(races: Iterable[Race]) -> str | None:
    """The event the athlete's races name when their profile names none: "ultra" for an
    ultra or a race longer than a marathon, else "trail" for a trail, mountain or sky race;
    the goal (A) races first, then the tune-ups (B). None when no title says so."""
    for priority in ("A", "B"):
        titles = [r.title.lower() for r in races if r.priority == priority]
        if any(_ultra(title) for title in titles):
            return "ultra"
        if any(TRAIL_WORDS.search(title) for title in titles):
            return "trail"
    return None


def _ultra(title: str) -> bool:
    """An ultra by name, or longer than a marathon by the distance in its title."""
    if any(word in title for word in ULTRA_WORDS):
        return True
    for number, unit in _DISTANCE.findall(title):
        km = float(number.replace(",", ".")) * (MILE_KM if unit.startswith("mi") else 1)
        if km > MARATHON_KM:
            return True
    return False


def _keep(found: dict[date, Race], race: Race) -> None:
    """Keep the day's most important race (the first of equals)."""
    there = found.get(race.day)
    if there is None or RANKS[race.priority] < RANKS[there.priority]:
        found[race.day] = race


def _race_size(run: Run) -> int:
    """Minutes when known, else a guess from the distance in the title."""
    if run.minutes:
        return run.minutes
    title = run.title.lower()
    if any(word in title for word in ("half", "halb", "semi", "media")):
        return 110
    return 240 if any(word in title for word in ("marathon", "maraton", "ultra")) else 60


def season(
    profile: Profile,
    runs: Sequence[Run],
    races: Mapping[date, Race] | None = None,
    logged: Iterable[date] = (),
) -> list[WeekFrame]:
    """A frame per week; `races` is `race_priorities(profile, runs)` when the caller has it;
    `logged` the days of strength already trained (a week holding one is lifting)."""
    if races is None:
        races = race_priorities(profile, runs)
    in_order = [races[day] for day in sorted(races)]
    by_priority: dict[str, list[Race]] = {"A": [], "B": [], "C": []}
    for race in in_order:
        by_priority[race.priority].append(race)
    # strength already in the calendar or in the logbook
    lifting = {r.day for r in runs if r.is_strength} | set(logged)
    # the weeks (by index) with a hard run or a race in the calendar
    hard = {
        (r.day - profile.start).days // 7
        for r in runs
        if r.running and r.kind in (RunKind.HARD, RunKind.RACE)
    }
    seasons = competition_seasons(by_priority["C"])
    minutes = _weekly_minutes(profile, runs)
    weeks: list[tuple[date, Phase, str]] = []
    # the weeks of an A or B race: thin weeks a recovery week goes apart from
    race_weeks = set()
    c_weeks = set()  # the weeks whose only races are C races: they keep one session
    for index in range(profile.weeks):
        start = profile.start + timedelta(days=7 * index)
        if _main_race(start, in_order) is not None:
            race_weeks.add(index)
        elif any(start <= race.day <= start + WEEK_SPAN for race in in_order):
            c_weeks.add(index)
    for index in range(profile.weeks):
        start = profile.start + timedelta(days=7 * index)
        running = _running(index, minutes, hard)
        phase, note = _phase(start, in_order, by_priority["A"], by_priority["B"], running)
        meets = _season_of(start, seasons)
        if meets is not None and phase in BUILDING:
            phase, note = Phase.BUILD, _season_note(meets)
        if note.endswith(HARD_RUNNING) and index not in hard:
            # a build week without a hard run in the calendar says what it is for
            note = note.removesuffix(HARD_RUNNING) + EASY_RUNNING
        if profile.level is Level.BEGINNER and note.endswith(HARD_RUNNING):
            # a beginner has no strength yet to keep: W1 told a runner who had never
            # lifted to "maintain strength"
            note = note.removesuffix(HARD_RUNNING) + BEGINNER_HARD_RUNNING
        if phase not in REST_PHASES and _fully_blocked(profile, start):
            phase, note = Phase.BLOCKED, "you blocked every training day this week"
        weeks.append((start, phase, note))
    for index in _recovery_weeks(weeks, recovery_every(profile), lifting, race_weeks, c_weeks):
        weeks[index] = (weeks[index][0], Phase.RECOVERY, OFF_NOTE)
    targets = _targets(profile.sessions)
    frames = []
    for start, phase, note in weeks:
        in_week = tuple(race for race in in_order if start <= race.day <= start + WEEK_SPAN)
        last_week = tuple(race for race in in_order if start - ONE_WEEK <= race.day < start)
        frame = WeekFrame(start, phase, note, targets[phase], 0, in_week, last_week=last_week)
        if note.endswith(AFTER_B_RACE):  # the return from a tune-up, whatever it builds
            frame = frame._replace(after=_raced_before(start, in_order))
        if phase is Phase.RECOVERY and frame.only_c_races:  # SPEC's `frequency` exception
            frame = frame._replace(note=LIGHT_NOTE, target=1, light=True)
        main = _main_race(start, in_order)
        if phase is Phase.RECOVERY and main is not None:  # where no other week would do
            frame = frame._replace(note=f"{frame.note}; the {main.label} is the week's effort")
        if frame.only_c_races:
            frame = frame._replace(note=f"{_around_a_race(frame.note)}; {_c_note(in_week)}")
        frames.append(frame._replace(required=_floor(frame)))
    return _in_blocks(frames)


def _weekly_minutes(profile: Profile, runs: Sequence[Run]) -> list[int]:
    """The calendar's running minutes in each week of the plan."""
    weeks = [0] * profile.weeks
    for run in runs:
        index = (run.day - profile.start).days // 7
        if 0 <= index < profile.weeks and run.running and run.kind is not RunKind.REST:
            weeks[index] += run.minutes or 0
    return weeks


class Running(StrEnum):
    """What the calendar's running is like in a week: the phase of a week with no race
    near follows it (`_phase`)."""

    HARD = "hard"  # a hard run (intervals, tempo, hills) or a race
    STEADY = "steady"  # running, none of it hard, about as much as usual
    LIGHTER = "lighter"  # no hard run, and less running than usual (LIGHTER_SHARE)
    NONE = "none"  # no running in the calendar


def _running(index: int, minutes: Sequence[int], hard: Collection[int]) -> Running:
    """The week's running (`hard`: the weeks with a hard run or a race). Lighter is
    against the weeks before it (the plan's first week: against all its weeks): hill
    repeats and long runs going on as ever are no lighter running, whatever the season."""
    if index in hard:
        return Running.HARD
    if not minutes[index]:
        return Running.NONE
    before = minutes[:index] or minutes
    usual = sum(before) / len(before)
    return Running.LIGHTER if minutes[index] <= LIGHTER_SHARE * usual else Running.STEADY


SEASON_RACES = 3  # C races ...
SEASON_SPAN = timedelta(weeks=6)  # ... within this span make a competition season


def competition_seasons(c_races: Sequence[Race]) -> list[tuple[Race, ...]]:
    """The runs of C races that make a competition season: every SEASON_RACES of them
    within SEASON_SPAN belong to one, and seasons that share or touch races merge. A lone
    meet, or two, is a race in an otherwise ordinary week."""
    days = sorted(c_races, key=lambda race: race.day)
    spans: list[list[int]] = []  # first and last index of each season
    for first in range(len(days)):
        last = first + SEASON_RACES - 1
        while last < len(days) and days[last].day - days[first].day <= SEASON_SPAN:
            last += 1
        if last - first >= SEASON_RACES:
            if spans and first <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], last - 1)
            else:
                spans.append([first, last - 1])
    return [tuple(days[first : last + 1]) for first, last in spans]


def _season_of(start: date, seasons: Sequence[tuple[Race, ...]]) -> tuple[Race, ...] | None:
    """The competition season this week lies in (from its first meet's week to its last
    meet's), if any."""
    end = start + WEEK_SPAN
    return next(
        (meets for meets in seasons if meets[0].day <= end and start <= meets[-1].day), None
    )


def _season_note(meets: Sequence[Race]) -> str:
    return (
        f"competition season, {len(meets)} C races from {_day(meets[0].day)} to "
        f"{_day(meets[-1].day)}: keep strength with short heavy or explosive work, "
        "48-72 h clear of the meets"
    )


HARD_RUNNING = "maintain strength alongside hard running"
BEGINNER_HARD_RUNNING = "build strength gently alongside hard running"
# A week with no race near takes its phase from the calendar's running (issue 13: the
# weeks after a 10K runner's last race were "off-season" with intervals every week, and
# a beginner's steady running was "off-season" all through): the off-season is the time
# the running is lighter (no hard run, and LIGHTER_SHARE or less of the usual minutes) or
# absent; while it goes on, hard or steady, the weeks are base weeks that build strength
# alongside it.
LIGHTER_SHARE = 0.8
NO_RACE_AHEAD = "no race ahead"
ALONGSIDE = {
    Running.HARD: "build strength alongside the hard running",
    Running.STEADY: "build strength alongside steady running",
    Running.LIGHTER: "build strength while running is lighter",
    Running.NONE: "build strength",
}
EASY_RUNNING = "keep strength steady while the running builds"
# One reason for every recovery week, so no two weeks argue (issue 13): the week lets the
# body absorb the work before, away from strength; a week holding a C race keeps one
# short, light session only because SPEC's `frequency` asks a race week for one.
RECOVERY_WHY = "a lighter week lets the body absorb the strength work of the weeks before"
OFF_NOTE = f"recovery week: no strength work; {RECOVERY_WHY}"
LIGHT_NOTE = (  # a recovery week whose only races are C races
    f"recovery week: {RECOVERY_WHY}; a week with a race still gets one short, light "
    "session to stay sharp for it, the rest of the week is off"
)


BUILDING = frozenset({Phase.OFF_SEASON, Phase.BASE})  # blocks that build strength
MIN_BLOCK_WEEKS = 3  # a block that turns from building to keeping strength sooner goes on
MAX_BLOCK_WEEKS = 6


def _in_blocks(frames: list[WeekFrame]) -> list[WeekFrame]:
    """Number the training blocks: a block is a run of lifting weeks between weeks without
    strength, split where building strength gives way to keeping it (or the other way)
    when both sides have MIN_BLOCK_WEEKS, and into near-equal blocks past MAX_BLOCK_WEEKS.
    The first two lifting weeks after an A race's week off ramp up (1, then 2). A taper
    or race week keeps its block's number but no place in its count (`block_week` 0)."""
    numbered: list[WeekFrame] = []
    block = 0
    ramps: list[int] = []  # the ramp of the next lifting weeks, after an A race's week off
    for resting, group in groupby(frames, key=lambda frame: frame.phase in REST_PHASES):
        weeks = list(group)
        if resting:
            numbered.extend(weeks)
            if any(frame.phase is Phase.POST_RACE for frame in weeks):
                ramps = [1, 2]
            continue
        for size in _block_sizes([frame.phase in BUILDING for frame in weeks]):
            block += 1
            week = 0
            for frame in weeks[:size]:
                ramp = ramps.pop(0) if ramps else 0
                # a taper or race week is no training week of the block: it keeps the
                # block's lifts but is told as what it is, and the count goes past it
                counted = frame.phase not in UNCOUNTED
                week += counted
                numbered.append(
                    frame._replace(block=block, block_week=week if counted else 0, ramp=ramp)
                )
            weeks = weeks[size:]
    return numbered


# Weeks inside a block that its count of training weeks goes past: a race week was told
# "week 4 of 6 in block 1", as if the block trained through the race (issue 13).
UNCOUNTED = frozenset({Phase.TAPER, Phase.RACE})


def _block_sizes(building: list[bool]) -> list[int]:
    """How a run of lifting weeks splits into blocks, in weeks; `building` says, per week,
    whether it builds strength (off-season, base) or keeps it. A run shorter than
    MIN_BLOCK_WEEKS stays one short block."""
    parts = []
    start = 0
    for week in range(1, len(building)):
        turned = building[week] != building[week - 1]
        if turned and week - start >= MIN_BLOCK_WEEKS and len(building) - week >= MIN_BLOCK_WEEKS:
            parts.append(week - start)
            start = week
    parts.append(len(building) - start)
    sizes = []
    for part in parts:
        count = -(-part // MAX_BLOCK_WEEKS)  # blocks needed, rounded up
        size, longer = divmod(part, count)
        sizes.extend([size + 1] * longer + [size] * (count - longer))
    return sizes


def _lifts(start: date, lifting: set[date]) -> bool:
    return any(start <= day <= start + WEEK_SPAN for day in lifting)


# What a placement of recovery weeks costs (`_recovery_weeks`), most first. A run of
# `recovery_every` weeks with strength and no step back breaks the `recovery-week` rule:
# the real cost, paid for each week the run goes past the rule, and only where nothing
# else will do. A week the calendar's own strength fills is no recovery week, whatever
# the plan calls it (that session is not ours to move), so it cannot end a run; when the
# calendar lifts in every week that could, the run goes on and the rule is broken, as
# briefly as the free weeks allow (a 5-week plan whose calendar lifts in weeks 3-5 got its
# recovery week in week 3, leaving weeks 1-3 in a row though week 2 was free). Then:
# - a recovery week after one lifting week or none since the plan's start or the last
#   week without strength: a coach found one in a 10K racer's second week, after a
#   single week of training; only the rule itself may ask for that;
# - a recovery week right before a taper: three light weeks before the goal race (it,
#   the taper and the race week; a coach's racer once had them);
# - a recovery week after fewer than `recovery_every - 1` lifting weeks since the plan's
#   start or the last week without strength, for each week short (a coach found a 10K
#   racer's recovery week in week 2, and a half marathoner's every third week: thin
#   weeks kept apart by moving recovery weeks early), so that a recovery week comes a
#   week early only to keep the one above away;
# - a recovery week in an A or B race's week takes the race week's one light session;
# - one in a week whose only races are C races keeps a short session (SPEC's
#   `frequency`), so it is no whole week off;
# - each recovery week is one more week without training, and one in the peak before a
#   goal race takes one of its last weeks of sharp strength work as well;
# - thin weeks piling up: two of them (a recovery week and a race week, a taper, another
#   recovery week or a week off) in a row make a fortnight that costs what the weeks
#   before built, and two weeks apart leave a single week of training between them (a
#   coach found a track season's recovery weeks in weeks 11 and 14, the peak in 15);
# - a taper made the recovery week merges the two light weeks into one, a small cost.
BROKEN_RULE_COST = 10_000  # outweighs any sum of the costs below in a plan
TOO_SOON_COST = 1_000  # a recovery week after fewer than MIN_LIFTING_WEEKS lifting weeks
MIN_LIFTING_WEEKS = 2
BEFORE_TAPER_COST = 60
SHORT_BLOCK_COST = 50
RACE_WEEK_COST = 40
C_RACE_WEEK_COST = 15  # + RACE_WEEK_COST: under SHORT_BLOCK_COST + CLOSE_COSTS[1]
EXTRA_RECOVERY_COST = 10
CLOSE_COSTS = {1: 8, 2: 3}  # by weeks apart: two thin weeks in a row cost the most
IN_PEAK_COST = EXTRA_RECOVERY_COST  # a peak week taken costs a recovery week more
MERGED_TAPER_COST = 1


def _recovery_weeks(
    weeks: Sequence[tuple[date, Phase, str]],
    every: int,
    lifting: set[date],
    race_weeks: set[int],
    c_weeks: Collection[int] = (),
) -> list[int]:
    """The weeks to make recovery weeks, so that no `every` weeks in a row lift (the
    `recovery-week` rule): a stretch of weeks runs from one week without strength (after
    an A race, blocked) to the next, and each stretch takes the placement of least cost
    (`_stretch_recovery`). An A or B race's week lifts (its one light session): a thin
    week to keep apart from, never the month's recovery week, which SPEC asks for whatever
    the races (a 10K runner with three tune-ups in twelve weeks had none when race weeks
    stood in). `c_weeks`: the weeks whose only races are C races."""
    filled = {index for index, (start, _, _) in enumerate(weeks) if _lifts(start, lifting)}
    chosen: list[int] = []
    first = 0
    for index, (_, phase, _) in enumerate(weeks):
        if phase in REST_PHASES and index not in filled:
            chosen += _stretch_recovery(weeks, first, index, every, filled, race_weeks, c_weeks)
            first = index + 1
    chosen += _stretch_recovery(weeks, first, len(weeks), every, filled, race_weeks, c_weeks)
    return chosen


def _stretch_recovery(
    weeks: Sequence[tuple[date, Phase, str]],
    first: int,
    end: int,
    every: int,
    filled: set[int],
    race_weeks: set[int],
    c_weeks: Collection[int],
) -> list[int]:
    """The recovery weeks of the lifting weeks `first` to `end` (not included), between two
    weeks without strength, at the least cost (the costs above); `filled` holds the weeks
    the calendar's strength fills. Of placements that cost the same, the one with the
    latest weeks (the first as late as it can be, then the next), as the month's recovery
    week used to come at the end of its month. Found exactly: what a recovery week costs
    depends only on it and the recovery week before it (or the week off the stretch starts
    after: a plan's first week counts as coming after one), so the best placement after
    each week is worked out once, from the stretch's end back. A week the rule is broken
    for costs more than any recovery week where it falls, the thin weeks around it and a
    recovery week too soon after it, so the next recovery week comes within `every` weeks
    where a free week is there, else at the first free week: only those are tried
    (`_next_free`)."""
    thin = sorted(i for i in range(first, end) if i in race_weeks or weeks[i][1] is Phase.TAPER)
    free = [i for i in range(first, end) if i not in filled]
    week_off_after = end < len(weeks)  # the stretch ends in a week off, not the plan's end

    def own_cost(week: int) -> int:
        """What a recovery week costs where it falls."""
        phase = weeks[week][1]
        spent = EXTRA_RECOVERY_COST
        if week in race_weeks:
            spent += RACE_WEEK_COST
        elif phase is Phase.TAPER:
            spent += MERGED_TAPER_COST
        elif week in c_weeks:
            spent += C_RACE_WEEK_COST
        if phase is Phase.PEAK:
            spent += IN_PEAK_COST
        if week + 1 < len(weeks) and weeks[week + 1][1] is Phase.TAPER:
            spent += BEFORE_TAPER_COST
        return spent

    def between(before: int, after: int) -> int:
        """What the weeks from one step back to the next cost: the rule broken by the run
        of lifting weeks between them, a recovery week too early, and a recovery week made
        thin close to another thin week. `before` is a recovery week, or (`first` - 1) the
        week off the stretch starts after; `after` the next recovery week, or `end`. A
        recovery week merged with a taper or a race week makes no week thin that was not:
        no such cost."""
        spent = 0
        if after < end:  # too early: fewer than `every - 1` lifting weeks before it
            spent += SHORT_BLOCK_COST * max(0, every - (after - before))
            spent += TOO_SOON_COST if after - before - 1 < MIN_LIFTING_WEEKS else 0
        made_thin_before = before >= first and before not in thin
        made_thin_after = after < end and after not in thin
        inner = thin[bisect_right(thin, before) : bisect_left(thin, after)]
        if inner:
            if made_thin_before:
                spent += CLOSE_COSTS.get(inner[0] - before, 0)
            if made_thin_after:
                spent += CLOSE_COSTS.get(after - inner[-1], 0)
        elif (made_thin_before or made_thin_after) and (after < end or week_off_after):
            spent += CLOSE_COSTS.get(after - before, 0)
        return spent + BROKEN_RULE_COST * max(0, after - before - every)

    # best[week]: the least cost of what follows a step back there, and the next recovery
    # week (`end` for none), negated so that among equal costs `min` takes the latest
    best: dict[int, tuple[int, int]] = {}
    for before in reversed([first - 1, *free]):
        choice = (between(before, end), -end)
        for after in _next_free(free, before, every):
            option = own_cost(after) + between(before, after) + best[after][0]
            choice = min(choice, (option, -after))
        best[before] = choice
    chosen = []
    week = -best[first - 1][1]
    while week != end:
        chosen.append(week)
        week = -best[week][1]
    return chosen


def _next_free(free: Sequence[int], before: int, every: int) -> Sequence[int]:
    """The weeks that may be the next recovery week after a step back in week `before`
    (`free`: the stretch's free weeks, in order): those within `every` weeks of it, or the
    first one after it when none is."""
    first = bisect_right(free, before)
    within = bisect_right(free, before + every)
    return free[first:within] or free[first : first + 1]


def _phase(
    start: date,
    races: Sequence[Race],
    goals: Sequence[Race],
    tune_ups: Sequence[Race],
    running: Running,
) -> tuple[Phase, str]:
    """The week's phase from the races around it (C races leave it as it is) and, with no
    race near, from the calendar's `running`; `races` by day, `goals` the A races and
    `tune_ups` the B races among them.

    The last weeks before a goal race are its peak and taper; a tune-up is raced from a
    build, never peaked for (three B races of a 10K runner's season made every week
    "peak"), and with no race near the running decides between base and off-season."""
    end = start + WEEK_SPAN
    first = _main_race(start, races)
    if first is not None:
        return (
            Phase.RACE,
            f"race week, {first.label} on {_day(first.day)}: one light session, "
            "never the day before or after",
        )
    week_before = start - ONE_WEEK
    last_week = [r for r in races if week_before <= r.day < start and r.priority == "A"]
    if last_week:
        race = last_week[0]
        return (
            Phase.POST_RACE,
            f"after the {race.label} on {_day(race.day)}: a week without strength",
        )
    goal = next((race for race in goals if race.day > end), None)
    if goal is not None and _weeks_to(goal, start) < OFF_SEASON_WEEKS:
        return _countdown(goal, start, running)
    tune_up = next((race for race in tune_ups if race.day > end), None)
    if tune_up is not None and _weeks_to(tune_up, start) <= BUILD_WEEKS:
        # a season of tune-ups: the running is hard and the races come, nothing to peak for
        return Phase.BUILD, f"build, {_weeks_before(tune_up, start)}: {HARD_RUNNING}"
    phase = Phase.OFF_SEASON if running in (Running.LIGHTER, Running.NONE) else Phase.BASE
    raced = _raced_before(start, races)
    if raced is not None:
        return phase, f"after the {raced.label} on {_day(raced.day)}: {AFTER_B_RACE}"
    ahead = min((r for r in (goal, tune_up) if r is not None), key=_by_day, default=None)
    if ahead is None:
        return phase, f"{NO_RACE_AHEAD}: {ALONGSIDE[running]}"
    if phase is Phase.OFF_SEASON:
        return phase, f"off-season, {_weeks_before(ahead, start)}: the best time to get stronger"
    return phase, f"base, {_weeks_before(ahead, start)}: {ALONGSIDE[running]}"


def _by_day(race: Race) -> date:
    return race.day


def _countdown(goal: Race, start: date, running: Running) -> tuple[Phase, str]:
    """The phase of a week less than OFF_SEASON_WEEKS before the goal race `goal`."""
    weeks_out = _weeks_to(goal, start)
    target = _weeks_before(goal, start)
    if weeks_out <= TAPER_WEEKS:
        return Phase.TAPER, f"taper, {target}: keep the habit, drop the volume"
    if weeks_out <= PEAK_WEEKS:
        # no "fewer sets": the sessions say what fell since last time, from the numbers
        return Phase.PEAK, f"peak, {target}: keep strength, the running comes first"
    if weeks_out <= BUILD_WEEKS:
        return Phase.BUILD, f"build, {target}: {HARD_RUNNING}"
    aim = ALONGSIDE[running] if running is Running.HARD else MOSTLY_EASY
    return Phase.BASE, f"base, {target}: {aim}"


MOSTLY_EASY = "build strength while runs are mostly easy"  # a base week without hard runs
# Weeks before a goal (A) race, at most, for each phase of its countdown (a tune-up's
# countdown, with no goal ahead, is a build from BUILD_WEEKS on).
TAPER_WEEKS = 1
PEAK_WEEKS = 3
BUILD_WEEKS = 11
OFF_SEASON_WEEKS = 20  # from this far out the calendar's running decides (base or off-season)


def _weeks_to(race: Race, start: date) -> int:
    """Whole weeks from the week starting `start` to the race."""
    return (race.day - start).days // 7


def _weeks_before(race: Race, start: date) -> str:
    """Like "3 weeks before the A race (10K) on Sat 05 Jun"."""
    weeks_out = _weeks_to(race, start)
    plural = "week" if weeks_out == 1 else "weeks"
    return f"{weeks_out} {plural} before the {race.label} on {_day(race.day)}"


# The week after a B race with no race near: what it is for (its sessions say how light)
AFTER_B_RACE = "legs recovering first, then back to building strength"


def _raced_before(start: date, races: Sequence[Race]) -> Race | None:
    """The last A or B race of the week before `start`'s, if any."""
    before = [r for r in races if start - ONE_WEEK <= r.day < start and r.priority != "C"]
    return before[-1] if before else None


def _main_race(start: date, races: Sequence[Race]) -> Race | None:
    """The week's most important A or B race (the first of equals), if any."""
    end = start + WEEK_SPAN
    main = [race for race in races if start <= race.day <= end and race.priority != "C"]
    return min(main, key=lambda race: RANKS[race.priority]) if main else None


# A week whose note would build strength holds a C race: the note speaks of the race
# instead (issue 13: words about building up shown days before a race)
BUILDS = re.compile(
    r"(?:then back to |back to )?build(?:ing)? strength[^;]*|the best time to get stronger"
)
AROUND_A_RACE = "strength goes on around the race, fresh legs for it first"


def _around_a_race(note: str) -> str:
    """`note` for a week that holds a C race: its promise to build strength becomes what the
    week does around the race, and "no race ahead" says no goal race is."""
    if not BUILDS.search(note):
        return note
    note = note.replace(NO_RACE_AHEAD, "no goal race ahead")
    return BUILDS.sub(AROUND_A_RACE, note, count=1)


def _c_note(races: Sequence[Race]) -> str:
    """Like "C race (club 5K) on Wed 06 Jan: its day and the day before stay free"."""
    named = " and ".join(f"{race.label} on {_day(race.day)}" for race in races)
    days = "their days and the days" if len(races) > 1 else "its day and the day"
    return f"{named}: {days} before stay free"


def _targets(asked: int | None) -> dict[Phase, int]:
    """Sessions to aim for per phase: 3 while building strength, 2 alongside hard running."""
    return {
        Phase.OFF_SEASON: asked or 3,
        Phase.BASE: asked or 3,
        Phase.BUILD: asked or 2,
        Phase.PEAK: asked or 2,
        Phase.TAPER: min(asked or 2, 2),
        Phase.RACE: 1,
        Phase.POST_RACE: 0,
        Phase.RECOVERY: 0,
        Phase.BLOCKED: 0,
    }


def _floor(frame: WeekFrame) -> int:
    """Below this the `frequency` rule is broken. A week whose only races are C races
    still lifts once: one session a week keeps strength in season (Rønnestad & Mujika
    2014)."""
    phase = frame.phase
    if frame.light:
        return 1
    if phase in REST_PHASES:
        return 0
    required = 1 if phase is Phase.RACE or frame.only_c_races else 2
    return min(required, frame.target)


def _fully_blocked(profile: Profile, start: date) -> bool:
    if not profile.blocked:
        return not profile.days
    days = (start + timedelta(days=i) for i in range(7))
    return all(d.weekday() not in profile.days or d in profile.blocked for d in days)


# English names whatever the process locale (strftime's %a and %b follow it), and cheaper
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date) -> str:
    """Like "Tue 05 Jan"."""
    return f"{DAY_ABBR[day.weekday()]} {day.day:02d} {_MONTHS[day.month - 1]}"
