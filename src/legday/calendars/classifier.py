"""Decide what a calendar event is: a run of some kind, a strength session, or something else.

The planner's hard rules (`no-hard-run-day`, `not-day-before-race`) are only as good as this
guess, so every answer carries the rule that produced it and how sure it is. The rules, in
order:

1. explicit kind (CSV column, override file): applied by the readers, always wins;
2. sport prefix (`Run: …`, `Brick: …`) or a `Workout type: Run` description line decides
   the activity;
3. UID hints of coaching-app feeds (`…_LONG_RUN_…`) decide activity and kind;
4. emoji in the title (🏃 means run);
5. title keywords and structure, then description keywords (`keywords.toml`,
   accent/case-insensitive; repetitions, ladders, track distances, pace shorthand,
   coaching letters);
6. duration/distance: a run of at least 90 min or 18 km is long.

Among keywords a race beats long beats hard beats easy; a race-pace word ("marathon pace",
"Renntempo", "allure marathon", "ritmo de carrera"), an around-race word ("pre-race") or
a logistics word ("packet pickup") keeps a race word from making the entry a race.
The calendar as a whole (its language, its weeks) is read afterwards by
`calendars.context`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from functools import cache, lru_cache
from importlib import resources

from legday.calendars import shapes
from legday.calendars.entry import LAST_MINUTE, Entry
from legday.calendars.shapes import planned_distance_km, planned_minutes, title_minutes
from legday.model import RunKind
from legday.race_marks import RaceMark, find_mark, priority_field

__all__ = [
    "CONFIDENCE",
    "LONG_KM",
    "LONG_MINUTES",
    "Reading",
    "bare_track",
    "classify",
    "is_logistics",
    "kind_from_word",
    "language_bound",
    "language_votes",
    "normalize",
    "planned_distance_km",
    "planned_minutes",
    "read_event",
    "title_minutes",
]

# What is read of a title and a description: no workout needs more, and a hostile 8 MB
# SUMMARY must not cost seconds
_MAX_TITLE = 500
_MAX_DESCRIPTION = 5_000
LONG_MINUTES = 90
LONG_KM = 18.0
C_RACE_KM = 5.0  # a race this short (5K, 3000 m, the mile) is a C race

# How sure a reading is, by what decided it (docs/calendars.md, "Confidence").
CONFIDENCE = {
    "explicit": 1.0,  # the CSV kind column, the override file
    "prefix": 0.95,  # a sport prefix, a `Workout type:` line, a UID hint, an emoji
    "title": 0.9,  # a keyword in the title
    "structure": 0.85,  # repetitions, ladders, track meets, pace shorthand, coaching letters
    "description": 0.75,  # a keyword in the description only
    "generic": 0.7,  # only a run word (or distance) and a known length: easy
    "ambiguous": 0.65,  # a word whose meaning the calendar's language settles ("Cross")
    "nothing": 0.6,  # no word at all: other
    "long unknown": 0.5,  # no word at all, but hours long: other, yet maybe a race
    "abbreviation": 0.45,  # a run with an abbreviation legday does not know: hard
    "guess": 0.4,  # a run with no effort word and no length: hard
}

# An entry this long with no word legday knows may be a race or a long run by its name
# alone ("SaintéLyon"): it stays "other", but unsure, so the athlete is asked.
LONG_UNKNOWN_MINUTES = 180
A_DAY = 24 * 60  # longer is a conference or a holiday, not a race

_LANGS = ("en", "de", "fr", "es")
# categories that make an entry a run by themselves
_RUN_CATEGORIES = (
    "race",
    "c_race",
    "race_distance",
    "pace",
    "long",
    "hard",
    "brick",
    "easy",
    "strides",
    "run",
    "rest",
)
_EFFORT = ("long", "pace", "hard", "intensity", "brick", "easy", "strides")
# "long" as a bare adjective yields to a hard word: "Long intervals", "Résistance longue"
_BARE_LONG = frozenset(("long", "longue", "largo", "larga", "lange", "langer"))
# what strides are made of: next to "strides" these words describe them, not a workout
_STRIDE_WORDS = frozenset(("repeats", "repeat", "reps", "rep", "speed", "sprints", "sprint"))
# "distance": repetitions over a running distance, ladders; "pattern": repetitions of
# anything; "shorthand": pace shorthand; "coach": coaching letters; "track": a track
# distance; "span": a distance in km or miles. All but "pattern" are running evidence.
_STRUCTURE = frozenset(("distance", "pattern", "shorthand", "coach", "track", "span", "pair"))
_EVIDENCE = ("race", "hard", "pace", "long", "easy", "track", "span")
_RUN_KINDS = frozenset(k.value for k in RunKind)
_ACTIVITY_OF = {"run": "run", "rest": "run", "brick": "run", "strength": "strength"}
_ACTIVITY_OF["other"] = "other"
_PLATFORM_LINE = re.compile(
    r"^\s*(workout type|planned [a-z ]+|actual [a-z ]+)\s*:.*$", re.I | re.M
)
_WORKOUT_TYPE = re.compile(r"^\s*workout\s+type\s*:\s*(.+?)\s*$", re.I | re.M)
_PREFIX = re.compile(r"^\s*([^\W\d_][^:\n]{0,24}?)\s*:\s*(.*)$", re.S)
# an upper-case token that may be an abbreviation ("ST 8", "QS 45'")
_ABBREVIATION = re.compile(r"(?<![\w'’])([A-Z][A-Z0-9]{0,4})(?![\w'’])")
_UNITS = frozenset(("k", "km", "mi", "m", "min", "h", "s", "sec", "x", "hr", "hrs"))
# "Raheny 5 mile", "Great Run 10K": a proper name and a distance with its unit, nothing
# else ("Bramley 20" without a unit is left to the calendar context: "Level 2" is no race)
_NAMED_DISTANCE = re.compile(
    r"^\s*((?:[A-Z][\w'’.-]{2,}\s+){1,3})\d{1,3}(?:[.,]\d)?\s*(?:mile|miler|k|K|km|KM)\s*$"
)
_COUNTERS = frozenset(("week", "day", "woche", "tag", "semaine", "jour", "semana", "dia"))
_COUNTERS |= {"phase", "block", "session", "lesson", "part", "stage", "round", "leg", "q"}
_COUNTERS |= {"morning", "evening", "afternoon", "night", "midday", "lunchtime", "early"}
_COUNTERS |= {"morgen", "morgens", "abend", "abends", "matin", "soir", "manana", "tarde"}
# a proper name in a title: a capitalised word of three letters or more
_PROPER = re.compile(r"(?<![\w'’])[A-ZÀ-Ý][\w'’-]{2,}")
_WORD_START = re.compile(r"(?<!\w)\w")
_TOKEN = re.compile(r"\w+")
# "LR5", "FR3": a coaching code glued to its number
_CODE = re.compile(r"(?<![\w])([A-Z]{1,4})(\d{1,2})(?![\w])")


def normalize(text: str) -> str:
    """Case- and accent-free text, so "Fractionné" and "fractionne" match alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# "10,000m", "10.000 m", "10 000 m", "3 000 m": a track distance written with a thousands
# separator (English, German, French habits), read as the one number it is
_THOUSANDS = re.compile(
    r"(?<![\d.,])(\d{1,2})[,.\u00a0\u202f ](\d{3})(?=\s*m(?:eters?|etres?|etern?)?\b)"
)


def _whole_metres(title: str) -> str:
    return _THOUSANDS.sub(r"\1\2", title) if any(c.isdigit() for c in title) else title


@dataclass(frozen=True, slots=True)
class _Keyword:
    category: str
    lang: str
    word: str
    only: str = ""  # the one table language listing this word ("" when several do)


Hit = tuple[_Keyword, str]
Found = dict[str, Hit]


@dataclass(frozen=True, slots=True)
class _Tables:
    words: tuple[_Keyword, ...]
    # per first letter, one group per keyword starting with it, longest first: one regex
    # with all the keywords tried every alternative at every word and cost 1 ms a title
    by_letter: dict[str, tuple[str, tuple[_Keyword, ...]]]  # regex source, compiled on use
    prefixes: dict[str, str]
    emoji: tuple[tuple[str, str], ...]
    uid: dict[str, str]
    uid_pattern: re.Pattern[str]
    kind_words: dict[str, str]
    hints: dict[str, str]  # function word -> the one language it tells
    known: frozenset[str]  # every keyword, normalised (for unknown abbreviations)
    # German compounds: a keyword at the start ("Tempowechsellauf", "Arzttermin") or the
    # end ("Waldlaufmeisterschaften", "Volkstriathlon") of a long word no keyword matched
    parts: dict[str, _Keyword]
    all_out: frozenset[str]  # time-trial words, normalised ([time_trial])
    all_out_uid: frozenset[str]  # time-trial UID hints


@dataclass(frozen=True, slots=True)
class Reading:
    """The classifier's answer for one event, before the calendar as a whole is read."""

    activity: str
    kind: RunKind | None
    reason: str
    confidence: float
    priority: str | None = None
    # A time trial: a hard run that is an all-out effort though not a race (the planner
    # keeps its eve free of strength). Only set when a time-trial word decided HARD.
    all_out: bool = False
    # Travel ("Work trip - Chicago", "Dienstreise"): away, so an all-day entry of it holds
    # its whole day as busy time; the planner then puts no strength there.
    away: bool = False

    def entry(
        self,
        day: date,
        title: str,
        answer: tuple[str, RunKind | None, str],
        start: time | None,
        end: time | None,
        minutes: int | None,
        source: str,
        priority: str | None,
    ) -> Entry:
        """The entry for this reading once a reader applied the athlete's overrides:
        an `answer` other than the reading's own is the athlete's word (explicit), and so is
        a race `priority` the override file gave (the readers start it at the reading's).
        An override that keeps the kind keeps a time trial all-out; one that changes it
        clears it (an athlete who says "easy" means easy)."""
        activity, kind, reason = answer
        own = answer == (self.activity, self.kind, self.reason) and priority == self.priority
        if self.away and own and start is None:  # all day away: the whole day is busy
            start, end, minutes = time.min, LAST_MINUTE, 24 * 60 - 1
        return Entry(
            day,
            title,
            activity,
            kind,
            start,
            end,
            minutes,
            reason,
            source,
            self.confidence if own else CONFIDENCE["explicit"],
            priority,
            explicit=not own,
            all_out=self.all_out and (activity, kind) == (self.activity, self.kind),
        )


def _word_regex(word: str) -> str:
    wild = word.endswith("*")
    parts = [re.escape(p) for p in re.split(r"[\s\-_/]+", normalize(word.rstrip("*")))]
    return r"[\s\-_/]*".join(parts) + (r"\w*" if wild else "")


@cache
def _tables() -> _Tables:
    """Load `keywords.toml` once; kept as data so the tables can be reviewed and extended."""
    raw = tomllib.loads(resources.files(__package__).joinpath("keywords.toml").read_text("utf-8"))
    langs_of: dict[str, set[str]] = {}
    for lang in _LANGS:
        for items in raw[lang].values():
            for word in items:
                langs_of.setdefault(normalize(word.rstrip("*")), set()).add(lang)
    seen: set[str] = set()
    words: list[_Keyword] = []
    for lang in _LANGS:
        for category, items in raw[lang].items():
            for word in items:
                key = normalize(word)
                if key not in seen:
                    seen.add(key)
                    owners = langs_of[normalize(word.rstrip("*"))]
                    only = lang if len(owners) == 1 else ""
                    words.append(_Keyword(category, lang, word, only))
    words.sort(key=lambda k: -len(k.word.rstrip("*")))
    prefixes = {normalize(w): act for act, items in raw["sport_prefix"].items() for w in items}
    emoji = tuple((e, act) for act, items in raw["emoji"].items() for e in items)
    uid = {w: kind for kind, items in raw["uid"].items() for w in items}
    uid_body = "|".join(re.escape(w) for w in sorted(uid, key=len, reverse=True))
    hint_langs: dict[str, set[str]] = {}
    for lang, items in raw["lang_hints"].items():
        for word in items:
            hint_langs.setdefault(normalize(word), set()).add(lang)
    return _Tables(
        words=tuple(words),
        by_letter=_by_letter(words),
        prefixes=prefixes,
        emoji=emoji,
        uid=uid,
        uid_pattern=re.compile(rf"(?<![A-Z])({uid_body})(?![A-Z])"),
        kind_words={normalize(w): k for k, items in raw["kind_words"].items() for w in items},
        hints={w: next(iter(ls)) for w, ls in hint_langs.items() if len(ls) == 1},
        known=frozenset(t for w in (*langs_of, *prefixes) for t in _TOKEN.findall(w)),
        parts=_compound(words),
        all_out=frozenset(normalize(w) for lang in _LANGS for w in raw["time_trial"].get(lang, ())),
        all_out_uid=frozenset(raw["time_trial"].get("uid", ())),
    )


def _compound(words: list[_Keyword]) -> dict[str, _Keyword]:
    """The German single-word keywords (and the multisport race words) that compounds are
    made of, by their normalised spelling."""
    parts: dict[str, _Keyword] = {}
    for k in words:
        key = normalize(k.word.rstrip("*"))
        german = k.lang == "de" or k.category == "race_distance"
        if german and len(key) >= 4 and _TOKEN.fullmatch(key):
            parts.setdefault(key, k)
    return parts


def _by_letter(words: list[_Keyword]) -> dict[str, tuple[str, tuple[_Keyword, ...]]]:
    groups: dict[str, list[_Keyword]] = {}
    for keyword in words:  # already longest first; grouping keeps that order
        groups.setdefault(normalize(keyword.word)[0], []).append(keyword)
    return {
        letter: (
            "(?:" + "|".join(f"({_word_regex(k.word)})" for k in group) + r")(?!\w)",
            tuple(group),
        )
        for letter, group in groups.items()
    }


@cache
def _letter_pattern(letter: str) -> tuple[re.Pattern[str], tuple[_Keyword, ...]] | None:
    """The keywords starting with `letter`, compiled the first time a word starts with it
    (compiling all of them up front cost ~150 ms of start-up)."""
    group = _tables().by_letter.get(letter)
    return None if group is None else (re.compile(group[0]), group[1])


@lru_cache(maxsize=4096)
def _keywords(text: str) -> Found:
    """First keyword (and the text it matched) per category; longer phrases mask shorter.
    Structure found without words (repetitions, ladders, track distances, pace shorthand,
    coaching letters, distances) is added under its category with a pseudo-language.
    Cached: calendars repeat their titles week after week. Callers must not change it."""
    tables = _tables()
    text = text[:_MAX_DESCRIPTION]  # no workout needs more; a hostile SUMMARY costs nothing
    if _CODE.search(text):
        text = _CODE.sub(lambda m: _split_code(m, tables.known), text)
    norm = normalize(text)
    aligned = len(norm) == len(text)  # accents dropped one for one: quote the original
    found: Found = {}
    position = 0
    spans: list[tuple[int, int]] = []
    for start in _WORD_START.finditer(norm):
        if start.start() < position:
            continue  # inside a phrase already matched
        entry = _letter_pattern(norm[start.start()])
        match = entry[0].match(norm, start.start()) if entry else None
        if match is None or match.lastindex is None or entry is None:
            continue
        kw = entry[1][match.lastindex - 1]
        said = text[match.start() : match.end()] if aligned else match.group()
        found.setdefault(kw.category, (kw, said.casefold()))
        position = match.end()
        spans.append((match.start(), match.end()))
    covered = iter(spans)
    span = next(covered, None)
    for token in _TOKEN.finditer(norm):
        while span is not None and span[1] <= token.start():
            span = next(covered, None)  # spans and tokens both run left to right
        inside = span is not None and span[0] <= token.start()
        if len(token.group()) >= 8 and not inside:
            _compound_word(token.group(), tables, found)
    if "run" in found and "race_distance" in found and _proper_name(text):
        # "Santa Run 5K" is a race; "Lunch run 5k", "Run 10K" are a distance to run
        found["name"] = (_Keyword("name", "span", "name"), found["race_distance"][1])
    if any(c.isdigit() for c in norm):
        _structure(text, norm, found)
    else:
        if "mil" in norm:
            mile = shapes.track(norm)  # "Mile", "The Mile"
            if mile is not None:
                found["track"] = _hit(mile)
        if len(text) <= 6 and text.strip().isupper():
            _letters(text, found)  # "E", "T": a coaching letter alone
    return found


def _proper_name(text: str) -> bool:
    """Whether a capitalised word legday has no keyword for names the event."""
    known = _tables().known
    for match in _PROPER.finditer(text):
        word = normalize(match.group())
        common = word in known or word in _COUNTERS or word in _WEEKDAY_WORDS
        if not common and not _known_head().match(word):
            return True
    return False


# generic words that end many compounds without giving them their meaning
_NOT_A_TAIL = frozenset(("logistics", "travel", "role", "around_race", "practice"))


def _compound_word(token: str, tables: _Tables, found: Found) -> None:
    """The keywords a German compound starts and ends with (longest first)."""
    parts = tables.parts
    for end in range(len(token) - 1, 3, -1):  # "tempowechsel|lauf"
        kw = parts.get(token[:end])
        if kw is not None:
            found.setdefault(kw.category, (kw, token))
            break
    for begin in range(1, len(token) - 3):  # "waldlauf|meisterschaften", "volks|triathlon"
        tail = token[begin:]
        kw = parts.get(tail) or parts.get(tail[:-1]) or parts.get(tail[:-2])
        if kw is not None and kw.category in _NOT_A_TAIL:
            continue  # "Radausfahrt" is a ride, not travel ("Fahrt")
        if kw is not None and (kw.word.endswith("*") or tail in parts):
            found.setdefault(kw.category, (kw, token))
            break


def _split_code(match: re.Match[str], known: frozenset[str]) -> str:
    """ "LR5" as "LR 5" when "LR" is a known word and "LR5" is not ("VO2" stays)."""
    whole, letters = match.group().casefold(), match.group(1).casefold()
    return match.group() if whole in known or letters not in known else f"{match[1]} {match[2]}"


def _hit(shape: shapes.Shape) -> Hit:
    return _Keyword(shape.category, shape.kind, shape.name), shape.text


def _structure(text: str, norm: str, found: Found) -> None:
    """Running shapes written with numbers rather than words, in any language
    (`calendars.shapes`), added under the category they stand for."""
    reps = shapes.repetitions(norm)
    if reps is not None and (reps.kind == "distance" or "hard" not in found):
        if "hard" not in found or found["hard"][0].lang not in _LANGS:
            found["hard"] = _hit(reps)
        found.setdefault("reps", _hit(reps))
    for shape in (shapes.pace(norm), shapes.place_race(text)):
        if shape is not None and shape.category not in found:
            found[shape.category] = _hit(shape)
    for shape in (shapes.track(norm), shapes.distance(text)):
        if shape is not None:
            found[shape.category] = _hit(shape)
    _letters(text, found)
    if not any(hit[0].lang in _LANGS or hit[0].lang == "coach" for hit in found.values()):
        named = _named_distance(text)  # only names and a distance: no word legday knows
        if named is not None:
            found["race"] = (_Keyword("race", "span", "named race"), named.group().casefold())


def _letters(text: str, found: Found) -> None:
    """Coaching letters, every one: "2E + 20' T + 2E" is hard."""
    for shape in shapes.letters(text):
        if shape.category not in found or found[shape.category][0].lang == "pattern":
            found[shape.category] = _hit(shape)


def _named_distance(text: str) -> re.Match[str] | None:
    """A race named by place and distance: every word before the distance is a name
    legday has no keyword for (not "Easy 5k", not "Week 3", not "Sunday 10 mile")."""
    match = _NAMED_DISTANCE.match(text)
    if match is None:
        return None
    known = _tables().known
    for word in _TOKEN.findall(normalize(match.group(1))):
        if word in known or word in _COUNTERS or word in _WEEKDAY_WORDS:
            return None
        if _known_head().match(word):
            return None  # "Longjog 35 km": a compound of running words, not a place
    return match


@cache
def _known_head() -> re.Pattern[str]:
    """Any known word of four letters or more at the start of a word."""
    heads = sorted((w for w in _tables().known if len(w) >= 4), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in heads))


_WEEKDAY_WORDS = frozenset(
    (
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
        *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        *("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"),
    )
)


def language_votes(title: str) -> dict[str, int]:
    """Which languages a title's words belong to only (keywords and short function words):
    summed over a calendar, they tell the calendar's language (`calendars.context`)."""
    return dict(_votes(title))


@lru_cache(maxsize=4096)
def _votes(title: str) -> tuple[tuple[str, int], ...]:
    tables = _tables()
    votes: dict[str, int] = {}
    for hit in _keywords(title).values():
        if hit[0].only:
            votes[hit[0].only] = votes.get(hit[0].only, 0) + 1
    for token in _TOKEN.findall(normalize(title)):
        lang = tables.hints.get(token)
        if lang:
            votes[lang] = votes.get(lang, 0) + 1
    return tuple(votes.items())


def bare_track(title: str) -> bool:
    """Whether the title is a track distance and nothing else a runner writes ("1500m")."""
    found = _keywords(title)
    words = [c for c in found if found[c][0].lang in _LANGS]
    return "track" in found and "reps" not in found and not words


def is_logistics(title: str) -> bool:
    """Whether the title is race logistics (travel, expo, bib pick-up)."""
    return "logistics" in _keywords(title)


def language_bound(title: str) -> bool:
    """Whether the calendar's language may change the title's reading: "Cross" alone, or a
    race phrase "… de <place>" of French or Spanish only ("trail de" is French). Calendar
    context reads such a title again with `read_event(..., lang=...)`."""
    found = _keywords(title)
    race = found.get("race")
    if race is None or race[0].only not in _SHARED_OF:
        return "cross" in found
    return normalize(race[0].word).rsplit(" ", 1)[-1] in _OF_PLACE


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
    kind = _kind(found, None)
    if kind is not None:
        return "run", kind[0]
    if "run" in found:
        return "run", RunKind.EASY
    for category in ("strength", "sport", "bike", "other"):
        if category in found:
            return ("other" if category in ("sport", "bike") else category), None
    return None


def _describe(hit: Hit, where: str) -> str:
    lang = hit[0].lang
    if lang in ("distance", "pattern"):
        return f'{where} repetitions "{hit[1]}"'
    if lang == "coach":
        return f"{where} coaching {hit[1]}"
    if lang == "priority":
        return f'{where} race priority "{hit[1]}"'
    if lang in _STRUCTURE:
        return f'{where} {hit[0].word} "{hit[1]}"'
    return f'{where} keyword "{hit[1]}" ({lang})'


def classify(
    title: str,
    description: str = "",
    uid: str = "",
    minutes: int | None = None,
    distance_km: float | None = None,
    *,
    known: tuple[str, str] | None = None,
) -> tuple[str, RunKind | None, str]:
    """(activity, kind, reason) for one event; `read_event` gives confidence and priority."""
    reading = read_event(title, description, uid, minutes, distance_km, known=known)
    return reading.activity, reading.kind, reading.reason


# The title says the day holds no run: "Holiday (no running)", "kein Laufen", "pas de
# course", "sin correr". Matched on the normalised title (case and accents gone).
_NO_RUN = re.compile(
    r"(?<!\w)(?:no|not|without|kein|keine|keinen|nicht|ohne|pas de|pas|sans|sin|no hay)\s+"
    r"(?:run|runs|running|jog|jogging|lauf|laufen|joggen|course|course a pied|courir|"
    r"footing|correr|carrera|trotar)(?!\w)"
)
# A run that did not happen: missed, skipped, cancelled (en, de, fr, es)
_NOT_DONE = re.compile(
    r"(?<!\w)(?:missed|skipped|cancell?ed|not done|did not run|verpasst|ausgefallen|"
    r"abgesagt|ausgelassen|gestrichen|annule|annulee|manque|manquee|cancelado|cancelada|"
    r"suspendido|suspendida|saltado|no realizado)(?!\w)"
)


def read_event(
    title: str,
    description: str = "",
    uid: str = "",
    minutes: int | None = None,
    distance_km: float | None = None,
    *,
    known: tuple[str, str] | None = None,
    lang: str | None = None,
) -> Reading:
    """One event read on its own; see the module docstring for the rule order.

    `known` is an (activity, reason) a reader already trusts, e.g. a CSV activity-type
    column; `lang` the calendar's language when `calendars.context` knows it.

    A run the title negates ("no running"), calls missed or cancelled, or plans for 0
    minutes is no run: a rest day, sure. Planning a hard run's eve around a holiday
    that says "no running", or strength around a run that was missed, misreads the week.
    """
    reading = _read_event(title, description, uid, minutes, distance_km, known=known, lang=lang)
    if reading.activity != "run" or reading.kind is RunKind.REST:
        return reading
    said = normalize(title[:_MAX_TITLE])
    found = _NO_RUN.search(said) or _NOT_DONE.search(said)
    if found is not None:
        why = f'title says "{found.group(0)}": no run that day'
    elif minutes == 0:
        why = "planned for 0 minutes: no run that day"
    else:
        return reading
    return Reading("run", RunKind.REST, why, CONFIDENCE["title"])


def _read_event(
    title: str,
    description: str,
    uid: str,
    minutes: int | None,
    distance_km: float | None,
    *,
    known: tuple[str, str] | None,
    lang: str | None,
) -> Reading:
    tables = _tables()
    title, description = _whole_metres(title[:_MAX_TITLE]), description[:_MAX_DESCRIPTION]
    reasons: list[str] = []
    activity: str | None = None
    kind: RunKind | None = None
    sure = CONFIDENCE["prefix"]
    all_out = False
    body = title
    prefix = _PREFIX.match(title)
    if known is not None:
        activity = known[0]
        reasons.append(known[1])
    elif prefix and normalize(prefix.group(1)) in tables.prefixes:
        found_act = tables.prefixes[normalize(prefix.group(1))]
        activity, body = _ACTIVITY_OF[found_act], prefix.group(2)
        kind = _PREFIX_KIND.get(found_act)
        reasons.append(f'sport prefix "{prefix.group(1).strip()}:"')
    else:
        wtype = _WORKOUT_TYPE.search(description)
        if wtype and normalize(wtype.group(1)) in tables.prefixes:
            found_act = tables.prefixes[normalize(wtype.group(1))]
            activity = _ACTIVITY_OF[found_act]
            kind = _PREFIX_KIND.get(found_act)
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
                all_out = hint.group(1) in tables.all_out_uid
                reasons.append(f"UID hint {hint.group(1)}")
    if activity is None:
        for symbol, act in tables.emoji:
            if symbol in title:
                activity = _ACTIVITY_OF[act]
                kind = RunKind.REST if act == "rest" else None
                reasons.append(f'emoji "{symbol}"')
                break
    in_title = _resolve(_keywords(body), lang, timed=title_minutes(body) is not None)
    mark = find_mark(body)
    if mark is not None:
        in_title = _marked(in_title, mark)
    clean_description = _PLATFORM_LINE.sub("", description) if description else ""
    in_description = _resolve(_keywords(clean_description), lang) if clean_description else {}
    if "rest" in in_description:  # "rest 90 s between reps" is not a rest day
        in_description = {c: h for c, h in in_description.items() if c != "rest"}
    shape = _runs_in(in_title) if activity == "strength" else None
    if shape is not None:  # Hansons' "Strength: 6 x 1 mi" is a running workout
        activity, kind, sure = "run", RunKind.HARD, CONFIDENCE["structure"]
        reasons.append("a run workout named strength: " + _describe(shape, "title"))
    if activity is None:
        for found, where in ((in_title, "title"), (in_description, "description")):
            decided = _activity(found, where, reasons)
            if decided:
                activity, sure = decided
                break
    if activity is None and minutes is not None and LONG_UNKNOWN_MINUTES <= minutes <= A_DAY:
        hours = f"{minutes / 60:.3g} h"
        reason = f"no running, strength or sport words, but {hours} long: a race or long run?"
        return Reading("other", None, reason, CONFIDENCE["long unknown"])
    if activity is None:
        return Reading("other", None, "no running, strength or sport words", CONFIDENCE["nothing"])
    if activity != "run":
        # only travel that decided it: a "Ski trip" is skiing, an all-day sport holding no time
        away = activity == "other" and any(r.endswith(_AWAY) for r in reasons)
        return Reading(activity, None, "; ".join(reasons), sure, away=away)
    if kind is None:
        for found, where in ((in_title, "title"), (in_description, "description")):
            decided_kind = _kind(found, lang)
            if decided_kind is not None:
                kind = decided_kind[0]
                hit = decided_kind[1]
                all_out = kind is RunKind.HARD and _time_trial(hit, found)
                reasons.append(_describe(hit, where) + (": a time trial" if all_out else ""))
                level = "structure" if hit[0].lang in _STRUCTURE else where
                sure = min(sure, CONFIDENCE[level])
                break
    if minutes is None:
        minutes = planned_minutes(description) if description else None
    if minutes is None:
        minutes = title_minutes(title)
    if kind is None:
        return _effortless(
            title, in_title, in_description, reasons, minutes, distance_km, description, sure
        )
    kind, why = _longer(kind, title, description, minutes, distance_km)
    if why:
        reasons.append(why)
    priority = None
    if kind is RunKind.RACE:
        field = priority_field(clean_description) if mark is None else None
        named = mark.priority if mark is not None else field
        priority = named or _priority(in_title, title)
        if named is not None:
            said = f'the title\'s "{mark.text}"' if mark is not None else "the description"
            reasons.append(f"priority {named} from {said}")
    all_out = all_out and kind is RunKind.HARD
    return Reading("run", kind, "; ".join(reasons), sure, priority, all_out)


def _marked(found: Found, mark: RaceMark) -> Found:
    """The title's keywords with its priority mark: a letter tied to a race word ("A race",
    "course B", "Rennen C") counts as a race word, and any mark makes a race of a
    race-like effort (a parkrun or a time trial: "(C) parkrun"). A race-pace word or
    repetitions still keep it a workout ("A race pace 5 x 1 km"), as for any race word."""
    if "race" in found or any(c in found for c in _NOT_RUNNING):
        return found  # "Golf course B" stays golf
    if not mark.names_race and not _race_like(found):
        return found
    return {**found, "race": (_Keyword("race", "priority", mark.text), mark.text)}


_NOT_RUNNING = ("other", "sport", "bike", "cross_training", "strength", "walk", "role")


def _race_like(found: Found) -> bool:
    """An all-out effort a priority mark makes a race of: a parkrun, a time trial."""
    if "trial" in found:
        return True
    hit = found.get("hard")
    if hit is None:
        return False
    word = normalize(hit[0].word)
    return "parkrun" in word or "park run" in word or word in _tables().all_out


def _time_trial(hit: Hit, found: Found) -> bool:
    """Whether the word that made a run hard names one all-out effort: a `trial` word
    ("Control 3000 m", "Test 5 km") or a time-trial word ("Zeitlauf", "contrarreloj").
    Repetitions make it a session of several efforts ("Test 3 x 1 km"), not a trial."""
    if "reps" in found:
        return False
    keyword = hit[0]
    if keyword.category == "trial":
        return True
    return keyword.lang in _LANGS and normalize(keyword.word) in _tables().all_out


_PREFIX_KIND = {"rest": RunKind.REST, "brick": RunKind.HARD}


def _resolve(found: Found, lang: str | None, *, timed: bool = False) -> Found:
    """Settle the words whose meaning depends on their neighbours (or the calendar):
    track-meet words next to a track distance, "Cross" next to race words or a duration,
    a "… de <place>" race phrase next to a planned duration."""
    brick = "bike" in found and "run" in found and "race" not in found
    phrase = _phrase_race(found, lang, timed)
    if phrase is None and not brick and not any(c in found for c in _NEIGHBOURLY):
        return found
    found = dict(found)
    if phrase is not None:  # "Trail de montaña 3h": a trail run, not the "Trail de …" race
        hit, why = phrase
        del found["race"]
        said_in = lang if lang in _LANGS else hit[0].lang  # the calendar's language
        found.setdefault("run", (_Keyword("run", said_in, hit[0].word), f"{hit[1]}, {why}"))
    if "championship" in found:  # "County Champs", "Surrey League Match 2"
        hit = found.pop("championship")
        found.setdefault("c_race", hit)
    if brick and ("race_distance" not in found or "practice" in found):  # "Bike 60' + run 15'"
        said = f"{found['bike'][1]} + {found['run'][1]}"
        found.setdefault("brick", (_Keyword("brick", "pair", "bike and run"), said))
    raced = any(c in found for c in ("race", "c_race", "meet", "race_distance"))
    if "cross" in found:
        hit = found.pop("cross")
        if lang in ("fr", "es") and not raced and timed:  # "Cross 40 min": training
            word = f"{hit[1]} with a duration: training, calendar language {lang}"
            found.setdefault("hard", (_Keyword("hard", lang, "cross"), word))
        elif raced or lang in ("fr", "es"):
            why = f"calendar language {lang}" if lang in ("fr", "es") and not raced else ""
            word = hit[1] + (f", {why}" if why else "")
            said_in = lang if lang in ("fr", "es") else hit[0].lang
            found.setdefault("c_race", (_Keyword("c_race", said_in, "cross"), word))
        elif not any(c in found for c in _RUN_CATEGORIES if c != "rest"):
            found["cross_training"] = hit
    if "steady" in found:  # "Steady 75 min", "Steady run": easy; "Steady" alone: nothing
        hit = found.pop("steady")
        running = timed or "run" in found
        if running and not any(c in found for c in _NOT_RUNNING):
            word = f"{hit[1]} with a duration" if timed else hit[1]
            found.setdefault("easy", (_Keyword("easy", hit[0].lang, hit[0].word), word))
    if "meet" in found:
        meet = found.pop("meet")
        on_track = "track" in found and ("reps" not in found or _relay(found))
        if on_track:
            said = f"{found['track'][1]} {meet[1]}"
            found.setdefault("c_race", (_Keyword("c_race", "track", "track meet"), said))
        elif "c_race" in found or "race" in found or "race_distance" in found:
            pass  # "XC League", "Summer League 5K": the race word decides
        else:
            found.setdefault("other", meet)  # "Team meeting", "Final exam"
    return found


_NEIGHBOURLY = ("meet", "cross", "championship", "steady")
_AWAY = ": travel, away: busy all day, not a run"
# race phrases "<word> of <place>" ("Trail de …", "Course du …", "Carrera de …"); French and
# Spanish share "de", so there such a phrase names a race only in its own language
_OF_PLACE = frozenset(("de", "du", "des", "del"))
_SHARED_OF = ("fr", "es")
_LANG_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}


def _phrase_race(found: Found, lang: str | None, timed: bool) -> tuple[Hit, str] | None:
    """The "… of <place>" race phrase that names a place to run, not a race, and why: in a
    title with a planned duration ("Trail de montaña 3h": a race plans none), or one of
    the other of French and Spanish than the calendar's, when context knows it ("trail de" is
    French: "Trail de montaña" in a Spanish calendar is a trail run, "Trail del …" a race)."""
    hit = found.get("race")
    if hit is None or hit[0].lang not in _LANGS:
        return None
    if normalize(hit[0].word).rsplit(" ", 1)[-1] not in _OF_PLACE:
        return None
    if timed:
        return hit, "with a duration: training"
    if lang in _SHARED_OF and hit[0].only in _SHARED_OF and hit[0].only != lang:
        return hit, f"a race only in {_LANG_NAMES[hit[0].only]}: a run"
    return None


def _relay(found: Found) -> bool:
    """ "4x400m", "4 x 100 m": the relay notation, a race next to meet words."""
    reps = found.get("reps")
    return reps is not None and re.match(r"4\s*[x×]", reps[1]) is not None


def _runs_in(found: Found) -> Hit | None:
    """Running shapes in a title (repetitions over a distance, a pace, a distance)."""
    reps = found.get("reps")
    if reps is not None and reps[0].lang == "distance":
        return reps
    for category in ("pace", "span", "track"):
        if category in found:
            return found[category]
    return None


def _activity(found: Found, where: str, reasons: list[str]) -> tuple[str, float] | None:
    """Rule 5 for the activity, and how sure it is.

    Logistics are never runs; a brick is; another sport wins unless a run word names the
    run too (a bike word and a run word: a brick); a strength word wins unless running
    shapes come with it; then run words, everyday words, and running shapes alone
    ("10 x 400 m", "10 mi"). Repetitions without a distance ("Squats 3x10", "3 x 10 min")
    say nothing about running.
    """
    level = CONFIDENCE["title" if where == "title" else "description"]
    if "role" in found:
        reasons.append(_describe(found["role"], where) + ": at a race, not running it")
        return "other", level
    words = [c for c in _RUN_CATEGORIES if c in found and found[c][0].lang not in _STRUCTURE]
    if "logistics" in found and not any(c in words for c in (*_EFFORT, "run")):
        reasons.append(_describe(found["logistics"], where) + ": race logistics, not a run")
        return "other", level
    sporting = any(c in found for c in ("sport", "bike", "cross_training"))
    if "travel" in found and not sporting and not any(c in words for c in (*_EFFORT, "run")):
        reasons.append(_describe(found["travel"], where) + _AWAY)
        return "other", level
    if "brick" in found:
        return "run", level
    evidence = [c for c in _EVIDENCE if c in found and found[c][0].lang != "pattern"]
    sport = found.get("bike") or found.get("sport") or found.get("cross_training")
    if sport is None and "walk" in found and not words and not evidence:
        sport = found["walk"]  # "Walk 30 min"; not "8 x 300 m w/ 100 m walk"
    if sport is not None:
        if any(c in words for c in ("run", "brick", "rest")):
            return "run", level  # "Bike 60' + run 15'", "Rest or cross-training"
        why = _describe(sport, where)
        if "cross_training" in found:
            reasons.append(why + ": cross-training (an English-language plan)")
            return "other", CONFIDENCE["ambiguous"]
        reasons.append(why)
        return "other", level
    if "strength" in found and not words:
        if _runs_in(found) is None:
            reasons.append(_describe(found["strength"], where))
            return "strength", level
        return "run", CONFIDENCE["structure"]
    if words:
        return "run", level
    if "other" in found:
        reasons.append(_describe(found["other"], where))
        return "other", level
    if evidence:
        return "run", CONFIDENCE["structure"]
    return None


# A run's kind by keyword category, strongest first (race_distance yields to effort words;
# race to a pace, around-race or logistics word: "Marathon-Renntempo", "Pre-race shakeout").
_KIND_ORDER = (
    ("c_race", RunKind.RACE),
    ("race", RunKind.RACE),
    ("long", RunKind.LONG),
    ("pace", RunKind.HARD),
    ("hard", RunKind.HARD),
    ("brick", RunKind.HARD),
    ("trial", RunKind.HARD),
    ("intensity", RunKind.HARD),  # "Schneller Dauerlauf", "footing rapide", "Hard 5 mi"
    ("easy", RunKind.EASY),
    ("strides", RunKind.EASY),
    ("rest", RunKind.REST),  # "Rest day before the marathon" is a rest day
    ("race_distance", RunKind.RACE),
)
_NOT_A_RACE = ("pace", "around_race", "logistics", "travel", "practice")


def _kind(found: Found, lang: str | None) -> tuple[RunKind, Hit] | None:
    """The strongest kind among the keywords found, and the keyword that decided it.

    Repetitions keep a race word from making a race ("Race sharpener 6 x 400", "XC
    session: 6 x 3 min"), except the relay notation next to meet words ("4x400m").
    """
    calm = not any(c in found for c in _NOT_A_RACE)
    if "reps" in found and not (_relay(found) and "c_race" in found):
        calm = False
    effort = any(c in found and found[c][0].lang != "pattern" for c in _EFFORT)
    sprint = _only_sprint(found)
    for category, candidate in _KIND_ORDER:
        hit = found.get(category)
        if hit is None:
            continue
        if category in ("race", "c_race") and not calm:
            continue
        if category == "race_distance" and not calm:
            continue
        if category == "race_distance" and effort and not sprint:
            continue
        numbered = any(c.isdigit() for c in hit[1])
        if category == "race_distance" and numbered and "run" in found and "name" not in found:
            continue  # "Run 10K", "Lunch run 5k": a distance, not a race
        if category == "long" and normalize(hit[1]) in _BARE_LONG and _hard_words(found):
            continue  # "Long intervals", "Résistance longue 3 x 1200 m"
        if category == "hard" and "strides" in found and _stride_like(hit):
            continue  # "Recovery 5 mi + 6 x 100 m strides"
        if category == "intensity" and "strides" in found:
            continue  # "Easy run, fast strides": the adjective describes the strides
        if category == "hard" and hit[0].word == "N x seconds" and "easy" in found:
            continue  # "E 5 + 6x20s": strides by another name
        if category == "hard" and sprint and "race_distance" in found:
            continue  # "Duathlon Sprint 5-20-2,5"
        return candidate, hit
    return None


def _hard_words(found: Found) -> bool:
    """A hard word or repetitions over a distance (not a bare "5 x 3 min")."""
    hit = found.get("hard")
    return hit is not None and hit[0].lang != "pattern"


def _stride_like(hit: Hit) -> bool:
    return hit[0].lang in _STRUCTURE or normalize(hit[1]) in _STRIDE_WORDS


def _only_sprint(found: Found) -> bool:
    """The only effort word is "sprint" (in a race name: a triathlon's distance)."""
    hard = found.get("hard")
    efforts = [c for c in _EFFORT if c in found]
    return efforts == ["hard"] and hard is not None and normalize(hard[1]) == "sprint"


def _effortless(
    title: str,
    in_title: Found,
    in_description: Found,
    reasons: list[str],
    minutes: int | None,
    distance_km: float | None,
    description: str,
    sure: float,
) -> Reading:
    """A run with no effort word: easy when its length is known, else hard, unsure (the safe
    side keeps strength off the day); a track distance or an unknown abbreviation alone
    is hard and unsure too."""
    generic = in_title.get("run") or in_description.get("run")
    said = _describe(generic, "title") + ", " if generic else ""
    if minutes is None:
        minutes = planned_minutes(description)
    if distance_km is None:
        distance_km = planned_distance_km(title, description)
    track = in_title.get("track")
    if track is not None and "span" not in in_title:
        why = f'{said}track distance "{track[1]}" without effort or meet word: unsure → hard'
        return Reading("run", RunKind.HARD, "; ".join([*reasons, why]), CONFIDENCE["guess"])
    unknown = None if generic else _unknown_abbreviation(title)
    if unknown is not None:
        why = f'{said}unknown abbreviation "{unknown}": unsure → hard'
        return Reading("run", RunKind.HARD, "; ".join([*reasons, why]), CONFIDENCE["abbreviation"])
    if minutes is None and distance_km is None:
        why = f"{said}no effort word and no length: unsure → hard"
        return Reading("run", RunKind.HARD, "; ".join([*reasons, why]), CONFIDENCE["guess"])
    kind, longer = _longer(RunKind.EASY, title, description, minutes, distance_km)
    text = "; ".join([*reasons, f"{said}no effort word → easy", *([longer] if longer else [])])
    return Reading("run", kind, text, min(sure, CONFIDENCE["generic"]))


def _unknown_abbreviation(title: str) -> str | None:
    """An upper-case token legday has no word for ("QS 8 mi"), if any."""
    known = _tables().known
    for match in _ABBREVIATION.finditer(title):
        token = match.group(1)
        key = normalize(token)
        if len(token) == 1 or key in _UNITS or key in known or key.rstrip("0123456789") in known:
            continue
        if key.isdigit() or re.fullmatch(r"\d+[a-z]{0,2}", key):
            continue
        return token
    return None


def _priority(found: Found, title: str) -> str | None:
    """C for short or club races (track, cross-country, relays, leagues, 5K and shorter);
    None for the rest, whose A or B the planner (or the athlete) decides."""
    if "c_race" in found or "track" in found:
        return "C"
    km = planned_distance_km(title)
    if km is not None and km <= C_RACE_KM:
        return "C"
    return None


def _longer(
    kind: RunKind,
    title: str,
    description: str,
    minutes: int | None,
    distance_km: float | None,
) -> tuple[RunKind, str]:
    """Rule 6: an easy run that lasts long enough is a long run (a workout stays hard)."""
    if kind is not RunKind.EASY:
        return kind, ""
    if minutes is None:
        minutes = planned_minutes(description)
    if distance_km is None:
        distance_km = planned_distance_km(title, description)
    if minutes is not None and minutes >= LONG_MINUTES:
        return RunKind.LONG, f"{minutes} min ≥ {LONG_MINUTES} → long"
    if distance_km is not None and distance_km >= LONG_KM:
        return RunKind.LONG, f"{distance_km:g} km ≥ {LONG_KM:g} → long"
    return kind, ""
