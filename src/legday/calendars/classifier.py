"""Decide what a calendar event is: a run of some kind, a strength session, or something else.

The planner's hard rules (`no-hard-run-day`, `not-day-before-race`) are only as good as this
guess, so every answer carries the rule that produced it. The rules, in order:

1. explicit kind (CSV column, override file): applied by the readers, always wins;
2. sport prefix (`Run: …`) or a `Workout type: Run` description line decides the activity;
3. UID hints of coaching-app feeds (`…_LONG_RUN_…`) decide activity and kind;
4. emoji in the title (🏃 means run);
5. title keywords, then description keywords (`keywords.toml`, accent/case-insensitive);
6. duration/distance: a run of at least 90 min or 18 km is long.

Among keywords a race beats long beats hard beats easy; a race-pace word ("marathon pace",
"Renntempo", "allure marathon", "ritmo de carrera") is hard and keeps a race word from
making the entry a race.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from legday.model import RunKind

__all__ = [
    "LONG_KM",
    "LONG_MINUTES",
    "classify",
    "kind_from_word",
    "normalize",
    "planned_distance_km",
    "planned_minutes",
]

LONG_MINUTES = 90
LONG_KM = 18.0

_LANGS = ("en", "de", "fr", "es")
_RUN_CATEGORIES = ("race", "race_distance", "pace", "long", "hard", "easy", "run", "rest")
# A run's kind by keyword category, strongest first (race_distance yields to effort words,
# race to a pace word: "Marathon-Renntempo", "Parkrun at marathon pace" are workouts).
_KIND_ORDER = (
    ("race", RunKind.RACE),
    ("long", RunKind.LONG),
    ("pace", RunKind.HARD),
    ("hard", RunKind.HARD),
    ("easy", RunKind.EASY),
    ("rest", RunKind.REST),  # "Rest day before the marathon" is a rest day
    ("race_distance", RunKind.RACE),
)
_RUN_KINDS = frozenset(k.value for k in RunKind)
_ACTIVITY_OF = {"run": "run", "rest": "run", "strength": "strength", "other": "other"}
_PLATFORM_LINE = re.compile(
    r"^\s*(workout type|planned [a-z ]+|actual [a-z ]+)\s*:.*$", re.I | re.M
)
_WORKOUT_TYPE = re.compile(r"^\s*workout\s+type\s*:\s*(.+?)\s*$", re.I | re.M)
_PREFIX = re.compile(r"^\s*([^\W\d_][^:\n]{0,24}?)\s*:\s*(.*)$", re.S)
_PLANNED_TIME = re.compile(
    r"planned\s+(?:time|duration)\s*:\s*(\d{1,3})(?::(\d{2}))?(?::(\d{2}))?", re.I
)
_PLANNED_DIST = re.compile(r"planned\s+distance\s*:\s*(\d+(?:[.,]\d+)?)\s*(km|mi|m)\b", re.I)
_REPEATS = re.compile(
    r"(?<![\w.])\d{1,2}\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*"
    r"(m|km|k|mi|miles?|meters?|metres?|metern?|s|sec|min|'|\")?(?!\w)"
)
_RUN_UNITS = frozenset(("m", "km", "k", "mi", "mile", "miles", "meter", "meters", "metre"))
_RUN_UNITS |= {"metres", "metern"}
# "6x800", "10×400": a bare number from 200 to 10 000 is a distance in metres ("Squats 3x10"
# and "Crunches 3x100" are not runs)
_BARE_METRES = (200, 10_000)
_PATTERNS = ("pattern", "distance")  # pseudo-languages of repetitions found by regex
_WORD_START = re.compile(r"(?<!\w)\w")
_DISTANCE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(km|k|mi|miles?|meilen)(?!\w)", re.I
)


def normalize(text: str) -> str:
    """Case- and accent-free text, so "Fractionné" and "fractionne" match alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class _Keyword:
    category: str
    lang: str
    word: str


@dataclass(frozen=True, slots=True)
class _Tables:
    words: tuple[_Keyword, ...]
    # per first letter, one group per keyword starting with it, longest first: one regex
    # with all 379 keywords tried every alternative at every word and cost 1 ms a title
    by_letter: dict[str, tuple[re.Pattern[str], tuple[_Keyword, ...]]]
    prefixes: dict[str, str]
    emoji: tuple[tuple[str, str], ...]
    uid: dict[str, str]
    uid_pattern: re.Pattern[str]
    kind_words: dict[str, str]


def _word_regex(word: str) -> str:
    wild = word.endswith("*")
    parts = [re.escape(p) for p in re.split(r"[\s\-_/]+", normalize(word.rstrip("*")))]
    return r"[\s\-_/]*".join(parts) + (r"\w*" if wild else "")


@cache
def _tables() -> _Tables:
    """Load `keywords.toml` once; kept as data so the tables can be reviewed and extended."""
    raw = tomllib.loads(resources.files(__package__).joinpath("keywords.toml").read_text("utf-8"))
    seen: set[str] = set()
    words: list[_Keyword] = []
    for lang in _LANGS:
        for category, items in raw[lang].items():
            for word in items:
                key = normalize(word)
                if key not in seen:
                    seen.add(key)
                    words.append(_Keyword(category, lang, word))
    words.sort(key=lambda k: -len(k.word.rstrip("*")))
    prefixes = {normalize(w): act for act, items in raw["sport_prefix"].items() for w in items}
    emoji = tuple((e, act) for act, items in raw["emoji"].items() for e in items)
    uid = {w: kind for kind, items in raw["uid"].items() for w in items}
    uid_body = "|".join(re.escape(w) for w in sorted(uid, key=len, reverse=True))
    return _Tables(
        words=tuple(words),
        by_letter=_by_letter(words),
        prefixes=prefixes,
        emoji=emoji,
        uid=uid,
        uid_pattern=re.compile(rf"(?<![A-Z])({uid_body})(?![A-Z])"),
        kind_words={normalize(w): k for k, items in raw["kind_words"].items() for w in items},
    )


def _by_letter(words: list[_Keyword]) -> dict[str, tuple[re.Pattern[str], tuple[_Keyword, ...]]]:
    groups: dict[str, list[_Keyword]] = {}
    for keyword in words:  # already longest first; grouping keeps that order
        groups.setdefault(normalize(keyword.word)[0], []).append(keyword)
    return {
        letter: (
            re.compile("(?:" + "|".join(f"({_word_regex(k.word)})" for k in group) + r")(?!\w)"),
            tuple(group),
        )
        for letter, group in groups.items()
    }


def _keywords(text: str) -> dict[str, tuple[_Keyword, str]]:
    """First keyword (and the text it matched) per category; longer phrases mask shorter."""
    tables = _tables()
    norm = normalize(text)
    aligned = len(norm) == len(text)  # accents dropped one for one: quote the original
    found: dict[str, tuple[_Keyword, str]] = {}
    position = 0
    for start in _WORD_START.finditer(norm):
        if start.start() < position:
            continue  # inside a phrase already matched
        entry = tables.by_letter.get(norm[start.start()])
        match = entry[0].match(norm, start.start()) if entry else None
        if match is None or match.lastindex is None or entry is None:
            continue
        kw = entry[1][match.lastindex - 1]
        said = text[match.start() : match.end()] if aligned else match.group()
        found.setdefault(kw.category, (kw, said.casefold()))
        position = match.end()
    if "hard" not in found:  # "6 x 800 m", "10×400": repetitions in any language
        reps = _repetitions(norm)
        if reps is not None:
            found["hard"] = reps
    return found


def _repetitions(norm: str) -> tuple[_Keyword, str] | None:
    """The first repetitions over a running distance ("10 x 400 m": lang `distance`), else
    the first of any repetitions ("5 x 3 min": lang `pattern`, hard only inside a run)."""
    other: tuple[_Keyword, str] | None = None
    for reps in _REPEATS.finditer(norm):
        value, unit = reps.group(1), reps.group(2)
        bare = unit is None and value.isdigit()
        if unit in _RUN_UNITS or (bare and _BARE_METRES[0] <= int(value) <= _BARE_METRES[1]):
            return _Keyword("hard", "distance", "N x distance"), reps.group().strip()
        other = other or (_Keyword("hard", "pattern", "N x M"), reps.group().strip())
    return other


def kind_from_word(word: str) -> tuple[str, RunKind | None] | None:
    """An explicit kind as written in a CSV column or override file, in any table language."""
    key = normalize(word.strip())
    if key in {k.value for k in RunKind}:
        return "run", RunKind(key)
    if key in {"strength", "other"}:
        return key, None
    if key == "run":
        return "run", RunKind.EASY
    word_kind = _tables().kind_words.get(key)
    if word_kind is not None:
        return ("run", RunKind(word_kind)) if word_kind in _RUN_KINDS else (word_kind, None)
    found = _keywords(word)
    kind = _kind(found)
    if kind is not None:
        return "run", kind[0]
    if "run" in found:
        return "run", RunKind.EASY
    for category in ("strength", "other"):
        if category in found:
            return category, None
    return None


def planned_minutes(description: str) -> int | None:
    """`Planned Time: 1:05` (h:mm[:ss]) of training-platform descriptions, in minutes."""
    match = _PLANNED_TIME.search(description)
    if not match:
        return None
    first, second, third = match.groups()
    if second is None:
        return int(first)
    total = int(first) * 60 + int(second) + (1 if third and int(third) >= 30 else 0)
    return total if total > 0 else None


def planned_distance_km(title: str, description: str = "") -> float | None:
    """The largest distance named in the title (or a `Planned Distance:` line), in km."""
    match = _PLANNED_DIST.search(description)
    if match:
        value = float(match.group(1).replace(",", "."))
        unit = match.group(2).lower()
        return value * 1.609 if unit == "mi" else value / 1000 if unit == "m" else value
    best: float | None = None
    for m in _DISTANCE.finditer(title):
        value = float(m.group(1).replace(",", "."))
        km = value if m.group(2).lower() in {"km", "k"} else value * 1.609
        best = km if best is None or km > best else best
    return best


def _describe(hit: tuple[_Keyword, str], where: str) -> str:
    if hit[0].lang in _PATTERNS:
        return f'{where} repetitions "{hit[1]}"'
    return f'{where} keyword "{hit[1]}" ({hit[0].lang})'


def classify(
    title: str,
    description: str = "",
    uid: str = "",
    minutes: int | None = None,
    distance_km: float | None = None,
    *,
    known: tuple[str, str] | None = None,
) -> tuple[str, RunKind | None, str]:
    """(activity, kind, reason) for one event; see the module docstring for the rule order.

    `known` is an (activity, reason) a reader already trusts, e.g. a CSV activity-type column.
    """
    tables = _tables()
    reasons: list[str] = []
    activity: str | None = None
    kind: RunKind | None = None
    body = title
    prefix = _PREFIX.match(title)
    if known is not None:
        activity = known[0]
        reasons.append(known[1])
    elif prefix and normalize(prefix.group(1)) in tables.prefixes:
        found_act = tables.prefixes[normalize(prefix.group(1))]
        activity, body = _ACTIVITY_OF[found_act], prefix.group(2)
        kind = RunKind.REST if found_act == "rest" else None
        reasons.append(f'sport prefix "{prefix.group(1).strip()}:"')
    else:
        wtype = _WORKOUT_TYPE.search(description)
        if wtype and normalize(wtype.group(1)) in tables.prefixes:
            found_act = tables.prefixes[normalize(wtype.group(1))]
            activity = _ACTIVITY_OF[found_act]
            kind = RunKind.REST if found_act == "rest" else None
            reasons.append(f'description "Workout type: {wtype.group(1)}"')
    if activity in (None, "run") and kind is None:
        hint = tables.uid_pattern.search(uid)
        if hint:
            value = tables.uid[hint.group(1)]
            if value in ("strength", "other"):
                if activity is None:
                    activity = value
                    reasons.append(f"UID hint {hint.group(1)}")
            else:
                activity, kind = "run", RunKind(value)
                reasons.append(f"UID hint {hint.group(1)}")
    if activity is None:
        for symbol, act in tables.emoji:
            if symbol in title:
                activity = _ACTIVITY_OF[act]
                kind = RunKind.REST if act == "rest" else None
                reasons.append(f'emoji "{symbol}"')
                break
    clean_description = _PLATFORM_LINE.sub("", description)
    in_title = _keywords(body)
    in_description = _keywords(clean_description)
    in_description.pop("rest", None)  # "rest 90 s between reps" is not a rest day
    if activity is None:
        for found, where in ((in_title, "title"), (in_description, "description")):
            activity = _activity(found, where, reasons)
            if activity:
                break
    if activity is None:
        return "other", None, "no running, strength or sport words"
    if activity != "run":
        return activity, None, "; ".join(reasons)
    if kind is None:
        for found, where in ((in_title, "title"), (in_description, "description")):
            decided = _kind(found)
            if decided is not None:
                kind = decided[0]
                reasons.append(_describe(decided[1], where))
                break
    if kind is None:
        kind = RunKind.EASY
        generic = in_title.get("run") or in_description.get("run")
        reasons.append(
            (_describe(generic, "title") + ", " if generic else "") + "no effort word → easy"
        )
    return "run", *_longer(kind, reasons, title, description, minutes, distance_km)


def _kind(found: dict[str, tuple[_Keyword, str]]) -> tuple[RunKind, tuple[_Keyword, str]] | None:
    """The strongest kind among the keywords found, and the keyword that decided it."""
    for category, candidate in _KIND_ORDER:
        if category in found and not (category == "race" and "pace" in found):
            return candidate, found[category]
    return None


def _activity(found: dict[str, tuple[_Keyword, str]], where: str, reasons: list[str]) -> str | None:
    """Rule 5 for the activity: run words, then strength or other sports, then repetitions
    over a running distance ("10 x 400 m" is a run, "Swim 10 x 100 m" is not); repetitions
    without a distance ("Squats 3x10", "3 x 10 min") say nothing about running."""
    words = [c for c in _RUN_CATEGORIES if c in found and found[c][0].lang not in _PATTERNS]
    if words:
        return "run"
    for category in ("strength", "other"):
        if category in found:
            reasons.append(_describe(found[category], where))
            return category
    if "hard" in found and found["hard"][0].lang == "distance":
        return "run"
    return None


def _longer(
    kind: RunKind,
    reasons: list[str],
    title: str,
    description: str,
    minutes: int | None,
    distance_km: float | None,
) -> tuple[RunKind, str]:
    """Rule 6: an easy or hard run that lasts long enough is a long run."""
    if minutes is None:
        minutes = planned_minutes(description)
    if distance_km is None:
        distance_km = planned_distance_km(title, description)
    if kind in (RunKind.EASY, RunKind.HARD):
        if minutes is not None and minutes >= LONG_MINUTES:
            return RunKind.LONG, "; ".join([*reasons, f"{minutes} min ≥ {LONG_MINUTES} → long"])
        if distance_km is not None and distance_km >= LONG_KM:
            text = f"{distance_km:g} km ≥ {LONG_KM:g} → long"
            return RunKind.LONG, "; ".join([*reasons, text])
    return kind, "; ".join(reasons)
