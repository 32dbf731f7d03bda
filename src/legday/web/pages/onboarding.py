"""Onboarding (/start): a calendar in (an .ics/.csv upload or a feed address), every entry
as legday read it with how sure it is, the runner's corrections, the profile, then the
athlete and the first plan.

    GET  /start             step 1: the calendar (or none)
    POST /start/calendar    read it: step 2, the readings, and step 3, the profile form
    POST /start/review      corrections applied, readings shown again
    POST /start/athlete     the athlete made (303 to the plan), or the form with its errors

The corrections are an override file (`legday runs --kinds`), so the review reads the
calendar exactly as `legday runs` would with it; the athlete's calendars are stored with
that file beside them (`*.kinds.toml`, see `bootstrap.read_stored_runs`), so every
re-plan reads them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from legday import bootstrap
from legday.calendars.fixes import KINDS, reading_of_entry, toml_string
from legday.errors import InputError, LegdayError
from legday.model import EVENTS, INJURIES, Equipment, Level
from legday.profiles import DAY_NAMES, build_profile
from legday.web.deps import logbook_of
from legday.web.pages import uploads
from legday.web.pages.common import page
from legday.web.security import require_csrf

__all__ = ["router"]

router = APIRouter()

# Which input an error of `build_profile` (or the logbook) belongs next to.
FIELD_OF = {
    "recovery-every": "recovery_every",
    "dominant-leg": "dominant_leg",
    "window": "windows",
    "injury": "injuries",
    "tz": "timezone",
    "--end": "calendar",
}
CHOOSABLE_KIT = [e.value for e in Equipment if e not in (Equipment.BODYWEIGHT, Equipment.WALL)]
WEIGHT_FIELDS = ("dumbbells", "kettlebells", "plates")
RACE_ROWS = 3
MAX_FIELDS = 2000  # a calendar's corrections: one select per entry shown


def _field(error: LegdayError) -> str:
    name = error.field if isinstance(error, InputError) else "calendar"
    return FIELD_OF.get(name, name)


def _message(error: LegdayError) -> str:
    """The error's line without the field name the page already shows it beside."""
    text = str(error)
    if isinstance(error, InputError):
        text = text.removeprefix(f"{error.field}: ")
    return text


# --- the pages -------------------------------------------------------------------------


@router.get("/start", response_class=HTMLResponse, name="start")
async def start(request: Request) -> HTMLResponse:
    return _step_one(request, {})


def _step_one(request: Request, errors: Mapping[str, str], status: int = 200) -> HTMLResponse:
    context = {"errors": errors, "max_mb": uploads.MAX_UPLOAD_BYTES // (1024 * 1024)}
    return page(request, "start.html", context, status_code=status, section="start")


async def _small_enough(request: Request) -> bool:
    """False for a body larger than any calendar legday reads (told before it is read);
    the CSRF token is checked otherwise."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > uploads.MAX_UPLOAD_BYTES + 64 * 1024:
        return False
    await require_csrf(request)
    return True


async def _feeds_once() -> None:
    """A feed is read up to four times in a request (its span, its entries, the review
    page, the logbook's copy): fetched once, its bytes passed on (`bootstrap.fetch_feeds_once`)."""
    bootstrap.fetch_feeds_once()


@router.post(
    "/start/calendar",
    response_class=HTMLResponse,
    name="start_calendar",
    dependencies=[Depends(_feeds_once)],
)
async def read_calendar(request: Request, small: bool = Depends(_small_enough)) -> HTMLResponse:
    if not small:
        return _step_one(request, {"calendar": _too_large()}, status=413)
    form = await request.form(max_files=1, max_fields=20)
    try:
        return await _read_given(request, form)
    finally:
        await form.close()  # the upload's spooled file, whatever happened


async def _read_given(request: Request, form: FormData) -> HTMLResponse:
    """The file or the feed address of step 1 read, or step 1 again with what to fix."""
    upload, feed = form.get("calendar"), str(form.get("feed_url") or "").strip()
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            if feed:
                raise InputError("feed_url", "give a file or a feed address, not both")
            data = await upload.read(uploads.MAX_UPLOAD_BYTES + 1)
            if len(data) > uploads.MAX_UPLOAD_BYTES:
                return _step_one(request, {"calendar": _too_large()}, status=413)
            kept = await run_in_threadpool(uploads.keep_file, upload.filename, data)
        elif feed:
            kept = await run_in_threadpool(uploads.keep_feed, feed)  # a fetch: seconds
        else:
            return await _review(request, None, form={}, errors={})
    except LegdayError as error:
        return _step_one(request, {_field(error): _message(error)}, status=422)
    try:
        read = await run_in_threadpool(_read, kept)
    except LegdayError as error:
        kept.discard()
        problem = _not_a_calendar(error).replace(kept.source, kept.shown)  # not our path
        return _step_one(request, {_calendar_field(kept): problem}, status=422)
    if not read.calendar.entries:
        kept.discard()
        problem = f"{kept.shown}: no events in it; is this the right calendar?"
        return _step_one(request, {_calendar_field(kept): problem}, status=422)
    return await _review(request, kept, form={}, errors={})


@router.post(
    "/start/review",
    response_class=HTMLResponse,
    name="start_review",
    dependencies=[Depends(require_csrf), Depends(_feeds_once)],
)
async def review(request: Request) -> HTMLResponse:
    form = await request.form(max_fields=MAX_FIELDS)
    try:
        kept = uploads.find(str(form.get("upload", "")))
    except LegdayError as error:
        return _step_one(request, {"calendar": _message(error)}, status=422)
    read = await run_in_threadpool(_read, kept)
    await run_in_threadpool(kept.save_kinds, _corrections(read.calendar.entries, form))
    return await _review(request, kept, form=_fields(form), errors={}, corrected=True)


@router.post(
    "/start/athlete",
    response_class=HTMLResponse,
    name="start_athlete",
    dependencies=[Depends(require_csrf), Depends(_feeds_once)],
)
async def make_athlete(request: Request) -> Response:
    form = await request.form(max_fields=MAX_FIELDS)
    fields = _fields(form)
    kept = None
    try:
        if form.get("upload"):
            kept = uploads.find(str(form.get("upload")))
        # the first plan is made and stored: seconds of work, off the event loop
        athlete_id = await run_in_threadpool(_add_athlete, request, fields, kept)
    except LegdayError as error:
        return await _review(
            request, kept, form=fields, errors={_field(error): _message(error)}, status=422
        )
    if kept is not None:
        kept.discard()
    return RedirectResponse(request.url_for("plan", athlete_id=athlete_id), status_code=303)


def _add_athlete(request: Request, fields: Mapping[str, str], kept: uploads.Upload | None) -> int:
    """The athlete made from the profile form and the kept calendar: their store id."""
    book = logbook_of(request)
    name = fields.get("name", "").strip()
    if not name:
        raise InputError("name", "give the athlete a name")
    if any(a.name == name for a in book.athletes()):
        raise InputError("name", f"an athlete called {name!r} already exists")
    profile = build_profile(_profile_values(fields), default_start=bootstrap.today())
    calendars = [kept.source] if kept is not None else []
    corrections = _stored_corrections(kept)
    added = book.add_athlete(name, profile, calendars, bootstrap.today(), uploads=corrections)
    return added.athlete_id


# --- reading and correcting ---------------------------------------------------------------


def _read(kept: uploads.Upload) -> Any:
    """Every entry as `legday runs` reads it, with the runner's corrections if any."""
    return bootstrap.planning().read(kept.source, None, None, None, kept.kinds, None)


def _calendar_field(kept: uploads.Upload) -> str:
    return "feed_url" if kept.shown == "calendar feed" else "calendar"


def _too_large() -> str:
    mb = uploads.MAX_UPLOAD_BYTES // (1024 * 1024)
    return f"the file is larger than {mb} MB; no running calendar is that big"


def _not_a_calendar(error: LegdayError) -> str:
    return f"{_message(error)} (legday reads iCalendar .ics files and CSV with a date column)"


def _corrections(entries: Sequence[Any], form: FormData) -> str:
    """The corrections chosen on the review page as an override file: by the event's UID
    (its whole series) where the calendar gives one, else by its day."""
    tables: dict[str, dict[str, str]] = {"uids": {}, "dates": {}}
    for index, entry in enumerate(entries):
        chosen = str(form.get(f"kind_{index}", ""))
        reading = reading_of_entry(entry)
        if chosen not in KINDS or chosen == reading.value:
            continue
        uid = _uid(reading.source, reading.title)
        if uid:
            tables["uids"][uid] = chosen
        else:
            tables["dates"][entry.day.isoformat()] = chosen
    lines = ["# the runner's corrections, made on legday's onboarding page"]
    for table, items in tables.items():
        if items:
            lines.append(f"[{table}]")
            lines += [f"{toml_string(key)} = {toml_string(value)}" for key, value in items.items()]
    return "\n".join(lines) + "\n"


def _stored_corrections(kept: uploads.Upload | None) -> list[tuple[str, bytes]]:
    """The override file to keep beside the calendar, named as the logbook's reader
    expects (`*.kinds.toml`), or nothing without corrections."""
    if kept is None or kept.kinds is None:
        return []
    stem = kept.shown.rsplit(".", 1)[0].replace(" ", "-") or "calendar"
    return [(f"{stem}{bootstrap.KINDS_SUFFIX}", kept.kinds.read_bytes())]


def _uid(source: str, title: str) -> str:
    """The UID in an .ics entry's source ("file.ics:UID"); "" for a CSV line."""
    _file, colon, rest = source.partition(":")
    if not colon or not rest or rest == title or rest.startswith("line "):
        return ""
    return rest


# --- the profile form -------------------------------------------------------------------


def _fields(form: FormData) -> dict[str, str]:
    """The profile form's text values (lists joined by commas), to fill the form again."""
    out: dict[str, str] = {}
    for key in form:
        if key.startswith("kind_") or key in ("csrf_token", "upload"):
            continue
        values = [v for v in form.getlist(key) if isinstance(v, str)]
        out[key] = ",".join(values)
    return out


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _profile_values(fields: Mapping[str, str]) -> dict[str, Any]:
    """The form as the profile file's keys: `build_profile` checks it, as for the CLI."""
    values: dict[str, Any] = {
        key: fields[key] or None
        for key in ("start", "weeks", "sessions", "minutes", "level", "age", "event", "bar")
        if key in fields
    }
    values["dominant_leg"] = fields.get("dominant_leg") or None
    values["days"] = _listed(fields.get("days", ""))
    values["equipment"] = _listed(fields.get("equipment", ""))
    values["injuries"] = _listed(fields.get("injuries", ""))
    for key in WEIGHT_FIELDS:
        values[key] = _listed(fields.get(key, ""))
    windows = {
        day: fields[f"window_{day}"].strip()
        for day in (*DAY_NAMES, "default")
        if fields.get(f"window_{day}", "").strip()
    }
    if windows:
        values["windows"] = windows
    races = []
    for row in range(RACE_ROWS):
        day = fields.get(f"race_{row}", "").strip()
        if day:
            priority = fields.get(f"race_{row}_priority", "A")
            races.append(f"{day}:{priority}")
    values["races"] = races
    return values


async def _review(
    request: Request,
    kept: uploads.Upload | None,
    *,
    form: Mapping[str, str],
    errors: Mapping[str, str],
    corrected: bool = False,
    status: int = 200,
) -> HTMLResponse:
    """Steps 2 and 3 on one page: the readings (if a calendar was given), then the form."""
    read = await run_in_threadpool(_read, kept) if kept is not None else None
    entries = []
    if read is not None:
        for index, entry in enumerate(read.calendar.entries):
            reading = reading_of_entry(entry)
            entries.append({"index": index, "entry": entry, "reading": reading})
    filled = dict(form)
    if not filled:
        filled = {"start": bootstrap.today().isoformat(), "weeks": "16", "minutes": "45"}
        filled["days"] = ",".join(DAY_NAMES)
        filled["level"] = Level.BEGINNER.value
    context = {
        "upload": kept,
        "read": read,
        "entries": entries,
        "unsure": sum(1 for e in entries if e["reading"].unsure),
        "corrected": corrected,
        "kinds": KINDS,
        "form": filled,
        "chosen": {key: set(_listed(value)) for key, value in filled.items()},
        "errors": errors,
        "days": DAY_NAMES,
        "kit": CHOOSABLE_KIT,
        "levels": [level.value for level in Level],
        "injuries": INJURIES,
        "events": EVENTS,
        "race_rows": range(RACE_ROWS),
        "weights": WEIGHT_FIELDS,
    }
    return page(request, "review.html", context, status_code=status, section="start")
