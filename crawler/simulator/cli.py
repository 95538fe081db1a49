"""``crawler simulate``: write the manifest, then serve the synthetic network until Ctrl-C."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import LOOPBACK, make_server


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="loopback port (0: any free one)")
    parser.add_argument("--pages", type=int, default=60, help="number of articles (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="content seed (default 0)")
    parser.add_argument("--manifest", type=Path, help="write the article URLs here, one a line")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")


def run(args: argparse.Namespace) -> int:
    network = SimulatedNetwork(pages=args.pages, seed=args.seed)
    if args.manifest:
        args.manifest.parent.mkdir(parents=True, exist_ok=True)
        args.manifest.write_text("".join(url + "\n" for url in network.manifest()),
                                 encoding="utf-8")
    server = make_server(network, LOOPBACK, args.port, args.verbose)
    print(f"http://{LOOPBACK}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
