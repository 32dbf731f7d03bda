"""FIT export: every file decodes with Garmin's own SDK and matches its session."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from legday.catalogue import Catalogue
from legday.exports._describe import exercise_name
from legday.exports.fit import fit_exercise, session_to_fit, write_fit_files
from legday.model import Exercise, Plan, Session

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def decode(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Decode with the official SDK, after its header and CRC check."""
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    assert decoder.is_fit()
    assert decoder.check_integrity()
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    messages, errors = decoder.read(convert_types_to_strings=True)
    assert errors == []
    return {str(k): cast(list[dict[str, Any]], v) for k, v in messages.items()}


def _profile_name(category: str, number: int | None) -> str | None:
    if number is None:
        return None
    types: dict[str, dict[int, str]] = Profile["types"]
    return types[f"{category}_exercise_name"][number].upper()


def executed(steps: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Read the steps the way a watch runs them: repeat blocks become (block, sets)."""
    out: list[tuple[Any, ...]] = []
    pending: list[tuple[Any, ...]] = []
    for step in steps:
        if step["duration_type"] == "repeat_until_steps_cmplt":
            start = step["duration_step"]
            block = [p for p in pending if p[0] >= start]
            pending = [p for p in pending if p[0] < start]
            pending.append((start, "repeat", tuple(b[1:] for b in block), step["repeat_steps"]))
            continue
        category = step.get("exercise_category")
        amount = step.get("duration_reps") if step["duration_type"] == "reps" else None
        if step["duration_type"] == "time":
            amount = f"{step['duration_time']:g} s"
        pending.append(
            (
                step["message_index"],
                step["intensity"],
                step.get("wkt_step_name"),
                category.upper() if isinstance(category, str) else None,
                _profile_name(category, step.get("exercise_name")) if category else None,
                amount,
            )
        )
    for item in pending:
        out.append(item[1:])
    return out


def expected(session: Session, catalogue: Catalogue) -> list[tuple[Any, ...]]:
    def fit_of(exercise_id: str) -> tuple[str | None, str | None]:
        entry: Exercise | None = catalogue.get(exercise_id)
        if entry is None or not entry.fit_category:
            return None, None
        return entry.fit_category, entry.fit_name

    out: list[tuple[Any, ...]] = []
    for w in session.warmup:
        out.append(
            (
                "warmup",
                exercise_name(catalogue, w.exercise),
                *fit_of(w.exercise),
                f"{w.minutes * 60:g} s",
            )
        )
    for p in session.main:
        amount: int | str | None = p.reps if p.reps is not None else f"{p.seconds:g} s"
        name = exercise_name(catalogue, p.exercise)
        sides = [f"{name} (left)", f"{name} (right)"] if p.per_side else [name]
        block: list[tuple[Any, ...]] = [
            ("active", side, *fit_of(p.exercise), amount) for side in sides
        ]
        if p.rest_seconds > 0:
            block.append(("rest", None, None, None, f"{p.rest_seconds:g} s"))
        if p.sets > 1:
            out.append(("repeat", tuple(block), p.sets))
        else:
            out.extend(block)
    for c in session.cooldown:
        out.append(
            (
                "cooldown",
                exercise_name(catalogue, c.exercise),
                *fit_of(c.exercise),
                f"{c.seconds:g} s",
            )
        )
    return out


def test_every_written_file_decodes_to_its_session(
    plan: Plan, catalogue: Catalogue, tmp_path: Path
) -> None:
    paths = write_fit_files(plan, catalogue, tmp_path / "watch", created=NOW)

    assert len(paths) == len(plan.sessions)
    assert sorted(p.name for p in (tmp_path / "watch").iterdir()) == sorted(p.name for p in paths)
    for path, session in zip(paths, sorted(plan.sessions, key=lambda s: s.day), strict=True):
        assert path.name == f"legday-{session.day:%Y-%m-%d}.fit"
        messages = decode(path.read_bytes())
        (file_id,) = messages["file_id_mesgs"]
        assert file_id["type"] == "workout"
        assert file_id["time_created"] == NOW
        (workout,) = messages["workout_mesgs"]
        assert workout["sport"] == "training"
        assert workout["sub_sport"] == "strength_training"
        assert workout["wkt_name"] == f"Legs {session.day:%a %d %b}"
        steps = messages["workout_step_mesgs"]
        assert workout["num_valid_steps"] == len(steps)
        assert [s["message_index"] for s in steps] == list(range(len(steps)))
        assert executed(steps) == expected(session, catalogue)


def test_catalogue_names_map_to_garmin_profile_numbers(catalogue: Catalogue) -> None:
    category, name = fit_exercise(catalogue["goblet-squat"])

    assert Profile["types"]["exercise_category"][category] == "squat"
    assert name is not None
    assert Profile["types"]["squat_exercise_name"][name] == "goblet_squat"
    assert fit_exercise(catalogue["wall-toe-raise"]) == (None, None)


def test_names_starting_with_a_digit_and_unknown_names(catalogue: Catalogue) -> None:
    calf = dataclasses.replace(catalogue["calf-raise"], fit_name="3_WAY_SINGLE_LEG_CALF_RAISE")
    unknown = dataclasses.replace(catalogue["calf-raise"], fit_name="MOON_HOP")
    nonsense = dataclasses.replace(catalogue["calf-raise"], fit_category="ZERO_G")

    category, name = fit_exercise(calf)
    assert name is not None
    assert Profile["types"]["calf_raise_exercise_name"][name] == "3_way_single_leg_calf_raise"
    assert fit_exercise(unknown) == (category, None)
    assert fit_exercise(nonsense) == (None, None)


def test_weight_and_notes_travel_with_the_step(plan: Plan, catalogue: Catalogue) -> None:
    steps = decode(session_to_fit(plan.sessions[0], catalogue, "Legs", created=NOW))[
        "workout_step_mesgs"
    ]
    squat = next(s for s in steps if s.get("wkt_step_name") == "Goblet squat")
    rdl = next(s for s in steps if s.get("wkt_step_name") == "Single-leg Romanian deadlift (left)")

    assert squat["exercise_weight"] == 12
    assert squat["weight_display_unit"] == "kilogram"
    assert squat["notes"].startswith("tempo 3-1-2; RPE 7")
    assert rdl["exercise_weight"] == 8
    assert rdl["notes"].startswith("each side")
    assert "exercise_weight" not in next(
        s for s in steps if s.get("wkt_step_name") == "Side plank (left)"
    )


def test_one_set_exercises_have_no_repeat_step(plan: Plan, catalogue: Catalogue) -> None:
    session = plan.sessions[0]
    single = dataclasses.replace(
        session, main=tuple(dataclasses.replace(p, sets=1, rest_seconds=0) for p in session.main)
    )

    steps = decode(session_to_fit(single, catalogue, "Legs"))["workout_step_mesgs"]
    kinds = {s["duration_type"] for s in steps}
    assert "repeat_until_steps_cmplt" not in kinds
    assert "rest" not in {s["intensity"] for s in steps}


def test_an_unknown_exercise_still_gets_a_titled_step(plan: Plan) -> None:
    steps = decode(session_to_fit(plan.sessions[0], Catalogue([]), "Legs"))["workout_step_mesgs"]

    titled = [s for s in steps if s["intensity"] == "active" and "wkt_step_name" in s]
    assert titled[0]["wkt_step_name"] == "Goblet squat"
    assert "exercise_category" not in titled[0]


def test_a_failing_export_writes_nothing(
    plan: Plan, catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import legday.exports.fit as fit

    calls = 0
    real = fit.session_to_fit

    def flaky(*args: Any, **kwargs: Any) -> bytes:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("encoder broke")
        return real(*args, **kwargs)

    monkeypatch.setattr(fit, "session_to_fit", flaky)
    out = tmp_path / "watch"
    with pytest.raises(RuntimeError):
        write_fit_files(plan, catalogue, out)
    assert not out.exists() or list(out.iterdir()) == []


def test_re_export_replaces_files_and_leaves_no_staging(
    plan: Plan, catalogue: Catalogue, tmp_path: Path
) -> None:
    first = write_fit_files(plan, catalogue, tmp_path, created=NOW)
    second = write_fit_files(plan, catalogue, tmp_path, created=NOW)

    assert first == second
    assert sorted(tmp_path.iterdir()) == sorted(second)
