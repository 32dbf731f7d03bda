"""Exports made from a plan file equal exports made from the plan in memory."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from legday.catalogue import Catalogue
from legday.exports.fit import write_fit_files
from legday.exports.html import plan_to_html
from legday.exports.ics import plan_to_ics
from legday.exports.markdown import plan_to_markdown
from legday.exports.plan_json import plan_to_json, read_plan_file
from legday.model import Plan

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def test_plan_file_round_trip_gives_the_same_exports(
    plan: Plan, catalogue: Catalogue, tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_to_json(plan)), encoding="utf-8")
    # The file carries no profile; the exports must not need it.
    plan = dataclasses.replace(plan, profile=None)

    read = read_plan_file(path)

    assert plan_to_ics(read, catalogue, tz="Europe/Berlin", now=NOW) == plan_to_ics(
        plan, catalogue, tz="Europe/Berlin", now=NOW
    )
    assert plan_to_markdown(read, catalogue) == plan_to_markdown(plan, catalogue)
    assert plan_to_html(read, catalogue) == plan_to_html(plan, catalogue)
    from_file = write_fit_files(read, catalogue, tmp_path / "a", created=NOW)
    direct = write_fit_files(plan, catalogue, tmp_path / "b", created=NOW)
    assert [p.read_bytes() for p in from_file] == [p.read_bytes() for p in direct]
