"""`legday daemon start|stop|status`: the opt-in warm worker (`legday.cli.worker`).

A cold `legday today` spends most of its time importing its libraries; the worker
imports them once and runs the everyday commands for every `legday` process that asks
(`legday.cli.warm`), with the same output. Nothing changes for a user who never starts
it, and any problem with it means the command runs cold, as before.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from legday.errors import InputError, LegdayError

__all__ = ["register", "start", "status", "stop"]

READY_SECONDS = 60.0  # the worker's imports, on a busy machine
GONE_SECONDS = 10.0
LOG_KEPT = 1 << 20  # the worker's log is started afresh past this


def register(app: typer.Typer) -> None:
    daemon = typer.Typer(
        help="A warm worker that answers the everyday commands without a cold start "
        "(opt-in; see docs/daemon.md).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    daemon.command("start")(start)
    daemon.command("stop")(stop)
    daemon.command("status")(status)
    app.add_typer(daemon, name="daemon")


def _files(*, create: bool = False) -> dict[str, str]:
    """The worker's files; with `create`, its folder is made (0700) or checked first."""
    from legday.cli import warm

    folder = warm.runtime_folder()
    if folder is None:  # on Windows too: no Unix sockets there
        raise InputError(
            "LEGDAY_RUNTIME_DIR", "no folder for the worker's socket: set it or XDG_RUNTIME_DIR"
        )
    from legday.cli import worker

    files = worker.paths(folder)
    if len(os.fsencode(files["sock"])) > worker.MAX_SOCKET_PATH:
        raise InputError("LEGDAY_RUNTIME_DIR", f"{folder} is too long a path for a socket")
    if not create:
        return files
    try:
        worker.private_folder(folder)
    except (OSError, ValueError) as error:
        raise InputError("LEGDAY_RUNTIME_DIR", f"cannot use {folder}: {error}") from None
    return files


def start(
    idle_minutes: Annotated[
        float,
        typer.Option(
            "--idle-minutes",
            min=0.05,
            max=24 * 60,
            help="Stop after this many minutes without a command.",
        ),
    ] = 15.0,
) -> None:
    """Start the warm worker: everyday commands (today, log, history, plan, ...) then skip
    Python's start-up imports. It stops after --idle-minutes without a command, on
    `legday daemon stop`, or when legday is upgraded or edited.

    Example: legday daemon start --idle-minutes 60
    """
    from legday.cli import warm

    files = _files(create=True)
    running = warm.ask("status")
    if running is not None and running.get("current"):
        typer.echo(f"the warm worker is running already (pid {running.get('pid')})")
        return
    if running is not None:  # another code or setting: replace it
        _stop_and_wait(files, warm.ask("stop"))
    started = _spawn(idle_minutes * 60, files)
    if started == 3:
        typer.echo("the warm worker is starting or running already")
        return
    answer = _wait_for_answer(files) if started == 0 else None
    if answer is None:
        raise LegdayError(f"the warm worker did not start; its log: {files['log']}")
    typer.echo(
        f"started the warm worker (pid {answer.get('pid')}); it stops after "
        f"{_duration(idle_minutes * 60)} without a command, or with `legday daemon stop`"
    )


def _spawn(idle_seconds: float, files: dict[str, str]) -> int:
    """Start `python -m legday.cli.worker`, which forks the worker into the background
    and exits: 0 when it did, 3 when a worker holds the lock already, else a failure."""
    import subprocess

    command = [sys.executable, "-m", "legday.cli.worker", "--idle", f"{idle_seconds:g}"]
    try:
        full = Path(files["log"]).stat().st_size > LOG_KEPT
    except OSError:
        full = False
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if full else 0)
    log = os.open(files["log"], flags, 0o600)
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=Path(files["sock"]).parent,
            check=False,
            timeout=READY_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LegdayError(f"the warm worker did not start: {error}") from None
    finally:
        os.close(log)
    return done.returncode


def _wait_for_answer(files: dict[str, str]) -> dict[str, Any] | None:
    """The new worker's first answer, once its imports are done; None if it ended (it
    lets go of its lock) or did not answer in time."""
    from legday.cli import warm
    from legday.cli.worker import lock_held

    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        answer = warm.ask("status")
        if answer is not None:
            return answer
        if not lock_held(files["lock"]):
            return None
        time.sleep(0.05)
    return None


def stop() -> None:
    """Stop the warm worker (commands run cold again).

    Example: legday daemon stop
    """
    from legday.cli import warm

    files = _files()
    answer = warm.ask("stop")
    if answer is None:
        _without_answer(files)
        return
    _stop_and_wait(files, answer)
    typer.echo(f"stopped the warm worker (pid {answer.get('pid')})")


def _stop_and_wait(files: dict[str, str], answer: dict[str, Any] | None) -> None:
    """Wait until the worker that was asked to stop has let go of its lock (it finishes
    the command it runs first)."""
    from legday.cli.worker import lock_held

    deadline = time.monotonic() + GONE_SECONDS
    while lock_held(files["lock"]) and time.monotonic() < deadline:
        time.sleep(0.02)
    if lock_held(files["lock"]):
        pid = None if answer is None else answer.get("pid")
        raise LegdayError(f"the warm worker (pid {pid}) has not stopped yet; see {files['log']}")


def _without_answer(files: dict[str, str]) -> None:
    """No answer: leftovers of a worker that ended are removed; a worker that holds its
    lock but does not answer is sent SIGTERM."""
    import signal

    from legday.cli.worker import lock_held, remove_leftovers

    if not lock_held(files["lock"]):
        remove_leftovers(files)
        typer.echo("no warm worker is running")
        return
    pid = _pid(files["pid"])
    if pid is None:
        raise LegdayError(
            f"a warm worker is starting or hung, with no pid file; see {files['log']}"
        )
    os.kill(pid, signal.SIGTERM)
    _stop_and_wait(files, {"pid": pid})
    typer.echo(f"stopped the warm worker (pid {pid}), which did not answer")


def _pid(path: str) -> int | None:
    try:
        with Path(path).open(encoding="ascii") as found:
            text = found.read(32).strip()
    except (OSError, ValueError):
        return None
    return int(text) if text.isdigit() and int(text) > 1 else None


def status() -> None:
    """Whether the warm worker runs, and for how long it has waited; exit code 3 when it
    does not.

    Example: legday daemon status
    """
    from legday.cli import warm

    files = _files()
    answer = warm.ask("status")
    if answer is None:
        typer.echo("no warm worker is running: commands run cold (`legday daemon start`)")
        raise typer.Exit(3)
    up = _duration(time.time() - float(answer.get("started", time.time())))
    typer.echo(
        f"the warm worker runs: pid {answer.get('pid')}, up {up}, "
        f"{answer.get('served')} command(s) served, idle for "
        f"{_duration(float(answer.get('idle_for', 0)))} of "
        f"{_duration(float(answer.get('idle_seconds', 0)))}"
    )
    if not answer.get("current"):
        typer.echo(
            "  but for other code or Python settings than this legday's (an upgrade or an "
            "edit since it started): commands run cold; `legday daemon start` replaces it"
        )
    typer.echo(f"  socket {files['sock']}, log {files['log']}")


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
