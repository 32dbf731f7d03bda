"""Fitting a session into the athlete's minutes without breaking a rule.

A composed session may run long. It loses, in this order: a companion whose every need
another exercise also covers, an anchor set (never below two), a companion set (never
below one), and as a last resort an anchor the rules do not need (the calf lift first).
What each exercise gives the rules is named: the week's muscles it works
(`several-groups`), balance (`balance`), and care per problem and muscle (`injury-care`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from legday.catalogue import Catalogue
from legday.model import MAJOR_GROUPS, WEEKLY_GROUPS, Exercise, Prescription, Role, WarmupSet
from legday.planner.dose import Dose, prescribe, work_seconds
from legday.rules.session import MIN_GROUPS

__all__ = [
    "CHANGE_SECONDS",
    "FEWEST_ANCHOR_SETS",
    "Pick",
    "dosed_pick",
    "groups",
    "needs_given",
    "no_token_companions",
    "token_floor",
    "tokens",
    "trim",
    "with_sets",
]

CHANGE_SECONDS = 20  # moving from one exercise to the next
FEWEST_ANCHOR_SETS = 2
FEWEST_COMPANION_SETS = 1

Need = object  # a muscle, "balance", or (problem, muscle)


@dataclass(frozen=True, slots=True, eq=False)
class Pick:
    """An exercise chosen for the session: its role, dose and the time it takes (shared,
    see `dosed_pick`, so one is equal only to itself)."""

    exercise: Exercise
    role: Role
    dose: Dose
    prescription: Prescription
    seconds: int  # the sets, rests and the change to the next exercise

    @property
    def new(self) -> bool:
        return self.prescription.new


@lru_cache(maxsize=8192)
def dosed_pick(
    catalogue: Catalogue,
    exercise_id: str,
    role: Role,
    dose: Dose,
    kg: float | None,
    implement: str,
    new: bool,
    injury_care: tuple[str, ...],
    extra_side: str | None,
    warmup_sets: tuple[WarmupSet, ...] = (),
) -> Pick:
    """The same exercise at the same dose is the same pick, in every session of every
    plan: made once, so a coach's many plans share it and the rules read it once.
    `injury_care`: the athlete's own problems the exercise eases (`injury-care`);
    `warmup_sets`: a barbell lift's ramp (`progression.loads.ramp`)."""
    e = catalogue[exercise_id]
    prescription = prescribe(
        e,
        role,
        dose,
        kg,
        implement,
        new=new,
        injury_care=injury_care,
        extra_side=extra_side,
        warmup_sets=warmup_sets,
    )
    return Pick(e, role, dose, prescription, work_seconds(prescription) + CHANGE_SECONDS)


def with_sets(catalogue: Catalogue, p: Pick, sets: int) -> Pick:
    """The same pick with another number of sets."""
    q = p.prescription
    dose = p.dose._replace(sets=sets)
    return dosed_pick(
        catalogue,
        p.exercise.id,
        p.role,
        dose,
        q.load_kg,
        q.implement,
        q.new,
        q.injury_care,
        q.extra_side,
        q.warmup_sets,
    )


def needs_given(e: Exercise, injuries: Sequence[str]) -> frozenset[Need]:
    """What the rules need of a session that `e` gives: the week's muscles it works,
    balance, and care for each of the athlete's problems (per muscle)."""
    care = {
        (injury, muscle) for injury in e.injury_care if injury in injuries for muscle in e.muscles
    }
    balance = {"balance"} if e.balance else set()
    return frozenset(WEEKLY_GROUPS.intersection(e.muscles)) | care | balance


def groups(exercises: Iterable[Exercise]) -> set[str]:
    """The major groups these exercises work (shins and feet count as one)."""
    return {MAJOR_GROUPS[m] for e in exercises for m in e.muscles}


def trim(
    catalogue: Catalogue,
    picks: list[Pick],
    gives: dict[str, frozenset[Need]],
    works: dict[str, set[str]],
    most: float,
    *,
    held: frozenset[str] = frozenset(),
    elsewhere: frozenset[Need] = frozenset(),
    had: Mapping[str, int] | None = None,
) -> int:
    """Shorten `picks` (in place) toward `most` seconds; the seconds left. `gives` holds
    each exercise's needs met (`needs_given`), `works` its major groups (`groups`);
    `held`, the exercises whose sets care sets (a set less of theirs saves nothing);
    `elsewhere`, the needs the week meets in its other sessions: before an anchor goes,
    a companion whose needs they meet does (the block's lifts stay in its sessions);
    `had`, the sets each lift had in its recent sessions: of anchors with as many sets,
    the one that had more gives a set first."""
    total = sum(p.seconds for p in picks)
    total -= _drop_spare(picks, gives, works, total - most, anchors=False)
    # the companions give their sets up first: the anchors' 3-4 sets are the block's
    # heavy work (docs/planner.md), a second set of a clamshell is not
    for anchors in (False, True):
        while total > most:
            saved = _set_less(catalogue, picks, anchors=anchors, held=held, had=had or {})
            if not saved:
                break
            total -= saved
    if total > most and elsewhere:
        saved = _drop_spare(picks, gives, works, total - most, anchors=False, elsewhere=elsewhere)
        total -= saved
    if total > most:
        total -= _drop_spare(picks, gives, works, total - most, anchors=True)
    return total


def _drop_spare(
    picks: list[Pick],
    gives: dict[str, frozenset[Need]],
    works: dict[str, set[str]],
    over: float,
    *,
    anchors: bool,
    among: Sequence[Pick] = (),
    elsewhere: frozenset[Need] = frozenset(),
) -> int:
    """Drop companions (or anchors), the last first, whose every need another exercise
    (of `picks`, or of `among`, which stay) also gives, or the week gives `elsewhere`,
    leaving enough groups, until `over` seconds are saved; what is new to the athlete
    goes last (each block should bring something new). The seconds saved."""
    everyone = [*picks, *among]
    given = Counter(need for p in everyone for need in gives[p.exercise.id])
    given.update(elsewhere)
    worked = Counter(group for p in everyone for group in works[p.exercise.id])
    enough = min(MIN_GROUPS, len(worked))
    saved = 0
    dropped = set()
    for index in sorted(range(len(picks)), key=lambda i: (picks[i].new, -i)):
        if saved >= over:
            break
        p = picks[index]
        needs, found = gives[p.exercise.id], works[p.exercise.id]
        if (p.role is Role.ANCHOR) is not anchors or any(given[n] == 1 for n in needs):
            continue
        if len(worked) - sum(worked[group] == 1 for group in found) < enough:
            continue
        given.subtract(needs)
        for group in found:
            worked[group] -= 1
            if not worked[group]:
                del worked[group]
        dropped.add(index)
        saved += p.seconds
    picks[:] = [p for i, p in enumerate(picks) if i not in dropped]
    return saved


def _set_less(
    catalogue: Catalogue,
    picks: list[Pick],
    *,
    anchors: bool,
    held: frozenset[str],
    had: Mapping[str, int],
) -> int:
    """A set less for the anchor (or companion) with the most sets to spare, whose sets
    care does not set (`held`); of equals, the one that had more sets in its recent
    sessions (`had`), then the last. The seconds saved. Anchors share the cuts: taking
    them from the last anchor first cut the hinge, listed after the squat, in every short
    session, so its sets stayed behind the squat's (a coach found the Romanian deadlift
    lagging the squat, issue 13)."""
    fewest = FEWEST_ANCHOR_SETS if anchors else FEWEST_COMPANION_SETS
    spare = [
        index
        for index, p in enumerate(picks)
        if (p.role is Role.ANCHOR) is anchors and p.dose.sets > fewest and p.exercise.id not in held
    ]
    if not spare:
        return 0
    index = max(spare, key=lambda i: (picks[i].dose.sets, had.get(picks[i].exercise.id, 0), i))
    p = picks[index]
    fewer = picks[index] = with_sets(catalogue, p, p.dose.sets - 1)
    return p.seconds - fewer.seconds


WHOLE_SETS = 2  # a companion's fewest sets beside anchors at two or more (`token_floor`)


def token_floor(picks: Sequence[Pick]) -> int:
    """The fewest sets a companion is worth in this session: as many as the anchors'
    fewest, two at most. One set of an accessory beside anchors at two or more is a
    token (issue 13): it costs the change-over and a warm-up set's worth of time and
    trains nothing the anchors do not."""
    anchor_sets = [p.dose.sets for p in picks if p.role is Role.ANCHOR]
    return min(WHOLE_SETS, min(anchor_sets, default=WHOLE_SETS))


def no_token_companions(
    catalogue: Catalogue,
    picks: list[Pick],
    gives: dict[str, frozenset[Need]],
    works: dict[str, set[str]],
    room: float,
    *,
    may_add: Callable[[Pick, int], bool],
    elsewhere: frozenset[Need] = frozenset(),
) -> int:
    """Companions below `token_floor`, in place: the spare ones (whose every need another
    exercise also meets) go, the last first; those a rule needs (balance, a muscle group,
    care) get their sets back while `room` seconds allow and `may_add(pick, sets)` says
    the progression allows it (never on a light day). Those still short then go one at a
    time, the last first, while the week meets their needs `elsewhere` (a muscle group an
    earlier session of the week worked, or a later one will), each freeing room for the
    others' sets: fewer accessories, not one-set ones (issue 13). The main work's seconds."""
    floor = token_floor(picks)
    # one set is a token for a spare companion even beside an anchor the fitting cut to
    # one set: it goes, and its minutes may give the anchor its set back
    tokens = [p for p in picks if _token(p, WHOLE_SETS)]
    if tokens:
        kept = [p for p in picks if not _token(p, WHOLE_SETS)]
        _drop_spare(tokens, gives, works, float("inf"), anchors=False, among=kept)
        picks[:] = [p for p in picks if not _token(p, WHOLE_SETS) or p in tokens]
        _sets_back(catalogue, picks, floor, room, may_add)
    while elsewhere and (short := [p for p in picks if _token(p, floor)]):
        others = [p for p in picks if not _token(p, floor)]
        before = len(short)
        _drop_spare(short, gives, works, 1, anchors=False, among=others, elsewhere=elsewhere)
        if len(short) == before:
            break  # none the week meets elsewhere: they stay, a rule needs them
        picks[:] = [p for p in picks if not _token(p, floor) or p in short]
        _sets_back(catalogue, picks, floor, room, may_add)
    return sum(p.seconds for p in picks)


def tokens(picks: Sequence[Pick]) -> list[Pick]:
    """The companions below the session's `token_floor`."""
    floor = token_floor(picks)
    return [p for p in picks if _token(p, floor)]


def _token(p: Pick, floor: int) -> bool:
    """A companion below the session's `token_floor` (care keeps its protocol's dose)."""
    return (
        p.role not in (Role.ANCHOR, Role.CARE)
        and not p.prescription.injury_care
        and p.dose.sets < floor
    )


def _sets_back(
    catalogue: Catalogue,
    picks: list[Pick],
    floor: int,
    room: float,
    may_add: Callable[[Pick, int], bool],
) -> None:
    """Tokens back to `floor` sets, in place and in order, while `room` seconds allow and
    `may_add` says so."""
    total = sum(p.seconds for p in picks)
    for index, p in enumerate(picks):
        if _token(p, floor) and may_add(p, floor):
            more = with_sets(catalogue, p, floor)
            if total + more.seconds - p.seconds <= room:
                picks[index] = more
                total += more.seconds - p.seconds
