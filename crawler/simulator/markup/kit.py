"""Small markup helpers the families share: escaping, hashed class names, messy inline markup,
lazy images, script payloads. Families own their structure; these only spare repetition."""

from __future__ import annotations

import html
import itertools
import json
import random
import string
from typing import Any, TypeVar

from crawler.network.sites import Site
from crawler.network.urls import encode_path
from crawler.simulator.text import slugify

_B36 = string.ascii_lowercase + string.digits


def esc(text: str) -> str:
    """Text content: <, > and & escaped (quotes kept, as CMSs print them)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def script_json(data: Any, indent: int | None = None) -> str:
    """JSON safe inside <script>: no "</" can close the element early."""
    return json.dumps(data, ensure_ascii=False, indent=indent).replace("</", "<\\/")


class HashedNames:
    """CSS-in-JS class names (``css-1q2w3e``): one stable meaningless name per role and page."""

    def __init__(self, rng: random.Random, prefix: str = "css-"):
        self._rng = rng
        self._prefix = prefix
        self._names: dict[str, str] = {}

    def __call__(self, role: str) -> str:
        if role not in self._names:
            size = self._rng.choice((5, 6, 7))
            self._names[role] = self._prefix + "".join(self._rng.choice(_B36) for _ in range(size))
        return self._names[role]


def article_url(site: Site, rng: random.Random, title: str) -> str:
    """A plausible URL of another article on the same site."""
    if rng.random() < 0.3:
        path = f"/w-{rng.randint(100, 3000)}/{rng.randrange(24):02d}{rng.randrange(60):02d}" \
               f"{rng.randrange(60):02d}-{slugify(title)}"
    else:
        path = f"/{rng.randint(10, 1500)}/{rng.randrange(24):02d}{rng.randrange(60):02d}" \
               f"{rng.randrange(60):02d}-{slugify(title)}"
    return site.url(encode_path(path))


def inline(paragraph: str, rng: random.Random, rate: float = 0.3,
           link_base: str = "/tag/") -> str:
    """A paragraph as CMS editors leave it: now and then a bold run, a tag link, a span, a
    no-break space. The text content stays exactly the paragraph."""
    words = paragraph.split(" ")
    if len(words) < 6 or rng.random() >= rate:
        return esc(paragraph)
    start = rng.randrange(0, len(words) - 3)
    end = start + rng.randint(1, 3)
    inner = esc(" ".join(words[start:end]))
    kind = rng.randrange(4)
    if kind == 0:
        wrapped = f"<strong>{inner}</strong>"
    elif kind == 1:
        wrapped = f'<a href="{link_base}{attr(slugify(" ".join(words[start:end])))}">{inner}</a>'
    elif kind == 2:
        wrapped = f'<span style="color:#000000">{inner}</span>'
    else:
        wrapped = f"<b>{inner}</b>"
    before = esc(" ".join(words[:start]))
    after = esc(" ".join(words[end:]))
    joint = "&nbsp;" if rng.random() < 0.3 else " "
    return f"{before}{joint if before else ''}{wrapped}{' ' if after else ''}{after}"


def mso(paragraph: str, rng: random.Random) -> str:
    """A paragraph pasted from a word processor: MsoNormal, lang spans, inline styles."""
    size = rng.choice(("14.0pt", "16.0pt", "13.5pt"))
    font = rng.choice(("Simplified Arabic", "Traditional Arabic", "Arial"))
    return (f'<p class="MsoNormal" dir="RTL" style="text-align:justify;line-height:150%">'
            f'<span lang="AR-SA" style="font-size:{size};line-height:150%;'
            f'font-family:&quot;{font}&quot;,serif">{esc(paragraph)}</span>'
            f'<span dir="LTR" style="font-size:{size}"><o:p></o:p></span></p>')


_PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def lazy_img(url: str, alt: str, rng: random.Random, css: str = "") -> str:
    """An image as lazy-loading themes print it (data-src, srcset, noscript fallback)."""
    klass = f' class="{attr(css)}"' if css else ""
    style = rng.randrange(4)
    if style == 0:
        return f'<img{klass} src="{_PIXEL}" data-src="{attr(url)}" alt="{attr(alt)}">' \
               f'<noscript><img src="{attr(url)}" alt="{attr(alt)}"></noscript>'
    if style == 1:
        return f'<img{klass} loading="lazy" src="{attr(url)}" alt="{attr(alt)}" width="800" ' \
               f'height="450" decoding="async">'
    if style == 2:
        return (f'<img{klass} src="{_PIXEL}" data-lazy-src="{attr(url)}" '
                f'data-lazy-srcset="{attr(url)} 800w, {attr(url)}?w=400 400w" '
                f'alt="{attr(alt)}">')
    return f'<img{klass} src="{attr(url)}" alt="{attr(alt)}">'


def thumb_url(site: Site, rng: random.Random) -> str:
    return f"https://img.{site.domain}/2024/{rng.randint(1, 11):02d}/small/" \
           f"{rng.getrandbits(40):010x}.jpg"


_COMMENTS = ("<!-- .entry-content /-->", "<!-- START: sidebar -->", "<!-- end header -->",
             "<!-- Google Tag Manager (noscript) -->", "<!-- cache: hit -->",
             "<!-- /.post-inner -->", "<!-- ads slot -->", "<!-- Begin Comscore Tag -->")


def html_comment(rng: random.Random) -> str:
    return rng.choice(_COMMENTS)


def tracking_scripts(rng: random.Random) -> str:
    """Analytics and tag-manager snippets every portal carries."""
    gtm = f"GTM-{rng.getrandbits(24):06X}"
    return (f"<script>(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':"
            f"new Date().getTime(),event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],"
            f"j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='"
            f"+i;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer',"
            f"'{gtm}');</script>\n")


T = TypeVar("T")


def weave(parts: list[T], extras: list[T], rng: random.Random) -> list[T]:
    """``parts`` with each of ``extras`` inserted after a random part other than the last (an
    ad or a read-also link between paragraphs, never before the first or after the last)."""
    if len(parts) < 2:
        return parts + extras
    slots: dict[int, list[T]] = {}
    for extra in extras:
        slots.setdefault(rng.randrange(len(parts) - 1), []).append(extra)
    out: list[T] = []
    for i, part in enumerate(parts):
        out.append(part)
        out.extend(slots.get(i, []))
    return out


def break_runs(pieces: list[tuple[str, bool]], joint: str = "<br><br>") -> list[str]:
    """Markup ``(html, is_run)`` pieces of a body typed as one block: two runs of text in a row
    get ``joint`` between them (the editor's empty line); a block element breaks the line by
    itself, so none goes before or after it."""
    out = [markup for markup, _ in pieces[:1]]
    for (_, was_run), (markup, run) in itertools.pairwise(pieces):
        out.append(joint + markup if was_run and run else markup)
    return out
