"""Periodisation: what each week of the horizon is for.

Phases come from the races in the calendar (and the profile), each with a priority: strength
is built in the off-season and base, kept in build and peak, trimmed in the taper before an
A (goal) race and in the race week of an A or B (tune-up) race, and paused the week after an
A race. A C race (short or club) keeps its week's phase; that week needs only one session
(Rønnestad & Mujika 2014: one a week keeps strength in season). A lone C race sets no
countdown, but a run of them (SEASON_RACES within SEASON_SPAN: a track or cross-country
season, a meet most weekends) is a competition season: its weeks, from the first meet to
the last, keep strength as build weeks do (short heavy or explosive work, 48-72 h clear of
the meets) instead of building it as the off-season does. Every `recovery_every`-th
week without a pause becomes a recovery week (`recovery-week`), so no stretch of that many
weeks goes without one; in competition (the peak and taper before a goal race, or a
competition season of meets) it keeps one short, light session, since a week without any
costs the strength the season keeps, and elsewhere (off-season, base, a build far from a
race) it holds no strength at all, as the seed asks. Every other in-season week (build,
peak, taper, race) keeps a floor of at least one session; the day chooser keeps it 48-72 h
clear of the races.

The lifting weeks between pauses form training blocks of 3-6 weeks, each with its anchor
lifts; the first two weeks back after an A race's week off ramp up.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import groupby
from typing import NamedTuple

from legday.model import REST_PHASES, Level, Phase, Profile, Race, Run, RunKind

USUAL_RECOVERY_EVERY = 4  # `Profile.recovery_every`'s default: the seed's once a month


def recovery_every(profile: Profile) -> int:
    """Every how many weeks a recovery week comes: the profile's, masters included. A
    masters athlete's extra recovery comes from spacing, the RPE and set caps and a
    recovery week that keeps one light session (`keeps_light`), not from a week off every
    third week: that left a beginner of 52 two weeks of bodyweight work between weeks
    without any (docs/planner.md section 4)."""
    return profile.recovery_every


def keeps_light(profile: Profile) -> bool:
    """Whether this athlete's recovery weeks keep one short, light session wherever they
    fall: a beginner (bodyweight, low volume: a week off costs the habit more than the
    work needs absorbing) and a masters athlete (strength fades faster with age, so a
    lighter week rather than none)."""
    return profile.masters or profile.level is Level.BEGINNER


__all__ = [
    "DAY_ABBR",
    "DAY_NAMES",
    "LIGHT_NOTE",
    "WEEK_SPAN",
    "WeekFrame",
    "competition_seasons",
    "goal_races",
    "is_major_race",
    "keeps_light",
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
    light: bool = False  # a recovery week in season: one short, light session keeps strength
    # the B race of the week before an off-season week: the week is the return from it,
    # and says so, never "off-season" (issue 13)
    after: Race | None = None

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
# for downhills (planner/session.py `ECCENTRIC_EVENTS`); a road distance needs the profile.
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
    # the phases count down to the goal races; with none, to the tune-ups (without a taper)
    goals = by_priority["A"] or by_priority["B"]
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
    in_season: list[bool] = []  # per week, before recovery weeks are placed
    # the weeks of an A or B race, each a step back of its own, and the tapers before the
    # goal races: a recovery week goes apart from them (`_recovery_weeks`)
    race_weeks = {
        index
        for index in range(profile.weeks)
        if _main_race(profile.start + timedelta(days=7 * index), in_order) is not None
    }
    for index in range(profile.weeks):
        start = profile.start + timedelta(days=7 * index)
        phase, note = _phase(start, in_order, goals, taper=bool(by_priority["A"]))
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
        if note == NO_RACE_AHEAD and _lighter(index, minutes, hard):
            note += LIGHTER_RUNNING
        if phase not in REST_PHASES and _fully_blocked(profile, start):
            phase, note = Phase.BLOCKED, "you blocked every training day this week"
        weeks.append((start, phase, note))
        # a competition season (meets, the last weeks before a goal race) keeps one light
        # session in a recovery week; a base or a build far from a race takes the week off
        in_season.append(phase in COMPETING or meets is not None)
    for index in _recovery_weeks(weeks, recovery_every(profile), lifting, race_weeks):
        weeks[index] = (weeks[index][0], Phase.RECOVERY, OFF_NOTE)
    targets = _targets(profile.sessions)
    frames = []
    for (start, phase, note), keeping in zip(weeks, in_season, strict=True):
        in_week = tuple(race for race in in_order if start <= race.day <= start + WEEK_SPAN)
        frame = WeekFrame(start, phase, note, targets[phase], 0, in_week)
        if phase is Phase.OFF_SEASON:
            frame = frame._replace(after=_raced_before(start, in_order))
        if phase is Phase.RECOVERY and keeping:
            frame = frame._replace(note=LIGHT_NOTE, target=1, light=True)
        elif phase is Phase.RECOVERY and keeps_light(profile):
            frame = frame._replace(note=LIGHT_HABIT_NOTE, target=1, light=True)
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


def _lighter(index: int, minutes: Sequence[int], hard: Collection[int]) -> bool:
    """Whether the week's running is lighter than before: no hard run or race (`hard`:
    the weeks with one), and fewer minutes than the weeks before it averaged. Hill
    repeats and long runs going on as ever are no lighter running, whatever the season."""
    if index in hard or index == 0:
        return False
    before = sum(minutes[:index]) / index
    return minutes[index] <= LIGHTER_SHARE * before


SEASON_RACES = 3  # C races ...
SEASON_SPAN = timedelta(weeks=6)  # ... within this span make a competition season
KEEPING = frozenset({Phase.BUILD, Phase.PEAK, Phase.TAPER, Phase.RACE})  # in-season phases
# Competition: where a recovery week keeps one light session (Rønnestad & Mujika 2014);
# elsewhere the seed's month's week off holds no strength at all.
COMPETING = frozenset({Phase.PEAK, Phase.TAPER})


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
NO_RACE_AHEAD = "no race ahead: build strength"
# said of a week without a race ahead only when the calendar's running is lighter: no hard
# run and fewer minutes than the weeks before it averaged (LIGHTER_SHARE or less)
LIGHTER_RUNNING = " while running is lighter"
LIGHTER_SHARE = 0.8
EASY_RUNNING = "keep strength steady while the running builds"
# One reason for every recovery week, so no two weeks argue (issue 13): the week lets the
# body absorb the work before; a week off does that away from races, and in competition
# one short, light session does it while keeping the strength the racing needs (never
# called "in season": a beginner before a first 10K has no season).
RECOVERY_WHY = "a lighter week lets the body absorb the strength work of the weeks before"
OFF_NOTE = f"recovery week: no strength work; {RECOVERY_WHY}"
LIGHT_NOTE = (  # a recovery week in season
    f"recovery week: {RECOVERY_WHY}; with races near, one short, light session keeps "
    "the strength you race on, the rest of the week is off"
)


# a beginner's or a masters athlete's recovery week away from races (`keeps_light`)
LIGHT_HABIT_NOTE = (
    f"recovery week: {RECOVERY_WHY}; one short, light session keeps the habit and what "
    "the weeks before built, the rest of the week is off"
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


# What a recovery week costs where it falls (`_recovery_weeks`): first that it is one
# more week without training, then, in this order, a week that makes thin weeks pile up.
# A recovery week right before a taper or an A or B race's week makes three light weeks
# before the race (issue 13); two recovery weeks (or a race week's step back and a recovery
# week) less than three weeks apart leave a single week of training between thin
# ones, and cost what the weeks before built; a recovery week in the peak before a goal
# race takes one of its last weeks of sharp strength work (a coach found a track season's
# recovery weeks in weeks 11 and 14, the peak in 15); a taper made the recovery week merges
# the two light weeks into one, a small cost. A week with strength already in the calendar
# cannot be made a recovery week (that session is not ours to move): the last resort.
EXTRA_RECOVERY_COST = 10
CLOSE_COSTS = {1: 8, 2: 3}  # by weeks apart: two thin weeks in a row cost the most
BEFORE_THIN_COST = CLOSE_COSTS[1]  # a thin week right after, as two in a row
IN_PEAK_COST = 2
MERGED_TAPER_COST = 1
CALENDAR_STRENGTH_COST = 100


def _recovery_weeks(
    weeks: Sequence[tuple[date, Phase, str]],
    every: int,
    lifting: set[date],
    race_weeks: set[int],
) -> list[int]:
    """The weeks to make recovery weeks, so that no `every` weeks in a row lift (the
    `recovery-week` rule): a stretch of weeks runs from one step back (a week without
    strength, or an A or B race's week with its one light session) to the next, and each
    stretch takes the placement of least cost (`_stretch_recovery`)."""
    chosen: list[int] = []
    first = 0
    for index, (start, phase, _) in enumerate(weeks):
        stepping_back = phase in REST_PHASES or phase is Phase.RACE
        if stepping_back and not _lifts(start, lifting):
            chosen += _stretch_recovery(weeks, first, index, every, lifting, race_weeks)
            first = index + 1
    chosen += _stretch_recovery(weeks, first, len(weeks), every, lifting, race_weeks)
    return chosen


def _stretch_recovery(
    weeks: Sequence[tuple[date, Phase, str]],
    first: int,
    end: int,
    every: int,
    lifting: set[date],
    race_weeks: set[int],
) -> list[int]:
    """The recovery weeks of the lifting weeks `first` to `end` (not included), between two
    step backs: no `every` weeks in a row without one, at the least cost in the order
    of the costs above. Of placements that cost the same, the one with the latest weeks
    (the first as late as it can be, then the next), as the month's recovery week used to
    come at the end of its month. Found exactly: a recovery week's cost depends only on it
    and the one before, so the best placement after each week is worked out once, from
    the stretch's end back (a plan's first week counts as coming after a step back)."""
    tapers = {i for i in range(first, end) if weeks[i][1] is Phase.TAPER}
    thin = race_weeks | tapers

    def cost(week: int, before: int) -> int:
        start, phase, _ = weeks[week]
        spent = EXTRA_RECOVERY_COST
        if week in tapers:
            spent += MERGED_TAPER_COST
        elif week + 1 in thin:
            spent += BEFORE_THIN_COST
        spent += CLOSE_COSTS.get(week - before, 0)
        if phase is Phase.PEAK:
            spent += IN_PEAK_COST
        if _lifts(start, lifting):
            spent += CALENDAR_STRENGTH_COST
        return spent

    # best[week]: the least cost, and the weeks, of what follows a recovery week there
    best: dict[int, tuple[int, list[int]]] = {}
    for week in range(end - 1, first - 2, -1):
        if end - week <= every:  # the next step back comes in time: none more is needed
            # (right before it, a taper merges and any other week costs BEFORE_THIN_COST)
            close = week >= first and end < len(weeks) and end - week > 1
            best[week] = (CLOSE_COSTS.get(end - week, 0) if close else 0, [])
            continue
        options = [
            (cost(after, week) + best[after][0], -after)
            for after in range(week + 1, min(week + every, end - 1) + 1)
        ]
        spent, latest = min(options)
        best[week] = (spent, [-latest, *best[-latest][1]])
    return _free_where_possible(weeks, first, best[first - 1][1], lifting)


def _free_where_possible(
    weeks: Sequence[tuple[date, Phase, str]], first: int, chosen: list[int], lifting: set[date]
) -> list[int]:
    """A recovery week the calendar's own strength fills is none: when the least cost
    still lands one there (the calendar lifts in every week after), the latest free week
    before it, since the recovery week before, steps back instead."""
    placed: list[int] = []
    for week in chosen:
        if _lifts(weeks[week][0], lifting):
            since = placed[-1] + 1 if placed else first
            free = [i for i in range(week - 1, since - 1, -1) if not _lifts(weeks[i][0], lifting)]
            week = free[0] if free else week
        placed.append(week)
    return placed


def _phase(
    start: date, races: Sequence[Race], goals: list[Race], *, taper: bool
) -> tuple[Phase, str]:
    """The week's phase from the A and B races around it (C races leave it as it is);
    `races` by day, `goals` the races the phases count down to."""
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
    raced = _raced_before(start, races)
    if raced is not None and (goal is None or (goal.day - start).days // 7 > 19):
        return Phase.OFF_SEASON, f"after the {raced.label} on {_day(raced.day)}: {AFTER_B_RACE}"
    if goal is None:
        return Phase.OFF_SEASON, NO_RACE_AHEAD
    weeks_out = (goal.day - start).days // 7
    plural = "week" if weeks_out == 1 else "weeks"
    target = f"{weeks_out} {plural} before the {goal.label} on {_day(goal.day)}"
    if weeks_out <= 1 and taper:
        return Phase.TAPER, f"taper, {target}: keep the habit, drop the volume"
    if weeks_out <= 3:
        # no "fewer sets": the sessions say what fell since last time, from the numbers
        return Phase.PEAK, f"peak, {target}: keep strength, the running comes first"
    if weeks_out <= 11:
        return Phase.BUILD, f"build, {target}: {HARD_RUNNING}"
    if weeks_out <= 19:
        return Phase.BASE, f"base, {target}: build strength while runs are mostly easy"
    return Phase.OFF_SEASON, f"off-season, {target}: the best time to get stronger"


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
    note = note.replace(NO_RACE_AHEAD.split(":")[0], "no goal race ahead")
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
