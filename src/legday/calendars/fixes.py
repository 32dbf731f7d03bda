"""The override line that settles a reading legday was unsure of.

An entry read with a confidence below `UNSURE` is planned on the safe side, and the runner is
shown one line for an override file (`--kinds`, format in `calendars.overrides`) that says
what it really is. The line uses the narrowest key that reaches every unsure occurrence
and, where it can, nothing the classifier was sure of:

    a recurring .ics series (unsure on 2+ days)   [uids]    "uid@app" = "hard"
    a title that is unsure wherever it appears    [titles]  "E 45'" = "hard"
    else one .ics event                           [uids]
    else a CSV run on a day with no sure run      [dates]   "2027-03-14" = "hard"
    else the title                                [titles]

The value is what legday planned with (the safe side), so pasting a line unread changes no
plan; the comment beside it names the other kinds to choose from. A race read with a
priority keeps it (`"parkrun" = "race:B"`): a plain "race" would also keep it, but the line
should say what the plan used.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from legday.calendars.entry import UNSURE, Entry
from legday.model import Run, RunKind

__all__ = [
    "CHECK_INTRO",
    "Fix",
    "Reading",
    "Unsure",
    "find_unsure",
    "fix_lines",
    "fixes_of",
    "reading_of_entry",
    "reading_of_run",
    "starter_overrides",
    "toml_string",
    "unsure_json",
]

# Every value an override may take, in the order the comments list them: a plain "race"
# keeps the priority the reader gave it, race:A/B/C set one (A goal, B tune-up, C short/club).
RACES = ("race:A", "race:B", "race:C")
KINDS = tuple(
    value
    for kind in (*(k.value for k in RunKind), "strength", "other")
    for value in ((kind, *RACES) if kind == RunKind.RACE.value else (kind,))
)

CHECK_INTRO = (
    "If a reading is wrong, copy its line into an overrides file, change the kind and plan "
    "again with --kinds FILE; a line kept as it is confirms legday's reading."
)

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped.

    A lone surrogate (only a hand-edited plan file can hold one) has no TOML spelling and
    becomes U+FFFD.
    """
    out = ['"']
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        elif "\ud800" <= char <= "\udfff":
            out.append("\ufffd")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a fix needs of a calendar `Entry` or a plan's `Run`.

    `kind` is in the override file's words: a run kind, "strength" or "other"; a race's
    `priority` ("A", "B", "C") is kept apart, as the plan keeps it.
    """

    day: date
    title: str
    kind: str
    confidence: float
    reason: str
    source: str  # "file.ics:UID", "file.ics:title" (no UID) or "file.csv:line 7"
    priority: str | None = None

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE

    @property
    def value(self) -> str:
        """The override value that says this reading: "race:B" for a B race."""
        race = self.kind == RunKind.RACE.value and self.priority in ("A", "B", "C")
        return f"{self.kind}:{self.priority}" if race else self.kind


def reading_of_entry(entry: Entry) -> Reading:
    kind = entry.kind.value if entry.activity == "run" and entry.kind else entry.activity
    return Reading(
        entry.day,
        entry.title,
        kind,
        entry.confidence,
        entry.reason,
        entry.source,
        entry.priority if kind == RunKind.RACE.value else None,
    )


def reading_of_run(run: Run) -> Reading:
    """A plan's run as a reading; a busy event (a timed ride or meeting) is "other"."""
    kind = "strength" if run.is_strength else "other" if run.busy else run.kind.value
    priority = run.priority if kind == RunKind.RACE.value else None
    return Reading(run.day, run.title, kind, run.confidence, run.reason, run.source, priority)


@dataclass(frozen=True, slots=True)
class Fix:
    """One override line and the unsure readings it settles."""

    table: str  # "uids", "titles" or "dates"
    key: str
    kind: str  # what legday planned with, in the file's words ("race:B"); the line's value
    title: str
    days: tuple[date, ...]
    confidence: float  # the lowest of its readings

    @property
    def line(self) -> str:
        return f"{toml_string(self.key)} = {toml_string(self.kind)}"

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The other values; a plain "race" is no other value for a race read with a
        priority (it keeps that priority)."""
        same = {self.kind, RunKind.RACE.value} if self.kind in RACES else {self.kind}
        return tuple(k for k in KINDS if k not in same)

    def toml(self) -> str:
        """The line under its table header: valid as a whole override file."""
        return f"[{self.table}]\n{self.line}\n"

    def when(self) -> str:
        more = f" and {len(self.days) - 1} more" if len(self.days) > 1 else ""
        return f"{self.days[0]:%a %Y-%m-%d}{more}"

    def describe(self) -> str:
        """One line for a reader: when, what, and how legday read it."""
        return (
            f'{self.when()}: "{_plain(self.title, 60)}" read as {self.kind.replace(":", " ")}'
            f" ({_percent(self.confidence)} sure)"
        )

    def comment(self) -> str:
        what = "" if self.table == "titles" else f'"{_plain(self.title, 40)}", '
        return (
            f"# {what}{self.when()}, {_percent(self.confidence)} sure;"
            f" or {', '.join(self.alternatives)}"
        )


@dataclass(frozen=True, slots=True)
class Unsure:
    """An unsure reading and the fix that settles it (shared by its whole series)."""

    reading: Reading
    fix: Fix


def find_unsure(readings: Sequence[Reading]) -> list[Unsure]:
    """Every unsure reading with its fix, by day; nothing to compute when all are sure."""
    unsure = [r for r in readings if r.unsure]
    if not unsure:
        return []
    from legday.calendars.classifier import normalize

    def title_key(title: str) -> str:
        return normalize(" ".join(title.split()))

    # Only the unsure readings' sources count: a plan file keeps no other (`plan_json`),
    # and the fix must come out the same from the file as from memory.
    days_of_uid: dict[str, set[date]] = {}
    for r in unsure:
        uid = _uid(r)
        if uid:
            days_of_uid.setdefault(uid, set()).add(r.day)
    sure_titles: set[str] = set()  # titles the classifier read surely somewhere
    sure_run_days: set[date] = set()  # a [dates] line would overrule these
    for r in readings:
        if not r.unsure:
            sure_titles.add(title_key(r.title))
            if r.kind in _RUN_VALUES:
                sure_run_days.add(r.day)
    # (table, what the override file matches) -> the key as written, and its readings
    keys: dict[tuple[str, str], tuple[str, list[Reading]]] = {}
    for r in sorted(unsure, key=lambda r: r.day):
        uid, title = _uid(r), title_key(r.title)
        if uid and (len(days_of_uid[uid]) > 1 or title in sure_titles):
            table, match, written = "uids", uid, uid
        elif title in sure_titles and r.kind in _RUN_VALUES and r.day not in sure_run_days:
            table, match, written = "dates", r.day.isoformat(), r.day.isoformat()
        else:
            table, match, written = "titles", title, " ".join(r.title.split())
        keys.setdefault((table, match), (written, []))[1].append(r)
    found: list[Unsure] = []
    for (table, _match), (written, group) in keys.items():
        guess = Counter(r.value for r in group).most_common(1)[0][0]
        fix = Fix(
            table=table,
            key=written,
            kind=guess,
            title=group[0].title,
            days=tuple(sorted({r.day for r in group})),
            confidence=min(r.confidence for r in group),
        )
        found.extend(Unsure(r, fix) for r in group)
    found.sort(key=lambda u: u.reading.day)
    return found


_RUN_VALUES = frozenset(k.value for k in RunKind)


def _uid(reading: Reading) -> str:
    """The event's UID from an .ics source; "" for a CSV row or an event without one."""
    _file, colon, rest = reading.source.partition(":")
    if not colon or not rest or rest == reading.title:
        return ""
    if rest.startswith("line ") and rest[5:].isdigit():
        return ""
    return rest


def fixes_of(unsure: Iterable[Unsure]) -> list[Fix]:
    """Each fix once, in the order of its first unsure day."""
    return list(dict.fromkeys(u.fix for u in unsure))


def fix_lines(fixes: Sequence[Fix]) -> list[str]:
    """The fixes as TOML lines under their table headers, each with its comment."""
    out: list[str] = []
    for table in ("titles", "uids", "dates"):
        lines = [f for f in fixes if f.table == table]
        if lines:
            out.append(f"[{table}]")
            out += [f"{f.line}  {f.comment()}" for f in lines]
    return out


def starter_overrides(fixes: Sequence[Fix], calendar: str) -> str:
    """A whole override file for `--kinds` that settles every unsure reading."""
    head = [
        f"# legday overrides for {_plain(calendar, 60)}: the entries legday was unsure of.",
        "# Each line holds what legday planned with. Change the kind where it is wrong",
        f"# ({', '.join(KINDS)}; race:A is a goal race, race:B a tune-up,",
        "# race:C a short or club race), then plan with --kinds and this file.",
        "",
    ]
    if not fixes:
        return "\n".join([*head, "# legday was sure of every entry: nothing to settle.", ""])
    return "\n".join([*head, *fix_lines(fixes), ""])


def unsure_json(unsure: Iterable[Unsure]) -> list[dict[str, Any]]:
    """The unsure readings for a JSON document (`legday runs` and the plan's `unsure`)."""
    return [
        {
            "date": u.reading.day.isoformat(),
            "title": u.reading.title,
            "kind": u.reading.kind,
            "confidence": u.reading.confidence,
            "reason": u.reading.reason,
            "source": u.reading.source,
            "fix": {
                "table": u.fix.table,
                "key": u.fix.key,
                "kind": u.fix.kind,
                "toml": u.fix.toml(),
            },
            "alternatives": list(u.fix.alternatives),
        }
        for u in unsure
    ]


def _percent(confidence: float) -> str:
    return f"{round(confidence * 100)} %"


def _plain(text: str, limit: int) -> str:
    """Text for a comment or a sentence: one line, no control characters, bounded."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cs"))
    flat = " ".join(kept.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
