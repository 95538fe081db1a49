"""``extract_article``'s cost per network page as an instruction count, under
``valgrind --tool=callgrind``.

Usage: ``python -m benchmarks.extraction_instructions [--pages 300] [--seed 31] [--tree DIR]``
(needs valgrind: ``apt-get install valgrind``; ~1 minute).

Why: CPU time per page moves by ~10% between minutes on this virtual machine, more than most
single changes to the extractor; the instructions it executes are nearly deterministic. Two
runs of one child process each: both render the same fresh simulator pages and warm up on 30
others; only the second extracts the pages. The difference divided by the pages is the cost of
extracting a page seen for the first time (parse, walk, rules, metadata, item), as a crawl
sees it. ``--tree DIR`` measures another checkout (e.g. ``git worktree add /tmp/old REV``)
with this venv's Python, to compare revisions.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_COLLECTED = re.compile(r"Collected : (\d+)")
_CHILD = """
import sys
from benchmarks.extraction_speed import network_pages
from crawler.extract.article import NotAnArticle, extract_article

pages = network_pages({pages}, seed={seed})
for page in network_pages(30, seed=999):
    extract_article(page.html, page.url)
if {extract}:
    for page in pages:
        try:
            extract_article(page.html, page.url)
        except NotAnArticle:
            pass
"""


def instructions(tree: Path, pages: int, seed: int, extract: bool) -> int:
    """Instructions of one child process (pages rendered, and extracted if ``extract``)."""
    code = _CHILD.format(pages=pages, seed=seed, extract=extract)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", code], cwd=tree, capture_output=True, text=True, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"the child under valgrind failed: {done.stderr[-2000:]}")
    return int(found.group(1))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_instructions",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300, help="fresh pages (default 300)")
    parser.add_argument("--seed", type=int, default=31, help="simulator seed (default 31)")
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="project checkout to run (default: this one)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind not found: apt-get install valgrind", file=sys.stderr)
        return 2
    tree = args.tree.resolve()
    base = instructions(tree, args.pages, args.seed, extract=False)
    total = instructions(tree, args.pages, args.seed, extract=True)
    print(f"extract_article: {(total - base) / args.pages / 1e6:.3f} M instructions per fresh "
          f"network page ({args.pages} pages, seed {args.seed}, {tree})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
