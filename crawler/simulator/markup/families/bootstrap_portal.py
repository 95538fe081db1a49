"""A custom portal on Bootstrap 5 (Laravel-style): utility classes, cards, list groups.

Head: JSON-LD NewsArticle (dates on metadata-dated pages), og tags, a ``window.__INITIAL_STATE__``
script holding the latest articles with their text.
Page: navbar, a "آخر الأخبار" scrolling strip, breadcrumb ``<ol class="breadcrumb">``, then a
``row``: ``col-lg-8`` with the article card and ``col-lg-4`` with the sidebar *after* it in the
source (most-read list-group with rank numbers and dates, a newsletter card, a poll card).
Article card: ``<h1 class="h2 fw-bold">``, a ``d-flex text-muted small`` meta row with icon
spans (author, date, views), image with ``figure-caption``, dateline as a bold coloured line
or the body's first bold ``<div>``, and the body as ``<div class="mb-3">`` paragraphs (no
``<p>``) with alert-styled "اقرأ أيضا" boxes and ad slots between them.
After the body: the byline box "الكاتب: X" (when after), tags as badges, share buttons,
related cards with dates in a ``row-cols-md-3`` grid, a comment form. Footer in columns, a
cookie banner.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, lazy_img, script_json, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "bootstrap_portal"
TRAITS = Traits(
    date_formats=("time_first", "numeric_time", "weekday_time", "long_day", "greenwich"),
    date_where=(0.4, 0.35, 0.25), modified_shown=0.25,
    byline_forms=("katib", "kataba", "bare", "biqalam_colon", "meta_only"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    eastern_digits=0.1,
)


def _meta_row(page: Page) -> str:
    rng = page.rng
    parts = []
    if page.byline.visible and page.byline.position == "before":
        parts.append(f'<span><i class="bi bi-person-fill me-1"></i>{esc(page.byline.text())}'
                     "</span>")
    if page.date.visible:
        label = esc(page.date.label + " ") if page.date.label else ""
        parts.append(f'<span><i class="bi bi-clock me-1"></i>{label}{esc(page.date.visible)}'
                     "</span>")
    if page.date.modified_visible:
        parts.append(f'<span><i class="bi bi-arrow-repeat me-1"></i>'
                     f"{esc(page.date.modified_visible)}</span>")
    views = page.record("views", [f"{rng.randint(100, 20000)} "
                                  f"{page.stable('views').choice(furniture.VIEWS_LABELS)}"])
    parts.append(f'<span><i class="bi bi-eye me-1"></i>{esc(views[0])}</span>')
    return '<div class="d-flex flex-wrap gap-3 text-muted small mb-3">' + "".join(parts) + "</div>"


def _body(page: Page) -> str:
    rng = page.rng
    blocks = [f'<div class="mb-3">{inline(p, rng, 0.2)}</div>' for p in page.paragraphs]
    extras = []
    for link in page.links("read_also", rng.randint(0, 2)):
        label = page.pick("read_also", furniture.READ_ALSO)
        extras.append('<div class="alert alert-light border-start border-4 border-primary py-2">'
                      f'<span class="fw-bold">{esc(label)}</span> <a href="{attr(link.url)}" '
                      f'class="text-decoration-none">{esc(link.title)}</a></div>')
    if rng.random() < 0.7:
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append('<div class="text-center my-4"><small class="text-muted d-block mb-1">'
                      f'{esc(label)}</small><div class="ad-slot" data-slot="inarticle" '
                      'style="min-height:250px"></div></div>')
    blocks = weave(blocks, extras, rng)
    if page.dateline and page.dateline.position == "body_lead":
        blocks.insert(0, f'<div class="mb-3"><b>{esc(page.dateline.text)}</b></div>')
    return '<div class="article-body fs-5 lh-lg text-justify">' + "\n".join(blocks) + "</div>"


def _sidebar(page: Page) -> str:
    rng = page.rng
    heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    fmt = rng.choice(("numeric_day", "time_first", "long_day"))
    items = "".join(
        '<a href="' + attr(link.url) + '" class="list-group-item list-group-item-action d-flex '
        f'gap-3"><span class="fs-3 fw-bold text-primary">{i + 1}</span><div><div '
        f'class="fw-semibold">{esc(link.title)}</div><small class="text-muted">'
        f"{esc(link.date or '')}</small></div></a>"
        for i, link in enumerate(page.links("most_read", rng.randint(4, 6), fmt)))
    news = page.newsletter()
    question, *answers = page.record("poll", furniture.poll(rng))
    radios = "".join(f'<div class="form-check"><input class="form-check-input" type="radio" '
                     f'name="poll" id="poll{i}"><label class="form-check-label" for="poll{i}">'
                     f"{esc(x)}</label></div>" for i, x in enumerate(answers[:-1]))
    return ('<div class="col-lg-4"><div class="card mb-4"><div class="card-header fw-bold">'
            f'{esc(heading)}</div><div class="list-group list-group-flush">{items}</div></div>'
            f'<div class="card mb-4 bg-light"><div class="card-body"><h5 class="card-title">'
            f'{esc(news[0])}</h5><p class="card-text small">{esc(news[1])}</p><form '
            'class="d-flex gap-2"><input type="email" class="form-control"><button '
            f'class="btn btn-primary">{esc(news[2])}</button></form></div></div>'
            f'<div class="card mb-4"><div class="card-body"><h6>{esc(question)}</h6>{radios}'
            f'<button class="btn btn-sm btn-outline-primary mt-2">{esc(answers[-1])}</button>'
            "</div></div></div>")


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    latest = page.links("latest", rng.randint(4, 7))
    state = {"latest": [{"id": rng.randint(1000, 99999), "title": item["title"],
                         "excerpt": item["body"], "created_at": item["publishedAt"]}
                        for item in page.script_articles(rng.randint(2, 3))],
             "locale": "ar"}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="csrf-token" content="{rng.getrandbits(120):030x}">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            '<link href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.rtl.min.css"'
            ' rel="stylesheet">\n' + meta.open_graph(page)
            + (meta.meta_authors(page) if rng.random() < 0.6 or page.byline.in_metadata else "")
            + meta.ld_script(meta.news_article(page))
            + f"<script>window.__INITIAL_STATE__ = {script_json(state)};</script>\n</head>\n")
    menu = "".join(f'<li class="nav-item"><a class="nav-link" href="/section/{i}">{esc(m)}</a>'
                   "</li>" for i, m in enumerate(page.menu()))
    strip_label = page.pick("latest", furniture.LATEST_HEADINGS)
    strip = " ".join(f'<a href="{attr(link.url)}" class="text-white me-4">{esc(link.title)}</a>'
                     for link in latest)
    crumbs = "".join(f'<li class="breadcrumb-item"><a href="/">{esc(c)}</a></li>'
                     for c in page.breadcrumbs())
    figure = ""
    if page.image:
        cap = (f'<figcaption class="figure-caption mt-1">{esc(page.image.caption)}</figcaption>'
               if page.image.caption else "")
        img = lazy_img(page.image.url, "", rng, "img-fluid rounded")
        figure = f'<figure class="figure w-100">{img}{cap}</figure>'
    dateline = ""
    if page.dateline and page.dateline.position == "line":
        dateline = f'<p class="text-danger fw-bold mb-2">{esc(page.dateline.text)}</p>'
    byline_after = ""
    if page.byline.visible and page.byline.position == "after":
        byline_after = (f'<div class="mt-4 p-3 bg-light rounded border">{esc(page.byline.text())}'
                        "</div>")
    tags_heading = page.pick("tags", furniture.TAG_HEADINGS)
    tags = " ".join(f'<a href="/tags/{i}" class="badge bg-secondary text-decoration-none">'
                    f"{esc(t)}</a>" for i, t in enumerate(page.tags()))
    share = " ".join(f'<a class="btn btn-sm btn-outline-secondary" href="#">{esc(s)}</a>'
                     for s in page.share())
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(
        f'<div class="col"><div class="card h-100">'
        f'{lazy_img(link.thumb or "", "", rng, "card-img-top")}'
        f'<div class="card-body"><a href="{attr(link.url)}" class="stretched-link '
        f'text-dark"><h6 class="card-title">{esc(link.title)}</h6></a><small '
        f'class="text-muted">{esc(link.date or "")}</small></div></div></div>'
        for link in page.links("related", 3, rng.choice(("numeric_day", "long_day")), thumbs=True))
    comment_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f'<div class="mb-3"><label class="form-label">{esc(x)}</label><input '
                   'class="form-control"></div>' for x in page.comment_form())
    footer = page.footer()
    links = "".join(f'<li><a class="text-white-50" href="/page/{i}">{esc(x)}</a></li>'
                    for i, x in enumerate(page.utility_links()))
    cookie = page.record("cookie", list(page.stable("cookie").choice(furniture.COOKIE_NOTICES)))
    return head + "\n".join([
        '<body class="bg-light">',
        '<nav class="navbar navbar-expand-lg navbar-dark bg-primary"><div class="container">'
        f'<a class="navbar-brand fw-bold" href="/">{esc(page.label)}</a><button '
        'class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#nav">'
        '<span class="navbar-toggler-icon"></span></button><div class="collapse '
        f'navbar-collapse" id="nav"><ul class="navbar-nav me-auto">{menu}</ul></div></div></nav>',
        '<div class="bg-dark py-2"><div class="container d-flex"><span class="badge bg-danger '
        f'me-3">{esc(strip_label)}</span><div class="text-nowrap overflow-hidden">{strip}</div>'
        "</div></div>",
        '<div class="container my-4"><nav aria-label="breadcrumb"><ol class="breadcrumb">'
        f"{crumbs}</ol></nav>",
        '<div class="row"><div class="col-lg-8">',
        '<div class="card border-0 shadow-sm mb-4"><div class="card-body p-4">',
        f'<h1 class="h2 fw-bold lh-base mb-3">{esc(page.headline)}</h1>',
        _meta_row(page), figure, dateline, _body(page), byline_after,
        f'<div class="mt-4"><span class="fw-bold me-2">{esc(tags_heading)}</span>{tags}</div>',
        f'<div class="mt-3 d-flex gap-2">{share}</div>',
        "</div></div>",
        f'<h4 class="mb-3">{esc(rel_heading)}</h4><div class="row row-cols-1 row-cols-md-3 g-3 '
        f'mb-4">{related}</div>',
        f'<div class="card mb-4"><div class="card-body"><h5>{esc(comment_heading)}</h5><form>'
        f"{form}</form></div></div>",
        "</div>", _sidebar(page), "</div></div>",
        '<footer class="bg-dark text-white pt-5 pb-3 mt-5"><div class="container"><div '
        f'class="row"><div class="col-md-6"><ul class="list-unstyled">{links}</ul></div>'
        f'<div class="col-md-6 text-md-end"><p class="mb-1">{esc(footer[0])}</p><p '
        f'class="small text-white-50">{esc(footer[1])}</p></div></div></div></footer>',
        '<div class="position-fixed bottom-0 start-0 end-0 bg-white border-top p-3 shadow" '
        f'id="cookie-banner"><span>{esc(cookie[0])}</span> '
        + " ".join(f'<button class="btn btn-sm btn-primary">{esc(x)}</button>'
                   for x in cookie[1:]) + "</div>",
        '<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js">'
        "</script>",
        "</body>\n</html>\n",
    ])
