"""A web story (قصص الويب / "ستوري"): the article told in full-screen slides, as AMP story pages
that news sites publish beside their articles (``<amp-story>``, one ``<amp-story-page>`` per slide,
the text on a layer over a picture or a colour). No site chrome: the story's own cover, its
slides, an ad slide inserted by the runtime and a last slide of other stories.

Head: the AMP runtime, ``amp-story`` and its extensions, the boilerplate styles, the canonical
link, og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle``
and ``article:published_time``. Text-dated and undated pages carry no machine date. The
``<amp-story>`` element names the publisher, its logo and the poster (the lead image; the
publisher's logo on stories without one: not an article image).
Cover slide: the lead image filling the slide, the stories' kicker ("ستوري"), the ``<h1>``, the
byline ("إعداد: X" / "قصة: X" / "بقلم: X" / the bare name) when it goes before, the date on dated
pages, the image's caption and the photographer's credit ("تصوير: Y", a name that is no author).
Text slides: one body part per slide (a paragraph, an intertitle in ``<h2>``, a quoted statement
in ``<blockquote>``, a list), or, in some sections of a site (``layout["slides"]``
``sentences``), the paragraphs cut into slides of one or two sentences: every slide's text is
then a paragraph of the body as the reader meets it. Behind the text the lead image again
(blurred) or a colour, per section (``layout["background"]``). The dateline a line of its own on
the first text slide or its bold start. Not body: the slide counter ("2 / 9"), the credit line
of a picture slide, a poll slide on some stories (its question and answers are attributes of
``amp-story-interactive-poll``), the runtime's ad slide (``amp-story-auto-ads`` configuration),
the "اقرأ الخبر كاملا" outlink on the last text slide, and the byline slide ("إعداد: X" with
"المصدر: <label>") when the byline goes after.
Last slide: "قصص أخرى" (other stories with thumbnails and dates), share buttons, the follow
line, the copyright.
Dates: metadata (second) or the cover (minute or day); undated pages show the other stories'
dates only, after the text.
"""

from __future__ import annotations

from crawler.simulator.markup import body, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import person_name

NAME = "web_story"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "ampm_comma", "weekday_time", "numeric_day"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.5, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "قصة: ", "كتب: ")},
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.6, image=0.85, caption=0.5,
)

KICKERS = ("قصص", "ستوري", "قصة مصورة", "باختصار")
CREDIT = ("تصوير: {name}", "الصورة: {name}", "عدسة: {name}")
COUNTER = "{i} / {n}"
OUTLINK = ("اقرأ الخبر كاملا", "التفاصيل على الموقع", "اقرأ المزيد")
SOURCE = "المصدر: {label}"
POLLS = (("هل تتوقع أن يحقق هذا القرار أهدافه؟", "نعم", "لا", "لا أعرف"),
         ("ما رأيك في هذه الخطوة؟", "مؤيد", "معارض", "محايد"))
"""Poll slides (question, answers): attributes of the poll element, never text on the page."""
MORE_HEADINGS = ("قصص أخرى", "شاهد أيضا", "المزيد من القصص")
FOLLOW = "تابعوا {label} على مواقع التواصل"
COLOURS = ("#0b3d5c", "#7a1f1f", "#1d4d2b", "#3b2a5a", "#222222")


def _slide_texts(page: Page, parts: list[Part], mode: str) -> list[Part]:
    """The slides' parts: body parts as they are, or paragraphs cut into one or two sentences
    (each piece a paragraph of the body as the reader meets it)."""
    if mode != "sentences":
        return parts
    out: list[Part] = []
    for part in parts:
        pieces = body.sentences(part.texts[0]) if part.kind == "p" else []
        if len(pieces) < 3:
            out.append(part)
            continue
        size = page.rng.choice((1, 2))
        out += [Part("p", (" ".join(pieces[k:k + size]),)) for k in range(0, len(pieces), size)]
    page.set_body([t for part in out for t in part.texts])
    return out


def _layer(page: Page, part: Part, first: bool) -> str:
    text = part.texts[0]
    if part.kind == "subhead":
        return f"<h2>{esc(text)}</h2>"
    if part.kind == "quote":
        return f"<blockquote>{esc(text)}</blockquote>"
    if part.kind == "list":
        return "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
    dateline = page.dateline if first else None
    if dateline and dateline.position == "body_lead":
        return f'<p class="text"><b>{esc(dateline.text)}:</b> {esc(text)}</p>'
    lead = (f'<p class="dateline">{esc(dateline.text)}</p>'
            if dateline and dateline.position == "line" else "")
    return f'{lead}<p class="text">{esc(text)}</p>'


def _background(page: Page, mode: str, k: int) -> str:
    if mode == "image" and page.image:
        return (f'<amp-story-grid-layer template="fill"><amp-img class="blur" '
                f'src="{attr(page.image.url)}" layout="fill" alt=""></amp-img>'
                "</amp-story-grid-layer>")
    return (f'<amp-story-grid-layer template="fill" style="background:'
            f'{COLOURS[k % len(COLOURS)]}"></amp-story-grid-layer>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    mode = page.stable(f"slides:{page.section}").choice(("paragraphs", "sentences"))
    background = page.stable(f"background:{page.section}").choice(("image", "colour"))
    page.layout.update(slides=mode, background=background)
    logo = f"https://img.{page.site.domain}/static/story-logo-96.png"
    poster = page.image.url if page.image else logo

    head = ('<!DOCTYPE html>\n<html ⚡ lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            '<script async custom-element="amp-story" '
            'src="https://cdn.ampproject.org/v0/amp-story-1.0.js"></script>\n'
            '<script async custom-element="amp-story-auto-ads" '
            'src="https://cdn.ampproject.org/v0/amp-story-auto-ads-0.1.js"></script>\n'
            '<script async custom-element="amp-story-interactive" '
            'src="https://cdn.ampproject.org/v0/amp-story-interactive-0.1.js"></script>\n'
            '<style amp-boilerplate>body{-webkit-animation:none;animation:none}</style>\n'
            '<style amp-custom>.text{font-size:20px;line-height:1.6}.blur{filter:blur(8px)}'
            "</style>\n"
            '<meta name="amp-story-generator-name" content="Web Stories for WordPress">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")

    kicker = page.pick("label", KICKERS)
    cover = [f'<span class="kicker">{esc(kicker)}</span>', f"<h1>{esc(page.headline)}</h1>"]
    if b.visible and b.position == "before":
        cover.append(f'<p class="by">{esc(b.text())}</p>')
    if page.date.visible:
        cover.append(f'<p class="meta">{page.date_span()}</p>')
    credit = ""
    if page.image:
        taken = set(a.authors) | set(b.names)
        while (photographer := person_name(rng)) in taken:
            pass
        credit = page.record("credit", [page.stable("credit").choice(CREDIT).format(
            name=photographer)])[0]
        caption = f"{esc(page.image.caption)} | " if page.image.caption else ""
        cover.append(f'<p class="caption">{caption}<span class="credit">{esc(credit)}</span></p>')
        page.layout["credit"] = "yes"
    cover_bg = (f'<amp-story-grid-layer template="fill"><amp-img src="{attr(page.image.url)}" '
                f'layout="fill" alt="{attr(page.image.caption or "")}"></amp-img>'
                "</amp-story-grid-layer>" if page.image else _background(page, "colour", 0))

    parts = _slide_texts(page, body.shape(page, lead=0.3, quote=0.2, subheads=0.2, bullets=0.1),
                         mode)
    signed = b.visible and b.position == "after"
    total = len(parts) + 2 + int(signed)
    outlink = page.pick("outlink", OUTLINK)
    slides = []
    for k, part in enumerate(parts):
        counter = page.record("counter", [page.digits(COUNTER.format(i=k + 2, n=total))])[0]
        last = k == len(parts) - 1
        attachment = (f'<amp-story-page-outlink layout="nodisplay"><a href="{attr(a.url)}">'
                      f"{esc(outlink)}</a></amp-story-page-outlink>" if last else "")
        slides.append(f'<amp-story-page id="slide-{k + 2}" auto-advance-after="9s">'
                      f"{_background(page, background, k + 1)}"
                      f'<amp-story-grid-layer template="vertical" class="copy">'
                      f"{_layer(page, part, k == 0)}"
                      f'<span class="count">{esc(counter)}</span></amp-story-grid-layer>'
                      f"{attachment}</amp-story-page>")
    if len(slides) > 2 and rng.random() < 0.4:  # a reader poll between two text slides
        question, *answers = rng.choice(POLLS)
        options = " ".join(f'option-{i + 1}-text="{attr(x)}"' for i, x in enumerate(answers))
        slides.insert(rng.randrange(1, len(slides)), (
            '<amp-story-page id="poll"><amp-story-grid-layer template="vertical">'
            f'<amp-story-interactive-poll id="poll-1" prompt-text="{attr(question)}" {options}>'
            "</amp-story-interactive-poll></amp-story-grid-layer></amp-story-page>"))
        page.layout["poll"] = "yes"
    if signed:
        source = page.record("source", [SOURCE.format(label=page.label)])[0]
        slides.append(f'<amp-story-page id="credits">{_background(page, "colour", 0)}'
                      f'<amp-story-grid-layer template="vertical"><p class="signed">'
                      f"{esc(b.text())}</p><p>{esc(source)}</p></amp-story-grid-layer>"
                      "</amp-story-page>")

    more_heading = page.pick("related", MORE_HEADINGS)
    more = "".join(f'<li><a href="{attr(link.url)}"><amp-img src="{attr(link.thumb or "")}" '
                   f'width="96" height="128" alt=""></amp-img><span>{esc(link.title)}</span></a> '
                   f'<span class="d">{esc(link.date or "")}</span></li>'
                   for link in page.links("related", rng.randint(3, 5), "long_day", thumbs=True))
    share_label, *networks = page.share()
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in networks)
    follow = page.record("follow", [FOLLOW.format(label=page.label)])[0]
    footer = page.footer()
    ads = {"ad-attributes": {"type": "doubleclick",
                             "data-slot": f"/{rng.randint(10**6, 10**7)}/web_stories"}}
    social = {"shareProviders": ["facebook", "twitter", "whatsapp", "system"]}
    return head + "\n".join([
        "<body>",
        f'<amp-story standalone title="{attr(page.headline)}" publisher="{attr(page.label)}" '
        f'publisher-logo-src="{attr(logo)}" poster-portrait-src="{attr(poster)}">',
        f'<amp-story-page id="cover">{cover_bg}<amp-story-grid-layer template="vertical" '
        f'class="cover">{"".join(cover)}</amp-story-grid-layer></amp-story-page>',
        *slides,
        f'<amp-story-page id="more">{_background(page, "colour", 2)}<amp-story-grid-layer '
        f'template="vertical"><h2>{esc(more_heading)}</h2><ul>{more}</ul>'
        f'<div class="share"><b>{esc(share_label)}</b>{share}</div><p>{esc(follow)}</p>'
        f"<small>{esc(footer[0])}</small> <small>{esc(footer[1])}</small>"
        "</amp-story-grid-layer></amp-story-page>",
        f'<amp-story-auto-ads><script type="application/json">{script_json(ads)}</script>'
        "</amp-story-auto-ads>",
        f'<amp-story-social-share layout="nodisplay"><script type="application/json">'
        f"{script_json(social)}</script></amp-story-social-share>",
        "</amp-story>",
        f'<amp-analytics type="gtag" data-credentials="include"><script type="application/json">'
        f'{script_json({"vars": {"gtag_id": f"G-{rng.getrandbits(32):08X}"}})}</script>'
        "</amp-analytics>",
        "</body>\n</html>\n",
    ])
