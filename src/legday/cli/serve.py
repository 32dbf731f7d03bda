"""`legday serve`: the web app on this machine, over the same logbook as the other commands."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Annotated

import typer

from legday.errors import InputError
from legday.web.serving import DEFAULT_HOST, DEFAULT_PORT

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["register", "run_server", "serve"]


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on: this machine only (127.0.0.1, ::1).")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
) -> None:
    """Open legday in the browser: plan, today's session, logging and progress.

    Uses the same logbook as the CLI (LEGDAY_DATABASE_URL, else the SQLite file in your
    data folder). Example: legday serve, then open http://127.0.0.1:8000
    """
    from legday.web.app import create_app
    from legday.web.serving import loopback_host

    listen = loopback_host(host)
    bound = _bound(listen, port)
    typer.echo(f"legday: serving on http://{_shown(listen)}:{port} (Ctrl-C stops)")
    run_server(create_app(), bound)


def _bound(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is one line, not a log."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        raise InputError("--port", f"cannot listen on {host}:{port}: {error.strerror}") from None
    return listener


def run_server(app: FastAPI, listener: socket.socket) -> None:
    """Serve until Ctrl-C (tests that walk every command replace this)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[listener])


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
