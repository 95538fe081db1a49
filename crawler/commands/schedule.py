"""``crawler schedule``: run the incremental crawl every N minutes/hours, locally or on scrapyd.

``--local`` runs ``scrapy crawl arabstoday`` in a subprocess (one output file per run) and waits
for it, so runs never overlap; ``--scrapyd URL`` posts to scrapyd's ``schedule.json`` and skips
a tick while the previous job is still pending or running. ``--once`` does one round and exits
with its status: what a cron line or a systemd timer calls. Incremental mode is on
(``-s INCREMENTAL=1``) unless ``-s INCREMENTAL=0`` is given.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

logger = logging.getLogger(__name__)


SPIDER = "arabstoday"

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``90s``, ``15m``, ``1h``, ``1h30m``, ``1d``; a bare number is seconds."""
    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    else:
        parts = _DURATION.findall(value)
        if not parts or _DURATION.sub("", value).strip():
            raise ValueError(f"not a duration: {text!r} (use e.g. 30m, 1h, 1h30m, 1d)")
        seconds = sum(float(number) * _UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"the interval must be positive, got {text!r}")
    return seconds


def _duration(text: str) -> float:
    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scrapyd", metavar="URL",
                       help="post each run to this scrapyd (e.g. http://127.0.0.1:6800)")
    where.add_argument("--local", action="store_true",
                       help="run `scrapy crawl` here, one run at a time")
    parser.add_argument("--every", type=_duration, default=3600.0, metavar="DURATION",
                        help="interval between run starts: 30m, 1h, 1d... (default 1h)")
    parser.add_argument("--once", action="store_true",
                        help="one run, then exit with its status (for cron / systemd timers)")
    parser.add_argument("--max-runs", type=int, default=None, metavar="N",
                        help="stop after N runs (default: run until stopped)")
    parser.add_argument("-a", dest="spider_args", type=_pair, action="append", default=[],
                        metavar="NAME=VALUE", help="spider argument (repeatable)")
    parser.add_argument("-s", dest="settings", type=_pair, action="append", default=[],
                        metavar="NAME=VALUE", help="Scrapy setting (repeatable)")
    parser.add_argument("--project", default="arabstoday", help="scrapyd project name")
    parser.add_argument("--output-dir", type=Path, default=Path("output"),
                        help="--local: folder for the per-run JSON Lines files (default output)")


def with_incremental(settings: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The settings, plus INCREMENTAL=1 unless the caller set INCREMENTAL."""
    pairs = list(settings)
    if not any(name == "INCREMENTAL" for name, _ in pairs):
        pairs.append(("INCREMENTAL", "1"))
    return pairs


def local_command(args: argparse.Namespace, started: datetime) -> list[str]:
    """The ``scrapy crawl`` command line of one local run."""
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    output = args.output_dir / f"{SPIDER}-{stamp}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", SPIDER, "-o", str(output)]
    for name, value in args.spider_args:
        command += ["-a", f"{name}={value}"]
    for name, value in with_incremental(args.settings):
        command += ["-s", f"{name}={value}"]
    return command


class _Stop:
    """Set by SIGINT/SIGTERM: finish the current run, then leave the loop."""

    def __init__(self) -> None:
        self.requested = False
        self.child: subprocess.Popen[bytes] | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        logger.info("stop requested: finishing the current run")
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGINT)  # Scrapy's graceful stop


def run_local(args: argparse.Namespace, stop: _Stop) -> int:
    args.output_dir.mkdir(parents=True, exist_ok=True)
    command = local_command(args, datetime.now(UTC))
    logger.info("starting: %s", " ".join(command))
    # own session: a Ctrl-C on the terminal reaches this loop only, which forwards one SIGINT
    stop.child = subprocess.Popen(command, start_new_session=True)
    try:
        code = stop.child.wait()
    finally:
        stop.child = None
    (logger.info if code == 0 else logger.error)("crawl finished with exit code %d", code)
    return code


def _scrapyd_call(base: str, endpoint: str, data: dict[str, Any] | None = None,
                  query: dict[str, str] | None = None) -> dict[str, Any]:
    url = urllib.parse.urljoin(base.rstrip("/") + "/", endpoint)
    if query:
        url += "?" + urllib.parse.urlencode(query)
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        answer: dict[str, Any] = json.load(response)
    if answer.get("status") != "ok":
        raise RuntimeError(f"scrapyd {endpoint}: {answer.get('message') or answer}")
    return answer


def scrapyd_form(args: argparse.Namespace) -> dict[str, Any]:
    """The schedule.json form: project, spider, spider arguments, ``setting=NAME=VALUE``."""
    form: dict[str, Any] = {"project": args.project, "spider": SPIDER}
    for name, value in args.spider_args:
        if name in {"project", "spider", "setting", "jobid", "priority", "_version"}:
            raise ValueError(f"spider argument {name!r} clashes with a schedule.json field")
        form[name] = value
    form["setting"] = [f"{name}={value}" for name, value in with_incremental(args.settings)]
    return form


def run_scrapyd(args: argparse.Namespace, stop: _Stop) -> int:
    try:
        jobs = _scrapyd_call(args.scrapyd, "listjobs.json", query={"project": args.project})
        busy = [job for state in ("pending", "running") for job in jobs.get(state, [])
                if job.get("spider") == SPIDER]
        if busy:
            logger.warning("previous job %s still %s: skipping this run", busy[0].get("id"),
                           "running" if busy[0] in jobs.get("running", []) else "pending")
            return 0
        answer = _scrapyd_call(args.scrapyd, "schedule.json", data=scrapyd_form(args))
    except (OSError, RuntimeError, ValueError) as error:
        logger.error("could not schedule on %s: %s", args.scrapyd, error)
        return 1
    logger.info("scheduled job %s on %s", answer.get("jobid"), args.scrapyd)
    print(answer.get("jobid"), flush=True)
    return 0


def loop(once_run: Callable[[], int], every: float, max_runs: int | None, stop: _Stop,
         sleep: Callable[[float], None] = time.sleep,
         clock: Callable[[], float] = time.monotonic) -> int:
    """Start a run every ``every`` seconds (a late run starts the next at once); the last
    run's status."""
    runs, code = 0, 0
    next_start = clock()
    while not stop.requested and (max_runs is None or runs < max_runs):
        code = once_run()
        runs += 1
        next_start += every
        if stop.requested or (max_runs is not None and runs >= max_runs):
            break
        wait = next_start - clock()
        if wait < 0:
            logger.warning("the run took longer than the interval; starting the next now")
            next_start = clock()
            continue
        logger.info("next run in %.0f s", wait)
        end = clock() + wait
        while not stop.requested and (left := end - clock()) > 0:
            sleep(min(left, 1.0))
    return code


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s [crawler schedule] %(message)s")
    if args.max_runs is not None and args.max_runs <= 0:
        print("crawler schedule: --max-runs must be positive", file=sys.stderr)
        return 2
    stop = _Stop()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        def once_run() -> int:
            return run_scrapyd(args, stop) if args.scrapyd else run_local(args, stop)

        return loop(once_run, args.every, 1 if args.once else args.max_runs, stop)
    except KeyboardInterrupt:
        return 130
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
