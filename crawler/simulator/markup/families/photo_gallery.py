"""A photo-album story ("ألبوم صور", "بالصور") as Egyptian and Gulf portals run them: a short
introduction, then one picture after another, and the story told in the pictures' captions.

Here the captions *are* the article: the first paragraph is the introduction above the album,
every further paragraph is the text under one picture (``<figcaption>`` or a slide's caption
``<div>``), in order; the album's counters ("3 / 8", "الصورة 3 من 8"), the photographers'
credits inside the captions ("تصوير: X", after the text), the cover picture's own short caption
(the lead image's, as on every other family's page), the slider's buttons and the ad slide are
not body. The photographer is no author.

Head: og tags with one ``og:image`` per picture; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` whose ``associatedMedia`` lists the pictures
(``ImageObject`` with ``contentUrl`` and ``caption``: the slides' texts) and
``article:published_time``. Text-dated and undated pages carry no machine date.
Page: the header (logo, menu, search), a breaking ticker, breadcrumbs (ending in "صور"); the
album header: a badge ("ألبوم صور"), the ``<h1>``, the meta row (the byline "كتب: X" / the bare
name / "بقلم: X"; the photographer "تصوير: Y" on some pages; the date on dated pages; the
album's size "عدد الصور: 8"), share buttons; the cover picture with its caption.
Body: the introduction ``<p>`` (the dateline as its bold first line, or a line of its own
above it), then the album, one way per site and kind of article: a stack of ``<figure
class="album-item">`` (counter, picture, ``<figcaption><p>text</p></figcaption>``), or a
slider (``div.swiper-slide``s, all in the page, all but the first hidden by a class: picture,
``div.slide-caption`` with the text, "الصورة 2 من 8"; the previous / next / full-screen buttons
and a strip of thumbnails after it); the credit "تصوير: X" after the text inside every caption
on some sites (in the meta row on others); an ad slide between two pictures.
After the album: tags, "ألبومات أخرى" (titles, picture counts and dates), most viewed with
dates, the comment count and form, a newsletter box, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the lists' dates
only.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, person_name, slugify

NAME = "photo_gallery"
TRAITS = Traits(
    date_formats=("weekday_comma_ampm", "numeric_time", "long_day", "ampm_comma"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z"),
    visible_with_meta=0.8, eastern_digits=0.1,
    byline_forms=("kataba", "bare", "biqalam_colon", "meta_only"),
    byline_positions=("before",),
    two_authors=0.1,
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.9, caption=0.5,
)


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _photographer(page: Page) -> str:
    taken = set(page.article.authors) | set(page.byline.names)
    while (name := person_name(page.rng)) in taken:
        pass
    return name


def _picture(page: Page) -> str:
    return (f"https://img.{page.site.domain}/albums/2024/{page.rng.randint(1, 11):02d}/"
            f"{page.rng.getrandbits(48):012x}.jpg")


def _album(page: Page, texts: tuple[str, ...], pictures: list[str], credit: str | None) -> str:
    rng, a = page.rng, page.article
    counter_form = page.stable("counter").choice(furniture.GALLERY_COUNTERS)
    total = len(texts)
    slider = page.stable(f"slider:{page.article.kind}").random() < 0.5
    page.layout["album"] = "slider" if slider else "stack"
    credit_html = (f' <span class="credit">{esc(credit)}</span>' if credit else "")
    ad_after = rng.randrange(total - 1) if total > 1 and rng.random() < 0.7 else None
    ad = ""
    if ad_after is not None:
        label = page.pick("ad", furniture.AD_LABELS)
        ad = (f'<div class="album-ad"><span class="ad-label">{esc(label)}</span><div '
              f'id="ad-album-{rng.randint(1, 9)}"></div></div>')
    items = []
    for i, (text, url) in enumerate(zip(texts, pictures, strict=True)):
        counter = page.record("gallery", [_digits(page, counter_form.format(i=i + 1,
                                                                               n=total))])[0]
        alt = f"{a.title} - {i + 1}"
        if slider:
            hidden = "" if i == 0 else " is-hidden"
            items.append(f'<div class="swiper-slide{hidden}" data-index="{i}"><img '
                         f'data-src="{attr(url)}" alt="{attr(alt)}"><div class="slide-caption">'
                         f'{esc(text)}{credit_html}</div><span class="slide-count">'
                         f"{esc(counter)}</span></div>")
        else:
            items.append(f'<figure class="album-item"><div class="counter">{esc(counter)}</div>'
                         f'<img loading="lazy" src="{attr(url)}" alt="{attr(alt)}"><figcaption>'
                         f"<p>{esc(text)}</p>{credit_html}</figcaption></figure>")
        if i == ad_after:
            items.append(f'<div class="swiper-slide ad-slide is-hidden">{ad}</div>' if slider
                         else ad)
    if not slider:
        return '<div class="album-stack">\n' + "\n".join(items) + "\n</div>"
    buttons = page.record("gallery", list(furniture.GALLERY_NAV[:3]))
    thumbs = "".join(f'<li><img src="{attr(url)}?w=120" alt=""></li>' for url in pictures)
    return ('<div class="album-slider swiper"><div class="swiper-wrapper">\n' + "\n".join(items)
            + '\n</div><button class="swiper-button-prev">' + esc(buttons[0]) + "</button>"
            f'<button class="swiper-button-next">{esc(buttons[1])}</button><button '
            f'class="fullscreen">{esc(buttons[2])}</button><ul class="album-thumbs">{thumbs}'
            "</ul></div>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    intro, slides = page.paragraphs[0], page.paragraphs[1:]
    pictures = [_picture(page) for _ in slides]
    photographer = _photographer(page) if rng.random() < 0.6 else None
    prefix = page.stable("credit").choice(furniture.PHOTO_CREDIT)
    credit = page.record("credit", [f"{prefix}{photographer}"])[0] if photographer else None
    in_captions = credit is not None and page.stable(f"credit-place:{a.kind}").random() < 0.5
    page.layout["photographer"] = ("captions" if in_captions else "meta") if credit else "none"
    media = [{"@type": "ImageObject", "contentUrl": url, "caption": text}
             for url, text in zip(pictures, slides, strict=True)]
    data = meta.news_article(page, description=meta.description(page), associatedMedia=media)
    og_images = "".join(f'<meta property="og:image" content="{attr(url)}">\n'
                        for url in pictures[:4])
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + og_images + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/css/album.css?v=4">\n</head>\n')
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(6, 10)))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    crumbs = page.breadcrumbs()
    photos_crumb = page.pick("breadcrumbs", ("صور", "ألبومات"))
    crumb_html = "".join(f'<li><a href="/{i}">{esc(c)}</a></li>'
                         for i, c in enumerate([*crumbs, photos_crumb]))
    badge = page.pick("label", furniture.GALLERY_BADGES)
    size = page.record("gallery", [_digits(page, page.stable("size").choice(
        furniture.GALLERY_SIZE).format(n=len(slides)))])[0] if slides else ""
    meta_row = []
    if b.visible:
        names = page.linked_names("/writer/")
        meta_row.append(f'<span class="author">{esc(b.prefix)}{names}</span>')
    if credit and not in_captions:
        meta_row.append(f'<span class="photographer">{esc(credit)}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    if size:
        meta_row.append(f'<span class="album-size">{esc(size)}</span>')
    share = "".join(f'<a href="#" class="share">{esc(s)}</a>' for s in page.share())
    cover = ""
    if page.image:
        cap = (f'<figcaption class="cover-caption">{esc(page.image.caption)}</figcaption>'
               if page.image.caption else "")
        cover = (f'<figure class="album-cover"><img src="{attr(page.image.url)}" alt="'
                 f'{attr(a.title)}">{cap}</figure>')
    lead = line = ""
    if page.dateline and page.dateline.position == "body_lead":
        lead = f"<strong>{esc(page.dateline.text)}</strong><br>"
    elif page.dateline:
        line = f'<p class="dateline">{esc(page.dateline.text)}</p>'
    intro_html = f'<div class="album-intro">{line}<p>{lead}{esc(intro)}</p></div>'
    album = _album(page, slides, pictures, credit if in_captions else None) if slides else ""
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", furniture.GALLERY_OTHER)
    others = []
    for link in page.links("related", rng.randint(3, 6), "long_day", thumbs=True):
        count = page.record("related", [_digits(page, f"{rng.randint(5, 30)} صورة")])[0]
        others.append(f'<li><a href="{attr(link.url)}"><img src="{attr(link.thumb or "")}" '
                      f'alt=""><span class="t">{esc(link.title)}</span></a><span class="n">'
                      f'{esc(count)}</span><span class="d">{esc(link.date or "")}</span></li>')
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span>'
                   f"{esc(link.date or '')}</span></li>"
                   for link in page.links("most_read", 5, "numeric_day"))
    comments = page.record("comments", [f"التعليقات ({rng.randint(0, 25)})"])[0]
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    news = page.newsletter()
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="album-page">',
        f'<header class="site-header"><a class="logo" href="/"><img src="'
        f'{attr(thumb_url(page.site, page.stable("logo")))}" alt="{attr(page.label)}"></a>'
        f'<nav><ul>{menu}</ul></nav><form action="/search"><input name="q"></form></header>',
        f'<div class="breaking"><b>{esc(breaking)}</b><ul>{ticker}</ul></div>',
        '<main class="album">',
        f'<ol class="breadcrumb">{crumb_html}</ol>',
        f'<div class="album-head"><span class="badge">{esc(badge)}</span><h1>'
        f"{esc(page.headline)}</h1>"
        + (f'<div class="album-meta">{" ".join(meta_row)}</div>' if meta_row else "")
        + f'<div class="share-bar">{share}</div></div>',
        cover,
        intro_html,
        album,
        f'<div class="tags">{tags}</div>',
        f'<section class="comments"><h3>{esc(comments)}</h3><form>{form}</form></section>',
        "</main>",
        f'<aside><section class="other-albums"><h3>{esc(other_heading)}</h3><ul>'
        f'{"".join(others)}</ul></section><section><h3>{esc(most_heading)}</h3><ol>{most}</ol>'
        f'</section><div class="newsletter"><h4>{esc(news[0])}</h4><p>{esc(news[1])}</p>'
        f"<button>{esc(news[2])}</button></div></aside>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
