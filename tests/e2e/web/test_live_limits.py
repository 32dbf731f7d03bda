"""The guard's limits against the real server (`legday serve`: uvicorn and httptools), where
an in-process test client cannot show them: a chunked body that never says its size, and a
Host header from a rebinding name, sent byte for byte over a socket."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

from legday.web.security import MAX_BODY_BYTES
from webapp import Server

CHUNK = b"x" * 65_536


def _connect(server: Server) -> socket.socket:
    where = urlsplit(server.url)
    return socket.create_connection((where.hostname or "127.0.0.1", where.port or 80), timeout=30)


def _status_and_body(connection: socket.socket) -> tuple[int, bytes]:
    """The response's status and whatever of its body has arrived when the server closes
    or stops sending (a 413 may close the connection while the client still writes)."""
    answer = b""
    try:
        while chunk := connection.recv(65_536):
            answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            if b"\r\n\r\n" in answer and b"content-length" in head.lower():
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                if len(body) >= length:
                    break
    except (ConnectionResetError, TimeoutError):
        pass
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2]


def _send_chunked(connection: socket.socket, host: str, chunks: int) -> None:
    head = (
        "POST /api/athletes HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "Content-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n"
        "Sec-Fetch-Site: same-origin\r\n"
        "\r\n"
    )
    connection.sendall(head.encode())
    try:
        for _ in range(chunks):
            connection.sendall(b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK))
        connection.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered 413 and stopped reading: what is asserted next


def test_a_chunked_body_past_the_cap_is_refused_while_it_arrives(server: Server) -> None:
    host = urlsplit(server.url).netloc
    chunks = MAX_BODY_BYTES // len(CHUNK) + 8  # past the cap, never announced
    with _connect(server) as connection:
        _send_chunked(connection, host, chunks)
        status, body = _status_and_body(connection)
    assert status == 413
    assert json.loads(body)["detail"].startswith("body: larger than")
    with _connect(server) as connection:  # and the server goes on answering
        connection.sendall(f"GET /api/athletes HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        assert _status_and_body(connection)[0] == 200


def test_a_rebinding_host_is_refused_by_the_real_server(server: Server) -> None:
    with _connect(server) as connection:
        connection.sendall(b"GET /api/athletes HTTP/1.1\r\nHost: attacker.example\r\n\r\n")
        status, _ = _status_and_body(connection)
    assert status == 400
