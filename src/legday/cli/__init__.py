"""The `legday` command: a thin Typer shell over the library.

Each command module has `register(app)`; commands parse options, call the core or an
adapter, and print. Every `LegdayError` (and every usage mistake) becomes one line on
stderr and exit code 2, never a traceback. Heavy imports stay inside the commands so
start-up stays short, and `main` converts only the command it was asked for into a
click command (turning every signature into options costs more than a whole small plan).
Typer itself is imported inside the functions, so that `run` has set the garbage collector
for a short-lived process before Typer's ~40 ms of imports.

This module imports nothing at its top but `errno`, `gc`, `os` and `sys` (already loaded
by the interpreter, or built in): `run` first asks the warm worker (`legday daemon`,
`legday.cli.warm`, standard library only) and only then pays for the imports a cold
command needs.
"""

from __future__ import annotations

import errno
import gc
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~40 M instructions)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    import typer
    from typer._click import Command  # typer vendors click; this is its Command type
    from typer.models import CommandInfo, TyperInfo

__all__ = ["COMMAND_MODULES", "EXIT_PIPE", "build_app", "focused_command", "main", "run"]

EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a reader that stopped reading

# Modules under legday.cli, each exposing `register(app: typer.Typer) -> None`.
COMMAND_MODULES = (
    "plan",
    "exercises",
    "check",
    "export",
    "runs",
    "rules",
    "logbook",
    "logbook_entries",
    "serve",
    "daemon",
)


def build_app(wanted: str | None = None) -> typer.Typer:
    """Every command; with `wanted`, the command modules up to the one registering it
    (all of them when none does), so a call naming a command imports no other module."""
    import typer

    app = typer.Typer(
        name="legday",
        help="Leg-strength sessions planned around your running calendar.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_top_options(typer))
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"legday.cli.{name}").register(app)
        if wanted and any(_named(app, wanted)):
            break
    return app


def _top_options(typer: Any) -> Callable[..., None]:
    """The group's own options (`--version`), answered before any command runs."""

    def print_version(shown: bool) -> None:
        if shown:
            from legday import __version__

            typer.echo(f"legday {__version__}")
            raise typer.Exit(0)

    def top(
        version: bool = typer.Option(
            False,
            "--version",
            "-V",
            help="Print the version and exit.",
            is_eager=True,
            callback=print_version,
        ),
    ) -> None:
        """Leg-strength sessions planned around your running calendar."""

    return top


def _named(app: typer.Typer, name: str) -> tuple[list[CommandInfo], list[TyperInfo]]:
    """The app's commands and groups called `name` (empty lists when there are none)."""
    import typer.main

    commands = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or typer.main.get_command_name(info.callback.__name__)) == name
    ]
    groups = [info for info in app.registered_groups if info.name == name]
    return commands, groups


def focused_command(app: typer.Typer, args: list[str]) -> Command:
    """The click command for `args`: only the command or group the first argument names.

    Typer converts every registered signature at each start; a call that names a command
    needs that one only. Anything else (no arguments, `--help`, a typo) gets every command,
    so help and "No such command" read exactly as before.
    """
    import typer.main

    commands, groups = _named(app, args[0] if args else "")
    if not commands and not groups:
        return typer.main.get_command(app)
    app.registered_commands = commands
    app.registered_groups = groups
    # Always a group (never the lone command itself), so `legday plan ...` keeps its name.
    return typer.main.get_group(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns (and exits with) the process exit code."""
    import typer

    from legday.errors import LegdayError

    args = list(sys.argv[1:] if argv is None else argv)
    command = focused_command(build_app(args[0] if args else None), args)
    try:
        result = command.main(args=args, prog_name="legday", standalone_mode=False)
        sys.stdout.flush()  # a full disk or closed pipe shows here, not at the exit
    except LegdayError as error:
        return _fail(str(error), error.exit_code)
    except typer.TyperException as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            print(error.format_message(), file=sys.stderr)
            return 0
        return _fail(error.format_message(), error.exit_code)
    except typer.Abort:  # click's answer to Ctrl-D or Ctrl-C at a prompt
        return _fail("stopped at a prompt (end of input or Ctrl-C); nothing was saved", 130)
    except KeyboardInterrupt:
        return _fail("interrupted (Ctrl-C)", 130)
    except OSError as error:
        if error.filename is None and error.errno in _OUTPUT_ERRORS:
            return _output_failed(error)
        return _last_resort(error, args)
    except Exception as error:
        return _last_resort(error, args)
    if result == 130:  # Typer turns Ctrl-C inside a command into a bare exit code 130
        return _fail("interrupted (Ctrl-C)", 130)
    return result if isinstance(result, int) else 0


# Writing the standard output failed: a full disk (or /dev/full), a closed pipe, a lost
# terminal. Our own files raise these with a file name (and as `LegdayError`s).
_OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EPIPE", "EIO", "EDQUOT", "EFBIG")
    if hasattr(errno, name)  # EDQUOT is not on every system
)


def _output_failed(error: OSError) -> int:
    """One line (none for a closed pipe, as `legday plan | head` expects), never a traceback
    from the flush at the exit: what is still buffered goes nowhere."""
    import contextlib
    import io

    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    if error.errno == errno.EPIPE:
        return EXIT_PIPE
    return _fail(f"cannot write the output: {error.strerror or error}", 2)


def _last_resort(error: Exception, args: list[str]) -> int:
    """A bug: its traceback to a crash log, one line to the terminal, exit `EXIT_BUG`."""
    from legday.cli.crashlog import EXIT_BUG, write_crash_log
    from legday.redaction import redact

    what = f"{type(error).__name__}: {redact(str(error))}".rstrip(": ")
    try:
        path = write_crash_log(error, args)
    except OSError as failure:
        where = f"no crash log could be written ({failure.strerror or failure})"
    else:
        where = f"details in {path}"
    return _fail(f"internal error ({what}); {where}; please report it", EXIT_BUG)


def _fail(message: str, code: int) -> int:
    first_line = " ".join(message.split())
    if len(first_line) > 400:  # one line a terminal can show, even for a huge message
        first_line = first_line[:399] + "…"
    print(f"legday: error: {first_line}", file=sys.stderr)
    return code


def run() -> None:
    """Console-script entry point (and `python -m legday`): the warm worker's answer when
    one is running for this installation and may serve the command (`legday.cli.warm`),
    else `main` in this process with the cyclic garbage collector set for a short-lived
    process."""
    from legday.cli.warm import served

    answered = served(sys.argv[1:])
    if answered is not None:
        sys.exit(answered)
    # Start-up makes ~23,000 objects that live until the exit and next to no cyclic
    # garbage, so collecting every 700 new objects (the default) is ~5 ms of wasted
    # passes; every 100,000 still bounds what a long command could leave behind.
    gc.set_threshold(100_000)
    code = main()
    # The exit collects everything the process made while it clears the modules (~12 ms
    # here); frozen objects are skipped, and the memory goes back with the process anyway.
    # So cycles left at the exit never run their finalisers: every file write and database
    # commit must be explicit (they are: the store commits in its unit of work).
    gc.freeze()
    sys.exit(code)
