"""A hostile copy of the simulated network: arabstoday.net with traps a site controls.

``HostileNetwork(traps=...)`` serves the simulator's arabstoday.net (its real articles still
reachable through feeds, sitemaps and the home page) plus any of these traps:

- ``sitemap_chain``: a sitemap index that links the next index, forever;
- ``sitemap_fanout``: a sitemap index whose every child is an index of 200 more;
- ``calendar``: listing pages that each link 40 new listing pages;
- ``huge_listing``: a home page with 40,000 distinct article links;
- ``big_number``: links whose path holds a 5,000-digit number, in a sitemap, a feed and the
  home page;
- ``jsonld_graph``: an article with a JSON-LD ``@graph`` of 150,000 objects;
- ``tiny_paragraphs``: an article of 160,000 tiny ``<p>``;
- ``spans``: a page of 650,000 ``<span>`` in no known layout (the generic fallback);
- ``control_chars``: a real article with C0/C1 controls through character references and
  JSON-LD escapes in title, text, authors and tags, and ``javascript:``, ``data:`` and
  ``file:`` image URLs;
- ``stray_byte``: a real UTF-8 article with one 0xA9 byte in its text.

Trap pages are generated on each request (never cached), as a hostile server would.
``python -m crawler.simulator.hostile --traps calendar,spans --port 8000`` serves it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from collections.abc import Iterable, Mapping
from urllib.parse import quote, unquote, urlsplit

from crawler.simulator.faults import Delivery
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import serve_forever

TRAPS = ("sitemap_chain", "sitemap_fanout", "calendar", "huge_listing", "big_number",
         "jsonld_graph", "tiny_paragraphs", "spans", "control_chars", "stray_byte")
DISCOVERY_TRAPS = TRAPS[:5]
PAGE_TRAPS = TRAPS[5:]

SITE = "arabstoday"
HOST = "www.arabstoday.net"
BASE = f"https://{HOST}"
FANOUT = 200
CALENDAR_LINKS = 40
CALENDAR_ROOT = 9_000_000
HUGE_LINKS = 40_000
BIG_NUMBER = "9" * 5000
TRAP_ARTICLES = {
    "jsonld_graph": "/485/235901-trap-graph",
    "tiny_paragraphs": "/485/235902-trap-paragraphs",
    "spans": "/485/235903-trap-spans",
}
CONTROL_TITLE_MARK = "\x01"

_XML = {"Content-Type": "application/xml; charset=utf-8"}
_HTML = {"Content-Type": "text/html; charset=utf-8"}


def _index(children: Iterable[str]) -> bytes:
    locs = "".join(f"<sitemap><loc>{BASE}{path}</loc></sitemap>" for path in children)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>').encode()


def _links_page(title: str, hrefs: Iterable[str]) -> bytes:
    links = "".join(f'<li><a href="{href}">{title} {n}</a></li>'
                    for n, href in enumerate(hrefs))
    return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{title}'
            f'</title></head><body><ul class="news-list">{links}</ul></body></html>').encode()


class HostileNetwork(SimulatedNetwork):
    """The simulator's network with ``traps`` set on arabstoday.net; counts trap requests."""

    def __init__(self, traps: Iterable[str], pages: int = 40, seed: int = 0,
                 delay: float = 0.0):
        super().__init__(pages, seed)
        self.traps = frozenset(traps)
        unknown = self.traps - set(TRAPS)
        if unknown:
            raise ValueError(f"unknown traps {sorted(unknown)}; known: {', '.join(TRAPS)}")
        self.delay = delay
        """Seconds every response of the trapped site waits (a slow site)."""
        self.trap_requests = 0
        self.paths: list[str] = []
        """The trapped site's paths in the order they were requested."""
        self.lock = threading.Lock()
        real = [plan for plan in self.plans() if plan.site_key == SITE and not plan.special
                and "listing" in plan.channels]
        self.control_path, self.stray_path = real[0].path, real[1].path
        self.control_url, self.stray_url = real[0].canonical_url, real[1].canonical_url

    def site_manifest(self) -> list[str]:
        """The canonical URLs of the trapped site's real articles."""
        return [url for url in self.manifest() if urlsplit(url).hostname == HOST]

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        name = host.split(":")[0].lower()
        parts = urlsplit(target)
        path = unquote(parts.path, errors="replace")
        if name != HOST:
            return super().respond(host, target, headers)
        with self.lock:
            self.paths.append(path)
        response = self.trap(path, parts.query)
        if response is not None:
            with self.lock:
                self.trap_requests += 1
        else:
            response = super().respond(host, target, headers)
            if path in ("/", "/rss", "/sitemap.xml", "/sitemaps/articles-1.xml"):
                response = self.baited(path, response)
        if self.delay:
            response.delivery = Delivery(delay=self.delay)
        return response

    # -- bait: links to the traps on the site's own pages -----------------------------------

    def baited(self, path: str, response: SimResponse) -> SimResponse:
        body = response.body
        if path == "/sitemap.xml":
            extra = []
            if "sitemap_chain" in self.traps:
                extra.append("/sitemaps/chain/1.xml")
            if "sitemap_fanout" in self.traps:
                extra.append("/sitemaps/fan/0.xml")
            body = body.replace(b"</sitemapindex>", b"".join(
                f"<sitemap><loc>{BASE}{p}</loc></sitemap>".encode() for p in extra)
                + b"</sitemapindex>")
        elif path == "/sitemaps/articles-1.xml" and "big_number" in self.traps:
            body = body.replace(b"</urlset>", f"<url><loc>{BASE}/{BIG_NUMBER}/101010-big</loc>"
                                f"</url></urlset>".encode())
        elif path == "/rss" and "big_number" in self.traps:
            item = (f"<item><title>big</title><link>{BASE}/w-{BIG_NUMBER}/101010-big</link>"
                    "</item>")
            body = body.replace(b"</channel>", item.encode() + b"</channel>")
        elif path == "/":
            links: list[str] = []
            if "calendar" in self.traps:
                links.append(f"/{CALENDAR_ROOT}")
            if "big_number" in self.traps:
                links += [f"/{BIG_NUMBER}", f"/485/{BIG_NUMBER}", f"/{BIG_NUMBER}/101011-big",
                          f"/?page={BIG_NUMBER}"]
            links += [quote(TRAP_ARTICLES[t]) for t in PAGE_TRAPS
                      if t in self.traps and t in TRAP_ARTICLES]
            if "huge_listing" in self.traps:
                links += [f"/485/{100000 + n % 100000:06d}-huge-{n}" for n in range(HUGE_LINKS)]
            anchors = "".join(f'<li class="news-item"><a href="{href}">x</a></li>'
                              for href in links)
            body = body.replace(b"</body>", f"<ul>{anchors}</ul></body>".encode())
        response.headers.pop("ETag", None)
        return SimResponse(response.status, dict(response.headers), body, response.delivery)

    # -- the traps themselves -----------------------------------------------------------------

    def trap(self, path: str, query: str) -> SimResponse | None:
        if "sitemap_chain" in self.traps and (m := re.fullmatch(r"/sitemaps/chain/(\d+)\.xml",
                                                                 path)):
            return SimResponse(200, dict(_XML), _index([f"/sitemaps/chain/{int(m[1]) + 1}.xml"]))
        if "sitemap_fanout" in self.traps and (m := re.fullmatch(r"/sitemaps/fan/([\d-]+)\.xml",
                                                                  path)):
            return SimResponse(200, dict(_XML), _index(f"/sitemaps/fan/{m[1]}-{n}.xml"
                                                       for n in range(FANOUT)))
        if "calendar" in self.traps and (m := re.fullmatch(r"/(\d{7,})", path)):
            number = int(m[1])
            hrefs = [f"/{number * CALENDAR_LINKS + n}" for n in range(CALENDAR_LINKS)]
            return SimResponse(200, dict(_HTML), _links_page("أرشيف", hrefs))
        if path == self.control_path and "control_chars" in self.traps:
            return self.control_page()
        if path == self.stray_path and "stray_byte" in self.traps:
            page = super().respond(HOST, quote(path))
            cut = page.body.index(b"<p>", page.body.index(b'class="article-body"')) + 3
            return SimResponse(200, dict(_HTML), page.body[:cut] + b"\xa9" + page.body[cut:])
        for trap, trap_path in TRAP_ARTICLES.items():
            if path == trap_path and trap in self.traps:
                return SimResponse(200, dict(_HTML), getattr(self, trap)())
        return None

    def control_page(self) -> SimResponse:
        page = super().respond(HOST, quote(self.control_path)).body.decode("utf-8")
        title = re.search(r'<h1 class="article-title">([^<]*)</h1>', page)
        assert title is not None
        page = page.replace(title[0], f'<h1 class="article-title">{title[1]}&#1;&#x9f;</h1>')
        page = page.replace("<title>", "<title>&#1;", 1)
        page = page.replace('<div class="article-body"><p>',
                            '<div class="article-body"><p>&#1;&#x7f;&#x85;\u200e', 1)
        page = page.replace('<div class="writer-name">', '<div class="writer-name">&#2;', 1)
        page = page.replace('content="صحة,', 'content="&#3;صحة\x1b,', 1)
        ld = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": f"{title[1]}{CONTROL_TITLE_MARK}\x9b",
              "author": {"@type": "Person", "name": "\x02جمال الخطيب"},
              "keywords": ["\x07وسم", "صحة"],
              "image": ["javascript:alert(1)", "data:image/png;base64,AAAA",
                        "file:///etc/passwd"]}
        images = ('<figure><img src="javascript:alert(1)" alt="صورة"></figure>'
                  '<figure><img src="file:///etc/passwd" alt="صورة"></figure>'
                  '<figure><img data-src="data:image/png;base64,AAAA" alt="صورة"></figure>')
        page = page.replace("</head>", '<script type="application/ld+json">'
                            f"{json.dumps(ld, ensure_ascii=True)}</script></head>", 1)
        page = page.replace('<div class="article-body">', images + '<div class="article-body">',
                            1)
        return SimResponse(200, dict(_HTML), page.encode("utf-8"))

    @staticmethod
    def jsonld_graph() -> bytes:
        graph = [{"@type": "Thing", "name": f"n{n}", "@graph": []} for n in range(150_000)]
        ld = json.dumps({"@context": "https://schema.org", "@graph": graph})
        return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
                f'<script type="application/ld+json">{ld}</script></head><body>'
                f"<h1>خبر</h1><p>نص</p></body></html>").encode()

    @staticmethod
    def tiny_paragraphs() -> bytes:
        return ('<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
                '</head><body><h1>خبر</h1><div class="article-body">' + "<p>ن</p>" * 160_000
                + "</div></body></html>").encode()

    @staticmethod
    def spans() -> bytes:
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head>'
                "<body><div>" + "<span>ن </span>" * 650_000 + "</div></body></html>").encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.simulator.hostile",
                                     description="Serve the hostile network on loopback.")
    parser.add_argument("--traps", default=",".join(TRAPS),
                        help=f"comma-separated traps (default: all): {', '.join(TRAPS)}")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args(argv)
    try:
        network = HostileNetwork([t for t in args.traps.split(",") if t], pages=args.pages)
    except ValueError as exc:
        print(f"hostile: {exc}", file=sys.stderr)
        return 2
    serve_forever(network, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
