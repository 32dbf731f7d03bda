"""Every value-taking option and argument of every command, fed hostile values (issue 16).

The command tree is read from the Typer app itself (click's introspection), so a new option is
fuzzed the day it is added. Each call runs `legday.cli.main` in process against a logbook in a
temporary folder, and must end in 0, 1 or 2 (never 70, a bug), with at most one line
`legday: error: ...` on stderr when it refuses, and no traceback anywhere. Paths that could block
are never offered where they could be opened for writing (a FIFO as `-o` waits for a reader);
as an input, a FIFO must be refused without being read.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.core import TyperArgument, TyperGroup, TyperOption

import thorough
from legday.cli import build_app, main

CALENDARS = Path(__file__).parents[2] / "fixtures" / "calendars"
TODAY = "2027-01-04"  # a Monday
ATHLETE = "sam"
# The plans are short: an option's hostile value is refused or read the same whatever the
# season's length, and every export of the default 16 weeks (a FIT file a session) was
# most of this module's time.
WEEKS = "6"
ALLOWED = {0, 1, 2}

# Values a runner's shell can hand us that no option expects. NUL cannot be in argv.
HOSTILE_TEXT = [
    "",
    " ",
    "\t\n",
    "-",
    "--",
    "x" * 5000,
    "é" * 300,
    "\x1b[31mred\x1b[0m",
    "a\rb\nc",
    "\x7f\x01",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2027-02-30",
    "-1",
    "0",
    "9" * 5000,
    "-" + "9" * 30,
    "nan",
    "inf",
    "-inf",
    "1e309",
    "0x10",
    "America",
    "../../etc/passwd",
    "/",
    "mon;wed",
    "{}",
    "[]",
    "💪🏃",
]


@dataclass(frozen=True)
class Slot:
    """One value-taking parameter of one command: where it goes on the command line."""

    command: tuple[str, ...]
    name: str
    flag: str | None  # None for a positional argument
    kind: str  # click's type name: text, integer, float, path, choice
    writes: bool  # an output path: never a FIFO (opening one for writing waits)

    @property
    def id(self) -> str:
        return "-".join([*self.command, self.name])


def _slots() -> list[Slot]:
    found: list[Slot] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        if isinstance(command, TyperGroup):
            for name, sub in sorted(command.commands.items()):
                walk(sub, (*path, name))
            return
        for param in getattr(command, "params", []):
            if isinstance(param, TyperOption) and (param.is_flag or param.count):
                continue
            if not isinstance(param, TyperOption | TyperArgument) or param.name is None:
                continue
            flag = max(param.opts, key=len) if isinstance(param, TyperOption) else None
            writes = param.name in {"output", "picture"} and param.type.name == "path"
            found.append(Slot(path, param.name, flag, param.type.name, writes))

    walk(typer.main.get_command(build_app()), ())
    return found


SLOTS = _slots()


@dataclass(frozen=True)
class World:
    """A logbook with one athlete, and the files a baseline call of every command needs."""

    root: Path
    calendar: Path
    plan_json: Path
    backup: Path
    fifo: Path
    folder: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("clifuzz")
    calendar = root / "plan.csv"
    shutil.copy(CALENDARS / "plan.csv", calendar)
    fifo = root / "input.fifo"
    os.mkfifo(fifo)
    folder = root / "a-folder"
    folder.mkdir()
    (root / "out").mkdir()  # where a baseline call writes its output
    made = World(root, calendar, root / "plan.json", root / "backup.json", fifo, folder)
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, made)
        assert main(["athlete", "add", ATHLETE, "--runs", str(calendar), "--start", TODAY,
                     "--weeks", WEEKS]) == 0  # fmt: skip
        assert main(["plan", "--runs", str(calendar), "--start", TODAY, "--weeks", WEEKS,
                     "-f", "json", "-o", str(made.plan_json)]) == 0  # fmt: skip
        assert main(["backup", "-o", str(made.backup)]) == 0
    yield made


def _isolate(patch: pytest.MonkeyPatch, world: World) -> None:
    patch.setenv("LEGDAY_DATABASE_URL", f"sqlite:///{world.root / 'legday.db'}")
    for name in ("CONFIG", "STATE", "CACHE"):
        patch.setenv(f"LEGDAY_{name}_DIR", str(world.root / name.lower()))
    patch.setenv("LEGDAY_TODAY", TODAY)
    # a relative -o or --picture lands in the world, never in the working tree
    (world.root / "cwd").mkdir(exist_ok=True)
    patch.chdir(world.root / "cwd")
    patch.delenv("LEGDAY_ATHLETE", raising=False)
    patch.delenv("LEGDAY_NO_CACHE", raising=False)
    # `serve` would run until stopped: its checks run, then it stops at once
    patch.setattr("legday.cli.serve.run_server", lambda app, listener: listener.close())
    # `daemon start` would leave a worker behind: it finds one "running already"
    patch.setattr("legday.cli.daemon._spawn", lambda idle, files: 3)


def _baseline(slot: Slot, world: World) -> list[str]:
    """The command with every required parameter given a valid value, except `slot`'s own."""
    out = str(world.root / "out" / "target")
    needs: dict[tuple[str, ...], list[tuple[str, str | None, str]]] = {
        ("plan",): [
            ("runs", "--runs", str(world.calendar)),
            ("start", "--start", TODAY),
            ("weeks", "--weeks", WEEKS),
        ],
        ("check",): [("plan_file", None, str(world.plan_json))],
        ("runs",): [("file", None, str(world.calendar))],
        ("move",): [("day", None, "2027-01-06")],
        ("weather",): [("day", None, "2027-01-06")],
        ("progress",): [("exercise", None, "goblet-squat")],
        ("backup",): [("output", "--output", out)],
        ("restore",): [("file", None, str(world.backup))],
        ("exercises", "show"): [("exercise_id", None, "goblet-squat")],
        ("athlete", "add"): [
            ("name", None, "kim"),
            ("runs", "--runs", str(world.calendar)),
            ("weeks", "--weeks", WEEKS),
        ],
        ("athlete", "use"): [("name", None, ATHLETE)],
    }
    for kind in ("fit", "ics", "html", "md"):
        needs[("export", kind)] = [("output", "--output", out)]
    args = list(slot.command)
    for name, flag, value in needs.get(slot.command, []):
        if name != slot.name:
            args += [value] if flag is None else [flag, value]
    return args


def _values(slot: Slot, world: World) -> st.SearchStrategy[str]:
    """Hostile text for any parameter, plus numbers and paths where the type asks for them."""
    text = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
    )
    choices: list[st.SearchStrategy[str]] = [st.sampled_from(HOSTILE_TEXT), text]
    if slot.kind in {"integer", "float", "integer range", "float range"}:
        choices.append(st.integers(min_value=-(10**40), max_value=10**40).map(str))
        choices.append(st.floats(allow_nan=True, allow_infinity=True).map(repr))
    paths = [str(world.root / "missing" / "file"), str(world.folder), "/dev/zero", "/dev/null"]
    paths += [str(world.root / ("n" * 300)), str(world.calendar)]
    if not slot.writes:
        paths.append(str(world.fifo))
    choices.append(st.sampled_from(paths))
    return st.one_of(choices).filter(lambda v: "://" not in v)  # never a feed: no network


def _call(slot: Slot, value: str, world: World, capsys: pytest.CaptureFixture[str]) -> None:
    args = _baseline(slot, world)
    if slot.flag is None:
        args.append(value)
    else:
        args.append(f"{slot.flag}={value}")  # `=` keeps a value like "-1" or "--" a value
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    shown = f"legday {' '.join(repr(a[:200]) for a in args)} -> {code}\n{err[:300]}"
    assert code in ALLOWED, shown
    assert "Traceback" not in out + err, shown
    if code == 2:
        assert err.count("\n") <= 1, shown
        assert err.startswith("legday: error:"), shown


def _fuzz(slot: Slot, world: World, capsys: pytest.CaptureFixture[str], examples: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, world)

        @settings(
            max_examples=examples,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(value=_values(slot, world))
        def one(value: str) -> None:
            _call(slot, value, world, capsys)

        one()


# Values the fuzz once crashed on (exit 70), kept so they stay fixed: (slot id, value), where
# "{root}" is the world's folder.
CRASHERS = [
    ("export-md-output", ""),  # Path("") is ".", which has no name for the pictures' folder
    ("export-md-output", "/"),
    ("export-fit-output", "x" * 5000),  # ENAMETOOLONG from Path.exists
    ("runs-unsure_overrides", "{root}/" + "n" * 300),  # ENAMETOOLONG from Path.exists
    ("export-ics-athlete", "a\rb\nc"),  # a CR/LF in the calendar's name line
    ("athlete-add-name", "a\rb\nc"),  # refused, so no export meets it later
]
BY_ID = {s.id: s for s in SLOTS}


@pytest.mark.parametrize(("slot_id", "value"), CRASHERS, ids=[c[0] for c in CRASHERS])
def test_a_former_crasher_is_one_line(
    slot_id: str, value: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, world)
        _call(BY_ID[slot_id], value.format(root=world.root), world, capsys)


@pytest.mark.parametrize("slot", SLOTS, ids=[s.id for s in SLOTS])
def test_every_option_survives_hostile_values(
    slot: Slot, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _fuzz(slot, world, capsys, thorough.examples(20, at_least=5))


@pytest.mark.slow
@pytest.mark.parametrize("slot", SLOTS, ids=[s.id for s in SLOTS])
def test_every_option_survives_a_long_fuzz(
    slot: Slot, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _fuzz(slot, world, capsys, thorough.examples(200, at_least=40))


def test_the_walk_finds_every_command() -> None:
    """The walk reads the real app: a command that loses its options would shrink this."""
    commands = {s.command for s in SLOTS}
    assert {("plan",), ("check",), ("log",), ("export", "ics"), ("athlete", "add")} <= commands
    assert len(SLOTS) >= 100


def test_an_ics_label_with_a_line_break_is_written(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan file's free-text --athlete once crashed the iCalendar writer with its CR/LF."""
    target = world.root / "label.ics"
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, world)
        args = ["export", "ics", str(world.plan_json), "-o", str(target), "--athlete", "a\rb\nc"]
        assert main(args) == 0, capsys.readouterr().err
    assert "X-WR-CALNAME:legday: leg strength · a b c" in target.read_text(encoding="utf-8")
