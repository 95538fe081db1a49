"""The review site's HTML: the index and one page per article.

Everything that comes from a page or an item is escaped (``esc``) or carried as JSON in a script
block that cannot be closed from inside (``script_json``). Scripts and styles are files next to
the pages (``assets/``, copied from ``static/``), so the pages open from the file system; their
Content-Security-Policy runs those files and no inline script, and fetches nothing else. The
archived page is a copy of its own (``archived_copy``) shown in a ``sandbox=""`` frame: no script
runs in it, and the policy put first in it blocks every request it would make.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

from crawler.review.entries import PROBLEMS, Entry
from crawler.review.roles import ROLES, BlockRole, role_counts

POLICY = ("default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; "
          "img-src data:; frame-src 'self' file:; base-uri 'none'; form-action 'none'")
"""The site's own pages: the scripts and styles of assets/ (inline styles for the charts'
SVG), the archived copies in frames; nothing else, and no inline script."""
ARCHIVED_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                   "base-uri 'none'; form-action 'none'")
"""Put first in an archived copy: it shows its own markup and inline styles, fetches nothing."""
ASSETS = ("review.css", "marks.js", "index.js", "article.js")
_REFRESH = re.compile(r"http-equiv(\s*=\s*[\"']?\s*refresh)", re.IGNORECASE)

FIELD_ROWS: tuple[tuple[str, str | None], ...] = (
    ("title", "title"), ("authors", "authors"), ("published_at", "published_at"),
    ("modified_at", "modified_at"), ("dateline", "dateline"), ("section", "section"),
    ("tags", "tags"), ("images", "images"), ("text", "text"), ("language", "language"),
    ("kind", None), ("label_mismatch", None), ("cluster_id", None), ("duplicate_of", None),
    ("version", None), ("fetched_at", None), ("canonical_url", None), ("feed", None),
)
"""The item's fields beside the blocks, and the ``extraction`` key naming each one's source."""


def esc(value: Any) -> str:
    """Text for HTML content or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no "<", ">" or "&" that could end
    the block or start markup, no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@cache
def asset(name: str) -> str:
    """A file of ``crawler/review/static``."""
    return (resources.files("crawler.review") / "static" / name).read_text(encoding="utf-8")


def web_link(url: str | None, text: str | None = None) -> str:
    """A link that opens a page's original http(s) URL (no referrer); other schemes are text."""
    if not url:
        return ""
    shown = esc(text if text is not None else readable_url(url))
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return f"<span>{shown}</span>"
    return (f'<a class="original" href="{esc(url)}" rel="noreferrer noopener" '
            f'target="_blank">{shown}</a>')


def readable_url(url: str) -> str:
    """The URL with its percent-encoded Arabic shown as text."""
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url


def _head(title: str, lang: str, direction: str, up: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}" dir="{esc(direction)}">\n<head>\n'
            '<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(POLICY)}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            f'<link rel="stylesheet" href="{up}assets/review.css">\n</head>\n')


def _scripts(up: str, *names: str) -> str:
    return "".join(f'<script src="{up}assets/{name}"></script>\n' for name in names)


def archived_copy(html: str) -> bytes:
    """The archived page as its frame shows it: UTF-8 (a BOM and a charset first, so the page's
    own declaration cannot change it), the blocking policy first, meta refreshes disarmed."""
    head = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ' \
        f'content="{esc(ARCHIVED_POLICY)}">'
    return b"\xef\xbb\xbf" + (head + _REFRESH.sub(r"data-disarmed-http-equiv\1", html)).encode(
        "utf-8", "replace")


def marks_panel(site_dir_hint: str) -> str:
    """The marks box: the JSON to copy, its download, and a box to merge pasted marks."""
    return (
        '<details class="marks-panel" dir="ltr"><summary>marks.json '
        '(<span class="marks-count">0</span> marked)</summary>'
        '<p><a id="marks-download" download="marks.json" href="#">Download marks.json</a> '
        f"and save it as <code>{esc(site_dir_hint)}/marks.json</code> (or copy the box below "
        "into that file), then run "
        f"<code>crawler review --accept {esc(site_dir_hint)} -o tests/fixtures</code>.</p>"
        '<textarea id="marks-json" readonly aria-label="marks.json"></textarea>'
        '<p>Marks from another browser or an earlier download:</p>'
        '<textarea id="marks-paste" aria-label="marks to merge"></textarea>'
        '<button type="button" id="marks-merge">Merge</button> '
        '<span id="marks-merge-status"></span></details>\n')


@dataclass(frozen=True)
class Neighbours:
    """The article pages before and after one, in index order, and its position."""

    previous: str | None
    next: str | None
    position: int
    total: int


def render_article(entry: Entry, neighbours: Neighbours, key: str, site_dir_hint: str) -> str:
    """``articles/<id>.html``: the blocks with role and rule, the fields, the archived page."""
    title = entry.title or "(no title)"
    lang = "ar" if entry.direction == "rtl" else "en"
    parts = [_head(f"{title} · review", lang, entry.direction, "../"),
             f'<body class="article-page" data-id="{esc(entry.id)}">\n',
             _top_nav(neighbours), _article_header(entry, title),
             _review_bar(site_dir_hint), _legend(entry.roles),
             '<div class="columns">\n', _blocks(entry), _fields(entry), "</div>\n",
             _archived(entry),
             f'<script type="application/json" id="review-data">'
             f"{script_json({'id': entry.id, 'key': key, 'roles': list(ROLES)})}</script>\n",
             _scripts("../", "marks.js", "article.js"), "</body>\n</html>\n"]
    return "".join(parts)


def _top_nav(neighbours: Neighbours) -> str:
    links = ['<a href="../index.html">All pages</a>']
    if neighbours.previous:
        links.append(f'<a rel="prev" href="{esc(neighbours.previous)}.html">Previous (p)</a>')
    if neighbours.next:
        links.append(f'<a rel="next" href="{esc(neighbours.next)}.html">Next (n)</a>')
    links.append(f'<span class="position">{neighbours.position} of {neighbours.total}</span>')
    return f'<nav class="top" dir="ltr">{" ".join(links)}</nav>\n'


def _article_header(entry: Entry, title: str) -> str:
    item = entry.item or {}
    facts = [esc(entry.site or "no known site")]
    if item.get("kind"):
        facts.append(esc(item["kind"]))
    facts.append(web_link(entry.url))
    notices = []
    if entry.dropped is not None:
        notices.append(f'<p class="notice dropped">Dropped by the crawl: '
                       f"<b>{esc(entry.dropped.reason)}</b>"
                       + (f" after {entry.dropped.retries} retries" if entry.dropped.retries
                          else "") + "</p>")
    if entry.page.missing:
        notices.append(f'<p class="notice">No archived page: {esc(entry.page.missing)}</p>')
    elif entry.explained is None and entry.reason:
        notices.append(f'<p class="notice">The extractor finds no article on this page: '
                       f"<b>{esc(entry.reason)}</b></p>")
    if entry.differs:
        notices.append('<p class="notice changed">The extractor today gives another item than '
                       f"the crawl did: {esc(', '.join(entry.differs))}</p>")
    removed = [p for p in entry.problems if p == "template"]
    if removed:
        notices.append('<p class="notice">Template learning removed paragraphs from this item '
                       '(blocks marked <code>template</code>).</p>')
    return (f'<header class="article-head">\n<h1 dir="auto">{esc(title)}</h1>\n'
            f'<p class="meta" dir="ltr">{" · ".join(facts)}</p>\n{"".join(notices)}</header>\n')


def _review_bar(site_dir_hint: str) -> str:
    return ('<section class="review" dir="ltr" aria-label="review">\n'
            "<span>The extraction is</span> "
            '<button type="button" data-verdict="right" aria-pressed="false">right (r)</button>'
            '<button type="button" data-verdict="wrong" aria-pressed="false">wrong (w)</button>'
            ' <span id="verdict-state">not marked</span>\n'
            '<p class="hint" id="move-hint" hidden>Give each misplaced block the role it should '
            "have with its menu; the moved blocks are outlined.</p>\n"
            + marks_panel(site_dir_hint) + "</section>\n")


def _legend(roles: list[BlockRole]) -> str:
    counts = role_counts(roles)
    swatches = "".join(
        f'<span class="swatch" data-role="{role}" title="click: hide or show">{role}'
        f'<b data-count="{counts[role]}">{counts[role]}</b></span>' for role in ROLES)
    return f'<section class="legend" dir="ltr" aria-label="roles">{swatches}</section>\n'


def _blocks(entry: Entry) -> str:
    if not entry.roles:
        return '<section class="blocks"><p>No blocks: there is no archived page.</p></section>\n'
    rows = []
    for role in entry.roles:
        block = role.block
        heading = f' data-heading="{block.heading}"' if block.heading else ""
        tag = f"h{block.heading}" if block.heading else block.tag
        source = f'<span class="src">{esc(block.src)}</span>' if block.src else ""
        rows.append(
            f'<li class="block" id="b{role.index}" data-index="{role.index}" '
            f'data-role="{role.role}" data-rule="{esc(role.rule)}" data-kind="{block.kind}" '
            f'data-tag="{esc(block.tag)}"{heading}>'
            f'<span class="info">{role.index} {esc(tag)} {esc(role.rule)}</span>'
            f'<span class="text" dir="auto">{esc(block.text)}{source}</span></li>')
    return ('<section class="blocks" aria-label="the page\'s blocks">\n<ol class="blocks">\n'
            + "\n".join(rows) + "\n</ol>\n</section>\n")


def _fields(entry: Entry) -> str:
    item = entry.item
    if item is None:
        heading = "No item (dropped)"
        item = entry.explained or {}
        if entry.explained:
            heading = "No item; the extractor now gives"
    else:
        heading = "The crawl's item"
    sources = _mapping(item.get("extraction"))
    rows = []
    for name, source_key in FIELD_ROWS:
        if name not in item:
            continue
        source = sources.get(source_key) if source_key else None
        shown = _value(name, item)
        note = f'<span class="source">{esc(source)}</span>' if source else ""
        rows.append(f'<tr data-field="{esc(name)}"><th>{esc(name)}{note}</th>'
                    f'<td class="value">{shown}</td></tr>')
    if sources.get("template"):
        rows.append(f'<tr data-field="template"><th>template</th>'
                    f'<td class="value">{esc(sources["template"])}</td></tr>')
    return (f'<aside class="fields" dir="ltr"><h2>{esc(heading)}</h2>'
            f'<table>{"".join(rows)}</table></aside>\n')


def _value(name: str, item: dict[str, Any]) -> str:
    value = item.get(name)
    if name == "text":
        paragraphs = item.get("paragraphs") or []
        text = value if isinstance(value, str) else ""
        listed = "".join(
            f'<li dir="auto">{esc(text[span.get("start", 0):span.get("end", 0)])}</li>'
            for span in paragraphs if isinstance(span, dict))
        return (f"<details><summary>{len(paragraphs)} paragraphs, {len(text.split())} words"
                f"</summary><ol>{listed}</ol></details>")
    if name == "published_at" and value:
        extra = ", ".join(f"{k} {item[k]}" for k in ("published_precision", "published_raw")
                          if item.get(k))
        return f"{esc(value)}" + (f'<span class="source">{esc(extra)}</span>' if extra else "")
    if name == "images" and isinstance(value, list):
        return "<ul>" + "".join(
            f"<li>{web_link(image.get('url'))}"
            + (f'<br><span dir="auto">{esc(image.get("caption"))}</span>'
               if image.get("caption") else "") + "</li>"
            for image in value if isinstance(image, dict)) + "</ul>"
    if name == "canonical_url":
        return web_link(value)
    if isinstance(value, list):
        return "<ul>" + "".join(f'<li dir="auto">{esc(v)}</li>' for v in value) + "</ul>"
    if isinstance(value, dict) and name != "feed" and all(
            isinstance(v, str | int | float | type(None)) for v in value.values()):
        return "<br>".join(f'{esc(k)}: <span dir="auto">{esc(v)}</span>'
                           for k, v in value.items())
    if isinstance(value, dict):
        return f'<pre class="json">{esc(json.dumps(value, ensure_ascii=False, indent=1))}</pre>'
    if value is None or value == "":
        return '<span class="source">none</span>'
    return f'<span dir="auto">{esc(value)}</span>'


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _archived(entry: Entry) -> str:
    if entry.page.html is None:
        return ""
    return ('<section class="archived" dir="ltr">'
            '<button type="button" id="toggle-archived" aria-expanded="false">'
            "Show the archived page</button> "
            '<span class="hint">scripts disabled, nothing fetched</span>'
            '<iframe id="archived-frame" sandbox="" referrerpolicy="no-referrer" '
            f'data-src="../archive/{esc(entry.id)}.html" '
            'title="the archived page (scripts disabled)" hidden></iframe></section>\n')


def index_row(entry: Entry) -> dict[str, Any]:
    """One row of the index's data: short keys, as the index script reads them."""
    item = entry.item or {}
    extraction = _mapping(item.get("extraction"))
    authors = item.get("authors")
    authors = authors if isinstance(authors, list) else []
    cluster = item.get("cluster_id") or ""
    duplicate = item.get("duplicate_of")
    if duplicate and duplicate != item.get("id"):
        cluster = f"{cluster} (copy of {duplicate})"
    return {
        "i": entry.id, "s": entry.site or "other", "t": entry.title,
        "d": str(item.get("published_at") or "")[:16].replace("T", " "),
        "k": str(item.get("kind") or ""), "a": ", ".join(str(a) for a in authors),
        "c": str(cluster), "u": readable_url(entry.url),
        "x": {k: str(v) for k, v in extraction.items() if k != "language"},
        "p": entry.problems, "r": entry.dropped.reason if entry.dropped else "",
    }


@dataclass(frozen=True)
class IndexSummary:
    """What the index says about the run above its charts."""

    articles: int
    dropped: int
    generated_at: str
    sources: list[str]
    items_path: str
    report_path: str | None
    notes: list[str]


def render_index(rows: list[dict[str, Any]], charts: list[tuple[str, str]],
                 summary: IndexSummary, key: str, site_dir_hint: str) -> str:
    """``index.html``: summary, charts, filters and the rows (drawn by the index script)."""
    sites = sorted({row["s"] for row in rows})
    strategies = sorted({f"{k}:{v}" for row in rows for k, v in row["x"].items()})
    problems = [code for code in PROBLEMS if any(code in row["p"] for row in rows)]
    reasons = sorted({row["r"] for row in rows if row["r"]})

    def options(values: list[tuple[str, str]], everything: str) -> str:
        return f'<option value="">{esc(everything)}</option>' + "".join(
            f'<option value="{esc(value)}">{esc(label)}</option>' for value, label in values)

    problem_options = [(code, PROBLEMS[code]) for code in problems] + [
        (f"drop:{reason}", f"dropped: {reason}") for reason in reasons]
    notes = "".join(f'<p class="notice">{esc(note)}</p>' for note in summary.notes)
    report = f", run report {esc(summary.report_path)}" if summary.report_path else \
        ", no run report"
    figures = "".join(f"<figure><figcaption>{esc(caption)}</figcaption>{svg}</figure>"
                      for caption, svg in charts)
    columns = [("s", "site"), ("t", "title"), ("d", "published"), ("k", "kind"),
               ("a", "authors"), ("c", "duplicate cluster"), (None, "strategies"),
               (None, "problems"), (None, "mark")]
    header = "".join(f'<th data-sort="{key_}">{esc(label)}</th>' if key_ else
                     f"<th>{esc(label)}</th>" for key_, label in columns)
    data = {"key": key, "problems": PROBLEMS}
    return "".join([
        _head("Review of the crawl", "en", "ltr", ""),
        '<body class="index-page">\n<header>\n',
        f"<h1>Review: {summary.articles} articles, {summary.dropped} dropped pages</h1>\n",
        f'<p class="generated">Built {esc(summary.generated_at)} from '
        f"{esc(summary.items_path)}, pages from {esc(', '.join(summary.sources))}{report}.</p>\n",
        notes, "</header>\n", f'<section class="charts">{figures}</section>\n',
        '<section class="filters" aria-label="filters">\n',
        f'<label>site<select id="f-site">{options([(s, s) for s in sites], "all sites")}'
        "</select></label>\n",
        f'<label>strategy (field:source)<select id="f-strategy">'
        f'{options([(s, s) for s in strategies], "any strategy")}</select></label>\n',
        f'<label>problem<select id="f-problem">{options(problem_options, "any or none")}'
        "</select></label>\n",
        '<label>mark<select id="f-mark">'
        f'{options([("unmarked", "not marked"), ("right", "right"), ("wrong", "wrong")], "any")}'
        "</select></label>\n",
        '<label>search<input id="f-text" type="search" placeholder="title, author, URL">'
        "</label>\n",
        '<span id="count"></span>\n</section>\n',
        f'<table class="articles"><thead><tr>{header}</tr></thead><tbody></tbody></table>\n',
        '<nav id="pager"><button type="button" id="page-prev">Previous</button>'
        '<span id="page-label"></span><button type="button" id="page-next">Next</button></nav>\n',
        marks_panel(site_dir_hint),
        f'<script type="application/json" id="rows">{script_json(rows)}</script>\n',
        f'<script type="application/json" id="review-data">{script_json(data)}</script>\n',
        _scripts("", "marks.js", "index.js"), "</body>\n</html>\n",
    ])
