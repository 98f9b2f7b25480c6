"""Serve the fake Xero over HTTP on 127.0.0.1, to try ``ledgerdesk connect`` and ``sync`` by
hand against a real port (not used by the tests themselves).

    PYTHONPATH=src:tests/sync python tests/sync/serve_fake_xero.py --port 8765 \\
        INV-00001=100.00 INV-00002=50.00 [--fault-rate 0.2] [--spec full]

It prints a refresh token for ``LEDGERDESK_SECRET``; every request body is checked against
the spec (``--spec full``: ``specs/xero_accounting.yaml``) and any breach is printed.
An injected timeout closes the connection without an answer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from fake_xero import FakeXero
from remote_specs import FULL, SUBSET


class WallClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def sleep(self, seconds: float) -> None:
        raise AssertionError("the server never sleeps")


def handler_for(xero: FakeXero, lock: threading.Lock) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = httpx.Request(
                self.command, f"http://{self.headers['Host']}{self.path}",
                headers=dict(self.headers.items()), content=self.rfile.read(length),
            )
            try:
                with lock:
                    before = len(xero.violations)
                    response = xero.handle(request)
                    for violation in xero.violations[before:]:
                        print(f"CONTRACT BREACH: {violation}", flush=True)
            except httpx.TimeoutException:
                self.close_connection = True  # no answer at all
                return
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        do_GET = do_POST = do_PUT = _any

        def log_message(self, format: str, *args: object) -> None:
            print(f"{self.command} {self.path.split('?')[0]} -> {args[1]}", flush=True)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", nargs="*", metavar="NUMBER=TOTAL")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--spec", choices=["subset", "full"], default="full")
    args = parser.parse_args()
    xero = FakeXero(WallClock(), rng=random.Random(1), fault_rate=args.fault_rate,
                    spec=FULL if args.spec == "full" else SUBSET)
    for pair in args.invoices:
        number, _, total = pair.partition("=")
        xero.add_invoice(number, Decimal(total))
    print(f"refresh token: {xero.issue_refresh_token()}", flush=True)
    print(f"base URL: http://127.0.0.1:{args.port}/api.xro/2.0  tenant: {xero.tenant}  "
          f"token URL: http://127.0.0.1:{args.port}/connect/token", flush=True)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(xero, threading.Lock()))
    try:
        server.serve_forever()
    finally:
        payments = list(xero.payments.values())
        print(f"payments in the fake: {len(payments)}; by reference: {dict(xero.posts)}")


if __name__ == "__main__":
    main()
