"""Markdown export: every week, every session and the rules check are in the text."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.exports.markdown import PROSE_WIDTH, _paragraph, plan_to_markdown
from legday.model import Plan, Violation


def test_markdown_has_header_weeks_sessions_and_rules(plan: Plan, catalogue: Catalogue) -> None:
    text = plan_to_markdown(plan, catalogue)

    assert text.startswith("# Leg strength plan\n")
    assert "Mon 02 Mar 2026 – Sun 29 Mar 2026 (4 weeks)" in text
    assert text.count("\n## Week ") == len(plan.weeks)
    weeks = text.split("\n## Exercise guide")[0]
    assert weeks.count("\n### ") == len(plan.sessions)
    assert "Recovery week: no strength" in text
    assert "Running today: Easy 8 km (easy, 07:00–07:50)" in text
    assert "**Goblet squat**: 3 × 8" in text
    assert "**Single-leg Romanian deadlift**: 3 × 6 per side" in text
    assert "2 × 30 s per side" in text
    assert "tempo 3-1-2; target RPE 7; load: 12 kg kettlebell" in text
    assert "Tempo is seconds per rep: 3-1-2 means lower for 3 seconds" in text  # said once
    # cues once per exercise, in the guide, not in every session
    guide = text.split("\n## Exercise guide")[1]
    assert "### Goblet squat\n\n- Knees track over toes." in guide
    assert "Knees track over toes." not in weeks
    assert "**Warm-up:** Easy jog — 6 min · Leg swings — 2 min" in text
    assert "**Cool-down (stretch):** Calf stretch — 45 s" in text
    assert "_Why:_ Two easy days" in text
    assert "Music:" in text and "120 BPM" in text
    assert "## Rules check\n\nEvery rule holds for this plan." in text


def test_markdown_lists_violations_and_escapes_free_text(plan: Plan, catalogue: Catalogue) -> None:
    broken = dataclasses.replace(
        plan,
        violations=(
            Violation("spacing", date(2026, 3, 6), "Only *24 h* after <Tuesday>", hard=False),
            Violation("frequency", None, "Week 3 has one session"),
        ),
    )

    text = plan_to_markdown(broken, catalogue)

    assert "- `spacing` (target missed) Fri 06 Mar: Only \\*24 h\\* after \\<Tuesday\\>" in text
    assert "- `frequency` (rule broken) Week 3 has one session" in text


def test_markdown_pictures_are_linked_once_per_exercise(plan: Plan, catalogue: Catalogue) -> None:
    paths = plan_to_markdown(plan, catalogue, picture=lambda ex: f"pictures/{ex}.svg")

    assert paths.count("![Goblet squat](pictures/goblet-squat.svg)") == 1
    assert len(plan.sessions) > 1
    assert "pictures/" not in plan_to_markdown(plan, catalogue)
    assert "pictures/" not in plan_to_markdown(plan, catalogue, picture=lambda ex: "")


def test_markdown_names_unknown_exercises_readably(plan: Plan) -> None:
    text = plan_to_markdown(plan, Catalogue([]))

    assert "**Single leg rdl**: 3 × 6 per side" in text


@given(st.lists(st.sampled_from(["3.", "12)", "-", "+", "km", "2 x 8", "why", "#5"]), max_size=80))
def test_a_long_why_wraps_into_lines_that_stay_one_paragraph(words: list[str]) -> None:
    """A why with a care test in it runs past a thousand characters on one line; wrapped,
    no line may start a list ("3. ", "- "), and the words read as before."""
    lines = _paragraph("_Why:_", " ".join(["Because", *words]))

    assert lines[-1] == "" and all(len(line) <= PROSE_WIDTH for line in lines)
    assert not [line for line in lines[1:] if re.match(r"(\d+[.)]|[-+]) ", line)]
    said = " ".join(lines).replace("\\", "").split()
    assert said == ["_Why:_", "Because", *" ".join(words).split()]
