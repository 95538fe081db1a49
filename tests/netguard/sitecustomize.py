"""Loaded by every subprocess the tests start (tests/netguard is put first on PYTHONPATH).

Refuses any connection or name lookup that would leave loopback, so a test crawl that tried to
reach a live site fails loudly instead of quietly touching the network.
"""

from __future__ import annotations

import ipaddress
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


class NetworkGuardError(ConnectionRefusedError):
    """Raised when test code tries to leave loopback."""


def _guard(host: object, what: str) -> None:
    if not _is_loopback(host):
        raise NetworkGuardError(f"netguard: {what} to {host!r} refused (tests stay on loopback)")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname


def connect(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address[0], "connect")  # type: ignore[index]
    _connect(self, address)  # type: ignore[arg-type]


def connect_ex(self: socket.socket, address: object) -> int:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address[0], "connect")  # type: ignore[index]
    return _connect_ex(self, address)  # type: ignore[arg-type]


def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host is not None:
        _guard(host, "name lookup")
    return _getaddrinfo(host, *args, **kwargs)


def gethostbyname(host: str) -> str:
    _guard(host, "name lookup")
    return _gethostbyname(host)


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
