"""Uploaded calendars wait in a folder only this user can read, and an error about one
names the file as the runner uploaded it, never the server's path."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import token, upload

from legday.web.pages import uploads


def test_uploads_wait_in_a_folder_of_this_user_alone(client: TestClient) -> None:
    kept = uploads.find(upload(client))
    root = kept.folder.parent
    assert root.stat().st_uid == os.getuid() and root.stat().st_mode & 0o077 == 0


def test_a_shared_folder_made_by_someone_else_first_is_not_used(client: TestClient) -> None:
    planted = [Path(tempfile.gettempdir()) / n for n in ("legday-uploads", uploads.ROOT_NAME)]
    for folder in planted:
        folder.mkdir()
        folder.chmod(0o777)
    kept = uploads.find(upload(client))
    assert not set(planted) & set(kept.folder.parents)
    assert kept.folder.parent.stat().st_mode & 0o077 == 0


def test_a_calendar_it_cannot_read_is_named_as_uploaded(client: TestClient) -> None:
    form = {"csrf_token": token(client)}
    files = {"calendar": ("b2.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n")}
    answer = client.post("/start/calendar", data=form, files=files)
    assert answer.status_code == 422
    errors = " ".join(re.findall(r'class="error"[^>]*>([^<]*)', answer.text))
    assert "b2.ics" in errors and tempfile.gettempdir() not in answer.text
