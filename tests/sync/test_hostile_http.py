"""A hostile remote over a real socket on 127.0.0.1: httpcore then logs, at DEBUG, the
status line and every response header, where the remote echoes our request.  No log line
holds a secret: the loggers of httpx and httpcore are scrubbed as this package's are."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from hostile import HostileClockify, leaks

from ledgerdesk.domain.sync import Connection, Provider
from ledgerdesk.sync import gateways
from ledgerdesk.sync.clockify import API_KEY
from ledgerdesk.sync.connection_admin import who
from ledgerdesk.sync.credentials import SecretStore
from ledgerdesk.sync.http import NoAnswer


def _handler(remote) -> type[BaseHTTPRequestHandler]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            request = httpx.Request(self.command, f"http://{self.headers['Host']}{self.path}",
                                    headers=dict(self.headers.items()))
            with lock:
                response = remote.handle(request)
            reason = response.extensions.get("reason_phrase", b"").decode("ascii")
            self.send_response(response.status_code, reason or None)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def served(clock) -> Iterator[tuple[HostileClockify, str]]:
    remote = HostileClockify(clock)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(remote))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield remote, f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_debug_logs_of_the_http_stack_hold_no_secret(served, clock, monkeypatch, caplog) -> None:
    remote, base_url = served
    monkeypatch.setattr(gateways, "DEFAULT_TRANSPORT", None)  # a real connection
    monkeypatch.setattr(gateways, "DEFAULT_CLOCK", clock)
    SecretStore("ref-1").set(API_KEY, remote.api_key)
    connection = Connection(Provider.CLOCKIFY, base_url, {"workspace": remote.workspace}, {},
                            "ref-1", id=1)
    remote.plan += [("GET", r"/invoices$", "500")] * 5
    caplog.set_level(logging.DEBUG)
    with pytest.raises(NoAnswer) as refused:
        who(connection)
    assert any(r.name.startswith("httpcore") for r in caplog.records)  # its lines were there
    assert any("[hidden]" in r.getMessage() for r in caplog.records)
    secrets = remote.secrets()
    assert leaks(" ".join(remote.echoed), secrets)  # the remote did echo them
    assert leaks(caplog.text, secrets) == []
    assert leaks(str(refused.value), secrets) == []
