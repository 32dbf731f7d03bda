"""tests/thorough.py: what each profile runs. The `ci` profile must keep every count a test
names, and the `dev` profile must still run every property a few times."""

from __future__ import annotations

import pytest

import thorough


@pytest.mark.parametrize("count", [3, 8, 25, 60, 120])
def test_the_thorough_profile_runs_every_example_of_a_plan_property(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(thorough, "is_thorough", lambda: True)
    assert thorough.plan_examples(count) == count
    assert thorough.plan_property(count).max_examples == count


@pytest.mark.parametrize(
    ("count", "fast"), [(3, 3), (8, 5), (25, 5), (40, 5), (60, 6), (100, 10), (120, 12)]
)
def test_the_fast_profile_runs_a_tenth_of_a_plan_property_and_never_under_five(
    count: int, fast: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(thorough, "is_thorough", lambda: False)
    assert thorough.plan_examples(count) == fast
    assert thorough.plan_property(count).max_examples == fast


def test_ci_or_a_named_profile_chooses_the_thorough_run() -> None:
    assert thorough.profile_from_environment({}) == "dev"
    assert thorough.profile_from_environment({"CI": "true"}) == "ci"
    assert thorough.profile_from_environment({"CI": "true", "HYPOTHESIS_PROFILE": "dev"}) == "dev"
    with pytest.raises(ValueError, match="HYPOTHESIS_PROFILE"):
        thorough.profile_from_environment({"HYPOTHESIS_PROFILE": "fast"})


@pytest.mark.parametrize(("count", "fast"), [(6, 6), (15, 10), (30, 10), (40, 10), (60, 15)])
def test_a_corpus_of_seeded_athletes_is_a_quarter_under_dev_and_whole_under_ci(
    count: int, fast: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(thorough, "share", lambda: 0.25)
    assert thorough.athletes(count) == fast
    monkeypatch.setattr(thorough, "share", lambda: 1.0)
    assert thorough.athletes(count) == count
