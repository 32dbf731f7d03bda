"""Running shapes written with numbers rather than words, the same in every language.

Plan books, apps and clubs write much of a session as numbers: repetitions ("6 x 800 m",
"2x(600,400,300,200)", ladders "400-800-1200"), track distances ("1500m", the mile),
race-pace shorthand ("5 mi pace"), coaching letters ("E 45'", "T 3x1 mi"), a distance named
after a place ("10 km de Paris"), and the run's length ("Run 40 min", "13 mi"). The
classifier weighs these shapes against its keywords; nothing here knows any table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "M_AS_MILES",
    "Shape",
    "distance",
    "letters",
    "pace",
    "place_race",
    "planned_distance_km",
    "planned_minutes",
    "repetitions",
    "title_minutes",
    "track",
]

M_AS_MILES = 42  # "3 m run", "5 m pace" (Higdon): under this many, "m" means miles


@dataclass(frozen=True, slots=True)
class Shape:
    """One shape found: the keyword category it stands for, what kind of shape it is (the
    classifier's pseudo-language), its name in a reason and the text it matched."""

    category: str  # hard, pace, track, span, race, easy, long
    kind: str  # distance, pattern, shorthand, coach, track, span
    name: str
    text: str


_PLANNED_TIME = re.compile(
    r"planned\s+(?:time|duration)\s*:\s*(\d{1,3})(?::(\d{2}))?(?::(\d{2}))?", re.I
)
_PLANNED_DIST = re.compile(r"planned\s+distance\s*:\s*(\d+(?:[.,]\d+)?)\s*(km|mi|m)\b", re.I)
_REPEATS = re.compile(
    r"(?<![\w.])\d{1,2}\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*"
    r"(m|km|k|mi|miles?|meters?|metres?|metern?|metros?|s|sec|min|'|\")?(?!\w)"
)
_RUN_UNITS = frozenset(("m", "km", "k", "mi", "mile", "miles", "meter", "meters", "metre"))
_RUN_UNITS |= {"metres", "metern", "metro", "metros"}
# "6x800", "10×400": a bare number from 200 to 10 000 is a distance in metres ("Squats 3x10"
# and "Crunches 3x100" are not runs)
_BARE_METRES = (200, 10_000)
# "6 x 20 s": pick-ups this short are strides, next to an easy word
_STRIDE_SECONDS = 30
# "2x(600,400,300,200)", "3 x [1000 + 500]": repetitions of a bracketed set
_BRACKET = re.compile(r"(?<![\w.])\d{1,2}\s*[x×]\s*[(\[]\s*(\d+)")
# "800s", "400s x 12", "Float 400s", "5 x 1000er": a track distance in the plural is a set of
# repetitions over it, the count written or not (English "-s", German "-er")
_PLURAL_TRACK = re.compile(r"(?<![\w.,])(\d{3,4})(?:'?s|er)(?!\w)")
_PLURAL_METRES = frozenset((*range(100, 1650, 50), 2000, 3000, 3200))  # not "1980s"
# "(400-800-1200-800-400)", "1000/800/600": a ladder of three or more track distances
_LADDER = re.compile(r"(?<![\w.:])(\d{3,4})\s*m?(?:\s*[-,/–]\s*\d{3,4}\s*m?){2,}(?![\w:])")
# "800m", "3000 m SC", "5000m": a track distance (60 m to 10 000 m) not after "x"; the mile
_TRACK = re.compile(
    r"(?<![\w.,×])(\d{2,5})\s*(?:m|meters?|metres?|metern?|metros?)(?![\w'])"
    r"|(?<![\w.])(?:(\d+(?:[.,]\d+)?)\s*)?(?:miles?|milla)(?!\w)"
)
# "5 mi pace", "@ 15K to HM pace", "10K-HM pace": race-pace shorthand of plan books
_PACE = re.compile(
    r"(?:\d\s*(?:k|km|m|mi|miles?)|(?<![\w])(?:hm|hmp|mp|half|marathon|race|goal))"
    r"\s*(?:race\s*)?pace(?!\w)"
)
# Daniels' coaching letters, upper case: "E 45'", "T 3x1 mi", "2E + 4T", "L 15", "30' E"
# (not "I" as a pronoun: "I run", nor "T-shirt")
_LETTER = re.compile(r"(?<![\w'’.])\d*\s?([EMTILR])(?![\w'’-])(?!\s+[a-z])")
_LETTER_KIND = {"E": "easy", "L": "long", "M": "pace", "T": "hard", "I": "hard", "R": "hard"}
# "10 km de Paris", "15 km del Puerto": a distance named after a place is a race
_PLACE_RACE = re.compile(
    r"(?<![\d.,])\d+\s*(?:km|k)\s+(?:de|du|des|del|von)\s+(?:la\s+|le\s+|l')?[A-ZÀ-Ý][\w-]*"
)
_DISTANCE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{1,2})?)[\s-]*(km|k|miler|miles?|mi|meilen|m)(?![\w'])", re.I
)
# "40 min", "50'", "45 mn", "1h25": a duration in the title (not "3 x 10 min": a repetition)
_TITLE_MINUTES = re.compile(
    r"(?<![\w.,])(\d{1,3})\s*(?:min|mins|minutes|minuten|minutos|mn|'|′)(?!\w)"
    r"|(?<![\w.,])(\d{1,2})\s*h(?:\s*(\d{2})|(?![a-z]))",
    re.I,
)


def repetitions(norm: str) -> Shape | None:
    """The first repetitions over a running distance ("10 x 400 m", "2x(600,400)", a ladder
    "400-800-1200": kind `distance`), else the first of any repetitions ("5 x 3 min": kind
    `pattern`, hard only inside a run). `norm` is normalised text."""
    other: Shape | None = None
    for reps in _REPEATS.finditer(norm):
        value, unit = reps.group(1), reps.group(2)
        bare = unit is None and value.isdigit()
        if unit in _RUN_UNITS or (bare and _BARE_METRES[0] <= int(value) <= _BARE_METRES[1]):
            return Shape("hard", "distance", "N x distance", reps.group().strip())
        short = unit in ("s", "sec", '"') and _number(value) <= _STRIDE_SECONDS
        name = "N x seconds" if short else "N x M"
        other = other or Shape("hard", "pattern", name, reps.group().strip())
    for plural in _PLURAL_TRACK.finditer(norm):
        if int(plural.group(1)) in _PLURAL_METRES:
            return Shape("hard", "distance", "track repeats", plural.group())
    bracket = _BRACKET.search(norm)
    if bracket:
        if _BARE_METRES[0] <= int(bracket.group(1)) <= _BARE_METRES[1]:
            return Shape("hard", "distance", "N x (set)", bracket.group().strip())
        other = other or Shape("hard", "pattern", "N x (set)", bracket.group().strip())
    ladder = _LADDER.search(norm)
    if ladder:
        steps = [int(n) for n in re.findall(r"\d+", ladder.group())]
        if all(100 <= n <= 5000 and n % 50 == 0 for n in steps):
            return Shape("hard", "distance", "ladder", ladder.group().strip())
    return other


def track(norm: str) -> Shape | None:
    """A track distance ("800m", "3000 m", "the mile"), not a repetition ("6x800m")."""
    for match in _TRACK.finditer(norm):
        metres, miles = match.group(1), match.group(2)
        if metres is not None and not 60 <= int(metres) <= 10_000:
            continue
        if metres is None and miles is not None and float(miles.replace(",", ".")) > 2:
            continue
        return Shape("track", "track", "track distance", match.group().strip())
    return None


def pace(norm: str) -> Shape | None:
    """Race-pace shorthand ("5 mi pace", "HM pace")."""
    match = _PACE.search(norm)
    return Shape("pace", "shorthand", "N pace", match.group()) if match else None


def place_race(text: str) -> Shape | None:
    """A distance named after a place ("10 km de Paris")."""
    match = _PLACE_RACE.search(text)
    return Shape("race", "span", "named race", match.group().casefold()) if match else None


def distance(text: str) -> Shape | None:
    """The first distance in km or miles ("13 mi", "5-K", Higdon's "3 m")."""
    for match in _DISTANCE.finditer(text):
        if match.group(2).lower() == "m" and _number(match.group(1)) > M_AS_MILES:
            continue  # metres: a track distance, not a run's length
        return Shape("span", "span", "distance", match.group().casefold())
    return None


def letters(text: str) -> list[Shape]:
    """Every coaching letter, upper case as coaches write them ("2E + 20' T + 2E")."""
    return [
        Shape(_LETTER_KIND[m.group(1)], "coach", m.group(1), f'letter "{m.group(1)}"')
        for m in _LETTER.finditer(text)
    ]


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
        value = _number(match.group(1))
        unit = match.group(2).lower()
        return value * 1.609 if unit == "mi" else value / 1000 if unit == "m" else value
    best: float | None = None
    for m in _DISTANCE.finditer(title):
        value = _number(m.group(1))
        unit = m.group(2).lower()
        if unit == "m" and value > M_AS_MILES:
            continue  # metres: a track distance, not a run's length
        km = value if unit in {"km", "k"} else value * 1.609
        best = km if best is None or km > best else best
    return best


def title_minutes(title: str) -> int | None:
    """The longest duration written in a title ("Run 40 min", "Footing 1h25", "50'"),
    repetitions left out ("3 x 10 min")."""
    best: int | None = None
    for match in _TITLE_MINUTES.finditer(title):
        before = title[max(0, match.start() - 4) : match.start()].rstrip()
        if before.endswith(("x", "X", "×")):
            continue
        if match.group(1):
            value = int(match.group(1))
        else:
            value = int(match.group(2)) * 60 + int(match.group(3) or 0)
        best = value if best is None or value > best else best
    return best or None


def _number(text: str) -> float:
    return float(text.replace(",", "."))
