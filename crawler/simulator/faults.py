"""Fault injection for the simulator: what goes wrong with which article page, and when.

A :class:`FaultPlan` gives each fault kind a share of the article pages. Which article gets
which fault is a pure function of ``(plan seed, site, path)``; whether a given request fails is
a pure function of that and the attempt number (how many times the server was asked for the
page), so a retry can succeed. Three families:

- transient (``timeout``, ``reset``, ``truncated``, ``http_429``, ``http_500``, ``http_503``):
  the first 1..``max_failures`` attempts fail, then the page is served correctly;
- benign (``slow``, ``charset_1256_as_utf8``, ``charset_utf8_as_1256``): served with a
  delay or a wrong charset declaration, content intact: a correct crawler exports them;
- permanent (``outage``, ``gzip_bomb``, ``huge``, ``redirect_loop``, ``offsite_redirect``,
  ``binary``, ``empty``, ``robots``): never served correctly; ``EXPECTED_REASON`` names the
  reason the crawl's failure ledger (crawler.ops.ledger) gives them.

``timeout`` holds the connection ``hang_seconds`` (default 3) and then closes it without an
answer: run the crawl with a shorter ``DOWNLOAD_TIMEOUT`` (or raise ``hang=``) to see real
download timeouts; otherwise the crawler sees a connection closed without a response.

``robots`` is not a per-page draw: when present (any rate), each site's robots.txt disallows its
last section (``ROBOTS_SECTIONS``), and the articles under it are broken with that reason.

Spec strings (``crawler simulate --faults``): ``kind[=rate],...`` (rate defaults to 0.05),
``all[=rate]`` for every kind, ``mixed`` for a soak mix; options ``seed=N``, ``hang=S``,
``delay=S`` (slow pages), ``retry_after=S``, ``failures=N``, ``bomb_bytes=N``, ``huge_bytes=N``.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

TRANSIENT = ("timeout", "reset", "truncated", "http_429", "http_500", "http_503")
BENIGN = ("slow", "charset_1256_as_utf8", "charset_utf8_as_1256")
PERMANENT = ("outage", "gzip_bomb", "huge", "redirect_loop", "offsite_redirect", "binary",
             "empty", "robots")
KINDS = TRANSIENT + BENIGN + PERMANENT

EXPECTED_REASON: dict[str, str] = {
    "outage": "http_503",
    "gzip_bomb": "download_maxsize",
    "huge": "download_maxsize",
    "redirect_loop": "redirect_loop",
    "offsite_redirect": "offsite_redirect",
    "binary": "binary_body",
    "empty": "empty",
    "robots": "robots_forbidden",
}
"""Permanent fault -> the reason the failure ledger records for its articles."""

DEFAULT_RATE = 0.05
MIXED: dict[str, float] = {
    **dict.fromkeys(TRANSIENT, 0.02), "timeout": 0.005,
    **dict.fromkeys(BENIGN, 0.02),
    **dict.fromkeys(PERMANENT, 0.005), "robots": 1.0,
}
"""The soak mix: about 12 % transient, 6 % benign, 3.5 % permanent, plus a robots section."""

OFFSITE_TARGET = "https://example.org/moved"
BINARY_SIZE = 4096


@dataclass(frozen=True)
class Delivery:
    """How the server delivers a response (crawler/simulator/server.py)."""

    delay: float = 0.0
    """Seconds to wait before answering."""
    hang: float = 0.0
    """Seconds to wait, then close the connection without an answer."""
    reset: bool = False
    """Close the connection with a TCP reset instead of answering."""
    truncate: int | None = None
    """Send only this many body bytes (Content-Length announces them all), then close."""


@dataclass(frozen=True)
class FaultPlan:
    """Which share of article pages suffers which fault (see the module docstring)."""

    rates: dict[str, float] = field(default_factory=dict)
    seed: int = 0
    hang_seconds: float = 3.0
    slow_seconds: float = 0.3
    retry_after: int = 1
    max_failures: int = 2
    bomb_size: int = 32 * 1024 * 1024
    huge_size: int = 12 * 1024 * 1024

    def __post_init__(self) -> None:
        unknown = set(self.rates) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
        if any(not 0 <= rate <= 1 for rate in self.rates.values()):
            raise ValueError("fault rates must lie between 0 and 1")
        if sum(rate for kind, rate in self.rates.items() if kind != "robots") > 1:
            raise ValueError("fault rates (robots aside) must add up to at most 1")
        if self.max_failures < 1:
            raise ValueError("max_failures must be >= 1")

    @classmethod
    def parse(cls, spec: str) -> FaultPlan:
        """A plan from ``kind[=rate],...,option=value`` (see the module docstring)."""
        rates: dict[str, float] = {}
        options: dict[str, float] = {}
        names = {"seed": "seed", "hang": "hang_seconds", "delay": "slow_seconds",
                 "retry_after": "retry_after", "failures": "max_failures",
                 "bomb_bytes": "bomb_size", "huge_bytes": "huge_size"}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, _, value = part.partition("=")
            name = name.strip()
            try:
                number = float(value) if value else None
            except ValueError:
                raise ValueError(f"bad number in fault spec part {part!r}") from None
            if name == "mixed":
                rates.update(MIXED)
            elif name == "all":
                rates.update(dict.fromkeys(KINDS, number if number is not None else 0.04))
            elif name in KINDS:
                rates[name] = number if number is not None else DEFAULT_RATE
            elif name in names and number is not None:
                options[names[name]] = number
            else:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(KINDS)}, all, "
                                 f"mixed, and options {', '.join(names)}")
        whole = {"seed", "retry_after", "max_failures", "bomb_size", "huge_size"}
        kwargs = {k: int(v) if k in whole else v for k, v in options.items()}
        return cls(rates=rates, **kwargs)  # type: ignore[arg-type]

    @property
    def robots(self) -> bool:
        return self.rates.get("robots", 0) > 0

    def _draw(self, salt: str, site_key: str, path: str) -> int:
        digest = hashlib.sha256(f"{self.seed}|{salt}|{site_key}|{path}".encode()).digest()
        return int.from_bytes(digest[:8], "big")

    def kind_for(self, site_key: str, path: str) -> str | None:
        """The fault of the article page at ``path`` (canonical, decoded), or None."""
        point = self._draw("kind", site_key, path) / 2**64
        cumulative = 0.0
        for kind in KINDS:
            if kind == "robots":
                continue
            cumulative += self.rates.get(kind, 0.0)
            if point < cumulative:
                return kind
        return None

    def failures_for(self, site_key: str, path: str) -> int:
        """How many first attempts a transient fault spoils (1..max_failures)."""
        return 1 + self._draw("failures", site_key, path) % self.max_failures

    def fails(self, kind: str, site_key: str, path: str, attempt: int) -> bool:
        """Whether attempt ``attempt`` (0-based) at this page meets its fault."""
        if kind in TRANSIENT:
            return attempt < self.failures_for(site_key, path)
        return True

    def binary_body(self, site_key: str, path: str) -> bytes:
        """A PNG header then pseudo-random bytes: a binary file, served as text/html."""
        out = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        counter = 0
        while len(out) < BINARY_SIZE:
            out += hashlib.sha256(f"{self.seed}|{site_key}|{path}|{counter}".encode()).digest()
            counter += 1
        return bytes(out[:BINARY_SIZE])

    def bomb(self) -> bytes:
        """A gzip stream of ``bomb_size`` zero bytes (about 1000 times smaller on the wire)."""
        return _gzip_zeros(self.bomb_size)

    def huge_body(self, prefix: bytes) -> bytes:
        return prefix + b" " * max(0, self.huge_size - len(prefix))


@lru_cache(maxsize=4)
def _gzip_zeros(size: int) -> bytes:
    return gzip.compress(bytes(size), compresslevel=9, mtime=0)
