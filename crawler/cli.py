"""The ``crawler`` console script: the commands that are not ``scrapy crawl``.

Each command lives in its own module exposing ``add_arguments(parser)`` and ``run(args) -> int``;
this module only wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, tuple[str, str]] = {
    "simulate": ("crawler.simulator.cli", "serve a synthetic copy of the network on loopback"),
    "extract": ("crawler.commands.extract", "extract one saved page and print the item as JSON"),
    "record-sample": ("crawler.commands.record_sample",
                      "record the bundled offline snapshot from the simulator"),
    "validate": ("crawler.commands.validate", "check JSON Lines exports against the item schema"),
    "export": ("crawler.commands.export",
               "convert crawl output for Label Studio, Prodigy or doccano"),
    "import-annotations": ("crawler.commands.import_annotations",
                           "bring annotations back from Label Studio, Prodigy or doccano as gold"),
    "agreement": ("crawler.commands.agreement",
                  "agreement between annotators per label: span F1 and token kappa"),
    "export-training": ("crawler.commands.export_training",
                        "training data from gold: BIO tags (CoNLL) or character spans"),
    "report": ("crawler.commands.report", "show the last run reports as a table and a PNG plot"),
    "review": ("crawler.commands.review",
               "a static site showing what extraction kept on every page; marks to fixtures"),
    "schedule": ("crawler.commands.schedule",
                 "run the incremental crawl every N hours, here or on scrapyd"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crawler", description="Arabs Today crawler: the commands besides scrapy crawl.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args._run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
