"""Use cases without a logbook: plan a season, check a plan, read a calendar, export.

    plan, check, runs, export (of a plan file; the logbook's plan is `Logbook.current_plan`)

Stateless, unlike `legday.services.Logbook` (no unit of work, nothing stored): each call
reads its inputs through the adapters it was given, calls the core and returns what the
command shows. `legday.bootstrap` passes the real adapters (catalogue, planner, calendar
readers, plan file reader, export formats); tests may pass fakes. It lives apart from
`services.py` because it shares nothing with the logbook but the core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from legday.errors import InputError
from legday.exports.formats import ExportOptions, Format

if TYPE_CHECKING:
    from legday.calendars import Calendar
    from legday.calendars.fixes import Unsure
    from legday.calendars.overrides import KindOverrides
    from legday.catalogue import Catalogue
    from legday.model import Plan, Profile, Run, Violation

__all__ = ["CalendarRead", "Checked", "Planning", "shown_name"]

# legday.planner.make_plan(profile, runs, catalogue)
PlanFn = Callable[..., "Plan"]
# legday.calendars.read_runs(paths, start, end, *, tz, kinds): files and feeds
ReadRuns = Callable[..., "list[Run]"]
# legday.calendars.read_calendar(path, start, end, *, tz, overrides): every entry and why
ReadCalendar = Callable[..., "Calendar"]
CalendarSpan = Callable[[str], tuple[date, date]]
ReadOverrides = Callable[[Path], "KindOverrides"]
# legday.calendars.read_calendar_content(name, data, start, end, *, tz): an upload
ReadUpload = Callable[..., "Calendar"]
UploadSpan = Callable[[str, bytes], tuple[date, date]]


@dataclass(frozen=True, slots=True)
class Checked:
    """A plan as checked (with the calendar and problems given) and what the rules found."""

    plan: Plan
    findings: tuple[Violation, ...]


@dataclass(frozen=True, slots=True)
class CalendarRead:
    """A calendar read over a window, with the entries legday was unsure of and their fixes."""

    calendar: Calendar
    first: date
    last: date
    unsure: list[Unsure]


@dataclass(frozen=True)
class Planning:
    catalogue: Callable[[], Catalogue]
    make_plan: PlanFn
    read_runs: ReadRuns
    read_calendar: ReadCalendar
    calendar_span: CalendarSpan
    read_overrides: ReadOverrides
    read_plan: Callable[[Path], Plan]
    exports: Mapping[str, Format]
    read_upload: ReadUpload | None = None
    upload_span: UploadSpan | None = None

    # --- plan --------------------------------------------------------------------------

    def plan(self, profile: Profile, calendars: Sequence[str], kinds: Path | None) -> Plan:
        """The season for `profile` around the runs of its calendars (files or feeds)."""
        from legday.planner import calendar_window

        runs = self.read_runs(
            list(calendars), *calendar_window(profile), tz=profile.timezone, kinds=kinds
        )
        return self.make_plan(profile, runs, self.catalogue())

    # --- export ------------------------------------------------------------------------

    def format(self, name: str) -> Format:
        try:
            return self.exports[name]
        except KeyError:
            known = ", ".join(self.exports)
            raise InputError("format", f"unknown format {name!r} (known: {known})") from None

    def render(self, plan: Plan, fmt: str, options: ExportOptions | None = None) -> str | bytes:
        """The plan in one text, for the screen."""
        render = self.format(fmt).render
        if render is None:
            raise InputError("format", f"{fmt} is written to a folder; give --output")
        return render(plan, self.catalogue(), options or ExportOptions())

    def write(
        self, plan: Plan, fmt: str, output: Path, options: ExportOptions | None = None
    ) -> int:
        """Write the plan to `output` whole or not at all; how many files it wrote besides
        the document (workouts, pictures)."""
        return self.format(fmt).write(plan, self.catalogue(), output, options or ExportOptions())

    def read_plan_file(self, path: Path) -> Plan:
        return self.read_plan(path)

    # --- check -------------------------------------------------------------------------

    def check(
        self,
        plan_file: Path,
        runs: Sequence[str] = (),
        injuries: Sequence[str] = (),
        recovery_every: int | None = None,
        kinds: Path | None = None,
        tz: str | None = None,
    ) -> Checked:
        """Check any plan, ours or a coach's, against the rules: with `runs`, against that
        calendar read as `legday plan` reads it; with `injuries`, as caring for them."""
        from legday.model import INJURIES
        from legday.profiles import parse_zone
        from legday.rules import check_plan

        zone = parse_zone(tz)  # checked even without --runs: a typo is never silently ignored
        plan = self.read_plan(plan_file)
        if runs:
            after_end = plan.end + timedelta(days=1)  # a race then still rules out the last day
            read = self.read_runs(list(runs), plan.start, after_end, tz=zone, kinds=kinds)
            plan = replace(plan, runs=tuple(read))
        for name in injuries:
            if name not in INJURIES:
                raise InputError(
                    "injury", f"unknown injury {name!r} (known: {', '.join(INJURIES)})"
                )
        if injuries:
            plan = replace(plan, injuries=tuple(dict.fromkeys((*plan.injuries, *injuries))))
        if recovery_every is not None:
            if not 3 <= recovery_every <= 6:
                raise InputError("recovery-every", "must be between 3 and 6 weeks")
            plan = replace(plan, recovery_every=recovery_every)
        return Checked(plan, tuple(check_plan(plan, self.catalogue())))

    # --- runs: what was read from a calendar ----------------------------------------------

    def read(
        self,
        file: str,
        first: date | None,
        last: date | None,
        weeks: int | None,
        kinds: Path | None,
        tz: str | None,
    ) -> CalendarRead:
        """Every entry of a calendar between `first` and `last`. Without `first`: from the
        calendar's first event to `last` or its last one (two years at most); without
        `last`: `weeks` (default 16) from `first`."""
        if first is None:
            span_first, span_last = self.calendar_span(file)
            first = span_first
            last = last or min(span_last, first + timedelta(days=730))
        if last is None:
            last = first + timedelta(days=7 * (weeks or 16) - 1)
        overrides = self.read_overrides(kinds) if kinds is not None else None
        calendar = self.read_calendar(file, first, last, tz=tz, overrides=overrides)
        return CalendarRead(calendar, first, last, _unsure(calendar))

    def read_uploaded(
        self, name: str, data: bytes, weeks: int | None = None, tz: str | None = None
    ) -> CalendarRead:
        """Every entry of an uploaded calendar (name and bytes) from its first event, for
        `weeks` (default: to its last event, two years at most)."""
        if self.read_upload is None or self.upload_span is None:
            raise InputError("calendar", "this legday reads no uploaded calendars")
        first, last = self.upload_span(name, data)
        last = min(last, first + timedelta(days=730))
        if weeks is not None:
            last = first + timedelta(days=7 * weeks - 1)
        calendar = self.read_upload(name, data, first, last, tz=tz)
        return CalendarRead(calendar, first, last, _unsure(calendar))

    def session_fit(self, plan: Plan, day: date) -> tuple[str, bytes]:
        """The FIT workout of the plan's strength session on `day` (its file name and
        bytes), as `legday export fit` writes it; the first session when a day has two."""
        from legday.exports.fit import fit_file_name, session_to_fit

        session = next((s for s in plan.sessions if s.day == day), None)
        if session is None:
            raise InputError("date", f"no strength session is planned on {day.isoformat()}")
        name = f"Legs {day:%a %d %b}"
        return fit_file_name(session), session_to_fit(session, self.catalogue(), name)

    @staticmethod
    def check_overrides_target(path: Path, calendar: str, kinds: Path | None, force: bool) -> None:
        """Refuse to write the starter file over a file (without `force`), and ever over the
        calendar being read or the --kinds file holding the runner's own overrides."""
        from legday.calendars.feeds import is_feed

        try:
            exists = path.exists()  # a name too long for the system raises, not False
        except OSError as error:
            raise InputError("--unsure-overrides", f"{path}: {error.strerror or error}") from None
        if exists:
            target = path.resolve()
            if not is_feed(calendar) and target == Path(calendar).resolve():
                raise InputError("--unsure-overrides", f"{path} is the calendar being read")
            if kinds is not None and target == kinds.resolve():
                raise InputError(
                    "--unsure-overrides",
                    f"{path} is the --kinds file being read; write the fixes to another file",
                )
            if not force:
                raise InputError("--unsure-overrides", f"{path} exists; add --force to replace it")

    @staticmethod
    def write_overrides(path: Path, unsure: list[Unsure], file: str) -> int:
        """The starter override file, whole or not at all (a rename over the old one);
        returns how many override lines it holds."""
        from legday.calendars.fixes import fixes_of, starter_overrides
        from legday.exports._files import write_atomic

        fixes = fixes_of(unsure)
        write_atomic(path, starter_overrides(fixes, shown_name(file)).encode("utf-8"))
        return len(fixes)


def shown_name(file: str) -> str:
    """A file's name, or a feed's address without its secrets."""
    from legday.calendars.feeds import is_feed, redact

    return redact(file) if is_feed(file) else Path(file).name


def _unsure(calendar: Calendar) -> list[Unsure]:
    """The unsure entries with their fixes (the fixes module loads only when one is)."""
    from legday.calendars.entry import UNSURE

    if all(e.confidence >= UNSURE for e in calendar.entries):
        return []
    from legday.calendars.fixes import find_unsure, reading_of_entry

    return find_unsure([reading_of_entry(e) for e in calendar.entries])
