"""`legday.redaction`: no password survives into a key, a message or a crash log."""

from __future__ import annotations

import pytest

from legday.redaction import redact


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://sam:s3cret@db:5432/legday", "postgresql://sam:***@db:5432/legday"),
        (
            "cannot open 'postgresql+psycopg://sam:p%40ss@db/legday': refused",
            "cannot open 'postgresql+psycopg://sam:***@db/legday': refused",
        ),
        (
            "postgresql://db/legday?user=sam&password=s3cret",
            "postgresql://db/legday?user=sam&password=***",
        ),
        (
            "host=db user=sam password=s3cret dbname=legday",
            "host=db user=sam password=*** dbname=legday",
        ),
        ("host=db password='two words'", "host=db password=***"),
        ("postgresql://sam:se/cret@db:5432/legday", "postgresql://sam:***@db:5432/legday"),
        ("cannot open 'postgresql://sam:se cret@db/x'", "cannot open 'postgresql://sam:***@db/x'"),
        ("sqlite:////home/sam/legday.db", "sqlite:////home/sam/legday.db"),
        ("postgresql://sam@db/legday", "postgresql://sam@db/legday"),
        ("https://example.org:8443/plan.ics", "https://example.org:8443/plan.ics"),
    ],
)
def test_passwords_are_hidden_and_nothing_else_changes(text: str, shown: str) -> None:
    assert redact(text) == shown
    assert redact(shown) == shown  # a redacted text is its own redaction (state-file keys)
