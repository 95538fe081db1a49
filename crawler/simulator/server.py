"""Serve a SimulatedNetwork over HTTP on loopback, dispatching on the Host header.

Requests come either as ``GET /path`` with ``Host: www.arabstoday.net`` (the spider's via mode)
or proxy-style as ``GET https://www.arabstoday.net/path``; the absolute URI wins.
"""

from __future__ import annotations

import logging
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from crawler.simulator.network import SimulatedNetwork

LOOPBACK = "127.0.0.1"
logger = logging.getLogger(__name__)


def _percent_encode_high_bytes(line: bytes) -> bytes:
    """Percent-encode non-ASCII bytes of a request line (raw UTF-8 Arabic paths).

    http.server decodes the line as latin-1 and splits on whitespace, which would cut a raw
    path at bytes such as 0x85 (NEL) and 0xA0 (NBSP).
    """
    return b"".join(b"%%%02X" % byte if byte >= 0x80 else bytes((byte,)) for byte in line)


class _Handler(BaseHTTPRequestHandler):
    server_version = "ArabsTodaySim/1.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    network: SimulatedNetwork
    verbose = False
    raw_requestline: bytes

    def parse_request(self) -> bool:
        self.raw_requestline = _percent_encode_high_bytes(self.raw_requestline)
        return super().parse_request()

    def _host_and_target(self) -> tuple[str, str]:
        target = self.path
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            path = parts.path or "/"
            return parts.netloc, path + (f"?{parts.query}" if parts.query else "")
        return self.headers.get("Host", ""), target

    def _serve(self, with_body: bool) -> None:
        host, target = self._host_and_target()
        try:
            response = self.network.respond(host, target, dict(self.headers.items()))
        except Exception:  # a simulator bug must not kill the connection silently
            logger.exception("simulator failed on %s %s", host, target)
            self.send_error(500)
            return
        delivery = response.delivery
        if delivery is not None and (delivery.hang or delivery.reset):
            self._misdeliver(delivery.hang, delivery.reset)
            return
        if delivery is not None and delivery.delay:
            time.sleep(delivery.delay)
        body = response.body
        if delivery is not None and delivery.truncate is not None:
            body = body[:delivery.truncate]
            self.close_connection = True
        try:
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. too big)
            self.close_connection = True

    def _misdeliver(self, hang: float, reset: bool) -> None:
        """Fault injection: hang then close without an answer, or reset the connection."""
        self.close_connection = True
        if hang:
            time.sleep(hang)
        if reset:  # SO_LINGER with a zero timeout: close() sends RST instead of FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        if self.verbose:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (timeouts, cancelled downloads) is routine, not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(network: SimulatedNetwork, host: str = LOOPBACK, port: int = 8000,
                verbose: bool = False) -> ThreadingHTTPServer:
    """A bound (not yet serving) server; ``host`` must be a loopback address."""
    if host not in {LOOPBACK, "localhost", "::1"}:
        raise ValueError(f"the simulator binds to loopback only, not {host!r}")
    handler = type("SimHandler", (_Handler,), {"network": network, "verbose": verbose})
    return _Server((host, port), handler)


def serve_forever(network: SimulatedNetwork, host: str = LOOPBACK, port: int = 8000,
                  verbose: bool = False) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(network, host, port, verbose)
    try:
        server.serve_forever()
    finally:
        server.server_close()


@contextmanager
def running_simulator(network: SimulatedNetwork, port: int = 0,
                      verbose: bool = False) -> Iterator[str]:
    """Serve ``network`` on a background thread; yield the base URL http://127.0.0.1:PORT."""
    server = make_server(network, LOOPBACK, port, verbose)
    thread = threading.Thread(target=server.serve_forever, name="arabstoday-sim", daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
