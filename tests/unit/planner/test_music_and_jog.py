"""The session gives a player the music's beat range as numbers and marks its warm-up
jog, so no shell reads them back out of the words."""

from __future__ import annotations

from datetime import date

from legday.catalogue.loader import load_catalogue
from legday.exports.plan_json import session_from_json, session_to_json
from legday.model import Profile
from legday.planner import make_plan
from legday.planner.pools import WARM_UP_JOG_MINUTES

MONDAY = date(2027, 1, 4)


def test_each_session_carries_the_bpm_its_music_line_names_and_its_jog() -> None:
    plan = make_plan(Profile(start=MONDAY, weeks=4), [], load_catalogue())
    assert plan.sessions
    for session in plan.sessions:
        assert session.music_bpm is not None
        low, high = session.music_bpm
        assert low < high and f"music at {low}-{high} BPM" in session.music
        jogs = [w for w in session.warmup if w.jog]
        assert [w.exercise for w in jogs] == ["light-jog"]
        assert session.warmup_jog_minutes == WARM_UP_JOG_MINUTES
        assert session_from_json(session.day, session_to_json(session)) == session


def test_a_session_written_before_the_bpm_reads_back_without_one() -> None:
    session = make_plan(Profile(start=MONDAY, weeks=1), [], load_catalogue()).sessions[0]
    old = session_to_json(session)
    del old["music_bpm"]
    for item in old["warmup"]:
        item.pop("jog", None)
    back = session_from_json(session.day, old)
    assert back.music_bpm is None and back.warmup_jog_minutes == 0
    assert back.music == session.music
