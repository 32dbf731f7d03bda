"""The catalogue as plain JSON-ready data, for `legday exercises --format json` and the web.

Field names follow the TOML files, so a reader of one understands the other; the only
reshaping is `cues` as a list (setup, movement, range, breathing, lockout) and `fit` as
an object or null.
"""

from __future__ import annotations

from typing import Any

from legday.catalogue import Catalogue
from legday.model import Exercise

__all__ = ["catalogue_json", "exercise_json"]


def catalogue_json(catalogue: Catalogue) -> dict[str, list[dict[str, Any]]]:
    """Every exercise, in catalogue order."""
    return {"exercises": [exercise_json(exercise) for exercise in catalogue]}


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """One exercise with enums as their string values and evidence spelled out."""
    fit = (
        {"category": exercise.fit_category, "name": exercise.fit_name}
        if exercise.fit_category
        else None
    )
    return {
        "id": exercise.id,
        "name": exercise.name,
        "kind": exercise.kind.value,
        "description": exercise.description,
        "muscles": [muscle.value for muscle in exercise.muscles],
        "unilateral": exercise.unilateral,
        "per_side": exercise.per_side,
        "balance": exercise.balance,
        "equipment": [item.value for item in exercise.equipment],
        "loadable": exercise.loadable,
        "level": exercise.level.value,
        "measure": exercise.measure,
        "tempo": exercise.tempo,
        "pattern": exercise.pattern or None,
        "stage": exercise.stage or None,
        "regressions": list(exercise.regressions),
        "progressions": list(exercise.progressions),
        "cues": list(exercise.cues.as_list()),
        "injury_care": list(exercise.injury_care),
        "evidence": [
            {"source": c.source, "year": c.year, "doi": c.doi or None, "note": c.note}
            for c in exercise.evidence
        ],
        "fit": fit,
    }
