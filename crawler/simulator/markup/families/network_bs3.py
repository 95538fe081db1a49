"""The network's rendered-text order (site-facts.md) in a Bootstrap 3 + jQuery build of the kind
the network's CMS generation would have shipped: navbar, jQuery News Ticker, responsive
duplicates (``hidden-xs`` / ``visible-xs``), ``thumbnail`` captions, ``media`` objects, hAtom
microformats, AdSense slots, and "قد يهمك ايضا:" typed by the editor *inside* the body field.

Head: the plain title, og tags, ``<link rel="amphtml">``; metadata-dated pages carry
``article:published_time``.
Page (in the network's order): the plain title as a visually hidden ``<h1 class="sr-only">``
(in the text, never on screen: the page's only ``<h1>``); the navbar with the header clock
(``navbar-text``) and the label line as the brand; the menu; the ticker (``ul#js-news`` of
``li.news-item`` headlines) closed by "أخر الأخبار"; the display title as ``<h2 class=
"hidden-xs">`` and, on most pages, again as ``<h3 class="visible-xs">`` (both in the text);
the label line again; for news the label-prefixed title (``<h4 class="lead">``), the date line
when the date is shown (network GMT format, or a paired-month day; on metadata-dated pages an
hAtom ``<abbr class="published" title="ISO">``), the image in a ``thumbnail`` whose caption is a
``<p>``, the dateline as a ``<p class="text-danger">`` line or the body's bold lead; for opinion
the plain title (``<h4>``) and the author line (a writer link with the photo; the bare name then
"بقلم - name" now and then).
Body: ``<div class="entry-content">`` of ``<p>``s with an AdSense ``<ins>`` slot between them;
on most pages the editor's "قد يهمك ايضا:" and its two headlines follow as ``<p>``s *inside*
the same ``<div>`` (bold label, linked headlines), otherwise in a panel after it.
After the body: the logo twice (``<img alt>`` and a ``sr-only`` span with the alt text), the
comment form (``form-group`` labels, the terms checkbox, the security code), the title twice in
a ``well``, related stories as ``media`` objects (heading link, place ``<p>``, date ``<p>``),
the footer lines and the address.
"""

from __future__ import annotations

from crawler.simulator.markup import meta
from crawler.simulator.markup.families import network
from crawler.simulator.markup.kit import attr, esc, weave
from crawler.simulator.markup.page import Page

NAME = "network_bs3"
TRAITS = network.traits(dateline_positions=("line", "line", "body_lead"),
                        date_formats=("network_gmt", "network_gmt", "paired_day"))


def _ad(page: Page) -> str:
    rng = page.rng
    return ('<div class="ad-inarticle text-center"><ins class="adsbygoogle" style="display:block"'
            f' data-ad-client="ca-pub-{rng.getrandbits(50):015d}" data-ad-slot="'
            f'{rng.randint(10**9, 10**10)}" data-ad-format="auto"></ins><script>(adsbygoogle = '
            "window.adsbygoogle || []).push({});</script></div>")


def _writer(page: Page, parts: network.NetworkParts) -> str:
    if not page.byline.visible:
        return ""
    writer_id = page.article.url.split("/w-")[-1].split("/")[0] if "/w-" in page.article.url \
        else str(page.rng.randint(100, 3000))
    photo = (f'<img class="img-circle" width="48" src="https://img.{page.site.domain}/writers/'
             f'{attr(writer_id)}.jpg" alt="{attr(page.byline.joined())}">')
    line = (f'<div class="writer clearfix"><a href="/w-{attr(writer_id)}/">{photo} '
            f"{esc(page.byline.text())}</a></div>")
    if parts.name_then_byline:
        return f'<div class="writer-name"><strong>{esc(page.byline.joined())}</strong></div>{line}'
    return line


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    parts = network.parts(page)
    label = esc(parts.label_line)
    scheme, rest = a.url.split("://", 1)
    host, _, path = rest.partition("/")
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)}</title>\n" + meta.open_graph(page, image=False)
            + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + f'<link rel="amphtml" href="{attr(f"{scheme}://{host}/amp/{path}")}">\n'
            '<link rel="stylesheet" href="/assets/css/bootstrap-rtl.min.css">\n'
            '<link rel="stylesheet" href="/assets/css/ticker-style.css">\n</head>\n')
    menu = "".join(f'<li><a href="/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker = "".join(f'<li class="news-item"><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in parts.ticker)
    top = [f'<h2 class="display hidden-xs">{esc(page.headline)}</h2>']
    if rng.random() < 0.7:
        top.append(f'<h3 class="display visible-xs">{esc(page.headline)}</h3>')
    top.append(f'<div class="brand-line">{label}</div>')
    date = ""
    if page.date.where == "metadata" and page.date.machine is not None and page.date.visible:
        date = (f'<p class="text-muted"><small><abbr class="published" title="'
                f'{page.date.machine.value}">{esc(page.date.visible)}</abbr></small></p>')
    elif page.date.visible:
        date = f'<p class="text-muted"><small>{esc(page.date.visible)}</small></p>'
    if a.kind == "opinion":
        top += [f"<h4>{esc(a.title)}</h4>", _writer(page, parts), date]
    else:
        top += [f'<h4 class="lead"> {label} {esc(a.title)}</h4>', date]
        if page.image:
            cap = (f'<div class="caption"><p>{esc(page.image.caption)}</p></div>'
                   if page.image.caption else "")
            top.append(f'<div class="thumbnail"><img class="img-responsive" '
                       f'src="{attr(page.image.url)}" alt="">{cap}</div>')
        if page.dateline and page.dateline.position == "line":
            top.append(f'<p class="text-danger"><strong>{esc(page.dateline.text)}</strong></p>')
    paragraphs = [f"<p>{esc(p)}</p>" for p in page.paragraphs]
    paragraphs = weave(paragraphs, [_ad(page)], rng)
    if page.dateline and page.dateline.position == "body_lead":
        paragraphs.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    may_items = [f'<a href="{attr(link.url)}">{esc(link.title)}</a>'
                 for link in parts.may_interest]
    may_after = ""
    if rng.random() < 0.65:
        page.layout["may_interest"] = "in_body"
        paragraphs.append(f"<p><strong>{esc(parts.may_interest_title)}</strong></p>")
        paragraphs += [f"<p>{item}</p>" for item in may_items]
    else:
        page.layout["may_interest"] = "panel"
        may_after = (f'<div class="panel panel-default"><div class="panel-heading">'
                     f"{esc(parts.may_interest_title)}</div><ul class=\"list-group\">"
                     + "".join(f'<li class="list-group-item">{item}</li>' for item in may_items)
                     + "</ul></div>")
    page.record("logo", [parts.logo_alt])
    logo = f'<img src="https://img.{page.site.domain}/logo.png" alt="{attr(parts.logo_alt)}">'
    labels = parts.comment_labels
    groups = "".join(f'<div class="form-group"><label class="control-label">{esc(x)}</label>'
                     '<input class="form-control"></div>' for x in labels[:4])
    form = (f'<form class="form-horizontal" method="post" action="/comment">{groups}'
            f'<span class="help-block">{esc(labels[4])}</span><span class="help-block">'
            f'{esc(labels[5])}</span><a href="/terms">{esc(labels[6])}</a><p class="small">'
            f'{esc(labels[7])}</p><div class="checkbox"><label><input type="checkbox"> '
            f'{esc(labels[8])}</label></div><div class="form-group"><label>{esc(labels[9])}'
            '</label><img src="/captcha.php" alt=""><input class="form-control"></div></form>')
    related = "".join(f'<div class="media"><div class="media-body"><h4 class="media-heading">'
                      f'<a href="{attr(r.link.url)}">{esc(r.link.title)}</a></h4><p>{esc(r.place)}'
                      f'</p><p class="small">{esc(r.link.date or "")}</p></div></div>'
                      for r in parts.related)
    footer = "".join(f"<p>{esc(x)}</p>" for x in parts.footer)
    return head + "\n".join([
        "<body>",
        f'<h1 class="sr-only">{esc(a.title)}</h1>',
        '<nav class="navbar navbar-default navbar-static-top"><div class="container">',
        f'<p class="navbar-text navbar-left">{esc(parts.clock)}</p>',
        f'<div class="navbar-header"><a class="navbar-brand" href="/">{label}</a></div>',
        f'<ul class="nav navbar-nav">{menu}</ul>',
        "</div></nav>",
        f'<div class="container"><div class="ticker-wrapper has-js"><ul id="js-news" '
        f'class="js-hidden">{ticker}</ul><div class="ticker-end">{esc(parts.ticker_end)}</div>'
        "</div></div>",
        '<div class="container"><div class="row"><div class="col-md-8 col-sm-12">',
        '<div class="hentry">',
        "\n".join(x for x in top if x),
        '<div class="entry-content">\n' + "\n".join(paragraphs) + "\n</div>",
        may_after,
        "</div>",
        f'<div class="logos">{logo}<span class="sr-only">{esc(parts.logo_alt)}</span>{logo}</div>',
        form,
        f'<div class="well well-sm">{esc(a.title)} {esc(a.title)}</div>',
        f'<div class="related">{related}</div>',
        "</div></div></div>",
        f'<footer class="footer"><div class="container">{footer}<p class="address">'
        f"{esc(parts.address)}</p></div></footer>",
        '<script src="/assets/js/jquery-1.11.3.min.js"></script>',
        '<script src="/assets/js/jquery.ticker.js"></script>',
        "<script>$(function () { $('#js-news').ticker({titleText: ''}); });</script>",
        "</body>\n</html>\n",
    ])
