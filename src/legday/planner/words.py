"""What a session says to the runner: why this day and this dose, and the music line.

Plain words only (issue 13): the why names what is in the session and nothing else, says
why the day was chosen and what moved on since last time; timed holds get hold cues in
their load text (`planner/dose.py`), and the music follows the session's character.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from legday.model import ExerciseKind, Phase, Prescription, Race, Role, Run, problem_name
from legday.planner.dose import BEFORE_KEY_RUN_RPE, lowering, pause, seconds_per_rep
from legday.planner.season import DAY_ABBR, DAY_NAMES
from legday.rules.progression import HEAVY_RPE, heavy

__all__ = [
    "PHASE_AIMS",
    "Said",
    "fast_work",
    "how_it_builds",
    "listed",
    "moved_on",
    "music",
    "music_bpm",
    "said_once",
    "session_notes",
    "told_dose",
    "told_lighter",
    "told_moved",
    "told_new",
    "true_to",
    "waits_for_a_fresh_day",
    "what_rose",
    "why",
]

# What each phase's strength work is for; how the session does it is said from its doses
# (`how_it_builds`), so a bodyweight beginner is never promised heavier lifts. A base week
# is also a week with no race near while the running goes on (`season._phase`): a
# beginner's first weeks of steady running were told "off-season" (issue 13).
PHASE_AIMS = {
    Phase.OFF_SEASON: "the time to build strength",
    Phase.BASE: "building strength alongside your regular running",
    Phase.BUILD: "keeping strength while the running gets harder",
    Phase.PEAK: "keeping strength, the running comes first",
    Phase.TAPER: "a light reminder before the race, nothing that leaves you sore",
    Phase.RACE: "a short, easy session to stay loose for the race",
    Phase.RECOVERY: "a lighter week to absorb the work before it",
}
AFTER_RACE_AIM = "legs recovering first, then building strength again"
# The aims that promise to build strength over the coming weeks: less than a week before a
# race they speak of the race instead (issue 13: "building" two days before a race)
BUILDING_AIMS = frozenset({Phase.OFF_SEASON, Phase.BASE})
RACE_AHEAD_AIM = "strength goes on, fresh legs for the race come first"
# a runner new to lifting has no strength to keep yet (as the week's note says:
# `season.BEGINNER_HARD_RUNNING`)
BEGINNER_BUILD_AIM = "building strength gently while the running gets harder"
AFTER_RACE_AHEAD_AIM = "legs recovering first, and fresh for the race ahead"
RAMP_WORDS = {
    1: "first week back after your race: two easy sets of each, no jumps",
    2: "second week back after your race: the usual sets, effort at most RPE 7",
}
# The music's character and a BPM range that suits it.
BEATS = {
    "springy": (160, 180),  # plyometrics
    "heavy": (90, 110),
    "easy": (70, 90),  # a light day
    "steady": (100, 120),
}


def listed(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def waits_for_a_fresh_day(new: Sequence[str], stand_ins: Sequence[str], eve: str) -> str:
    """What a routine on a key run's eve says of the `new` exercises it holds back for a
    day clear of the run (names, lower case), and of what stands in (`stand_ins`; none:
    they are left out today). `eve`: what comes tomorrow, as the routine says it; empty
    in a week that holds care's dose (a race week, a taper, the week after a race),
    whose first times wait until the race is behind."""
    many = len(new) > 1
    news = listed([f"the {name}" for name in new])
    said = f"{news[0].upper()}{news[1:]} {'are' if many else 'is'} new to you and "
    wait = "wait" if many else "waits"
    if eve:
        said += f"{wait} for a day clear of a key run ({eve})"
    else:
        said += f"{wait} until the race and the week after it are behind you"
    if not stand_ins:
        return f"{said}: {'they are' if many else 'it is'} left out today."
    instead = listed([f"the {name}" for name in dict.fromkeys(stand_ins)])
    return f"{said}: {instead} in {'their' if many else 'its'} place today."


def in_a_list(name: str) -> str:
    """An exercise's name as one item of a `listed` list: a comma or an "and" of its own
    would split it ("single-leg stand, eyes closed" reads as two exercises), so a comma's
    tail goes in brackets and "and" becomes "&"."""
    head, comma, tail = name.partition(", ")
    if comma:
        name = f"{head} ({tail})"
    return name.replace(" and ", " & ")


def what_rose(name: str, before: Prescription, now: Prescription) -> str:
    """How an anchor moved on since its last session, in words; empty if it did not. A
    rise that brought the reps down says so, and why: the reps drop back as the weight
    rises, and a slower lowering makes each rep longer (issue 13: "slower lowering" on a
    lift cut from 10 reps to 9 hid the cut)."""
    fewer = now.reps is not None and before.reps is not None and now.reps < before.reps
    cut = f", {now.reps} reps (from {before.reps})" if fewer else ""
    if _heavier(now, before):
        return f"one step heavier on the {name} ({now.load_kg:g} kg){cut}" + (
            " at the new weight" if cut else ""
        )
    if now.reps is not None and before.reps is not None and now.reps > before.reps:
        return f"{now.reps} reps on the {name} (from {before.reps})"
    if now.seconds is not None and before.seconds is not None and now.seconds > before.seconds:
        return f"{now.seconds} s holds on the {name} (from {before.seconds})"
    if lowering(now.tempo) > lowering(before.tempo):
        said = f"slower lowering on the {name} ({now.tempo})"
    elif pause(now.tempo) > pause(before.tempo):
        said = f"a longer pause at the bottom of the {name} ({now.tempo})"
    else:
        return ""
    if not cut or now.reps is None or before.reps is None:
        return said
    rep, was = seconds_per_rep(now.tempo), seconds_per_rep(before.tempo)
    as_long = abs(now.reps * rep - before.reps * was) <= rep
    return f"{said}{cut} as each rep takes longer" + (", the set about as long" if as_long else "")


def _heavier(now: Prescription, before: Prescription) -> bool:
    """A heavier load of the same implement (a dumbbell pair after a kettlebell is no
    step up the rack)."""
    return (
        now.load_kg is not None
        and before.load_kg is not None
        and now.implement == before.implement
        and now.load_kg > before.load_kg
    )


def _fewer_reps(now: Prescription, before: Prescription) -> bool:
    """Fewer reps that make a set lighter: not the ones a heavier load, a slower lowering
    or a longer pause trades them for (`what_rose` says those)."""
    return (
        now.reps is not None
        and before.reps is not None
        and now.reps < before.reps
        and not _heavier(now, before)
        and lowering(now.tempo) <= lowering(before.tempo)
        and pause(now.tempo) <= pause(before.tempo)
    )


def _shorter_hold(now: Prescription, before: Prescription) -> bool:
    return now.seconds is not None and before.seconds is not None and now.seconds < before.seconds


def _rose(now: Prescription, before: Prescription) -> bool:
    """More load, reps or hold seconds than last time."""
    more = (now.reps or 0) > (before.reps or 0) or (now.seconds or 0) > (before.seconds or 0)
    return more or _heavier(now, before)


def moved_on(main: Sequence[tuple[str, Prescription]], previous: Mapping[str, Prescription]) -> str:
    """How the session's anchors moved on since their last time, from (name,
    prescription) pairs: one clause, its items apart by "; " when one says a rep cut."""
    rose = [
        what_rose(name, previous[p.exercise], p)
        for name, p in main
        if p.role is Role.ANCHOR and p.exercise in previous
    ]
    said = [text for text in rose if text]
    if not said:
        return ""
    return "; ".join(said) if any(" reps (from " in text for text in said) else listed(said)


# a clause of what_rose's phrases
_MOVED = re.compile(
    r"(?:one step heavier|slower lowering) on the |\d+ (?:reps|s holds) on the "
    r"|a longer pause at the bottom of the "
)
_ITEMS = re.compile(r", | and ")


def told_moved(
    why: str, main: Sequence[tuple[str, Prescription]], previous: Mapping[str, Prescription]
) -> str:
    """The why's "what moved on" (`moved_on`) as the session finally stands, against each
    anchor's previous prescription as the runner met it: care, a first time or a gradual
    return change lifts after the why was written, so a "one step heavier on the X
    (10 kg)" whose X is now bodyweight would tell the runner something untrue. It stays
    where it was, else follows how the anchors build (`how_it_builds`)."""
    body, stop = (why[:-1], ".") if why.endswith(".") else (why, "")
    clauses = body.split("; ")
    at = next((i for i, c in enumerate(clauses) if _MOVED.match(c)), None)
    kept = [c for c in clauses if not _MOVED.match(c)]
    moved = moved_on(main, previous)
    if moved:
        if at is None:
            how = [i for i, c in enumerate(kept) if _HOW.fullmatch(c)]
            at = how[0] + 1 if how else len(kept)
        kept.insert(at, moved)
    return "; ".join(kept) + stop


def true_to(why: str) -> str:
    """The why without a name twice in one of its lists: care may bring an exercise the
    session already names ("for your knee: wall sit, clamshell and wall sit")."""
    body, stop = (why[:-1], ".") if why.endswith(".") else (why, "")
    clauses = []
    for clause in body.split("; "):
        head, colon, tail = clause.rpartition(": ")
        names = _ITEMS.split(tail) if colon else []
        if len(names) > len(set(names)):
            clause = f"{head}: {listed(list(dict.fromkeys(names)))}"
        clauses.append(clause)
    return "; ".join(clauses) + stop


NEW_WORDS = "new to you, so it starts gently (two sets at most, easy effort)"
# a lift outgrown at its top reps and slowest lowering (or longest hold) moves on to this
HARDER_WORDS = "a harder variation of the {replaced}{outgrown}, so it starts gently"
OUTGROWN_WORDS = ", which you have done twice at its top"
# an easier variation of a lift done, taking over from it: a variation, still new to do
EASIER_WORDS = "an easier variation of the {replaced}, so it starts gently"
_HARDER_CLAUSE = re.compile(r"an? (?:harder|easier) variation of the [^;:]+: ([^;]+?)(?=; |\.$)")


_OUTGROWN_CLAUSE = re.compile(r"a harder variation of the ([^;:]+?)" + re.escape(OUTGROWN_WORDS))


def told_outgrown(why: str, outgrown: Collection[str]) -> str:
    """The why's "which you have done twice at its top" said only of a lift in
    `outgrown`: done twice at the top of its progression as the plan finally stands
    (care may have held it lower, `gradual` taken reps back)."""
    return _OUTGROWN_CLAUSE.sub(
        lambda m: m[0] if m[1] in outgrown else m[0].removesuffix(OUTGROWN_WORDS), why
    )


def easier_variation(replaced: str, name: str) -> str:
    """The why's clause for an easier variation's first time: what it takes over from."""
    return f"{EASIER_WORDS.format(replaced=replaced)}: {in_a_list(name)}"


def harder_variation(replaced: str, outgrown: bool, name: str) -> str:
    """The why's clause for a harder variation's first time: what it takes over from, and
    whether the athlete had outgrown that (done twice at its slowest lowering and top reps)."""
    said = HARDER_WORDS.format(replaced=replaced, outgrown=OUTGROWN_WORDS if outgrown else "")
    return f"{said}: {in_a_list(name)}"


# a lift that takes over from the same lift with other kit (a band added is harder instead)
CARRIED_WORDS = "carries on from the {replaced}: the same movement, so it goes on from there"
_CARRIED_CLAUSE = re.compile(r"the ([^;]+?) carries on from the [^;]*?(?=; |\.$)")


def carried_on(replaced: str, name: str) -> str:
    """The why's clause for a lift that is no new movement: what it carries on from."""
    return f"the {in_a_list(name)} {CARRIED_WORDS.format(replaced=replaced)}"


_VARIATION_OF = re.compile(
    r"an? (?:harder|easier) variation of the ([^;:]+?)(?:, which [^;:]*)?, so"
)


def told_replaced(why: str, names: Collection[str]) -> str:
    """The why without a "harder (or easier) variation of the X" clause while the X is
    still in the session (`names`, as `in_a_list` gives them): care brought it back as its
    own exercise, so the new lift replaced nothing and is told as new instead (a coach
    read the step-up told as the split squat's harder variation beside the split squat:
    issue 13)."""
    for found in reversed(list(_HARDER_CLAUSE.finditer(why))):
        replaced = _VARIATION_OF.match(found[0])
        if replaced is None or replaced[1] not in names:
            continue
        head, tail = why[: found.start()], why[found.end() :]
        why = head[:-2] + tail if head.endswith("; ") else head + tail.removeprefix("; ")
    return why


def harder_named(why: str) -> set[str]:
    """The lifts a why calls a harder or easier variation of another (`harder_variation`,
    `easier_variation`): told as going on from a lift done, not as new (issue 13)."""
    return {m[1] for m in _HARDER_CLAUSE.finditer(why)}


REST_WORDS = (
    "the {name} has its turn next session: {minutes} minutes hold two main lifts at full sets"
)
DONE_THIS_WEEK_WORDS = (
    "the {name}, done earlier this week, rests today so the main lift that waited gets its turn"
)


def resting_anchor(name: str, minutes: int, full_sets: bool = True) -> str:
    """The why's clause for a block's anchor a short session leaves out (`Composer._resting`):
    to the next session so the other two get their full sets, or (a lighter day) because
    the week held it already; so no main lift drops out unsaid."""
    if not full_sets:
        return DONE_THIS_WEEK_WORDS.format(name=in_a_list(name))
    return REST_WORDS.format(name=in_a_list(name), minutes=minutes)


# a fresh lift taking over an anchor's slot from another lift, not a variation of it
TAKES_OVER_WORDS = "takes over from the {replaced} as a main lift: {reason}"
STALLED_REASON = "the {replaced} had gone as far as it goes with your kit"
TURN_REASON = "a fresh lift after weeks of the {replaced}, so the main lifts change over the season"
_TAKES_OVER_CLAUSE = re.compile(r"the ([^;]+?) takes over from the [^;]*?(?=; |\.$)")


def took_over(replaced: str, stalled: bool, name: str) -> str:
    """The why's clause for an anchor that takes its slot over from another lift (neither
    a variation of it nor the same lift with other kit): what it replaced and why, so a
    main lift never drops out of the plan unsaid (a coach's read of a beginner: issue 13)."""
    reason = (STALLED_REASON if stalled else TURN_REASON).format(replaced=replaced)
    return f"the {in_a_list(name)} {TAKES_OVER_WORDS.format(replaced=replaced, reason=reason)}"


KIT_END_WORDS = "is as hard as your kit makes it: it holds at its top until you have {more}"
_KIT_END_CLAUSE = re.compile(r"the ([^;]+?) is as hard as your kit makes it[^;]*?(?=; |\.$)")


def as_hard_as_the_kit(name: str, *, band: bool, loaded: bool = False) -> str:
    """The why's clause for an anchor outgrown with nothing harder in the athlete's kit:
    a bodyweight lift, or (`loaded`) one at the top of their rack."""
    if loaded:
        more = "heavier weights"
    else:
        more = "a stronger band or weights" if band else "a band or weights"
    return f"the {in_a_list(name)} {KIT_END_WORDS.format(more=more)}"


def told_variations(why: str, news: Sequence[str], names: Sequence[str]) -> str:
    """The why without a harder variation that is no first time any more, nor a lift
    said to be as hard as the kit makes it, or to carry on from another, that the session
    no longer holds as such (care swapped it, or met it as a first time, after the why was
    written); `news` and `names`: the session's first exposures and all its exercises, as
    `in_a_list` gives them."""
    for pattern, kept in (
        (_HARDER_CLAUSE, news),
        (_KIT_END_CLAUSE, names),
        (_TAKES_OVER_CLAUSE, names),
        # a lift carrying on from another that the session still holds, and not met as
        # a first time after all (care's first times start it gently: then it is new)
        (_CARRIED_CLAUSE, [name for name in names if name not in news]),
    ):
        for found in reversed(list(pattern.finditer(why))):
            if found[1] in kept:
                continue
            head, tail = why[: found.start()], why[found.end() :]
            why = head[:-2] + tail if head.endswith("; ") else head + tail.removeprefix("; ")
    return why


_NEW_CLAUSE = re.compile(re.escape(NEW_WORDS) + r": [^;]+?(?=; |\.$)")


def told_new(why: str, new: Sequence[str]) -> str:
    """The why's "new to you" clause as the session finally stands (`new`: the names of
    its first exposures, as `in_a_list` gives them): care swaps a lift for one met
    before, or a first time in a care routine comes first, after the clause was written,
    and a why calling a lift done twice before "new, two sets at most" at 3x15 is one the
    runner stops trusting (issue 13)."""
    clause = f"{NEW_WORDS}: {listed(list(new))}" if new else ""
    found = _NEW_CLAUSE.search(why)
    if found is None:
        return why if not clause else why.removesuffix(".") + f"; {clause}."
    if clause:
        return why[: found.start()] + clause + why[found.end() :]
    head, tail = why[: found.start()], why[found.end() :]
    if head.endswith("; "):
        return head[:-2] + tail
    return head + tail.removeprefix("; ")


# The eve of a hard or long run: the marker the composer writes, which `told_lighter`
# turns into what is true of the session against each lift's last time.
EVE_WORDS = "today is lighter: no jumps"
# Less than 48 h before a key run or race (`dose.BEFORE_KEY_RUN_RPE`).
BEFORE_KEY_RUN_WORDS = f"no jumps, and no set above RPE {BEFORE_KEY_RUN_RPE}"


def lighter_than_before(
    main: Sequence[tuple[str, Prescription]], previous: Mapping[str, Prescription]
) -> list[str]:
    """What fell since each lift's last time, in words ("a lighter load on the squat
    (10 kg, from 12)", "8 reps on the lunge (from 10)", "a set fewer on the split
    squat", "effort RPE 6 (from 7) on every lift"), from (name, prescription) pairs and
    each exercise's previous prescription."""
    again = [
        (in_a_list(name), p, previous[p.exercise]) for name, p in main if p.exercise in previous
    ]
    said = [
        f"a lighter load on the {name} ({p.load_kg:g} kg, from {before.load_kg:g})"
        for name, p, before in again
        if _heavier(before, p)
    ]
    said += [
        f"{p.reps} reps on the {name} (from {before.reps})"
        for name, p, before in again
        if _fewer_reps(p, before)
    ]
    said += [
        f"{p.seconds} s holds on the {name} (from {before.seconds})"
        for name, p, before in again
        if _shorter_hold(p, before)
    ]
    fewer = [name for name, p, before in again if p.sets < before.sets]
    easier = [(name, p, before) for name, p, before in again if p.target_rpe < before.target_rpe]
    if fewer:
        lifts = "every lift" if len(fewer) == len(again) > 1 else f"the {listed(fewer)}"
        said.append(f"a set fewer on {lifts}")
    if easier:
        steps = {(before.target_rpe, p.target_rpe) for _, p, before in easier}
        lifts = (
            "every lift"
            if len(easier) == len(again) > 1
            else f"the {listed([name for name, _, _ in easier])}"
        )
        if len(steps) == 1:
            ((was, now),) = steps
            said.append(f"effort RPE {now} (from {was}) on {lifts}")
        else:
            said.append(f"easier effort on {lifts}")
    return said


def told_lighter(
    why: str, main: Sequence[tuple[str, Prescription]], previous: Mapping[str, Prescription]
) -> str:
    """The eve's words with what really changed since each lift's last time: "lighter"
    only when a load, the reps or a hold's seconds fell and none rose; "shorter" when
    only sets fell; "further from failure" when only the effort did (the same kg and
    reps at RPE 6 instead of 7 are no lighter weight, issue 13); and "no heavier load"
    only when no load rose. The eve takes a set and an RPE point from the week's dose,
    which a lift coming back from a lighter day may still exceed."""
    if EVE_WORDS not in why:
        return why
    again = [(p, previous[p.exercise]) for _, p in main if p.exercise in previous]
    said = lighter_than_before(main, previous)
    fell = any(_fewer_reps(p, b) or _shorter_hold(p, b) or _heavier(b, p) for p, b in again)
    rose = any(_rose(p, b) or p.sets > b.sets for p, b in again)
    if fell and not rose:
        head = "today is lighter: no jumps"
    elif any(p.sets < b.sets for p, b in again) and not rose:
        head = "today is shorter: no jumps"
    elif any(p.target_rpe < b.target_rpe for p, b in again):
        head = "today stops further from failure: no jumps"
    else:
        head = "today brings no jumps"
    loaded = any(p.load_kg is not None for _, p in main)
    if loaded and not any(_heavier(p, b) for p, b in again):
        head += " and no heavier load"
    return why.replace(EVE_WORDS, "; ".join([head, *said]))


def light_dose(main: Sequence[Prescription]) -> str:
    """A light session's dose in words, from its prescriptions: "one set of each, RPE 6"
    only when each lift is one set at RPE 6 or less."""
    most_sets = max((p.sets for p in main), default=1)
    effort = max((p.target_rpe for p in main), default=6)
    sets = "one set of each" if most_sets == 1 else f"at most {most_sets} sets of each"
    return f"{sets}, RPE {effort} at most"


_LIGHT = re.compile(r"(kept short \(\d+ min\) and light \()[^()]*(\))")
BODYWEIGHT_HOW = (
    "bodyweight lifts: more reps, a slower lowering, then a harder variation or a longer pause"
)
LOADED_HOW = "loaded lifts: reps first, then a step more weight"
HOLDS_HOW = "bodyweight holds that grow longer"
_HOW = re.compile(
    r"heavy lifts[^:;]*: [^;]*? left in reserve\)|loaded lifts[^:;]*: [^;]*?\(RPE \d+\)"
    rf"|{LOADED_HOW}|{HOLDS_HOW}|{BODYWEIGHT_HOW}"
)
_SHORT = re.compile(r"(kept short \(\d+ min, )at most \d+ sets(\))")


def told_dose(why: str, named: Sequence[tuple[str, Prescription]]) -> str:
    """A light or short session's why with the dose its lifts finally have (care may
    hold its work at the stage's sets, first times and `gradual` take sets away), from
    (name, prescription) pairs."""
    main = [p for _, p in named]
    why = _LIGHT.sub(lambda m: m[1] + light_dose(main) + m[2], why)
    # how the anchors build, as they finally are: care may have taken a lift's load away
    # after the why was written ("heavy lifts" over an unloaded squat)
    why = _HOW.sub(lambda _: how_it_builds(named), why, count=1)
    most_sets = max((p.sets for p in main), default=1)
    return _SHORT.sub(lambda m: f"{m[1]}at most {most_sets} set{'s' * (most_sets > 1)}{m[2]}", why)


DOWNHILL_WORDS = "for the downhills of your {event}: the {names} {verb} the legs to brake"
_DOWNHILL = re.compile(r"; for the downhills of your [^;.]+")
EVENT_NAMES = {"trail": "trail races", "ultra": "ultra"}


def told_downhill(why: str, anchors: Sequence[str], event: str) -> str:
    """The why of a trail or ultra runner's session names its downhill anchors (`anchors`:
    their names as `in_a_list` gives them) and what they are for: running downhill the
    legs brake at every stride, the muscles lengthening under load, and lifts that lower
    slowly on one leg prepare them (Bontemps et al. 2020). Said once, of what the session
    finally holds."""
    body, stop = (why[:-1], ".") if why.endswith(".") else (why, "")
    body = _DOWNHILL.sub("", body)
    if anchors and event in EVENT_NAMES:
        verb = "trains" if len(anchors) == 1 else "train"
        said = DOWNHILL_WORDS.format(
            event=EVENT_NAMES[event], names=listed(list(anchors)), verb=verb
        )
        body = f"{body}; {said} under control"
    return body + stop


# How the anchors build, as a method rather than numbers: the same from one session to
# the next, so said when a block starts or the method changes, not in every why (a coach
# read one clause in all 20 whys of a beginner's plan)
METHOD_HOWS = frozenset({BODYWEIGHT_HOW, LOADED_HOW, HOLDS_HOW})
# Weeks whose sessions are lighter on purpose name their week every time (a taper, a race
# week, a recovery week): their aim is why the dose is what it is
AIM_EVERY_TIME = frozenset({Phase.TAPER, Phase.RACE, Phase.RECOVERY, Phase.POST_RACE})


class Said(NamedTuple):
    """What the whys so far last said of the standing things: the week's aim, how the
    lifts build, and the block the session was in."""

    aim: str = ""
    how: str = ""
    block: int = -1


def said_once(why: str, phase: Phase, block: int, light: bool, said: Said) -> tuple[str, Said]:
    """The why without the standing clauses the sessions before it already said in the
    same words: the week's aim ("base week: building strength alongside your regular
    running"; one that names a race near by is said each time) and how the lifts build as
    a method (`METHOD_HOWS`). A block's first session says both again, and so does one
    whose aim or method changed; a light session (a recovery, race or taper week's) says
    no method of building, which it does not do, and names its week (`AIM_EVERY_TIME`).
    A block's week 1 is explained once (`BLOCK_EXPLAINED`). What is left is the session's
    own: its day, its week in the block, what moved on, what is new. Returns the why and
    what is now said."""
    body, stop = (why[:-1], ".") if why.endswith(".") else (why, "")
    clauses = body.split("; ")
    fresh = block != said.block
    aim, how = said.aim, said.how
    kept = []
    for clause in clauses:
        if clause.endswith(BLOCK_EXPLAINED) and not fresh:  # a block is explained once
            clause = clause.replace(f": {BLOCK_EXPLAINED}", f" {BLOCK_WORDS}")
        if clause.startswith(f"{phase} week: "):  # a race the week holds is said each time
            if clause == aim and not fresh and phase not in AIM_EVERY_TIME:
                continue
            aim = clause
        elif clause in METHOD_HOWS:
            if light or (clause == how and not fresh):
                continue
            how = clause
        kept.append(clause)
    return "; ".join(kept) + stop, Said(aim, how, block)


def how_it_builds(named: Sequence[tuple[str, Prescription]]) -> str:
    """How the session's anchor lifts make the runner stronger, read from their doses
    (name, prescription pairs). The heavy ones' reps are named with them when another
    loaded anchor is at more reps: "heavy lifts: 4 reps" beside a 3 x 8 read as a why
    that did not match its lift (issue 13)."""
    anchors = [p for _, p in named if p.role is Role.ANCHOR]
    if not anchors:
        return ""
    if any(heavy(p) for p in anchors):
        heavy_ones = [p for p in anchors if heavy(p)]
        reps = sorted({p.reps for p in heavy_ones if p.reps is not None})
        counts = f"{reps[0]}" if len(reps) == 1 else f"{reps[0]}-{reps[-1]}"
        effort = max(p.target_rpe for p in heavy_ones)
        which = ""
        if any(p.load_kg is not None and not heavy(p) for p in anchors):
            which = f" ({listed([in_a_list(n) for n, p in named if p in heavy_ones])})"
        if effort < HEAVY_RPE:  # a first time, the eve of a hard run, a taper: not heavy
            return f"loaded lifts{which}: {counts} reps, kept easy today (RPE {effort})"
        return (
            f"heavy lifts{which}: {counts} reps with a load at RPE {effort} "
            f"({10 - effort} left in reserve)"
        )
    if any(p.load_kg is not None for p in anchors):
        return LOADED_HOW
    if any(p.seconds is not None for p in anchors) and all(p.reps is None for p in anchors):
        return HOLDS_HOW
    return BODYWEIGHT_HOW


def session_notes(
    main: Sequence[tuple[str, Prescription]],
    previous: dict[str, Prescription],
    injuries: Sequence[str],
    weaker_leg: str | None,
    harder: Sequence[tuple[str, bool, str]] = (),
    kit_end: Sequence[str] = (),
    *,
    band: bool = False,
    heaviest: Sequence[str] = (),
    carried: Sequence[tuple[str, str]] = (),
    easier: Sequence[tuple[str, str]] = (),
    plain: bool = False,
    taken_over: Sequence[tuple[str, bool, str]] = (),
) -> list[str]:
    """What the why says about the session's content, from (name, prescription) pairs:
    what rose since last time, what is new (and, from `harder`'s (replaced, outgrown, new)
    names, which new lift is a harder variation of which, and whether the athlete had
    outgrown it; `kit_end`: the lifts as hard as the athlete's kit, with or without a
    `band`, makes them, `heaviest` the loaded ones at the top of their rack; `carried`:
    (replaced, new) names of a lift that carries on from another, the same lift with other
    kit; `easier`: the same of an easier variation; `taken_over`: (replaced, stalled, new)
    of a fresh lift taking an anchor's slot over), the care, the weaker leg; `plain`: in
    a beginner's words (`fast_work`)."""
    notes = []
    how = how_it_builds(main)
    if how:
        notes.append(how)
    moved = moved_on(main, previous)
    if moved:
        notes.append(moved)
    notes.extend(fast_work(main, previous, plain=plain))
    notes.extend(harder_variation(*replaced) for replaced in harder)
    notes.extend(easier_variation(*names) for names in easier)
    notes.extend(carried_on(*names) for names in carried)
    notes.extend(took_over(*names) for names in taken_over)
    notes.extend(as_hard_as_the_kit(name, band=band, loaded=name in heaviest) for name in kit_end)
    varied = {in_a_list(name) for *_, name in harder} | {in_a_list(name) for _, name in easier}
    new = [in_a_list(name) for name, p in main if p.new and in_a_list(name) not in varied]
    if new:
        notes.append(f"{NEW_WORDS}: {listed(new)}")
    care = [in_a_list(name) for name, p in main if set(p.injury_care) & set(injuries)]
    if care:
        problems = [problem_name(injury) for injury in injuries]
        notes.append(f"for your {listed(problems)}: {listed(care)}")
    if weaker_leg and any(p.extra_side for _, p in main):
        notes.append(
            f"one-legged lifts: your {weaker_leg} leg, the non-dominant one and usually the "
            "weaker, starts each set and does one set more"
        )
    return notes


def fast_work(
    main: Sequence[tuple[str, Prescription]],
    previous: Mapping[str, Prescription],
    *,
    plain: bool = False,
) -> list[str]:
    """The block's jump drill in foot contacts, against its last time ("pogo hops: 35 foot
    contacts (from 30)"), and a power lift standing in for jumps; `plain`: a beginner's
    words, "these weeks' jumps" (no "block")."""
    whose = "these weeks' jumps" if plain else "this block's jumps"
    notes = []
    for name, p in main:
        if p.kind is ExerciseKind.PLYOMETRIC:
            before = previous.get(p.exercise)
            since = (
                ""
                if before is None or before.contacts == p.contacts
                else (f" (from {before.contacts})")
            )
            notes.append(f"{whose}, {in_a_list(name)}: {p.contacts} foot contacts{since}")
    power = [in_a_list(name) for name, p in main if p.role is Role.POWER]
    if power:
        quick = "quick on the way up, slow on the way down"
        notes.append(f"power without jumps: {listed(power)}, {quick}")
    return notes


def no_jumps(reasons: Collection[str], power: bool, *, plain: bool = False) -> str:
    """Why a block holds no jumps though the athlete's jump training asks for them, from
    what kept each session's out ("key run": less than 48 h before a key run or race, its
    eve included; "care": injury care holds jumps; "new knee work": runner's knee meets a
    knee lift for the first time there; "room": a session clear of both had no time left
    for them), and what stands in (`power`: a power lift in some of its
    sessions)."""
    why = []
    if "key run" in reasons:
        why.append(
            "each of its sessions falls less than 48 h before a key run or race, and jumps "
            "keep 48 h clear of them so your legs come to it fresh"
        )
    if "care" in reasons:
        why.append("care for your problem holds jumps until its last stage")
    if "new knee work" in reasons:
        why.append("a knee lift new to you comes first, without jumps beside it")
    if "room" in reasons:
        why.append(
            "the time of the sessions clear of them went to the main lifts and what the week "
            "needs first"
        )
    instead = (
        "; a power lift (fast up, slow down, feet on the ground) brings the fast work instead"
        if power
        else ""
    )
    when = "these weeks" if plain else "this block"
    return f"No jumps in {when}: {' and '.join(why)}{instead}"


def why(
    day: date,
    runs: Sequence[Run],
    phase: Phase,
    *,
    c_races: Sequence[Race] = (),
    block: tuple[int, int, int] | None = None,
    ramp: int = 0,
    eve: bool = False,
    key_run_ahead: str = "",
    notes: Sequence[str] = (),
    after: Race | None = None,
    race_ahead: Race | None = None,
    plain: bool = False,
    lighter_next: bool = False,
) -> str:
    """Why this day and this dose; `block` is (block, week of block, weeks in block);
    `lighter_next`: a recovery week follows the session's week;
    `key_run_ahead` names the key run or race less than 48 h after the session;
    `race_ahead` the first race less than a week after it; `plain`: for a runner new to
    lifting, who is told what a block is rather than its number (`block_words`)."""
    weekday = DAY_NAMES[day.weekday()]
    if runs:
        where = f"{weekday}: after your {runs[-1].kind} run ({runs[-1].title}), run first"
    else:
        where = f"{weekday}: a day without running"
    lines = [where, _aim(phase, after, race_ahead, plain=plain)]
    lines.extend(
        f"{race.label} on {DAY_ABBR[race.day.weekday()]}: its day and the day before stay free"
        for race in c_races
    )
    if block is not None:
        lines.append(block_words(*block, plain=plain, lighter_next=lighter_next))
    if ramp:
        lines.append(RAMP_WORDS[ramp])
    if eve:
        tomorrow = DAY_NAMES[(day.weekday() + 1) % 7]
        lines.append(f"{tomorrow} brings a hard or long run, so {EVE_WORDS}")
    elif key_run_ahead:
        lines.append(f"{key_run_ahead} starts less than 48 h from now: {BEFORE_KEY_RUN_WORDS}")
    lines.extend(notes)
    return "; ".join(line for line in lines if line) + "."


# A block in plain words, for a runner new to lifting (issue 13: "block 2 of 3" in a
# beginner's plan): a few weeks that keep the same main lifts, which move on a little as
# they are managed (`docs/planner.md` 3.1)
BLOCK_WORDS = "with the same main lifts"
BLOCK_EXPLAINED = "the same main lifts for these weeks, each a little harder as you manage it"


# the last week of a block before a recovery week: the dose's last rise before it eases
LAST_BEFORE_LIGHTER = "the last before a recovery week"


def block_words(
    number: int, week: int, weeks: int, *, plain: bool = False, lighter_next: bool = False
) -> str:
    """Where the session stands in its block: "week 2 of 4 in block 3", or for a beginner
    what a block is, in full in its first week ("week 1 of 4: the same main lifts for
    these weeks, each a little harder as you manage it"), then "week 2 of 4 with the same
    main lifts"; its last week says so when a lighter week follows (`lighter_next`). A
    block of one week (between a race and a recovery week) is no run of weeks to count:
    "week 1 of 1 in block 1" told a runner nothing, so it says nothing ("")."""
    if weeks <= 1:
        return ""
    last = f", {LAST_BEFORE_LIGHTER}" if lighter_next and week == weeks else ""
    if not plain:
        return f"week {week} of {weeks} in block {number}{last}"
    if week == 1:
        return f"week 1 of {weeks}: {BLOCK_EXPLAINED}"
    return f"week {week} of {weeks} {BLOCK_WORDS}{last}"


def _aim(phase: Phase, after: Race | None, race_ahead: Race | None, *, plain: bool) -> str:
    """What the week's strength work is for (a beginner's build week builds strength, with
    none to keep yet); a week that builds strength, or comes back to it after a race,
    speaks of a race less than a week ahead instead of building."""
    beginner_build = plain and phase is Phase.BUILD
    ahead = ""
    if race_ahead is not None:
        ahead = f", your {race_ahead.label} on {DAY_ABBR[race_ahead.day.weekday()]}"
    if after is not None:  # the return from a race is no off-season
        aim = AFTER_RACE_AHEAD_AIM if ahead else AFTER_RACE_AIM
        return f"the week after the {after.label}{ahead}: {aim}"
    if ahead and (phase in BUILDING_AIMS or beginner_build):
        return f"{phase} week{ahead}: {RACE_AHEAD_AIM}"
    aim = BEGINNER_BUILD_AIM if beginner_build else PHASE_AIMS.get(phase, "")
    return f"{phase} week: {aim}"


def _character(main: Sequence[Prescription], *, light: bool) -> str:
    if any(p.kind is ExerciseKind.PLYOMETRIC for p in main):
        return "springy"
    if any(p.role is Role.ANCHOR and heavy(p) and p.target_rpe >= HEAVY_RPE for p in main):
        return "heavy"  # as the why: few reps at an easy effort (a first time, an eve) is not
    return "easy" if light else "steady"


def music_bpm(main: Sequence[Prescription], *, light: bool) -> tuple[int, int]:
    """The beat range of `music`'s line, as numbers a player can pick tracks by."""
    return BEATS[_character(main, light=light)]


def music(main: Sequence[Prescription], *, light: bool) -> str:
    """`enjoyment`: a beat that suits the session, and a metronome at the rep rhythm of
    its first lift (60 BPM: one beat a second of the tempo)."""
    character = _character(main, light=light)
    low, high = BEATS[character]
    line = f"{character} session: music at {low}-{high} BPM"
    lift = next((p for p in main if p.reps and p.kind is not ExerciseKind.PLYOMETRIC), None)
    if lift is None:
        return line
    beats = seconds_per_rep(lift.tempo)
    return (
        f"{line}; for the lifts a metronome at 60 BPM, one beat a second: {lift.tempo} is "
        f"{beats} beats a rep"
    )
