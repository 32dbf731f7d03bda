"""FIT strings end after a whole word, within the bytes a watch shows."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from garmin_fit_sdk import Decoder, Stream
from hypothesis import given
from hypothesis import strategies as st

from legday.catalogue import Catalogue
from legday.exports.fit import clip, session_to_fit
from legday.model import Plan

NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
LONG_CUE = (
    "Keep the standing knee softly bent and over the middle toes while the hips stay level "
    "and the trunk leans forward from the hips as one piece"
)


def test_a_long_note_ends_after_a_whole_word(plan: Plan, catalogue: Catalogue) -> None:
    session = plan.sessions[0]
    first = dataclasses.replace(session.main[0], cues=(LONG_CUE,))
    data = session_to_fit(
        dataclasses.replace(session, main=(first, *session.main[1:])),
        catalogue,
        "Legs",
        created=NOW,
    )
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    notes = messages["workout_step_mesgs"][len(session.warmup)]["notes"]

    assert notes.endswith("…") and len(notes.encode()) <= 120
    kept = notes.removesuffix("…").split("; ")[-1]
    assert LONG_CUE.startswith(kept) and LONG_CUE[len(kept)] == " "


@given(st.text(alphabet=st.sampled_from("ab é;—"), max_size=80), st.integers(8, 60))
def test_clip_fits_the_bytes_and_never_splits_a_word_it_can_keep(text: str, limit: int) -> None:
    cut = clip(text, limit)

    assert len(cut.encode()) <= limit
    if len(text.encode()) <= limit:
        assert cut == text
    else:
        body = cut.removesuffix("…")
        assert cut.endswith("…") and text.startswith(body)
        prefix = text.encode()[: limit - len("…".encode())].decode(errors="ignore")
        if any(c.isspace() for c in prefix.strip()):  # a whole word fits: no word is split
            following = text[len(body) :][:1]
            assert following.isspace() or following in ";,.:—-"
