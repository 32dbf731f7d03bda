"""Onboarding (/start): the calendar read and shown with legday's confidence, corrected,
the profile checked field by field, and the athlete made with a plan; uploads limited by
size, type and content; every form refused without its CSRF token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.unit.web.pages.onboarded import CALENDAR, PROFILE, onboard, token, upload

from feed_server import EXAMPLE, serve
from legday.web.pages.uploads import MAX_UPLOAD_BYTES


def errors_of(page: str) -> dict[str, str]:
    """The field errors shown beside their inputs."""
    return dict(re.findall(r'<p class="error" id="([a-z_]+)-error">([^<]*)</p>', page))


def test_the_start_page_labels_both_ways_in(client: TestClient) -> None:
    page = client.get("/start").text
    assert '<label for="calendar">' in page and '<label for="feed_url">' in page
    assert f'name="csrf_token" value="{token(client)}"' in page
    assert 'aria-current="page"' in page  # "Start" in the navigation


def test_every_entry_is_shown_with_its_kind_and_confidence(client: TestClient) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("marathon-plan.ics", CALENDAR)},
    )
    assert answer.status_code == 200
    page = answer.text
    assert "how legday read marathon-plan.ics" in page
    assert "Hill repeats 8 x 60 s" in page
    rows = re.findall(r'<select id="kind_(\d+)"', page)
    assert len(rows) > 50  # one correction per entry
    assert re.search(r"<td>\d+%", page)  # the confidence of each reading
    assert '<label class="visually-hidden" for="kind_0">' in page


def test_a_file_that_is_no_calendar_by_name_is_refused_beside_the_field(
    client: TestClient,
) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("holiday.jpg", b"\xff\xd8\xff\xe0 not a calendar")},
    )
    assert answer.status_code == 422
    assert "choose an .ics or .csv calendar file" in errors_of(answer.text)["calendar"]


def test_a_file_that_is_no_calendar_inside_is_refused_with_what_legday_reads(
    client: TestClient,
) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("plan.ics", b"\x00\x01\x02 this is a zip, not a calendar")},
    )
    assert answer.status_code == 422
    assert "legday reads iCalendar .ics files" in errors_of(answer.text)["calendar"]


def test_an_empty_file_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("plan.csv", b"  \n")},
    )
    assert answer.status_code == 422
    assert "is empty" in errors_of(answer.text)["calendar"]


def test_a_calendar_larger_than_the_limit_is_refused_before_it_is_read(
    client: TestClient,
) -> None:
    big = b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_UPLOAD_BYTES + 100 * 1024)
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("plan.ics", big)},
    )
    assert answer.status_code == 413
    assert "larger than 20 MB" in errors_of(answer.text)["calendar"]


def test_a_feed_address_must_be_one(client: TestClient) -> None:
    for typed in ("/etc/passwd", "file:///etc/passwd", "ftp://example.com/plan.ics"):
        answer = client.post(
            "/start/calendar", data={"csrf_token": token(client), "feed_url": typed}
        )
        assert answer.status_code == 422
        assert "https://" in errors_of(answer.text)["feed_url"]


def test_a_file_and_a_feed_together_are_refused(client: TestClient) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client), "feed_url": "https://example.com/plan.ics"},
        files={"calendar": ("plan.ics", CALENDAR)},
    )
    assert answer.status_code == 422
    assert "not both" in errors_of(answer.text)["feed_url"]


def test_no_calendar_goes_straight_to_the_profile(client: TestClient) -> None:
    answer = client.post("/start/calendar", data={"csrf_token": token(client)})
    assert answer.status_code == 200
    assert "No calendar given" in answer.text and 'id="name"' in answer.text


@pytest.mark.parametrize("path", ["/start/calendar", "/start/review", "/start/athlete"])
def test_every_form_is_refused_without_its_csrf_token(client: TestClient, path: str) -> None:
    answer = client.post(path, data={"name": "sam"})
    assert answer.status_code == 403
    assert answer.json()["detail"].startswith("csrf_token:")


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"age": "7"}, "age", "not an age"),
        ({"minutes": "5"}, "minutes", "between 20 and 120"),
        ({"weeks": "300"}, "weeks", "between 1 and 104"),
        ({"days": []}, "days", "at least one training day"),
        ({"dumbbells": "4, heavy"}, "dumbbells", "heavy"),
        ({"bar": "100"}, "bar", "not a barbell"),
        ({"window_mon": "8-6"}, "windows", "not a window"),
        ({"window_mon": "09:00-08:00"}, "windows", "must end after it starts"),
        ({"name": "  "}, "name", "give the athlete a name"),
        ({"start": "04/01/2027"}, "start", ""),
        ({"race_0": "2027-13-40"}, "races", ""),
    ],
)
def test_a_profile_mistake_is_told_beside_its_field(
    client: TestClient, change: dict[str, object], field: str, says: str
) -> None:
    kept = upload(client)
    form = {**PROFILE, **change, "csrf_token": token(client), "upload": kept}
    answer = client.post("/start/athlete", data=form)
    assert answer.status_code == 422
    errors = errors_of(answer.text)
    assert set(errors) == {field}
    assert says in errors[field]
    assert f'href="#{field}"' in answer.text  # the summary leads to the field
    assert 'aria-invalid="true"' in answer.text
    assert client.get("/").text.count("/plan") == 0  # nobody was made


def test_the_form_keeps_what_was_typed_after_a_mistake(client: TestClient) -> None:
    kept = upload(client)
    form = {**PROFILE, "age": "7", "csrf_token": token(client), "upload": kept}
    page = client.post("/start/athlete", data=form).text
    assert 'value="4, 6, 8, 10"' in page
    assert re.search(r'id="day_sat" name="days" value="sat" checked', page)
    assert re.search(r'id="injury_shin-splints" name="injuries" value="shin-splints" checked', page)


def test_the_athlete_is_made_and_the_plan_shown(client: TestClient) -> None:
    athlete = onboard(client)
    plan = client.get(f"/athletes/{athlete}/plan")
    assert plan.status_code == 200
    assert "sam's plan" in plan.text
    assert "/athletes/1/plan" in client.get("/").text


def test_a_second_athlete_of_the_same_name_is_refused(client: TestClient) -> None:
    onboard(client)
    kept = upload(client)
    form = {**PROFILE, "csrf_token": token(client), "upload": kept}
    answer = client.post("/start/athlete", data=form)
    assert answer.status_code == 422
    assert "already exists" in errors_of(answer.text)["name"]


def test_a_forged_upload_token_is_a_message_not_a_file_read(client: TestClient) -> None:
    form = {**PROFILE, "csrf_token": token(client), "upload": "../../../etc/passwd"}
    answer = client.post("/start/athlete", data=form)
    assert answer.status_code == 422
    assert "upload it again" in answer.text


def entry_index(page: str, title: str) -> int:
    """The correction select of the first entry with that title."""
    rows = page.split("<tr")
    for row in rows:
        if f"<td>{title}</td>" in row:
            found = re.search(r'name="kind_(\d+)"', row)
            assert found is not None
            return int(found.group(1))
    raise AssertionError(f"{title} is not on the page")


def test_a_correction_is_read_back_and_a_race_keeps_its_priority(client: TestClient) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("marathon-plan.ics", CALENDAR)},
    )
    kept = re.search(r'name="upload" value="([^"]+)"', answer.text)
    assert kept is not None
    index = entry_index(answer.text, "Run: Easy run 45 min")
    form = {"csrf_token": token(client), "upload": kept.group(1), f"kind_{index}": "race:B"}
    corrected = client.post("/start/review", data=form)
    assert corrected.status_code == 200
    assert "Your corrections are applied" in corrected.text
    assert "<td>race B</td>" in corrected.text  # read again with the override file
    profile = {**PROFILE, "csrf_token": token(client), "upload": kept.group(1)}
    made = client.post("/start/athlete", data=profile, follow_redirects=False)
    assert made.status_code == 303
    plan = client.get(made.headers["location"]).text
    assert '<span class="tag race">race B</span>' in plan
    # kept with the calendar: a re-plan (a skipped session) reads the correction again
    athlete = made.headers["location"].split("/")[-2]
    day = re.findall(r"/athletes/\d+/sessions/(\d{4}-\d\d-\d\d)\"", plan)[0]
    skip = {"csrf_token": token(client), "step": "accept"}
    assert client.post(f"/athletes/{athlete}/sessions/{day}/skip", data=skip).status_code == 200
    assert '<span class="tag race">race B</span>' in client.get(made.headers["location"]).text


CLUB_CSV = b"date,title\n2027-01-06,Easy run 40 min\n2027-01-10,Run with club\n"


def test_an_unsure_csv_entry_is_flagged_planned_safe_and_can_be_eased(
    client: TestClient,
) -> None:
    answer = client.post(
        "/start/calendar",
        data={"csrf_token": token(client)},
        files={"calendar": ("club.csv", CLUB_CSV)},
    )
    assert answer.status_code == 200
    assert "legday is unsure of <strong>1</strong>" in answer.text
    assert '<tr class="unsure">' in answer.text
    assert '<details class="readings-block" open>' in answer.text  # shown, not folded
    kept = re.search(r'name="upload" value="([^"]+)"', answer.text)
    assert kept is not None
    index = entry_index(answer.text, "Run with club")
    form = {"csrf_token": token(client), "upload": kept.group(1), f"kind_{index}": "easy"}
    corrected = client.post("/start/review", data=form).text
    assert "legday is sure of every entry" in corrected
    row = corrected.split("<td>Run with club</td>", 1)[1].split("</tr>", 1)[0]
    assert "<td>easy</td>" in row


def test_a_feed_is_fetched_once_a_request(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a feed asks for its span and its entries, the review page shows them and
    the logbook keeps a copy: one download serves a request."""
    monkeypatch.setenv("LEGDAY_CACHE_DIR", str(tmp_path / "cache"))
    with serve() as feeds:
        feeds.routes["/plan.ics"] = lambda h: h.reply(200, EXAMPLE.read_bytes(), "text/calendar")
        answer = client.post(
            "/start/calendar",
            data={"csrf_token": token(client), "feed_url": feeds.url("/plan.ics")},
        )
        assert answer.status_code == 200, answer.text
        assert len(feeds.requests_to("/plan.ics")) == 1
        found = re.search(r'name="upload" value="([^"]+)"', answer.text)
        assert found is not None
        form = {**PROFILE, "csrf_token": token(client), "upload": found.group(1)}
        made = client.post("/start/athlete", data=form, follow_redirects=False)
        assert made.status_code == 303, made.text
        assert len(feeds.requests_to("/plan.ics")) == 2
