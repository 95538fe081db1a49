"""Saved-page fixtures for the extractor (Fundus style) and a synthetic network page builder.

A fixture is ``tests/fixtures/<site>/<page-type>/<name>.html`` plus ``<name>.json``: the item
``extract_article`` gave when the fixture was saved, minus volatile fields. The JSON holds
``url`` and ``feed``, which is all that is needed to extract the page again.

``synthetic_page`` lays out a page as site-facts.md describes the network's rendered text
(header clock, label line, ticker, display title, label-prefixed title, caption, dateline,
body, "قد يهمك ايضا", logo, comment form, related stories, footer) in invented markup; all
of its text comes from the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from crawler.files import safe_filename
from crawler.network.sites import Site

VOLATILE_FIELDS: tuple[str, ...] = ("fetched_at", "version", "cluster_id", "duplicate_of")


DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def expected_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item as a fixture stores it: volatile fields dropped."""
    return {k: v for k, v in item.items() if k not in VOLATILE_FIELDS}


def page_type(item: dict[str, Any]) -> str:
    """"amp" for AMP URLs, else the item's kind ("news", "opinion"), else "page"."""
    url = str(item.get("url") or "")
    if "/amp/" in url:
        return "amp"
    return str(item.get("kind") or "page")


def fixture_paths(item: dict[str, Any], name: str, root: Path = DEFAULT_ROOT) -> tuple[Path, Path]:
    """Where a fixture of this item is stored: (<name>.html, <name>.json)."""
    if not _NAME.match(name):
        raise ValueError(f"fixture name {name!r}: use letters, digits, '-', '_' and '.'")
    folder = root / safe_filename(str(item.get("site") or "unknown")) / safe_filename(
        page_type(item))  # both come from page content: never a path
    return folder / f"{name}.html", folder / f"{name}.json"


def save_fixture(html: bytes, item: dict[str, Any], name: str,
                 root: Path = DEFAULT_ROOT) -> tuple[Path, Path]:
    """Write the page bytes and the expected item; returns both paths."""
    html_path, json_path = fixture_paths(item, name, root)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_bytes(html)
    json_path.write_text(json.dumps(expected_item(item), ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    return html_path, json_path


def iter_fixtures(root: Path = DEFAULT_ROOT) -> Iterator[tuple[Path, Path]]:
    """Every (html, json) fixture pair under ``root``, sorted."""
    for json_path in sorted(root.glob("*/*/*.json")):
        html_path = json_path.with_suffix(".html")
        if html_path.exists():
            yield html_path, json_path


COMMENT_FORM = ("الإسم *", "البريد الألكتروني *", "عنوان التعليق *", "تعليق *",
                ": Characters Left", "إلزامي *", "شروط الاستخدام", "اُوافق على شروط الأستخدام",
                "Security Code*")


FOOTER = ("Maintained and developed by Arabs Today Group SAL",
          "جميع الحقوق محفوظة لمجموعة العرب اليوم الاعلامية 2023 ©")


@dataclass
class PageSpec:
    """What a synthetic page shows; the caller writes every Arabic string."""

    site: Site
    kind: str
    title: str
    paragraphs: list[str]
    display_title: str | None = None
    author_lines: list[str] = field(default_factory=list)
    dateline: str | None = None
    caption: str | None = None
    image_url: str | None = None
    head: str = ""
    """Extra markup for <head> (JSON-LD, meta tags)."""
    own_date: str = ""
    """Markup placed before the body (a <time> element or a printed date)."""
    clock: str = "آخر تحديث GMT 20:25:23"
    ticker: list[str] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)
    """(headline, printed date) pairs after the comment form."""
    may_interest: list[str] = field(default_factory=list)
    label_site: Site | None = None
    charset: str = "utf-8"
    amp: bool = False


def _div(text: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<div{attr}>{escape(text)}</div>"


def synthetic_page(spec: PageSpec) -> str:
    """A whole page in the network's layout (or its AMP form) as HTML text."""
    head = (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"{" amp" if spec.amp else ""}>\n<head>\n'
            f'<meta charset="{spec.charset}">\n<title>{escape(spec.title)}</title>\n{spec.head}'
            "</head>\n")
    figure = ""
    if spec.caption is not None:
        src = escape(spec.image_url or "")
        figure = (f'<div class="news-image"><img src="{src}" alt="{escape(spec.title)}">'
                  f'</div>{_div(spec.caption, "image-desc")}')
    body_html = "".join(f"<p>{escape(p)}</p>" for p in spec.paragraphs)
    if spec.amp:
        top = _div(spec.dateline, "dateline") if spec.dateline else figure
        return f'{head}<body><div class="amp-article">{top}{body_html}</div></body>\n</html>\n'
    label = escape((spec.label_site or spec.site).label)
    display = spec.display_title or spec.title
    parts = [
        "<body>", _div(spec.title, "top-title"), _div(spec.clock, "clock"),
        f'<div class="logo-line"><a href="/"> {label} -</a></div>',
        '<div class="ticker">' + "".join(f"<a href='#'>{escape(t)}</a> " for t in spec.ticker)
        + "<b>أخر الأخبار</b></div>" if spec.ticker else "",
        f"<h2>{escape(display)}</h2>", f"<h2>{escape(display)}</h2>",
        f'<div class="logo-line"> {label} -</div>',
    ]
    if spec.kind == "opinion":
        parts += [f"<h1>{escape(spec.title)}</h1>"]
        parts += [_div(line, "writer") for line in spec.author_lines]
    else:
        parts += [f"<h1> {label} - {escape(display)}</h1>", figure]
        if spec.dateline:
            parts.append(_div(spec.dateline, "dateline"))
    parts += [spec.own_date, f'<div class="article-text">{body_html}</div>']
    if spec.may_interest:
        parts.append("<div><b>قد يهمك ايضا:</b><ul>"
                     + "".join(f"<li>{escape(h)}</li>" for h in spec.may_interest) + "</ul></div>")
    logo_alt = (spec.label_site or spec.site).logo_alt
    parts += [
        '<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>',
        f'<img src="/logo.png" alt="{logo_alt}"><img src="/logo.png" alt="{logo_alt}">',
        "<form>" + "".join(f"<label>{escape(x)}</label>" for x in COMMENT_FORM) + "</form>",
        _div(f"{spec.title} {spec.title}"),
        "<ul>" + "".join(f"<li><a href='#'>{escape(h)}</a><span>{escape(d)}</span></li>"
                         for h, d in spec.related) + "</ul>",
        "<footer>" + "".join(f"<p>{escape(x)}</p>" for x in FOOTER) + "</footer>",
        "</body>\n</html>\n",
    ]
    return head + "\n".join(p for p in parts if p)
