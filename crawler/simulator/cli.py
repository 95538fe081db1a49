"""``crawler simulate``: write the manifest, then serve the synthetic network until Ctrl-C."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.simulator.faults import FaultPlan
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import LOOPBACK, make_server


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, got {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_non_negative, default=8000,
                        help="loopback port (0: any free one)")
    parser.add_argument("--pages", type=_non_negative, default=60,
                        help="number of articles (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="content seed (default 0)")
    parser.add_argument("--manifest", type=Path, help="write the article URLs here, one a line")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")
    parser.add_argument("--faults", type=_fault_plan, metavar="SPEC",
                        help="inject faults: kind[=rate],... or all / mixed, options seed=N, "
                             "hang=S, delay=S, retry_after=S, failures=N (see "
                             "crawler/simulator/faults.py); the manifest then lists only the "
                             "articles served correctly, --broken the others")
    parser.add_argument("--broken", type=Path,
                        help="with --faults: write 'URL<TAB>expected reason' of every article "
                             "never served correctly")


def _fault_plan(spec: str) -> FaultPlan:
    try:
        return FaultPlan.parse(spec)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    network = SimulatedNetwork(pages=args.pages, seed=args.seed, faults=args.faults)
    if args.manifest:
        args.manifest.parent.mkdir(parents=True, exist_ok=True)
        args.manifest.write_text("".join(url + "\n" for url in network.manifest()),
                                 encoding="utf-8")
    if args.broken:
        args.broken.parent.mkdir(parents=True, exist_ok=True)
        args.broken.write_text("".join(f"{url}\t{reason}\n" for url, reason
                                       in sorted(network.broken().items())), encoding="utf-8")
    try:
        server = make_server(network, LOOPBACK, args.port, args.verbose)
    except OSError as error:
        print(f"crawler simulate: cannot listen on {LOOPBACK}:{args.port}: {error}",
              file=sys.stderr)
        return 2
    print(f"http://{LOOPBACK}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
