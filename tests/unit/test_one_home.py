"""Each domain constant of the core has one home (issue 13): the planner, the rules and
the logbook import it rather than repeat it, so a change in one place cannot leave
another behind (MAX_RPE was once written in model.py and in progression)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import legday

CORE = ("model.py", "kit.py", "rules", "planner", "progression", "care")
UNITS = {"ONE_DAY"}  # a unit of time, not a domain rule


def _constants() -> dict[str, list[str]]:
    root = Path(legday.__file__).parent
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root).as_posix()
        if where.split("/")[0] not in CORE:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    found[target.id].append(where)
    return found


def test_every_core_constant_is_defined_once() -> None:
    repeated = {
        name: homes for name, homes in _constants().items() if len(homes) > 1 and name not in UNITS
    }
    assert not repeated
