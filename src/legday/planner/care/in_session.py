"""Care inside a strength session: a main block that loads a sore area no harder than
its care stage (`care_fit`).

While care is early, a session's lift of a movement the problem guards becomes the
stage's exercise at the week's dose, or stays unloaded and shallow when no swap keeps
the session's hard rules; at the last stage the session's own lifts stand. Every care
exercise the session holds takes the week's dose, loaded calf care is a set lighter
before a key run, and a session that grew gives sets back to keep to its minutes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from legday.care import (
    CALF_PROBLEMS,
    KNEE_PROBLEMS,
    CareItem,
    CareProtocol,
    CareStage,
    avoided,
    cared_for,
)
from legday.catalogue import Catalogue
from legday.kit import kit_of
from legday.model import (
    ALWAYS_AT_HAND,
    CARE_NEEDS,
    IMPLEMENTS,
    WEEKLY_GROUPS,
    Exercise,
    ExerciseKind,
    Muscle,
    Prescription,
    Profile,
    Role,
    Session,
    rep_tempo,
)
from legday.planner.care.guards import (
    ANY_GUARDED_MOVEMENT,
    CALF_OWNERS,
    DOSE_ONLY,
    GUARDED_PATTERNS,
    HELD_REACH,
    LEAD_IN_SESSIONS,
    UNLOADED_WHILE_EARLY,
    stages_ahead,
)
from legday.planner.care.loads import CARE_RPE, for_kit, from_care_item, loaded_calf
from legday.planner.care.schedule import CareSchedule, WeekDoses, expected_dose, jumps_wait
from legday.planner.dose import (
    ACCESSORY_REPS,
    BALANCE_REPS,
    BALANCE_SECONDS,
    Dose,
    prescribe,
    start_load,
    work_seconds,
)
from legday.planner.fit import FEWEST_ANCHOR_SETS
from legday.rules.progression import FIRST_SETS

__all__ = ["KEY_RUN_NEAR", "CareFit", "care_fit", "within_care"]


KEY_RUN_NEAR = "a key run or race is less than 48 h away"


# a lift's name as an item of a why's list ("for your runner's knee: split squat, clamshell
# and ..."), not inside another name or phrase: care renamed a split squat in a list, and
# "a harder variation of the split squat" and "rear-foot-elevated split squat" stay
_LISTED = r"(?<=: |, )(?<! and ){name}(?=, | and |; |\.$|$)|(?<= and ){name}(?=; |\.$|$)"


@dataclass(frozen=True, slots=True)
class CareFit:
    """What care does to a session's main block (`within_care`): the block, the words
    the session's why gains, and how much longer the block takes."""

    main: tuple[Prescription, ...]
    renamed: tuple[tuple[str, str], ...] = ()  # (lift, care exercise) names, lower case
    extra_seconds: int = 0
    changed: bool = False
    jumps_wait: bool = False  # the week's care holds jumps back (`jumps_wait`)
    # the loaded calf care a set lighter: a key run or race is less than 48 h away
    calf_eased: tuple[str, ...] = ()

    def told(self, why: str) -> str:
        """The session's why, naming what care changed: that jumps wait only when they
        do (a session with pogo hops said they waited: a coach's read), and the loaded
        calf work a set lighter before a key run."""
        if not self.changed:
            return why
        for old, new in self.renamed:
            why = re.sub(_LISTED.format(name=re.escape(old)), new, why)
        note = "; work near the sore area stays at its care stage"
        note += ", and jumps wait for it" if self.jumps_wait else ""
        if self.calf_eased:
            note += f"; {' and '.join(self.calf_eased)} a set lighter ({KEY_RUN_NEAR})"
        return why[:-1] + note + "."


def care_fit(
    day: date,
    main: Sequence[Prescription],
    profile: Profile,
    catalogue: Catalogue,
    schedule: CareSchedule | None,
    room_seconds: int | None = None,
    met: Collection[str] | None = None,
    doses: WeekDoses | None = None,
    before_key_run: bool = False,
    known: Collection[str] | None = None,
    last_session: Collection[str] = (),
) -> CareFit:
    """A main block that loads a sore area no harder than its care stage.

    A lift of a guarded movement (the calf for Achilles pain, the squat for runner's knee)
    becomes the care stage's exercise of that movement at the stage's dose for the week;
    a lift the stages up to now already hold keeps its exercise and takes that dose. When
    the stage has no exercise of the movement (or the swap would break a hard rule), the
    lift stays, at two sets, no heavier than its starting load and at an easy effort. At
    the last stage (full loading) the session's own lifts stand. At every stage, an
    exercise of the stage that the session holds (a care pick too) takes the week's dose,
    unless the strength plan loads it in kg (then it progresses by its kg). Beside
    another calf problem, Achilles care goes first and its calf work is the session's one
    calf dose, serving both (`CALF_OWNERS`).
    Jumps never reach it while calf or shin care is early: the composer plans none then
    (`jumps_wait`), so its other work fills the session. The planner settles all this
    before it places the session's start, so the start fits the session's real length
    (`no-overlap`). When the care dose takes more than
    `room_seconds` more, the session gives sets back (`_make_room`) to keep to its minutes.
    `met`, in a week that brings nothing new (a race week), holds what the athlete has
    done: care then swaps in only exercises among them. `doses`, when the planner has
    made them for the plan, hold each week's stage and items. `before_key_run`: the
    session starts less than 48 h before a key run or race, so its loaded calf care
    (`loaded_calf`) takes a set fewer: the week's heaviest calf dose sits clear of it. A
    calf lift of the stage that the strength plan loads in kg instead (at the last stage,
    climbing the owned rack: an insertional Achilles' one-legged raise at 32 kg the
    afternoon before a long run) is as heavy for the tendon, and takes a set fewer too.
    `known`: what the athlete has met in the sessions so far, in a session clear of a key
    run's eve: runner's knee care then swaps in a stage exercise of the movement they
    have not met before one they have (`_new_first`), so a stage's new exercises come
    first on such a day and a routine on a key run's eve holds them as known work.
    `last_session`: the exercises of the session before, whose hold this one does not
    repeat (`_hold_rests`).
    """
    week = (day - profile.start).days // 7
    before = tuple(main)
    block = list(main)
    renamed: list[tuple[str, str]] = []
    floors: dict[str, int] = {}  # care work the session had fewer sets of than its stage
    added: list[Prescription] = []  # work for the groups a bodyweight stand-in gave up
    claimed: set[str] = set()  # the calf work Achilles care made its own (`CALF_OWNERS`)
    heaviest: dict[str, int] = {}  # loaded calf care, with the week's sets (`loaded_calf`)
    changed = False
    for injury in sorted(cared_for(profile.injuries), key=lambda i: i not in CALF_OWNERS):
        protocol = catalogue.protocols.get(injury)
        guarded = GUARDED_PATTERNS.get(injury, frozenset())
        if protocol is None or (schedule is not None and injury in schedule.stopped):
            continue
        if doses is not None:
            stage, items = doses.of(injury, week)
        else:
            stage, items = expected_dose(protocol, schedule, week)
            items = for_kit(items, catalogue, profile)
        # runner's knee: a stage exercise not met yet first, where its swap holds
        orders = [items]
        if known is not None and injury in ANY_GUARDED_MOVEMENT:
            orders.insert(0, _new_first(items, known))
        if stage.number < len(protocol.stages):  # the last stage is full loading
            for index, p in enumerate(block):
                exercise = catalogue.get(p.exercise)
                if exercise is None or exercise.pattern not in guarded or p.exercise in claimed:
                    continue
                for order in orders:
                    item = _stage_item(
                        protocol, stage, order, exercise.id, exercise.pattern, catalogue, met
                    )
                    if item is None and injury in ANY_GUARDED_MOVEMENT:
                        taken = {q.exercise for q in block}
                        item = _another_guarded(items, guarded, taken, catalogue, met)
                    item = for_kit((item,), catalogue, profile)[0] if item is not None else None
                    if item is not None and _hold_rests(item, block, index, injury, last_session):
                        item = None  # the lift stays, unloaded and shallow (below)
                        break
                    made_good: tuple[Prescription, ...] | None = ()
                    if item is not None and _loses_care(
                        block, index, item, catalogue, profile.injuries, injury
                    ):
                        made_good = _groups_made_good(
                            block, index, item, injury, added, catalogue, profile, met
                        )
                        item = None if made_good is None else item
                    if item is not None:
                        added.extend(made_good or ())
                        break
                unloaded = UNLOADED_WHILE_EARLY.get(injury)
                too_far = stages_ahead(protocol, stage.number, exercise.id, catalogue) > HELD_REACH
                if item is None and (too_far or (unloaded and _needs_implement(exercise))):
                    plain, steady = _held_stand_in(
                        exercise, block, index, catalogue, profile, met, protocol, stage.number
                    )
                    added.extend(steady)
                    if plain is None and _needs_implement(exercise):
                        unloaded = None  # no variation without it: as light as it starts
                    elif plain is not None:
                        # a heavy lift's few reps make no bodyweight set: an accessory's
                        reps = None if p.reps is None else max(p.reps, ACCESSORY_REPS)
                        p = replace(_as_variation(p, plain), reps=reps)
                        if not plain.loadable:
                            p = replace(p, load_kg=None, implement="")
                        lost = _groups_only(block, index, exercise) - set(plain.muscles)
                        taken = {q.exercise for q in (*block, *added)}
                        work = _group_work(lost, taken, catalogue, profile, met)
                        added.extend(() if work is None else (work,))
                        exercise = plain
                start_kg = (
                    start_load(
                        exercise,
                        p.implement,
                        profile.level,
                        kit_of(profile),
                        profile.body_kg,
                        room=True,
                        care=True,
                    )
                    if p.implement
                    else None
                )
                block[index] = _at_care_dose(p, item, catalogue, injury, start_kg, unloaded)
                if item is not None and block[index].exercise == p.exercise:
                    floors[p.exercise] = min(p.sets, item.sets)
                new_name = catalogue[block[index].exercise].name.lower()
                renamed.append((exercise.name.lower(), new_name))
                changed = True
            resting = _resting_holds(block, items, injury, last_session)
            block = [q for n, q in enumerate(block) if n not in resting]
            changed = changed or bool(resting)
        elif injury in ANY_GUARDED_MOVEMENT:
            # the knee's last stage: the session's own lifts stand, and its knee care
            # picks (a goblet squat, a split squat for the knee) become the stage's
            # exercises of their movement at the week's dose, so a knee day of the
            # session is a day of the protocol, not a knee day beside it
            for index, p in enumerate(block):
                knee_care = _last_stage_swap(block, index, items, guarded, injury, catalogue, met)
                if knee_care is None:
                    continue
                given_back: tuple[Prescription, ...] | None = ()
                if _loses_care(block, index, knee_care, catalogue, profile.injuries, injury):
                    given_back = _groups_made_good(
                        block, index, knee_care, injury, added, catalogue, profile, met
                    )
                if given_back is None:
                    continue
                added.extend(given_back)
                renamed.append(
                    (catalogue[p.exercise].name.lower(), catalogue[knee_care.exercise].name.lower())
                )
                block[index] = _at_care_dose(p, knee_care, catalogue, injury, None)
                floors[knee_care.exercise] = max(1, knee_care.sets - 1)
                changed = True
        elif injury in LEAD_IN_SESSIONS and items:
            led = _lead_in(block, items[0], catalogue, profile.injuries, met, injury, claimed)
            if led is None and any(p.exercise == items[0].exercise for p in block):
                led = _joining_lead(block, items[0], injury, catalogue, profile.injuries)
            while led is not None:
                index, before_name = led
                renamed.append((before_name, catalogue[items[0].exercise].name.lower()))
                block[index] = _at_care_dose(block[index], items[0], catalogue, injury, None)
                # a short session may give one set back and still hold the dose
                floors[items[0].exercise] = max(1, items[0].sets - 1)
                changed = True
                # beside Achilles care the other calf problems' raises join its lead:
                # the session does it once (`_once_each`), for all of them
                led = _joining_lead(block, items[0], injury, catalogue, profile.injuries)
        own = {item.exercise: item for item in items}
        # a care pick of an earlier stage's exercise keeps the dose it reached
        kept = doses.earlier(injury, week) if doses is not None else {}
        heaviest.update((i.exercise, i.sets) for i in items if loaded_calf(i, catalogue))
        for index, p in enumerate(block):
            item = own.get(p.exercise)
            if item is None and p.role is Role.CARE and p.exercise in kept:
                # its reps or hold, at the sets the session gave it: more sets made a
                # week's sets jump (`test_a_masters_weekly_volume_climbs_gently`)
                item = replace(kept[p.exercise], sets=min(kept[p.exercise].sets, p.sets))
            if item is not None and p.load_kg is None and p.exercise not in claimed:
                # a lift loaded in kg progresses by kg; Achilles care's calf work keeps its dose
                dosed = _at_care_dose(p, item, catalogue, injury, None)
                floors.setdefault(p.exercise, min(p.sets, item.sets))
                changed, block[index] = changed or dosed != p, dosed
        if injury in CALF_OWNERS:  # its calf work is the session's one calf dose
            claimed.update(i.exercise for i in items)
            claimed.update(p.exercise for p in block if _pattern_of(p, catalogue) in guarded)
    eased: list[str] = []
    for index, p in enumerate(block):
        week_sets = heaviest.get(p.exercise)
        if not before_key_run or week_sets is None:
            continue
        if p.load_kg is None or p.care_dose:  # care's own dose, in owned kilograms or not
            lighter = week_sets > 1
            sets = min(p.sets, week_sets - 1)
        else:  # the strength plan's load, climbing the owned rack: its own sets, one fewer
            lighter = p.sets > 1
            sets = p.sets - 1
        if lighter:
            block[index] = replace(p, sets=sets)
            eased.append(catalogue[p.exercise].name.lower())
            changed = True
    if not changed:
        return CareFit(before)
    block = _once_each([*block, *added])
    extra = sum(work_seconds(p) for p in block) - sum(work_seconds(p) for p in before)
    if room_seconds is not None and extra > room_seconds:
        extra -= _make_room(block, extra - room_seconds, profile.injuries, floors)
    if doses is not None:  # the week's answer, worked out once per plan
        waits = doses.jumps_wait[week]
    else:
        waits = jumps_wait(profile, catalogue, schedule, day)
    return CareFit(tuple(block), tuple(renamed), extra, True, waits, tuple(eased))


def _hold_rests(
    item: CareItem,
    block: Sequence[Prescription],
    index: int,
    injury: str,
    last_session: Collection[str],
) -> bool:
    """Whether block[index], a lift runner's knee care would swap for the stage's
    isometric hold (the wall sit), keeps its own movement instead, unloaded and shallow
    (`UNLOADED_WHILE_EARLY`): the session before held that hold, and the session keeps
    its care without it (`injury-care`): the lift serves the problem itself (a split
    squat, a goblet squat picked for the knee), or its other lifts do. A hold eases pain
    for a while and loads the thigh without moving the knee, but a coach and physio found
    the wall sit in nearly every session on top of the routines' own: the sessions take
    turns, a hold in one and the knee moving through a short, pain-free range in the
    next."""
    p = block[index]
    if (
        item.seconds is None
        or item.exercise == p.exercise
        or item.exercise not in last_session
        or injury not in KNEE_PROBLEMS
    ):
        return False
    if injury in p.injury_care:
        return True
    # a lift that serves no care keeps the session's care only if others give it
    others = [q for n, q in enumerate(block) if n != index and injury in q.injury_care]
    cared = {m for q in others for m in q.muscles}
    return all(m in cared for m in CARE_NEEDS.get(injury, ()))


def _resting_holds(
    block: Sequence[Prescription],
    items: Sequence[CareItem],
    injury: str,
    last_session: Collection[str],
) -> set[int]:
    """The places of the stage's isometric hold (the wall sit) that the session picked
    beside its anchors while the session before held it too and its other lifts keep its care
    (`injury-care`): the hold rests today, as `_hold_rests` has the sessions take turns.
    A session whose knee lift runs too far ahead of the stage now holds an easier one
    (`HELD_REACH`), and the composer then picked the wall sit beside it in five sessions
    in a row for a runner whose knee care stayed at its first stage."""
    if injury not in KNEE_PROBLEMS:
        return set()
    holds = {i.exercise for i in items if i.seconds is not None}
    needs = CARE_NEEDS.get(injury, ())
    resting: set[int] = set()
    for index, p in enumerate(block):
        if p.role is Role.ANCHOR or p.exercise not in holds or p.exercise not in last_session:
            continue
        others = [
            q
            for n, q in enumerate(block)
            if n != index and n not in resting and injury in q.injury_care
        ]
        if all(any(m in q.muscles for q in others) for m in needs):
            resting.add(index)
    return resting


def _new_first(items: Sequence[CareItem], known: Collection[str]) -> tuple[CareItem, ...]:
    """The stage's items, those not in `known` first (in the stage's order otherwise):
    care's swaps take the first item of a movement that fits. A split squat met on
    Wednesday leaves Friday's session the step-up, and the routine on the eve of
    Tuesday's tempo, which brings no first times (`_Placer._first_times_wait` in
    `routines`), has met both by then."""
    return tuple(sorted(items, key=lambda item: item.exercise in known))


def _once_each(block: Sequence[Prescription]) -> list[Prescription]:
    """An exercise at most once in a session: two lifts of a guarded movement can both
    become the stage's exercise of it, and doing it twice would double the care dose.
    The first stays, with the care tags of both (the same exercise works the same
    muscles and balance, so no rule loses what it counts on)."""
    kept: dict[str, int] = {}
    once: list[Prescription] = []
    for p in block:
        if p.exercise not in kept:
            kept[p.exercise] = len(once)
            once.append(p)
            continue
        first = once[kept[p.exercise]]
        tags = tuple(dict.fromkeys((*first.injury_care, *p.injury_care)))
        once[kept[p.exercise]] = replace(first, injury_care=tags)
    return once


def _make_room(
    block: list[Prescription], over: int, injuries: Sequence[str], floors: Mapping[str, int]
) -> int:
    """Shorten the block by `over` seconds where it can; the seconds saved. First a set
    less for the companions that are not care for the athlete (the last first, never
    below one set), then for care work the session held at fewer sets than its stage
    (down to those, `floors`): a short session keeps the stage's reps and load, and as
    many of its sets as fit. Anchors above two sets give one back before care work does."""
    saved = 0
    own = set(injuries)

    def spare(p: Prescription) -> bool:
        # a jump drill's dose is its contacts, climbing week by week: no set of it goes
        companion = p.role not in (Role.ANCHOR, Role.PLYOMETRIC) and p.exercise not in floors
        return companion and p.sets > 1 and not own.intersection(p.injury_care)

    def anchor_spare(p: Prescription) -> bool:  # an anchor keeps two sets, as `fit` trims
        return p.role is Role.ANCHOR and p.exercise not in floors and p.sets > FEWEST_ANCHOR_SETS

    floored = (spare, anchor_spare, lambda p: p.sets > floors.get(p.exercise, p.sets))
    for can_spare in floored:
        while saved < over:
            found = [index for index, p in enumerate(block) if can_spare(p)]
            if not found:
                break
            p = block[found[-1]]
            block[found[-1]] = replace(p, sets=p.sets - 1)
            saved += work_seconds(p) - work_seconds(block[found[-1]])
    return saved


def within_care(
    session: Session, profile: Profile, catalogue: Catalogue, schedule: CareSchedule | None
) -> Session:
    """A composed session with its main block at the care stage (`care_fit`); its length
    follows, its start does not move (the planner settles care before placing starts)."""
    fit = care_fit(session.day, session.main, profile, catalogue, schedule)
    if not fit.changed:
        return session
    return replace(
        session,
        main=fit.main,
        minutes=max(1, session.minutes + round(fit.extra_seconds / 60)),
        why=fit.told(session.why),
    )


def _loses_care(
    main: list[Prescription],
    index: int,
    item: CareItem,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
    injury: str,
    *,
    groups: bool = True,
) -> bool:
    """Whether swapping main[index] for `injury`'s care item would take from the session
    what a hard rule needs: its only balance work, a group the lift works that the item
    does not (unless `groups` is False), or a muscle that one of the athlete's problems
    needs cared for in every session (`injury-care`)."""
    new, old = catalogue[item.exercise], main[index]
    new_care = {*new.injury_care, *_care_kept(old, new, catalogue, injury)}
    if (
        old.balance
        and not new.balance
        and not any(p.balance for n, p in enumerate(main) if n != index)
    ):
        return True  # the session's only balance work (`balance`)
    if groups and not WEEKLY_GROUPS.intersection(old.muscles) <= set(new.muscles):
        return True  # a group the session or its week counts on (`several-groups`)
    for injury in injuries:
        serving = [p for n, p in enumerate(main) if n != index and injury in p.injury_care]
        covered = set().union(*(set(p.muscles) for p in serving))
        if injury in new_care:
            covered |= set(new.muscles)
        needed = [m for m in CARE_NEEDS.get(injury, ()) if m in old.muscles]
        if injury in old.injury_care and any(m not in covered for m in needed):
            return True
    return False


def _groups_made_good(
    block: Sequence[Prescription],
    index: int,
    item: CareItem,
    injury: str,
    added: Sequence[Prescription],
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
) -> tuple[Prescription, ...] | None:
    """For runner's knee (`ANY_GUARDED_MOVEMENT`), a swap of block[index] for the stage's
    exercise that costs the session nothing but groups the lift worked: the plain work
    that gives them back (`_group_work`: a dead bug for a goblet squat's core; none when
    another lift of the session works them). None when the swap costs more, or nothing
    gives them back: the lift then stays, unloaded. A coach's read found the knee's
    protocol days falling to one a week once routines kept a day from every session's
    knee work, because the sessions' squats and lunges stayed rather than lose a group
    another lift already worked."""
    exercise = catalogue.get(block[index].exercise)
    if (
        exercise is None
        or injury not in ANY_GUARDED_MOVEMENT
        or _loses_care(list(block), index, item, catalogue, profile.injuries, injury, groups=False)
    ):
        return None
    lost = _groups_only(block, index, exercise) - set(catalogue[item.exercise].muscles)
    lost -= {m for q in added for m in q.muscles}
    if not lost:
        return ()
    taken = {q.exercise for q in (*block, *added)}
    work = _group_work(lost, taken, catalogue, profile, met)
    return None if work is None else (work,)


def _last_stage_swap(
    block: Sequence[Prescription],
    index: int,
    items: Sequence[CareItem],
    guarded: frozenset[str],
    injury: str,
    catalogue: Catalogue,
    met: Collection[str] | None,
) -> CareItem | None:
    """The last stage's exercise that block[index], a care pick of a movement the problem
    guards (a goblet squat picked for the knee), becomes: the stage's exercise of that
    movement, not in the session yet (in a week that brings nothing new, one the athlete
    has met); None when the lift is no such pick or the stage has none."""
    p = block[index]
    exercise = catalogue.get(p.exercise)
    if (
        exercise is None
        or exercise.pattern not in guarded
        or p.role is not Role.CARE
        or injury not in p.injury_care
        or p.care_dose
    ):
        return None
    taken = {q.exercise for q in block}
    return next(
        (
            i
            for i in items
            if catalogue[i.exercise].pattern == exercise.pattern
            and i.exercise not in taken
            and (met is None or i.exercise in met)
        ),
        None,
    )


def _stage_item(
    protocol: CareProtocol,
    stage: CareStage,
    items: Sequence[CareItem],
    exercise_id: str,
    pattern: str,
    catalogue: Catalogue,
    met: Collection[str] | None = None,
) -> CareItem | None:
    """The lift as the stages up to this one hold it (`items`: this stage's, as dosed
    this week), else the stage's exercise of the same movement; None when it has none.
    In a week that brings nothing new (`met`: what the athlete has done), a stage's
    exercise not yet met gives way to the latest one of the movement that was.
    For a problem whose dose only its stage's exercise gives (DOSE_ONLY: Achilles), an
    earlier stage's lift becomes this stage's exercise of the movement: a stage-1 calf
    raise 3 x 15 beside stage-2 heel drops is no protocol day, and a week whose calendar
    leaves two routine days fell short of three."""
    fresh = next((i for i in items if catalogue[i.exercise].pattern == pattern), None)
    current = [i for i in items if i.exercise == exercise_id]
    if current:
        return current[-1]
    if (
        protocol.condition in DOSE_ONLY
        and fresh is not None
        and (met is None or fresh.exercise in met)
    ):
        return fresh
    done = [*(i for s in protocol.stages[: stage.number - 1] for i in s.items), *items]
    same = [i for i in done if i.exercise == exercise_id]
    if same:
        return same[-1]
    if met is None or fresh is None or fresh.exercise in met:
        return fresh
    # nothing new this week: the latest exercise of the movement the athlete has met
    known = [i for i in done if i.exercise in met and catalogue[i.exercise].pattern == pattern]
    return known[-1] if known else None


def _held_stand_in(
    exercise: Exercise,
    block: Sequence[Prescription],
    index: int,
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
    protocol: CareProtocol,
    stage: int,
) -> tuple[Exercise | None, tuple[Prescription, ...]]:
    """The variation a lift care holds takes (`_bodyweight_stand_in`): one that holds no
    implement and runs no further ahead of the stage than a held form may
    (`HELD_REACH`), and the balance work the session gains when only a variation
    without balance is within reach of the lift that was its balance work (a kickstand
    RDL and a single-leg stand for a single-leg Romanian deadlift beside a hamstring's
    bridge holds: `balance` keeps its work, and the hamstring its stage)."""

    cares = _care_only(block, index, profile.injuries)

    def within(e: Exercise) -> bool:  # and keeps the care only the lift gave (`injury-care`)
        return stages_ahead(protocol, stage, e.id, catalogue) <= HELD_REACH and cares <= set(
            e.muscles
        )

    plain = _bodyweight_stand_in(exercise, block, index, catalogue, profile, met, within)
    if plain is not None or stages_ahead(protocol, stage, exercise.id, catalogue) <= HELD_REACH:
        return plain, ()
    taken = {q.exercise for q in block}
    steady = _balance_work(taken, catalogue, profile, met)
    if steady is None:
        return None, ()
    plain = _bodyweight_stand_in(exercise, [*block, steady], index, catalogue, profile, met, within)
    return plain, () if plain is None else (steady,)


def _care_only(block: Sequence[Prescription], index: int, injuries: Sequence[str]) -> set[Muscle]:
    """The muscles block[index] alone gives the care of a problem it serves (`CARE_NEEDS`:
    a lateral step-down's hip abductors for a runner's knee)."""
    p = block[index]
    only: set[Muscle] = set()
    for injury in set(injuries).intersection(p.injury_care):
        others = [q for n, q in enumerate(block) if n != index and injury in q.injury_care]
        covered = {m for q in others for m in q.muscles}
        only.update(m for m in CARE_NEEDS.get(injury, ()) if m in p.muscles and m not in covered)
    return only


def _balance_work(
    taken: Collection[str], catalogue: Catalogue, profile: Profile, met: Collection[str] | None
) -> Prescription | None:
    """Plain balance work the session does not hold yet (in a week that brings nothing
    new, one the athlete has met), the easiest first, two easy sets; None when none fits."""
    fitting = [
        e
        for e in catalogue.doable(profile.equipment, profile.level, ExerciseKind.BALANCE)
        if e.id not in taken and (met is None or e.id in met)
    ]
    if not fitting:
        return None
    e = min(fitting, key=lambda e: (e.level.rank, e.id))
    holds = e.measure == "seconds"
    dose = Dose(
        FIRST_SETS,
        None if holds else BALANCE_REPS,
        BALANCE_SECONDS if holds else None,
        CARE_RPE,
        e.tempo,
    )
    return prescribe(e, Role.BALANCE, dose, None, "", new=False, injury_care=())


def _needs_implement(exercise: Exercise) -> bool:
    """Whether the lift is named for what it holds (a goblet squat, a barbell squat)."""
    return any(e.value in IMPLEMENTS for e in exercise.equipment)


def _bodyweight_stand_in(
    exercise: Exercise,
    block: Sequence[Prescription],
    index: int,
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
    within_reach: Callable[[Exercise], bool] = lambda e: True,
) -> Exercise | None:
    """The lift's nearest easier variation that holds no implement, for a lift care keeps
    without added load: a bodyweight squat, not a "goblet squat, bodyweight" (a coach's
    read); for a lift that runs too far ahead of care (`HELD_REACH`), one `within_reach`
    (a lateral step-up for a lateral step-down beside the knee's wall sit). Its
    regressions first, nearest first (a barbell squat, a goblet squat, a
    bodyweight squat), then the movement's other lifts: of its movement and measure, no
    harder than it, one the athlete has the kit and the level for, in a week that brings
    nothing new one they have met (`met`), and balance work when the lift was the
    session's only balance work (`balance`). One not in the session yet comes first (else
    the session does it once: `_once_each`), and of those one that also works the groups
    only the lift worked; else the caller adds work for them (`_group_work`: a goblet
    squat's core came from the weight in front). None when there is none."""
    at_hand, rank = profile.equipment | ALWAYS_AT_HAND, profile.level.rank
    spared = avoided(catalogue.protocols, profile.injuries)
    needed = _groups_only(block, index, exercise)
    only_balance = block[index].balance and not any(
        q.balance for n, q in enumerate(block) if n != index
    )
    taken = {q.exercise for q in block}
    found: list[Exercise] = []
    queue, seen = list(exercise.regressions), {exercise.id}
    # its regressions first, nearest first; then the movement's other lifts, those that
    # share the most of its muscles first
    others_of_movement = sorted(
        (e for e in catalogue if e.pattern == exercise.pattern),
        key=lambda e: (-len(set(e.muscles) & set(exercise.muscles)), e.id),
    )
    while queue or others_of_movement:
        easier = catalogue.get(queue.pop(0)) if queue else others_of_movement.pop(0)
        if easier is None or easier.id in seen:
            continue
        seen.add(easier.id)
        queue.extend(easier.regressions)
        if (
            not _needs_implement(easier)
            and (easier.pattern, easier.measure) == (exercise.pattern, exercise.measure)
            and set(easier.equipment) <= at_hand
            and easier.level.rank <= min(rank, exercise.level.rank)
            and (met is None or easier.id in met)
            and (easier.balance or not only_balance)
            and easier.id not in spared
            and within_reach(easier)
        ):
            found.append(easier)
    # one not in the session first (else it is done once: `_once_each`), then one that
    # keeps the groups
    found.sort(key=lambda e: (e.id in taken, not needed <= set(e.muscles)))
    return next(iter(found), None)


def _groups_only(block: Sequence[Prescription], index: int, exercise: Exercise) -> set[Muscle]:
    """The groups the week counts (`several-groups`) that only block[index] works."""
    covered = {m for n, q in enumerate(block) if n != index for m in q.muscles}
    return set(WEEKLY_GROUPS.intersection(exercise.muscles)) - covered


def _group_work(
    groups: set[Muscle],
    taken: Collection[str],
    catalogue: Catalogue,
    profile: Profile,
    met: Collection[str] | None,
) -> Prescription | None:
    """Plain bodyweight work for `groups` a stand-in gave up (a dead bug for the core a
    goblet squat's weight worked): a strength exercise the athlete has the kit and level
    for, of no movement their problems guard, not in the session yet (in a week that
    brings nothing new, one they have met, else a new one: the group is a hard rule's,
    and two easy sets of a dead bug the gentlest of first times), two easy sets. None
    when nothing is needed, or nothing fits."""
    if not groups:
        return None
    guarded = {m for i in profile.injuries for m in GUARDED_PATTERNS.get(i, frozenset())}
    spared = avoided(catalogue.protocols, profile.injuries)
    fitting = [
        e
        for e in catalogue.doable(profile.equipment, profile.level, ExerciseKind.STRENGTH)
        if groups <= set(e.muscles)
        and not _needs_implement(e)
        and e.pattern not in guarded
        and e.id not in taken
        and e.id not in spared
    ]
    if not fitting:
        return None
    known = frozenset(e.id for e in fitting) if met is None else met
    e = min(fitting, key=lambda e: (e.id not in known, len(e.muscles), e.level.rank, e.id))
    holds = e.measure == "seconds"
    dose = Dose(
        FIRST_SETS, None if holds else ACCESSORY_REPS, 30 if holds else None, CARE_RPE, e.tempo
    )
    own = tuple(i for i in e.injury_care if i in profile.injuries)
    return prescribe(e, Role.ACCESSORY, dose, None, "", new=False, injury_care=own)


def _as_variation(p: Prescription, exercise: Exercise) -> Prescription:
    """The prescription's slot filled by another variation of its lift, dose and load
    words as they were (the caller sets them), its care tags kept."""
    return replace(
        p,
        exercise=exercise.id,
        per_side=exercise.per_side,
        tempo=rep_tempo(exercise.tempo, p.seconds),
        muscles=exercise.muscles,
        unilateral=exercise.unilateral,
        balance=exercise.balance,
        injury_care=tuple(dict.fromkeys((*p.injury_care, *exercise.injury_care))),
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        extra_side=p.extra_side if exercise.per_side else None,
    )


def _lead_in(
    block: Sequence[Prescription],
    lead: CareItem,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
    met: Collection[str] | None,
    injury: str,
    claimed: Collection[str] = (),
) -> tuple[int, str] | None:
    """The session's lift of the lead exercise's movement that becomes it, and its name:
    None when the session holds the lead already, has no such lift (but the calf work
    Achilles care `claimed`), or (in a week that brings nothing new) the athlete has not
    met the lead yet."""
    if any(p.exercise == lead.exercise for p in block):
        return None
    if met is not None and lead.exercise not in met:
        return None
    pattern = catalogue[lead.exercise].pattern
    for index, p in enumerate(block):
        exercise = catalogue.get(p.exercise)
        if exercise is None or exercise.pattern != pattern or p.exercise in claimed:
            continue
        if not _loses_care(list(block), index, lead, catalogue, injuries, injury):
            return index, exercise.name.lower()
    return None


def _joining_lead(
    block: Sequence[Prescription],
    lead: CareItem,
    injury: str,
    catalogue: Catalogue,
    injuries: tuple[str, ...],
) -> tuple[int, str] | None:
    """For Achilles care (`CALF_OWNERS`) beside another calf problem, whose lead the
    session now holds: the next other lift of its movement that serves a calf problem (a
    shin-splint raise for endurance, an earlier stage's heel drop beside the heavy slow
    raise), and its name; it becomes the lead too, so the calves take one dose. None
    when no such lift is left, but one that would cost a hard rule its work."""
    calf_problems = CALF_PROBLEMS.intersection(injuries)
    if injury not in CALF_OWNERS or len(calf_problems) < 2:
        return None
    pattern = catalogue[lead.exercise].pattern
    for index, p in enumerate(block):
        if (
            p.exercise != lead.exercise
            and calf_problems.intersection(p.injury_care)
            and _pattern_of(p, catalogue) == pattern
            and not _loses_care(list(block), index, lead, catalogue, injuries, injury)
        ):
            return index, catalogue[p.exercise].name.lower()
    return None


def _another_guarded(
    items: Sequence[CareItem],
    guarded: frozenset[str],
    taken: Collection[str],
    catalogue: Catalogue,
    met: Collection[str] | None,
) -> CareItem | None:
    """The stage's exercise of another movement the problem guards, not in the session
    yet (and, in a week that brings nothing new, one the athlete has met)."""
    return next(
        (
            i
            for i in items
            if catalogue[i.exercise].pattern in guarded
            and i.exercise not in taken
            and (met is None or i.exercise in met)
        ),
        None,
    )


def _care_kept(
    old: Prescription, new: Exercise, catalogue: Catalogue, injury: str
) -> tuple[str, ...]:
    """The care a lift's replacement for `injury`'s care goes on serving: all of it when
    the exercise stays (a towel raise standing in for an Achilles calf lift stays
    Achilles care when the plantar protocol doses it), and the calf problems' when
    Achilles care makes a calf lift its own (the heavy slow raise in place of a
    shin-splint raise: one calf dose for both, `CALF_OWNERS`)."""
    if old.exercise == new.id:
        return old.injury_care
    if injury in CALF_OWNERS and new.pattern == "calf" and _pattern_of(old, catalogue) == "calf":
        return tuple(i for i in old.injury_care if i in CALF_PROBLEMS)
    return ()


def _pattern_of(p: Prescription, catalogue: Catalogue) -> str:
    exercise = catalogue.get(p.exercise)
    return exercise.pattern if exercise is not None else ""


def _at_care_dose(
    p: Prescription,
    item: CareItem | None,
    catalogue: Catalogue,
    injury: str,
    start_kg: float | None,
    unloaded: str | None = None,
) -> Prescription:
    easy = min(p.target_rpe, CARE_RPE)
    if item is None and unloaded is not None:  # the lift stays, unloaded and shallow
        words = f"{unloaded}; an easy effort (RPE {easy}): the sore area sets the pace"
        # a heavy lift's few reps make no bodyweight set: an accessory's, as a stand-in
        # takes (a coach's read found a shallow split squat at 2 x 8, 2 x 3, then 1 x 7)
        reps = None if p.reps is None else max(p.reps, ACCESSORY_REPS)
        return replace(
            p,
            load_kg=None,
            implement="",
            load=words,
            target_rpe=easy,
            sets=min(p.sets, 2),
            reps=reps,
        )
    if item is None:  # the lift stays, as light as it starts and at an easy effort
        kg = p.load_kg if p.load_kg is None or start_kg is None else min(p.load_kg, start_kg)
        what = "bodyweight" if kg is None else f"{kg:g} kg {p.implement}"
        words = f"{what}; an easy effort (RPE {easy}): the sore area sets the pace"
        return replace(p, load_kg=kg, load=words, target_rpe=easy, sets=min(p.sets, 2))
    # the stage's dose: care sets the pace, not the strength plan; the slot keeps its
    # role, its newness and its warm-up sets
    exercise = catalogue[item.exercise]
    kept_care = _care_kept(p, exercise, catalogue, injury)
    cares = tuple(dict.fromkeys((*kept_care, *exercise.injury_care, injury)))
    dosed = from_care_item(item, catalogue, p.role, cares, rpe=easy)
    one_leg = exercise.per_side or item.one_leg
    return replace(
        dosed,
        new=p.new,
        warmup_sets=p.warmup_sets,
        extra_side=p.extra_side if one_leg else None,
    )
