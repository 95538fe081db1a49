"""Bodies as editors shape them: the article's sentences, in order, in the pieces a site's editors
make of them, plus the few lines editors add inside the body (intertitles, a list's lead-in).

A ``Part`` is one block of the body: ``p`` a paragraph, ``quote`` a paragraph the editor set as
a ``<blockquote>`` (a quoted statement: body text), ``subhead`` an intertitle (body text: the
editor's heading inside the story), ``list`` the items of a bulleted list made of one
paragraph's sentences (each item is a body paragraph; the lead-in before it is a ``p``).
``shape`` draws the parts and tells the page the paragraphs it shows (``Page.set_body``), so
``expected["paragraphs"]`` lists every part's text in order: paragraphs, quotes, intertitles,
lead-ins and list items alike. Markup is the family's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from crawler.simulator.markup.kit import esc, inline
from crawler.simulator.markup.page import Page

PartKind = Literal["p", "quote", "subhead", "list"]

INTERTITLES = ("تفاصيل الخطة", "خلفية القرار", "أرقام ودلالات", "تحديات التنفيذ",
               "مواقف متباينة", "ما الذي يتغير؟", "الخطوات المقبلة", "في انتظار النتائج",
               "سياق إقليمي", "ردود أولية", "كلفة المشروع", "بين الترحيب والتحفظ")
"""Intertitles an editor puts inside a story (written for this generator)."""
LIST_LEADS = ("ومن أبرز ما جاء في الإعلان:", "وتضمن البيان النقاط التالية:",
              "وتشمل الإجراءات المعلنة ما يلي:", "وفي التفاصيل:", "وأبرز ما ورد في اللقاء:")
"""Lead-ins of a bulleted list inside a story."""

_SENTENCE_END = re.compile(r"(?<=[.؟!])\s+")


@dataclass(frozen=True)
class Part:
    kind: PartKind
    texts: tuple[str, ...]
    """One text; a list's items for ``list``."""


def sentences(paragraph: str) -> list[str]:
    """The sentences of ``paragraph`` (split after . ؟ ! and a space; a one- or two-letter word
    before the dot, an abbreviation like "د.", does not end a sentence)."""
    out: list[str] = []
    for piece in _SENTENCE_END.split(paragraph.strip()):
        if not piece:
            continue
        if out and len(out[-1].split()[-1].strip(".؟!«»\"")) <= 2:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def shape(page: Page, lead: float = 0.0, tail: float = 0.0, quote: float = 0.0,
          subheads: float = 0.0, bullets: float = 0.0) -> list[Part]:
    """The page's body parts, drawn with the given probabilities: ``lead`` the first sentence
    as a short first paragraph, ``tail`` the last sentence as a short last paragraph, ``quote``
    a middle paragraph as a blockquote, ``subheads`` one or two intertitles (4 paragraphs or
    more), ``bullets`` a middle paragraph of three sentences or more as a lead-in and a list."""
    rng = page.rng
    paragraphs = list(page.article.paragraphs)
    parts = [Part("p", (p,)) for p in paragraphs]
    shaped: list[str] = []
    middle = list(range(1, len(parts) - 1))
    if middle and rng.random() < bullets:
        candidates = [i for i in middle if len(sentences(paragraphs[i])) >= 3]
        if candidates:
            i = rng.choice(candidates)
            parts[i:i + 1] = [Part("p", (rng.choice(LIST_LEADS),)),
                              Part("list", tuple(sentences(paragraphs[i])))]
            middle = []  # indices moved: one reshaping of the middle is enough
            shaped.append("list")
    if middle and rng.random() < quote:
        i = rng.choice(middle)
        parts[i] = Part("quote", parts[i].texts)
        shaped.append("quote")
    if len(paragraphs) >= 4 and rng.random() < subheads:
        count = rng.choice((1, 1, 2))
        free = [i for i in range(2, len(parts))  # never between a lead-in and its list
                if parts[i].kind != "list"]
        spots = sorted(rng.sample(free, min(count, len(free))), reverse=True)
        for spot, title in zip(spots, rng.sample(INTERTITLES, len(spots)), strict=True):
            parts.insert(spot, Part("subhead", (title,)))
        shaped.append("subheads")
    if parts[0].kind == "p" and rng.random() < lead:
        first = sentences(parts[0].texts[0])
        if len(first) >= 2:
            parts[0:1] = [Part("p", (first[0],)), Part("p", (" ".join(first[1:]),))]
            shaped.append("lead")
    if parts[-1].kind == "p" and rng.random() < tail:
        last = sentences(parts[-1].texts[0])
        if len(last) >= 2:
            parts[-1:] = [Part("p", (" ".join(last[:-1]),)), Part("p", (last[-1],))]
            shaped.append("tail")
    page.set_body([text for part in parts for text in part.texts])
    page.layout["body_shape"] = "+".join(shaped) or "plain"
    return parts


def parts_html(page: Page, parts: list[Part], heading: str = "h3", lead_tag: str = "b",
               lead_mark: str = ":") -> list[str]:
    """The body parts as most families write them: a subhead in ``heading``, a quote in a
    ``<blockquote>``, a list as ``<ul>``, a paragraph as ``<p>`` with a little inline markup;
    the dateline run into the first paragraph in ``lead_tag`` ending in ``lead_mark``."""
    rng, html = page.rng, []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            html.append(f"<{heading}>{esc(text)}</{heading}>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            html.append(f"<p><{lead_tag}>{esc(page.dateline.text)}{lead_mark}</{lead_tag}> "
                        f"{inline(text, rng, 0.2)}</p>")
        else:
            html.append(f"<p>{inline(text, rng, 0.2)}</p>")
    return html
