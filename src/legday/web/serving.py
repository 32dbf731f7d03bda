"""Where `legday serve` may listen: personal mode has no accounts, so only this machine."""

from __future__ import annotations

import ipaddress

from legday.errors import InputError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "loopback_host"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def loopback_host(host: str) -> str:
    """`host` when it is this machine only; a public or wildcard address is refused, because
    anyone who reaches the port could read and change every athlete's logbook."""
    given = host.strip().strip("[]")
    if given == "localhost":
        return given
    try:
        address = ipaddress.ip_address(given)
    except ValueError:
        raise InputError(
            "--host", f"{host!r} is not an IP address; use 127.0.0.1 (or ::1, localhost)"
        ) from None
    if not address.is_loopback:
        raise InputError(
            "--host",
            f"{host} is reachable from other machines; personal mode has no accounts, so "
            "legday serves only this machine (127.0.0.1 or ::1)",
        )
    return given
