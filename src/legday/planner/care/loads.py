"""The weight and effort of care work: what a care item asks of the athlete's kit.

A loaded care item takes its kilograms from what the athlete owns (`for_kit`), done one
leg at a time when two legs would need more than the rack holds; its words are made from
those numbers (`care_load`), and care's effort stays moderate (`CARE_RPE`): care is dosed
by pain, not effort.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from legday.care import CareItem, FirstLoad, cared_for, one_leg_when_light
from legday.catalogue import Catalogue
from legday.kit import Kit, kit_of
from legday.model import Exercise, Prescription, Profile, Role, rep_tempo
from legday.planner.dose import NEW_LOAD_WORDS, Dose, load_text, start_load
from legday.progression.loads import Load, heavier_kg

__all__ = ["CARE_RPE", "OwnedSteps", "care_load", "first_kg", "for_kit", "loaded_calf"]


CARE_RPE = 6  # care is dosed by pain, not effort: a moderate effort at most
# the most a care load climbs in one step: half as heavy again, a kettlebell rack's step
# (8 to 12 kg); never from 5 kg to the 30 kg dumbbell
CARE_MOST_STEP = 1.5


def loaded_calf(item: CareItem, catalogue: Catalogue) -> bool:
    """Whether a care item is the heavy calf work of its protocol: a `loaded` calf raise
    (the Achilles heavy slow and seated raises, the plantar protocol's one-legged towel
    raises), in kilograms from the athlete's rack or, with none owned, an improvised
    load. It keeps 48 h from a key run or race at its full dose, as jumps and hard sets
    do (a coach's read found the week's heaviest calf day 25 h before the long run)."""
    return item.loaded and catalogue[item.exercise].pattern == "calf"


def for_kit(
    items: Sequence[CareItem], catalogue: Catalogue, profile: Profile
) -> tuple[CareItem, ...]:
    """The items as the athlete's weights allow: a heavy two-legged item whose heaviest
    dose their heaviest load (both hands) cannot reach is done one leg at a time
    (`one_leg_when_light`), and a loaded item takes its kilograms from what they own
    (`_weighed`)."""
    kit = kit_of(profile)
    fitted = []
    for item in items:
        exercise = catalogue[item.exercise]
        if item.two_legs_load is not None:
            item = one_leg_when_light(item, _heaviest(kit))
        if item.loaded:
            item = _weighed(item, exercise, kit, profile)
        fitted.append(item)
    return tuple(fitted)


# What carries a care item's weight, the handiest first: held in the hands (one in the
# working hand for one-legged work, the other on a support); a two-legged item may take a
# barbell too. An athlete with kettlebells is never told "no weight in your kit".
HELD = ("dumbbells", "kettlebell")
TWO_LEGGED = (*HELD, "barbell")


def _heaviest(kit: Kit) -> float:
    """The most the athlete can load two legs with: a dumbbell in each hand, one
    kettlebell, or the loaded bar."""
    hands = {"dumbbells": 2, "kettlebell": 1, "barbell": 1}
    return max((hands[i] * max(kit.loads(i), default=0.0) for i in TWO_LEGGED), default=0.0)


def _weighed(item: CareItem, exercise: Exercise, kit: Kit, profile: Profile) -> CareItem:
    """The loaded item in kilograms the athlete owns: where the protocol starts it
    (`first_kg`), then one owned weight heavier for each step the protocol has climbed
    (`CareItem.heavier`; the cap on a rise a session's lifts keep: `heavier_kg`), up to
    the top of their rack. Without a weight to hold for it, no kilograms: the words
    improvise one load (`IMPROVISED_LOAD`)."""
    choices = HELD if exercise.unilateral or item.one_leg else TWO_LEGGED
    implement = next((i for i in choices if kit.loads(i)), "")
    kg = first_kg(item, exercise, implement, kit, profile)
    if kg is None:
        return replace(item, load_kg=None, implement="")
    for _ in range(item.heavier):
        kg = care_step_up(kg, implement, kit) or kg
    return replace(item, load_kg=kg, implement=implement)


def care_step_up(kg: float, implement: str, kit: Kit) -> float | None:
    """The next owned weight a care item may climb to from `kg`: the capped rise
    (`heavier_kg`) when it is a small step (`Kit.small_step`), else None. Care holds its
    protocol's reps, so a far next weight is never reached by reps climbing first, as a
    session's anchor reaches it (`planner.dose.next_weight`): it is not taken (a
    beginner's calf raise went from 5 kg to the 30 kg dumbbell in one week)."""
    up = heavier_kg(Load(kg, implement), kit)
    return up if up is not None and up <= kg * CARE_MOST_STEP + 1e-9 else None


def first_kg(
    item: CareItem, exercise: Exercise, implement: str, kit: Kit, profile: Profile
) -> float | None:
    """A loaded item's first kilograms on `implement`, as its protocol says
    (`CareItem.first_load`): the lightest the athlete owns (a sore knee's box squat goes
    from bodyweight to the lightest dumbbell, not to their lifting load: a coach and
    physio found bodyweight, then 10 kg in each hand), or the lift's conservative start
    for their level (`start_load`, as a session's lifts start: heavy slow resistance
    starts heavy by design; never the heaviest owned while a lighter one is, as for any
    injured athlete's lift: `start_load`'s `room`). None without an implement."""
    owned = kit.loads(implement)
    if not owned:
        return None
    if item.first_load is FirstLoad.LIGHTEST:
        return owned[0]
    return start_load(exercise, implement, profile.level, kit, room=True, care=True)


@dataclass(frozen=True, slots=True)
class OwnedSteps:
    """How far a care exercise's load may rise from one week to the next, in what the
    athlete owns: from bodyweight to where its protocol starts it (`first_kg`), from a
    weight to the next one owned (`heavier_kg`). The protocol's steps climb a weight a
    step, but weeks that held the load (a race week, a taper) or held no exposure let the
    next one meet two steps at once: a box squat held at bodyweight went on with 10 kg. A
    far next weight is not taken (`care_step_up`)."""

    catalogue: Catalogue
    kit: Kit
    # (exercise, implement) -> where its load starts, from the athlete's protocols
    first: Mapping[tuple[str, str], float]

    @classmethod
    def of(cls, profile: Profile, catalogue: Catalogue) -> OwnedSteps:
        """The athlete's kit, and where each loaded care exercise of their protocols
        starts on each implement they own (the lighter when two protocols differ)."""
        kit = kit_of(profile)
        first: dict[tuple[str, str], float] = {}
        for injury in cared_for(profile.injuries):
            protocol = catalogue.protocols.get(injury)
            stages = protocol.stages if protocol is not None else ()
            for item in (i for stage in stages for i in stage.items):
                if not (item.loaded or any(step.loaded for step in item.steps)):
                    continue
                for implement in TWO_LEGGED:
                    kg = first_kg(item, catalogue[item.exercise], implement, kit, profile)
                    if kg is not None:
                        key = (item.exercise, implement)
                        first[key] = min(first.get(key, kg), kg)
        return cls(catalogue, kit, first)

    def most(self, p: Prescription, before: float | None) -> float | None:
        """The most kilograms `p` may hold after an exposure at `before` (None: without
        a weight); None when it has no kilograms to hold back."""
        if p.load_kg is None or not p.implement:
            return None
        if before is None:
            return self.first.get((p.exercise, p.implement))
        return care_step_up(before, p.implement, self.kit) or before

    def held_to(self, p: Prescription, before: float | None) -> Prescription:
        """`p` at most one owned step above an exposure at `before` (`most`)."""
        most = self.most(p, before)
        if most is None or p.load_kg is None or p.load_kg <= most:
            return p
        return self.at(p, most, p.implement)

    def at(self, p: Prescription, kg: float | None, implement: str) -> Prescription:
        """`p` holding `kg` on `implement` (None: without a weight), its load words made
        again from those numbers and its own effort: words carried from another exposure
        named that one's RPE (a race week's RPE 5 lift said "RPE 6")."""
        exercise = self.catalogue[p.exercise]
        dose = Dose(p.sets, p.reps, p.seconds, p.target_rpe, p.tempo)
        words = load_text(
            exercise,
            Role.CARE,
            dose,
            kg,
            implement if kg is not None else "",
            new=NEW_LOAD_WORDS in p.load,
            one_leg=p.unilateral and not exercise.unilateral,
        )
        return replace(p, load_kg=kg, implement=implement if kg is not None else "", load=words)


def care_load(item: CareItem, exercise: Exercise, rpe: int) -> str:
    """A care item's load words, made from its numbers as a session's lifts are
    (`load_text`): the kilograms and implement, and the effort as its RPE says; an item
    without added load is bodyweight."""
    if not item.loaded:
        return "bodyweight"
    dose = Dose(item.sets, item.reps, item.seconds, rpe, item.tempo or exercise.tempo)
    return load_text(
        exercise,
        Role.CARE,
        dose,
        item.load_kg,
        item.implement,
        one_leg=item.one_leg,
        improvised=item.load_kg is None,
    )


def from_care_item(
    item: CareItem,
    catalogue: Catalogue,
    role: Role,
    injury_care: tuple[str, ...],
    rpe: int = CARE_RPE,
) -> Prescription:
    """A care item as a prescription the exports, rules and logbook read like any other:
    the stage's dose, the exercise's own facts, an easy effort."""
    exercise = catalogue[item.exercise]
    return Prescription(
        exercise=exercise.id,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        per_side=exercise.per_side or item.one_leg,
        load=care_load(item, exercise, rpe),
        load_kg=item.load_kg,
        implement=item.implement,
        tempo=rep_tempo(item.tempo or exercise.tempo, item.seconds),
        target_rpe=rpe,
        muscles=exercise.muscles,
        unilateral=exercise.unilateral or item.one_leg,
        balance=exercise.balance,
        injury_care=injury_care,
        cues=exercise.cues.as_list(),
        kind=exercise.kind,
        rest_seconds=item.rest_seconds,
        role=role,
        care_dose=True,
    )
