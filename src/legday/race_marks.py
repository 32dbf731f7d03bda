"""Race priorities the athlete wrote into a calendar title: "A race: 1500m", "Rennen B".

Runners label their races A (goal), B (tune-up) and C (short or club) in the title itself,
in their own language. The calendar reader takes such a mark as the race's priority (it beats
any guess from the race's length), and the plan's notes name the race without it, so a
week's text never reads "B race (A race: …)".

A mark is a capital A, B or C tied to a race word ("A race", "B-race", "C meet", "A-Rennen",
"Rennen A", "course B", "objectif A", "carrera C"), to a priority word ("Priority A",
"Priorität: B", "priorité C", "A-Prio"), or alone in brackets ("(C) parkrun", "Berlin
Marathon [A]"). A lone letter is never a mark: "Plan B", "Vitamin C", "C25K week 3" and
"A easy run" name no priority, and a small "a" is an article ("race a 10K").

Pure (standard library only): the reader and the planner share this one home.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RaceMark", "find_mark", "priority_field", "without_mark"]

# Words a priority letter ties to. A race word next to a letter names a race; a priority
# word only says how much a race already named matters.
_RACE_BEFORE = r"race|meet|rennen|wettkampf|wettbewerb"  # "A race", "B-Rennen"
_RACE_AFTER = (  # "Race A", "Rennen B", "course C", "objectif A", "carrera B", "prueba C"
    r"race|rennen|wettkampf|wettbewerb|course|comp[ée]tition|objectif|carrera|"
    r"competici[óo]n|prueba|objetivo"
)
_PRIORITY_WORD = r"priority|prio|priorit[äa]t|priorit[ée]|prioridad"

_LETTER = r"(?P<letter>[ABC])"  # capitals only: "a" is an article
_NOT_AFTER = r"(?<![\w.&'’/+-])"  # "Brace", "Plan-B", "B&B" hold no mark
_NOT_BEFORE = r"(?![\w'’&+])"  # "Race Ahead", "C25K", "A+"
_JOIN = r"(?:[ \t]*[-–][ \t]*|[ \t]+)"  # "A race", "B-race": never "Brace"
_TIE = r"(?:[ \t]*[-–:=][ \t]*|[ \t]+)"  # "Race A", "Priority: B", "Rennen - C"

_FORMS = (
    # "A race", "B-race", "C meet", "A-Rennen", "A Wettkampf", "A-priority", "A-Prio"
    (
        True,
        rf"{_NOT_AFTER}{_LETTER}{_JOIN}(?i:{_RACE_BEFORE})(?![\w-])",
    ),
    (False, rf"{_NOT_AFTER}{_LETTER}{_JOIN}(?i:{_PRIORITY_WORD})\b"),
    # "Race A", "Rennen B", "course C", "objectif A", "carrera B"
    (True, rf"(?i:\b{_RACE_AFTER}){_TIE}{_LETTER}{_NOT_BEFORE}"),
    # "Priority A", "Priorität: B", "priorité C", "race priority - A"
    (False, rf"(?i:\b(?:race[ \t]+)?(?:{_PRIORITY_WORD})){_TIE}{_LETTER}{_NOT_BEFORE}"),
    # "(C) parkrun", "Berlin Marathon [A]"
    (False, rf"[(\[][ \t]*{_LETTER}[ \t]*[)\]]"),
)
_MARKS = tuple((names_race, re.compile(form)) for names_race, form in _FORMS)
# a description names a priority only as a field: "Priority: A", "Race priority B"; "A race"
# there is as likely "a tune-up for your A race" as this race's own priority
_FIELD = _MARKS[3][1]


@dataclass(frozen=True, slots=True)
class RaceMark:
    """A priority mark found in a title: the letter, the words as written, and whether
    they name a race (a race word tied to the letter) or only a priority."""

    priority: str
    text: str
    names_race: bool
    span: tuple[int, int]


def find_mark(title: str) -> RaceMark | None:
    """The first priority mark in a title, if any."""
    found: RaceMark | None = None
    for names_race, pattern in _MARKS:
        match = pattern.search(title)
        if match is not None and (found is None or match.start() < found.span[0]):
            text = match.group(0).strip("()[] \t")
            found = RaceMark(match.group("letter"), text, names_race, match.span())
    return found


def priority_field(description: str) -> str | None:
    """The priority a description gives as a field ("Priority: A"), if any."""
    match = _FIELD.search(description)
    return match.group("letter") if match else None


_EDGES = " \t-–—:|/,;·"


def without_mark(title: str) -> str:
    """The title with its priority mark taken out, to name the race beside its priority:
    "A race: 1500m championship" → "1500m championship"; "" when the mark was all of it."""
    mark = find_mark(title)
    if mark is None:
        return title
    start, end = mark.span
    before, after = title[:start].rstrip(_EDGES), title[end:].lstrip(_EDGES)
    joint = " – "
    for opening, closing in ("()", "[]"):  # "Club XC (B race)": no empty brackets left
        if before.endswith(opening) and after.startswith(closing):
            before, after = before[:-1].rstrip(_EDGES), after[1:].lstrip(_EDGES)
            joint = " "
    if before and after:
        return f"{before}{joint}{after}"
    return before or after
