"""The `legday` command: a thin Typer shell over the library.

Each command module has `register(app)`; commands parse options, call the core or an
adapter, and print. Every `LegdayError` (and every usage mistake) becomes one line on
stderr and exit code 2, never a traceback. Heavy imports stay inside the commands so
start-up stays short.
"""

from __future__ import annotations

import importlib
import sys

import typer

from legday.errors import LegdayError

__all__ = ["COMMAND_MODULES", "build_app", "main", "run"]

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
)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="legday",
        help="Leg-strength sessions planned around your running calendar.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"legday.cli.{name}").register(app)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns (and exits with) the process exit code."""
    app = build_app()
    try:
        result = app(args=argv, prog_name="legday", standalone_mode=False)
    except LegdayError as error:
        return _fail(str(error), error.exit_code)
    except typer.TyperException as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            print(error.format_message(), file=sys.stderr)
            return 0
        return _fail(error.format_message(), error.exit_code)
    except typer.Abort:
        return _fail("aborted", 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    return result if isinstance(result, int) else 0


def _fail(message: str, code: int) -> int:
    first_line = " ".join(message.split())
    print(f"legday: error: {first_line}", file=sys.stderr)
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
