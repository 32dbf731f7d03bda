"""The loader turns reviewed files into model types and refuses broken ones in one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from legday.catalogue import Catalogue
from legday.catalogue.export import catalogue_json
from legday.catalogue.loader import data_directory, load_catalogue, load_directory, read_exercise
from legday.errors import CatalogueError, LegdayError
from legday.model import Citation, Cues, Equipment, Exercise, ExerciseKind, Level, Muscle

DATA = Path(str(data_directory()))
GOOD = (DATA / "split-squat.toml").read_text(encoding="utf-8")
BOX_LINKS = 'progressions = ["bodyweight-squat", "single-leg-lower-to-box"]'


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _assert_rejected(path: Path, *needles: str) -> str:
    with pytest.raises(CatalogueError) as caught:
        read_exercise(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    for needle in needles:
        assert needle in message
    return message


def test_load_catalogue_builds_model_types_once() -> None:
    catalogue = load_catalogue()
    assert isinstance(catalogue, Catalogue)
    assert load_catalogue() is catalogue
    squat = catalogue["split-squat"]
    assert isinstance(squat, Exercise)
    assert squat.kind is ExerciseKind.STRENGTH
    assert squat.muscles[0] is Muscle.QUADS
    assert squat.equipment == (Equipment.BODYWEIGHT,)
    assert squat.level is Level.BEGINNER
    assert isinstance(squat.cues, Cues)
    assert squat.regressions == ("supported-split-squat",)
    assert squat.fit_category == "SQUAT"
    assert squat.fit_name == "DUMBBELL_SPLIT_SQUAT"
    assert all(isinstance(c, Citation) for c in squat.evidence)
    assert catalogue["lateral-step-down"].fit_name == "ELEVATED_SINGLE_LEG_SQUAT"
    assert squat.pattern == "lunge"
    assert squat.stage == 0
    assert catalogue["snap-down"].stage == 1


def test_a_good_file_reads_from_anywhere(tmp_path: Path) -> None:
    path = _write(tmp_path, "split-squat.toml", GOOD)
    assert read_exercise(path) == load_catalogue()["split-squat"]


def test_wrong_enum_names_file_and_field(tmp_path: Path) -> None:
    text = GOOD.replace(
        'muscles = ["quads", "glutes", "hip-adductors"]', 'muscles = ["quads", "legs"]'
    )
    _assert_rejected(_write(tmp_path, "split-squat.toml", text), "muscles")


def test_nested_field_is_named_with_its_path(tmp_path: Path) -> None:
    text = GOOD.replace('[cues]\nsetup = "', '[cues]\nsetup = "x"\nold = "')
    message = _assert_rejected(_write(tmp_path, "split-squat.toml", text), "cues.")
    assert "cues.setup" in message or "cues.old" in message


def test_missing_field_is_named(tmp_path: Path) -> None:
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith("level ="))
    _assert_rejected(_write(tmp_path, "split-squat.toml", text), "level", "required")


def test_unknown_field_is_named(tmp_path: Path) -> None:
    text = GOOD.replace("unilateral = true", "unilateral = true\nfavourite = true")
    _assert_rejected(_write(tmp_path, "split-squat.toml", text), "favourite")


def test_care_without_evidence_is_refused(tmp_path: Path) -> None:
    text = GOOD.split("[[evidence]]")[0]
    _assert_rejected(_write(tmp_path, "split-squat.toml", text), "evidence")


def test_id_must_equal_file_name(tmp_path: Path) -> None:
    _assert_rejected(_write(tmp_path, "split-squats.toml", GOOD), "id", "split-squats")


def test_bad_toml_is_refused(tmp_path: Path) -> None:
    _assert_rejected(_write(tmp_path, "split-squat.toml", "name = 'first'\n" + GOOD), "TOML")


def test_catalogue_errors_are_user_facing_errors() -> None:
    assert issubclass(CatalogueError, LegdayError)


def _folder_with(tmp_path: Path, *ids: str) -> Path:
    for exercise_id in ids:
        shutil.copy(DATA / f"{exercise_id}.toml", tmp_path / f"{exercise_id}.toml")
    return tmp_path


def test_unknown_link_is_refused(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "split-squat", "supported-split-squat")
    with pytest.raises(CatalogueError, match=r"^split-squat\.toml: progressions: .*reverse-lunge"):
        load_directory(folder)


def test_self_link_is_refused(tmp_path: Path) -> None:
    text = (
        (DATA / "box-squat.toml")
        .read_text("utf-8")
        .replace(BOX_LINKS, 'progressions = ["box-squat"]')
    )
    _write(tmp_path, "box-squat.toml", text)
    with pytest.raises(CatalogueError, match=r"^box-squat\.toml: progressions: .*itself"):
        load_directory(tmp_path)


def test_easier_harder_loop_is_refused(tmp_path: Path) -> None:
    """Box squat easier than wall sit, and wall sit easier than box squat: a contradiction."""
    box = (DATA / "box-squat.toml").read_text("utf-8")
    box = box.replace(BOX_LINKS, 'progressions = ["wall-sit"]')
    wall = (DATA / "wall-sit.toml").read_text("utf-8")
    wall = wall.replace('progressions = ["bodyweight-squat"]', 'progressions = ["box-squat"]')
    _write(tmp_path, "box-squat.toml", box)
    _write(tmp_path, "wall-sit.toml", wall)
    with pytest.raises(CatalogueError, match=r"^(box-squat|wall-sit)\.toml: .*loop"):
        load_directory(tmp_path)


def test_packaged_directory_loads_cleanly() -> None:
    assert len(load_directory(data_directory())) == len(load_catalogue())


def test_catalogue_json_shape() -> None:
    catalogue = load_catalogue()
    document = catalogue_json(catalogue)
    assert json.loads(json.dumps(document)) == document
    records = document["exercises"]
    assert [r["id"] for r in records] == [e.id for e in catalogue]
    keys = {
        "id", "name", "kind", "muscles", "unilateral", "per_side", "balance", "equipment", "level",
        "measure", "tempo", "regressions", "progressions", "cues", "injury_care", "evidence",
        "description", "loadable", "fit", "pattern", "stage",
    }  # fmt: skip
    for record in records:
        assert set(record) == keys
        assert len(record["cues"]) == 5
    toe = next(r for r in records if r["id"] == "wall-toe-raise")
    assert toe["muscles"] == ["shins"]
    assert toe["fit"] == {"category": "CALF_RAISE", "name": "SEATED_DUMBBELL_TOE_RAISE"}
    assert toe["pattern"] == "shin"
    assert toe["stage"] is None
    assert next(r for r in records if r["id"] == "snap-down")["stage"] == 1
    assert next(r for r in records if r["id"] == "butt-kicks")["fit"] == {
        "category": "RUN",
        "name": "JOG",
    }
    assert all(r["fit"] is not None for r in records)  # every exercise has a Garmin category
    assert toe["evidence"][0]["year"] == 2013
    squat = next(r for r in records if r["id"] == "goblet-squat")
    assert squat["fit"] == {"category": "SQUAT", "name": "GOBLET_SQUAT"}


def _alone(tmp_path: Path, exercise_id: str, old: str, new: str) -> None:
    """One packaged file without its links, edited, alone in a folder."""
    text = (DATA / f"{exercise_id}.toml").read_text("utf-8")
    text = "\n".join(
        f"{line.split(' = ')[0]} = []" if line.startswith(("regressions", "progressions")) else line
        for line in text.splitlines()
    )
    assert old in text
    _write(tmp_path, f"{exercise_id}.toml", text.replace(old, new) + "\n")


def test_strength_without_a_pattern_is_refused(tmp_path: Path) -> None:
    """The composer chooses anchor lifts by pattern; a strength entry without one never fits."""
    _alone(tmp_path, "box-squat", 'pattern = "squat"\n', "")
    with pytest.raises(CatalogueError, match=r"^box-squat\.toml: pattern: .*needs one"):
        load_directory(tmp_path)


def test_plyometric_without_a_stage_is_refused(tmp_path: Path) -> None:
    """Plyometrics are dosed and ordered by stage (landings, pogo hops, bounds)."""
    _alone(tmp_path, "snap-down", "stage = 1\n", "")
    with pytest.raises(CatalogueError, match=r"^snap-down\.toml: stage: .*needs one"):
        load_directory(tmp_path)


def test_pattern_and_stage_belong_to_their_kinds(tmp_path: Path) -> None:
    _alone(tmp_path, "snap-down", "stage = 1\n", 'stage = 1\npattern = "squat"\n')
    with pytest.raises(CatalogueError, match=r"^snap-down\.toml: pattern: only strength"):
        load_directory(tmp_path)
    _alone(tmp_path, "box-squat", 'pattern = "squat"\n', 'pattern = "squat"\nstage = 2\n')
    (tmp_path / "snap-down.toml").unlink()
    with pytest.raises(CatalogueError, match=r"^box-squat\.toml: stage: only plyometric"):
        load_directory(tmp_path)


def test_each_side_is_only_for_work_that_is_not_one_legged(tmp_path: Path) -> None:
    """One-legged work is done on each side already: both flags would say it twice."""
    _alone(tmp_path, "split-squat", "unilateral = true\n", "unilateral = true\neach_side = true\n")
    with pytest.raises(CatalogueError, match=r"^split-squat\.toml: each_side: only for work"):
        load_directory(tmp_path)


def test_each_side_work_is_dosed_per_side_but_not_one_legged() -> None:
    clamshell = load_catalogue()["clamshell"]
    assert (clamshell.unilateral, clamshell.each_side, clamshell.per_side) == (False, True, True)
    records = catalogue_json(load_catalogue())["exercises"]
    record = next(r for r in records if r["id"] == "clamshell")
    assert (record["unilateral"], record["per_side"]) == (False, True)
