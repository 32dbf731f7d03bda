"""Strength sessions as Garmin FIT workout files, so the watch guides the session.

One file per session, and one per injury-care routine: sport training / sub-sport strength
training. Warm-up and cool-down
items are timed steps; each main exercise is one step per set (two for `per_side`: left,
then right), a rest step, and a repeat step for the remaining sets, which is how Garmin's
own strength workouts are built. Exercises carry the catalogue's FIT category and name so
the watch shows its own animation; every step also carries a title for exercises without
a FIT equivalent.
"""

from __future__ import annotations

import shutil
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from legday.catalogue import Catalogue
from legday.exports._describe import care_name, exercise_name, load_kg, slotted_sessions
from legday.model import CareRoutine, Exercise, Plan, Prescription, Session

__all__ = [
    "care_file_name",
    "care_to_fit",
    "clip",
    "fit_exercise",
    "fit_file_name",
    "session_to_fit",
    "write_fit_files",
]

# Watches cut long strings; these keep titles readable on a small screen. Bytes of UTF-8,
# which is what a FIT string field holds.
_NAME_LIMIT = 40
_NOTES_LIMIT = 120
_MORE = "…"


def fit_exercise(exercise: Exercise | None) -> tuple[int | None, int | None]:
    """The (exercise_category, exercise_name) numbers for a catalogue entry, where known.

    The catalogue stores Garmin Profile enum names (`SQUAT`, `GOBLET_SQUAT`); names from a
    newer profile than fit_tool knows fall back to the category alone.
    """
    if exercise is None or not exercise.fit_category:
        return None, None
    from fit_tool.profile import profile_type

    category_key = exercise.fit_category.upper()
    category = profile_type.ExerciseCategory.__members__.get(category_key)
    if category is None:
        return None, None
    names_enum = getattr(
        profile_type,
        "".join(part.capitalize() for part in category_key.split("_")) + "ExerciseName",
        None,
    )
    name_key = exercise.fit_name.upper()
    if name_key[:1].isdigit():
        name_key = "N" + name_key  # fit_tool's spelling of names such as 3_WAY_CALF_RAISE
    member = names_enum.__members__.get(name_key) if names_enum is not None else None
    return int(category.value), (int(member.value) if member is not None else None)


def session_to_fit(
    session: Session, catalogue: Catalogue, name: str, *, created: datetime | None = None
) -> bytes:
    """Encode one session as a FIT workout file (with header and CRC)."""
    steps = _Steps(catalogue)
    for item in session.warmup:
        steps.timed(item.exercise, round(item.minutes * 60), "warmup")
    for prescription in session.main:
        steps.exercise(prescription)
    for stretch in session.cooldown:
        steps.timed(stretch.exercise, stretch.seconds, "cooldown")
    return _workout(steps, name, f"{session.day}|{name}", created)


def care_to_fit(
    routine: CareRoutine, catalogue: Catalogue, name: str, *, created: datetime | None = None
) -> bytes:
    """Encode one care routine as a FIT workout file: its exercises, set by set, as in a
    session's main block (with the weight where a load is set)."""
    steps = _Steps(catalogue)
    for prescription in routine.exercises:
        steps.exercise(prescription)
    return _workout(steps, name, f"{routine.day}|{routine.injury}|{name}", created)


def _workout(steps: _Steps, name: str, identity: str, created: datetime | None) -> bytes:
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.workout_message import WorkoutMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    # Stable per workout and name, so a device sees the same workout, not a new one.
    file_id.serial_number = zlib.crc32(identity.encode()) or 1
    moment = created or datetime.now(UTC)
    file_id.time_created = round(moment.timestamp() * 1000)

    workout = WorkoutMessage()
    workout.workout_name = clip(name, _NAME_LIMIT)
    workout.sport = Sport.TRAINING
    workout.sub_sport = SubSport.STRENGTH_TRAINING
    workout.num_valid_steps = len(steps.messages)

    builder = FitFileBuilder(auto_define=True, min_string_size=16)
    builder.add(file_id)
    builder.add(workout)
    builder.add_all(steps.messages)
    data: bytes = builder.build_bytes()
    return data


class _Steps:
    """Builds workout steps in order, numbering them as the repeat steps need."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.messages: list[Any] = []

    def _new(self, intensity: str) -> Any:
        from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
        from fit_tool.profile.profile_type import Intensity, WorkoutStepTarget

        step = WorkoutStepMessage()
        step.message_index = len(self.messages)
        step.intensity = Intensity[intensity.upper()]
        step.target_type = WorkoutStepTarget.OPEN
        self.messages.append(step)
        return step

    def _label(self, step: Any, exercise_id: str, suffix: str = "") -> None:
        room = _NAME_LIMIT - len(suffix.encode())
        step.workout_step_name = clip(exercise_name(self.catalogue, exercise_id), room) + suffix
        category, name = fit_exercise(self.catalogue.get(exercise_id))
        if category is not None:
            step.exercise_category = category
        if name is not None:
            step.exercise_name = name

    def timed(self, exercise_id: str, seconds: int, intensity: str) -> None:
        from fit_tool.profile.profile_type import WorkoutStepDuration

        step = self._new(intensity)
        step.duration_type = WorkoutStepDuration.TIME
        step.duration_time = float(seconds)
        self._label(step, exercise_id)

    def exercise(self, rx: Prescription) -> None:
        """Its warm-up sets (`ramp`), then one set (both sides), a rest, then a repeat back
        to the set for the other sets."""
        from fit_tool.profile.profile_type import FitBaseUnit, WorkoutStepDuration

        self.ramp(rx)
        first = len(self.messages)
        for suffix in (" (left)", " (right)") if rx.per_side else ("",):
            step = self._new("active")
            if rx.reps is not None:
                step.duration_type = WorkoutStepDuration.REPS
                step.duration_reps = rx.reps
            elif rx.seconds is not None:
                step.duration_type = WorkoutStepDuration.TIME
                step.duration_time = float(rx.seconds)
            else:
                step.duration_type = WorkoutStepDuration.OPEN
            self._label(step, rx.exercise, suffix)
            step.notes = _notes(rx)
            weight = load_kg(rx)
            if weight is not None:
                step.exercise_weight = weight
                step.weight_display_unit = FitBaseUnit.KILOGRAM.value
        if rx.rest_seconds > 0:
            rest = self._new("rest")
            rest.duration_type = WorkoutStepDuration.TIME
            rest.duration_time = float(rx.rest_seconds)
        if rx.sets > 1:
            repeat = self._new("active")
            repeat.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
            repeat.duration_step = first
            repeat.target_repeat_steps = rx.sets

    def ramp(self, rx: Prescription) -> None:
        """A barbell lift's warm-up sets, each a step of its reps at its weight, marked as
        warm-up so the watch does not count them as work sets."""
        from fit_tool.profile.profile_type import FitBaseUnit, WorkoutStepDuration

        for w in rx.warmup_sets:
            step = self._new("warmup")
            step.duration_type = WorkoutStepDuration.REPS
            step.duration_reps = w.reps
            self._label(step, rx.exercise, " (warm-up)")
            step.exercise_weight = w.load_kg
            step.weight_display_unit = FitBaseUnit.KILOGRAM.value


def _notes(rx: Prescription) -> str:
    parts = [f"tempo {rx.tempo}" if rx.tempo else "", f"RPE {rx.target_rpe}"]
    if rx.per_side:
        parts.insert(0, "each side")
    parts += list(rx.cues[:1])
    return clip("; ".join(p for p in parts if p), _NOTES_LIMIT)


def clip(text: str, limit: int) -> str:
    """`text` in at most `limit` UTF-8 bytes, cut after a whole word with "…" when too
    long (a watch showing "Keep the kn" helps nobody); one long word is cut inside."""
    if len(text.encode()) <= limit:
        return text
    room = limit - len(_MORE.encode())
    cut = text.encode()[:room].decode(errors="ignore")
    if not text[len(cut)].isspace():  # the cut fell inside a word: drop its start
        words = cut.rsplit(maxsplit=1)
        cut = words[0] if len(words) > 1 else cut
    return cut.rstrip(" ;,.:—-") + _MORE


def fit_file_name(session: Session, slot: int = 0) -> str:
    suffix = f"-{slot + 1}" if slot else ""
    return f"legday-{session.day:%Y-%m-%d}{suffix}.fit"


def _workout_name(session: Session, slot: int) -> str:
    extra = f" #{slot + 1}" if slot else ""
    return f"Legs {session.day:%a %d %b}{extra}"


def care_file_name(routine: CareRoutine) -> str:
    return f"legday-care-{routine.day:%Y-%m-%d}-{routine.injury}.fit"


def _care_workout_name(routine: CareRoutine, catalogue: Catalogue) -> str:
    return f"{care_name(routine, catalogue)} care {routine.day:%a %d %b}"


def write_fit_files(
    plan: Plan, catalogue: Catalogue, out_dir: Path, *, created: datetime | None = None
) -> list[Path]:
    """Write one `.fit` per session and per care routine into `out_dir`; all or nothing.

    Every file is encoded first, then written into a temporary folder inside `out_dir`
    and moved into place, so a failure never leaves a half-written workout for the watch.
    Files from earlier exports with other dates are left alone.
    """
    moment = created or datetime.now(UTC)
    encoded: list[tuple[str, bytes]] = []
    for session, slot in slotted_sessions(plan):
        data = session_to_fit(session, catalogue, _workout_name(session, slot), created=moment)
        encoded.append((fit_file_name(session, slot), data))
    for routine in plan.care:
        name = _care_workout_name(routine, catalogue)
        encoded.append(
            (care_file_name(routine), care_to_fit(routine, catalogue, name, created=moment))
        )

    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".legday-fit-", dir=out_dir))
    try:
        for file_name, data in encoded:
            (staging / file_name).write_bytes(data)
        written = []
        for file_name, _ in encoded:
            (staging / file_name).replace(out_dir / file_name)
            written.append(out_dir / file_name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
