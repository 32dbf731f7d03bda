"""Read a calendar as a whole: what one title cannot say, the athlete's calendar can.

The classifier reads one event at a time. Three things only show across the file:

- **Language.** "Cross" is cross-training in an English plan and a cross-country race in a
  French or Spanish club calendar. The calendar's language is the one most of its titles'
  words belong to (`classifier.language_votes`).
- **Week structure.** Plan books write "10 mi" on Sunday among 3-5 mi runs; that is the long
  run though it is under the 18 km line. The week's longest run is long when it stands
  clearly above the others (`LONG_RATIO`, `LONG_FLOOR_MINUTES`, `LONG_FLOOR_KM`).
- **Weekly repeats.** The weekday that holds the long run in most weeks holds it in the
  others too, and a title repeating on the same weekday reads like its sure occurrences.
- **What kind of calendar it is.** In a running calendar (most entries are runs) an entry
  with no word legday knows ("UTMB", "City2Surf") is most likely a run or a race: it is
  read as an unsure hard run, the safe side. In a calendar of track meets a bare track
  distance ("1500m") is a race.

An explicit reading (CSV kind column, override file) is never changed; nor is a race, a
rest day, a strength session or anything that is not a run. A time trial (`all_out`)
stays one wherever its kind is kept; a new kind clears it. Pure: entries in, entries out.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from legday.calendars.classifier import (
    CONFIDENCE,
    bare_track,
    is_logistics,
    language_bound,
    language_votes,
    normalize,
    planned_distance_km,
    read_event,
    title_minutes,
)
from legday.calendars.entry import UNSURE, Entry
from legday.model import RunKind

__all__ = [
    "LONG_FLOOR_KM",
    "LONG_FLOOR_MINUTES",
    "LONG_RATIO",
    "calendar_language",
    "settle",
]

# The week's longest run is the long run when it is at least LONG_RATIO times the median
# of the week's other runs (at least two of them with a known size) and itself at least
# LONG_FLOOR_MINUTES long or LONG_FLOOR_KM far: "10 mi" among 3-5 mi runs, a novice's
# "6 mi" among 3 mi runs, "75 min" among 30-45 min runs; not "40 min" among 20 min jogs.
# A week of two sized runs needs the stronger LONG_RATIO_TWO over the other one ("14 km"
# Sunday after "5 km" Wednesday); a week of one run says nothing on its own.
LONG_RATIO = 1.4
LONG_RATIO_TWO = 2.0
LONG_FLOOR_MINUTES = 55
LONG_FLOOR_KM = 9.5
_MINUTES_PER_KM = 6.0  # to compare a distance with a duration in one week
_LONG_DAY_WEEKS = 3  # weeks with the long run on one weekday before that day counts
_WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
# a running calendar: at least this many runs, and this share of all entries (a runner's
# own calendar holds work, family and other sports too)
_RUNNING_CALENDAR = (5, 0.4)
_MAX_TITLE = 500
# the calendar's language must have this many times the votes of the next one, and at
# least _LANGUAGE_TITLES titles with a word of it: two entries ("Cross", "Repos") say too
# little to settle an ambiguous word
_LANGUAGE_MARGIN = 1.5
_LANGUAGE_TITLES = 3
# readings of an entry with no word legday knows, short or hours long
WORDLESS = (CONFIDENCE["nothing"], CONFIDENCE["long unknown"])
# a race is at most this many days after the bib pick-up or travel entry that names it
_PICKUP_DAYS = 7
# a race read from its words that repeats on one weekday this many weeks in a row is a
# weekly session ("Berglauf" every Thursday is the hill workout, not a mountain race)
_WEEKLY_RACE = 3
_CONTEXT = {"language": 0.8, "week": 0.75, "long_day": 0.7, "repeat": 0.65}


def calendar_language(titles: Sequence[str]) -> str | None:
    """The language most titles' words belong to (en, de, fr, es), or None when fewer than
    `_LANGUAGE_TITLES` titles carry a word of it or no language clearly leads."""
    votes: Counter[str] = Counter()
    marked: Counter[str] = Counter()  # titles with at least one word of the language
    for title in titles:
        found = language_votes(title)
        votes.update(found)
        marked.update(found.keys())
    ranked = votes.most_common(2)
    if not ranked or marked[ranked[0][0]] < _LANGUAGE_TITLES:
        return None
    if len(ranked) == 2 and ranked[0][1] < _LANGUAGE_MARGIN * ranked[1][1]:
        return None  # a mixed calendar: no language settles anything
    return ranked[0][0]


def settle(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries with what the whole calendar says applied; order is kept."""
    if not entries:
        return tuple(entries)
    out = list(entries)
    lang = calendar_language([_head(e) for e in out])
    if lang in ("fr", "es"):
        out = [_in_language(e, lang) for e in out]
    out = _unworded(out)
    out = _bare_track(out)
    out = _weekly_races(out)
    out = _repeats(out)
    out = _longest_of_week(out)
    out = _long_run_day(out)
    return tuple(out)


def _open(entry: Entry) -> bool:
    """An entry context may read again: a run of the classifier's own, not a race or rest."""
    return not entry.explicit and _plain(entry)


def _head(entry: Entry) -> str:
    """What is read of a title (as in the classifier): a hostile 8 MB one costs nothing."""
    return entry.title[:_MAX_TITLE]


def _plain(entry: Entry) -> bool:
    """A training run (not a race or rest day), whoever read it."""
    return entry.activity == "run" and entry.kind in (RunKind.EASY, RunKind.HARD, RunKind.LONG)


def _in_language(entry: Entry, lang: str) -> Entry:
    """What the calendar's language settles: "Cross" in a French or Spanish calendar is a
    cross-country race, and a race phrase of one language ("trail de …") names a race only
    in a calendar of that language."""
    if entry.explicit or not language_bound(_head(entry)):
        return entry
    reading = read_event(_head(entry), minutes=entry.minutes, lang=lang)
    if (reading.activity, reading.kind) == (entry.activity, entry.kind):
        return entry
    return replace(
        entry,
        activity=reading.activity,
        kind=reading.kind,
        reason=reading.reason,
        confidence=min(reading.confidence, _CONTEXT["language"]),
        priority=reading.priority,
        all_out=reading.all_out,
    )


def _size(entry: Entry) -> float | None:
    """How big a run is, in minutes (a distance in the title counts 6 min/km)."""
    km = planned_distance_km(_head(entry))
    if km is not None:
        return km * _MINUTES_PER_KM
    minutes = entry.minutes or title_minutes(_head(entry))
    return float(minutes) if minutes else None


def _unworded(entries: list[Entry]) -> list[Entry]:
    """An entry without any known word, named like an event ("UTMB", "Lakeland 50",
    "Behobia-San Sebastián"), is a race when a bib pick-up or travel entry of the week
    before names it too, else in a running calendar an unsure hard run. "Haircut" or "Team
    standup" (not a proper name) stay other."""
    runs = sum(1 for e in entries if e.activity == "run")
    running = runs >= _RUNNING_CALENDAR[0] and runs >= _RUNNING_CALENDAR[1] * len(entries)
    named: dict[str, list[date]] = defaultdict(list)  # a name -> days of its logistics
    for e in entries:
        if e.activity == "other" and is_logistics(_head(e)):
            for token in _name_tokens(_head(e)):
                named[token].append(e.day)
    for days in named.values():
        days.sort()
    out = []
    for e in entries:
        if e.explicit or e.activity != "other" or e.confidence not in WORDLESS:
            out.append(e)
            continue
        if any(_within_days_before(named.get(t, []), e.day) for t in _name_tokens(_head(e))):
            why = "an event the calendar's race logistics name → race"
            sure = _CONTEXT["repeat"]
            out.append(replace(e, activity="run", kind=RunKind.RACE, reason=why, confidence=sure))
        elif running and _looks_like_a_name(_head(e)):
            why = "an event name in a running calendar: unsure → hard"
            out.append(
                replace(
                    e, activity="run", kind=RunKind.HARD, reason=why, confidence=CONFIDENCE["guess"]
                )
            )
        else:
            out.append(e)
    return out


def _within_days_before(days: list[date], day: date) -> bool:
    """Whether a day of the sorted `days` falls in the `_PICKUP_DAYS` before `day`."""
    first = bisect.bisect_left(days, day - timedelta(days=_PICKUP_DAYS))
    return first < len(days) and days[first] <= day


_NAME = re.compile(r"[^\W\d_][\w'’.]*|\d+")
_SMALL = frozenset(("de", "del", "la", "las", "los", "le", "les", "du", "des", "von", "am"))
_SMALL |= {"the", "of", "and", "y", "et", "und", "an", "der", "d"}


def _name_tokens(title: str) -> list[str]:
    """Capitalised or upper-case words of a title (a race's name), at least 3 letters."""
    return [
        w.casefold()
        for w in _NAME.findall(title)
        if len(w) >= 3 and w[0].isupper() and w.casefold() not in _SMALL
    ]


def _looks_like_a_name(title: str) -> bool:
    """Every word capitalised (small linking words aside), and more than one plain word:
    "City2Surf", "Skiddaw (AS)", "KV de Las Hurdes", "SaintéLyon", "CAMOVI"."""
    words = [w for w in _NAME.findall(title) if w.casefold() not in _SMALL]
    if not words or any(w[0].islower() for w in words):
        return False
    shaped = any(c.isdigit() for c in title) or "-" in title or title.isupper()
    shaped = shaped or any(c.isupper() for w in words for c in w[1:])
    return len(words) >= 2 or shaped


def _bare_track(entries: list[Entry]) -> list[Entry]:
    """A bare track distance ("1500m") in a calendar with track meets is a meet race."""
    meets = sum(1 for e in entries if e.kind is RunKind.RACE and e.priority == "C")
    if meets < 2:
        return entries
    why = "a track distance in a calendar of track meets → race"
    out = []
    for e in entries:
        if not e.explicit and e.confidence == CONFIDENCE["guess"] and bare_track(_head(e)):
            e = replace(
                e, kind=RunKind.RACE, reason=f"{e.reason}; {why}", priority="C", all_out=False
            )
            e = replace(e, confidence=_CONTEXT["repeat"])
        out.append(e)
    return out


def _weeks(entries: list[Entry]) -> dict[tuple[int, int], list[int]]:
    """Indexes of the entries per ISO week."""
    weeks: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        year, week, _ = entry.day.isocalendar()
        weeks[(year, week)].append(index)
    return weeks


def _longest_of_week(entries: list[Entry]) -> list[Entry]:
    """A week's clearly longest easy run is its long run, even under 90 min / 18 km: among
    three sized runs or more by `LONG_RATIO`, against a single other one by
    `LONG_RATIO_TWO` (a low-mileage runner's week)."""
    for indexes in _weeks(entries).values():
        runs = [i for i in indexes if entries[i].activity == "run"]
        if any(entries[i].kind is RunKind.LONG for i in runs):
            continue
        sized = [(size, i) for i in runs if _plain(entries[i]) and (size := _size(entries[i]))]
        if len(sized) < 2:
            continue
        ratio = LONG_RATIO if len(sized) >= 3 else LONG_RATIO_TWO
        sized.sort(reverse=True)
        (top, index), others = sized[0], [s for s, _ in sized[1:]]
        entry = entries[index]
        if not _open(entry):
            continue
        middle = statistics.median(others)
        km = planned_distance_km(_head(entry))
        far_enough = km >= LONG_FLOOR_KM if km is not None else top >= LONG_FLOOR_MINUTES
        if entry.kind is not RunKind.EASY or top < ratio * middle or not far_enough:
            continue
        against = "min median" if len(others) > 1 else "min"
        why = f"the week's longest run ({top:.0f} vs {middle:.0f} {against}) → long"
        entries[index] = replace(
            entry,
            kind=RunKind.LONG,
            reason=f"{entry.reason}; {why}",
            confidence=min(entry.confidence, _CONTEXT["week"]),
            all_out=False,
        )
    return entries


def _long_run_day(entries: list[Entry]) -> list[Entry]:
    """The weekday holding the long run in most weeks holds it in a week without one: its
    easy run when that is the week's biggest, or its run of unknown length and no effort
    word."""
    weeks = _weeks(entries)
    days: Counter[int] = Counter()
    for indexes in weeks.values():
        longs = {entries[i].day.weekday() for i in indexes if entries[i].kind is RunKind.LONG}
        days.update(longs)
    if not days:
        return entries
    weekday, count = days.most_common(1)[0]
    if count < _LONG_DAY_WEEKS or count * 2 <= sum(days.values()):
        return entries
    for indexes in weeks.values():
        runs = [i for i in indexes if entries[i].activity == "run"]
        if any(entries[i].kind is RunKind.LONG for i in runs):
            continue
        that_day = [i for i in runs if entries[i].day.weekday() == weekday]
        if len(that_day) != 1:
            continue
        entry = entries[that_day[0]]
        if not _open(entry) or (entry.kind is not RunKind.EASY and entry.confidence >= UNSURE):
            continue  # a workout
        size = _size(entry)
        bigger = [s for i in runs if i != that_day[0] and (s := _size(entries[i])) is not None]
        if size is None and entry.confidence > CONFIDENCE["generic"]:
            continue  # "Easy run" of unknown length: its word decided it
        if size is not None and (not bigger or any(s >= size for s in bigger)):
            continue
        if entry.kind is not RunKind.EASY and _maybe_race(entry):
            why = f"on the long-run day ({_WEEKDAYS[weekday]}) but may be a race: stays unsure"
            entries[that_day[0]] = replace(entry, reason=f"{entry.reason}; {why}")
            continue
        why = f"the long-run day ({_WEEKDAYS[weekday]} in {count} weeks) → long"
        entries[that_day[0]] = replace(
            entry,
            kind=RunKind.LONG,
            reason=f"{entry.reason}; {why}",
            confidence=_CONTEXT["long_day"],
            all_out=False,
        )
    return entries


def _maybe_race(entry: Entry) -> bool:
    """An unsure run whose title may name a race: an event name ("Great North Run") or a
    bare track distance ("5000m"). Context never makes it a sure training run, so the
    planner keeps its eve free."""
    head = _head(entry)
    return entry.confidence < UNSURE and (_looks_like_a_name(head) or bare_track(head))


def _weekly_races(entries: list[Entry]) -> list[Entry]:
    """A race read from its title's words that repeats on one weekday in `_WEEKLY_RACE`
    consecutive weeks or more is a weekly hard session ("Berglauf" every Thursday is the hill
    workout): hard and all out, so its eve stays free as a time trial's. A race with a
    priority (a league or series race read as C, or one the title marks "C race") stays a
    race each week: a club's summer 5K series is raced."""
    series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        if not entry.explicit and entry.kind is RunKind.RACE and entry.priority is None:
            series[(normalize(_head(entry)), entry.day.weekday())].append(index)
    for indexes in series.values():
        indexes.sort(key=lambda i: entries[i].day)
        streak: list[int] = []
        for i in [*indexes, -1]:
            if i >= 0 and streak and entries[i].day - entries[streak[-1]].day == timedelta(7):
                streak.append(i)
                continue
            if len(streak) >= _WEEKLY_RACE:
                why = f"the same race title {len(streak)} weeks running: a weekly hard session"
                for j in streak:
                    e = entries[j]
                    entries[j] = replace(
                        e,
                        kind=RunKind.HARD,
                        reason=f"{e.reason}; {why}",
                        confidence=min(e.confidence, _CONTEXT["repeat"]),
                        priority=None,
                        all_out=True,
                    )
            streak = [i]
    return entries


def _repeats(entries: list[Entry]) -> list[Entry]:
    """An unsure run whose title repeats on the same weekday reads like the series' sure
    occurrences, when at least two of them agree."""
    series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        if _open(entry):
            series[(normalize(_head(entry)), entry.day.weekday())].append(index)
    for indexes in series.values():
        unsure = [i for i in indexes if entries[i].confidence < UNSURE]
        sure = Counter(entries[i].kind for i in indexes if entries[i].confidence >= UNSURE)
        if not unsure or not sure:
            continue
        kind, count = sure.most_common(1)[0]
        if count < 2 or count * 3 < sum(sure.values()) * 2 or kind is None:
            continue
        # a time trial when every sure occurrence of that kind is one
        trials = [e.all_out for i in indexes if (e := entries[i]).kind is kind and i not in unsure]
        all_out = kind is RunKind.HARD and all(trials)
        why = f"the same title reads {kind.value} on {count} other weeks' same weekday"
        for i in unsure:
            entries[i] = replace(
                entries[i],
                kind=kind,
                reason=f"{entries[i].reason}; {why}",
                confidence=_CONTEXT["repeat"],
                all_out=all_out,
            )
    return entries
