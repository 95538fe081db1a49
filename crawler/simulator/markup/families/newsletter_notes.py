"""An Arabic newsletter on a Substack-style publishing platform: one writer's (or two
writers') issue as a web post, with a subtitle under the title, the platform's subscribe
widgets inside the text, and the writer's numbered footnotes at its end.

Head: og and twitter tags, an RSS link, a JSON-LD ``NewsArticle`` (authors as ``Person`` with
their profile URL; the dates only on metadata-dated pages, in UTC written ``+00:00`` or in the
site's offset), and ``window._preloads`` holding the publication's other posts with their
text.
Page: the publication's top bar (logo, name, "اشترك", "تسجيل الدخول") and its tabs (الرئيسية،
ملاحظات، الأرشيف، حول); the post header: ``<h1 class="post-title">``, the subtitle as an
``<h3 class="subtitle">`` (the writer's pitch for the issue: *not* body, and not the title),
the meta row (avatars and the writers' names, "د. X" now and then; for metadata-only bylines
the publication's name instead; the date "14 نوفمبر 2024", day only, on dated pages), the
like / comment / restack / share buttons with their counts.
Body (``div.body.markup``): ``<p>``s with links; a short first sentence on its own now and
then; a ``<blockquote>`` (body); intertitles as ``<h3 class="header-anchor-post">`` (body); a
bulleted list after a lead-in (each ``<li>`` wraps a ``<p>``: body); a captioned image after
the first paragraph (the caption is not body); between paragraphs the subscription widget
("شكرا لقراءتك ... اشترك مجانا ..." with an e-mail field and a button) and a "شارك ..." button:
furniture. Footnotes: up to three paragraphs end with a footnote anchor (a link holding the
number ``1``, ``2``...: not part of the paragraph's text), and the footnotes close the body
(``div.footnote``: the number link, then the note). The notes are the writer's own words:
body paragraphs, after the others, in their order; the numbers are not. A share button may
stand between the last paragraph and the footnotes. The dateline, when shown, is a bold first
paragraph.
After the body: the buttons again, the comments ("التعليقات": names, relative ages or dates,
short or long comments, "رد"), "المزيد من <publication>" (titles, whole-sentence teasers,
dates), the subscribe call ("جاهز للمزيد؟"), the footer (© year writer, الخصوصية ∙ الشروط ∙
إشعار التحصيل, "ابدأ نشرتك الخاصة", the platform line), a hidden subscribe dialog.
Dates: the metadata instant (second) or the meta row's day; undated pages show none (the
archive teasers and the comments still show dates or ages).
"""

from __future__ import annotations

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import slugify

NAME = "newsletter_notes"
TRAITS = Traits(
    date_formats=("long_day", "long_day", "wp_day"),
    date_where=(0.55, 0.25, 0.2), meta_styles=("utc", "utc", "site"),
    visible_with_meta=1.0,
    byline_forms=("bare", "bare", "titled", "meta_only"),
    byline_prefixes={"titled": ("د. ",)},
    byline_positions=("before",),
    two_authors=0.2,
    dateline_positions=("omitted", "omitted", "body_lead"),
    display_title=0.3, image=0.7, caption=0.7,
)


def _handle(name: str) -> str:
    return f"@{slugify(name)}"


def _buttons(page: Page, likes: int, comments: int) -> str:
    like = page.record("reactions", [f"{likes}"])[0] if likes > 9 else ""
    talk = page.record("reactions", [f"{comments} تعليقا"])[0]
    restack, share = page.record("reactions", list(furniture.NL_POST_ACTIONS))
    return (f'<div class="post-ufi"><button class="like-button" aria-label="أعجبني">'
            f'<svg class="heart"></svg><span class="label">{esc(like)}</span></button><a '
            f'class="post-ufi-comment-button" href="#comments">{esc(talk)}</a><button '
            f'class="restack-button">{esc(restack)}</button><button class="share-button">'
            f"{esc(share)}</button></div>")


def _subscribe_widget(page: Page) -> str:
    invite = page.record("newsletter", [furniture.newsletter_invite(page.label)])[0]
    button = page.pick("newsletter", ("اشترك", "اشترك الآن"))
    page.record("newsletter", [furniture.NL_EMAIL])
    return (f'<div class="subscription-widget-wrap-editor" data-component-name='
            f'"SubscribeWidgetToDOM"><div class="subscription-widget show-subscribe"><div '
            f'class="preamble"><p class="cta-caption">{esc(invite)}</p></div><form '
            f'class="subscription-widget-subscribe"><input type="email" class="email-input" '
            f'name="email" tabindex="-1"><div class="fake-input">{esc(furniture.NL_EMAIL)}</div>'
            f'<input type="submit" class="button primary" value="{attr(button)}"><div '
            f'class="fake-button">{esc(button)}</div></form></div></div>')


def _share_button(page: Page) -> str:
    text = page.record("share", [f"شارك {page.label}"])[0]
    return (f'<p class="button-wrapper" data-attrs="{{&quot;url&quot;:&quot;?utm_source='
            f'substack&quot;}}" data-component-name="ButtonCreateButton"><a class="button '
            f'primary" href="?utm_campaign=post"><span>{esc(text)}</span></a></p>')


def _body(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.35, tail=0.15, quote=0.3, subheads=0.4, bullets=0.2)
    paragraphs = [i for i, p in enumerate(parts) if p.kind == "p"]
    count = min(len(paragraphs), rng.choice((0, 1, 1, 2, 2, 3)))
    anchored = sorted(rng.sample(paragraphs, count))
    notes = rng.sample(furniture.FOOTNOTES, count)
    page.layout["footnotes"] = str(count)
    blocks: list[str] = []
    number = 0
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            blocks.append(f'<h3 class="header-anchor-post">{esc(text)}<div class="header-anchor-'
                          f'parent"><div class="header-anchor-widget offset-top" id="§'
                          f'{attr(slugify(text))}"></div></div></h3>')
        elif part.kind == "quote":
            blocks.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "list":
            items = "".join(f"<li><p>{esc(t)}</p></li>" for t in part.texts)
            blocks.append(f"<ul>{items}</ul>")
        else:
            anchor = ""
            if i in anchored:
                number += 1
                anchor = (f'<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM"'
                          f' id="footnote-anchor-{number}" href="#footnote-{number}" '
                          f'target="_self">{number}</a>')
            blocks.append(f"<p>{inline(text, rng, 0.3, '/p/')}{anchor}</p>")
    extras = [_subscribe_widget(page)] if rng.random() < 0.7 else []
    if rng.random() < 0.4:
        extras.append(_share_button(page))
    blocks = weave(blocks, extras, rng)
    if page.image:
        cap = (f'<figcaption class="image-caption">{esc(page.image.caption)}</figcaption>'
               if page.image.caption else "")
        figure = (f'<div class="captioned-image-container"><figure><a class="image-link '
                  f'image2 is-viewable-img" target="_blank" href="{attr(page.image.url)}"><div '
                  f'class="image2-inset"><picture><source type="image/webp" srcset="'
                  f'{attr(page.image.url)}?w=424 424w, {attr(page.image.url)}?w=848 848w"><img '
                  f'src="{attr(page.image.url)}" width="1456" height="819" alt="" '
                  f'loading="lazy"></picture></div></a>{cap}</figure></div>')
        blocks.insert(1, figure)
    if page.dateline:
        blocks.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    if count and rng.random() < 0.4:
        blocks.append(_share_button(page))
    for n, note in enumerate(notes, 1):
        blocks.append(f'<div class="footnote" data-component-name="FootnoteToDOM"><a '
                      f'id="footnote-{n}" href="#footnote-anchor-{n}" class="footnote-number" '
                      f'contenteditable="false" target="_self">{n}</a><div class="footnote-'
                      f'content"><p>{esc(note)}</p></div></div>')
    if notes:
        page.set_body([*page.paragraphs, *notes])
    return ('<div class="available-content"><div dir="auto" class="body markup">\n'
            + "\n".join(blocks) + "\n</div></div>")


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    content = _body(page)
    data = meta.news_article(page, description=meta.description(page))
    author = data.get("author")
    people = author if isinstance(author, list) else [author] if author else []
    for person in people:
        if person.get("@type") == "Person":
            person["url"] = page.site.url(f"/{_handle(person['name'])}")
    preloads = {"pub": {"name": page.label, "language": "ar", "subdomain": page.site.key},
                "post": {"title": a.title, "canonical_url": a.url, "audience": "everyone"},
                "recentPosts": [{"title": i["title"], "description": i["body"], "slug": i["url"]}
                                for i in page.script_articles(rng.randint(2, 4))]}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            '<link rel="alternate" type="application/rss+xml" '
            f'href="{attr(page.site.url("/feed"))}"'
            f' title="{attr(page.label)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + '<meta name="twitter:card" content="summary_large_image">\n'
            + meta.ld_script(data)
            + f"<script>window._preloads = JSON.parse({script_json(script_json(preloads))})"
            "</script>\n</head>\n")
    subtitle = page.record("subtitle", [rng.choice(furniture.DEKS)])[0]
    tabs = page.record("menu", list(furniture.NL_TABS))
    subscribe, sign_in = page.record("menu", list(furniture.NL_ACTIONS))
    tab_html = "".join(f'<a class="pub-tab" href="/{i}">{esc(t)}</a>' for i, t in enumerate(tabs))
    b = page.byline
    if b.visible:
        avatars = "".join(f'<a href="{attr(page.site.url("/" + _handle(n)))}"><img class='
                          f'"avatar" src="/img/profile/{i}.jpg" alt="{attr(n)}"></a>'
                          for i, n in enumerate(b.names))
        names = " و".join(f'<a class="profile-link" href="{attr(page.site.url("/" + _handle(n)))}"'
                          f">{esc(b.prefix)}{esc(n)}</a>" for n in b.names)
        who = (f'<div class="post-header-avatars">{avatars}</div><div class="byline-names">'
               f"{names}</div>")
    else:
        who = (f'<div class="byline-names"><a class="pub-link" href="/">{esc(page.label)}</a>'
               "</div>")
    when = (f'<div class="post-date">{esc(page.date.visible)}</div>'
            if page.date.visible else "")
    likes, comment_count = rng.randint(0, 240), rng.randint(0, 6)
    buttons = _buttons(page, likes, comment_count)
    comments_heading = page.pick("comments", furniture.NL_COMMENT_HEADINGS)
    write, show_all = furniture.NL_COMMENT_FORM
    page.record("comments", [write])
    rows = []
    for _ in range(min(comment_count, 3)):
        reply = page.pick("comments", ("رد", "الرد"))
        name = rng.choice(furniture.COMMENTERS)
        age = page.record("age", [dates.relative(rng)])[0]
        text = (furniture.long_comment(rng) if rng.random() < 0.35
                else rng.choice(furniture.COMMENT_TEXTS))
        page.record("comments", [name, text])
        rows.append(f'<div class="comment"><div class="comment-meta"><a class="commenter-name" '
                    f'href="#">{esc(name)}</a><span class="comment-date">{esc(age)}</span></div>'
                    f'<div class="comment-body"><p>{esc(text)}</p></div><div class="comment-'
                    f'actions"><button>{esc(reply)}</button></div></div>')
    more_heading = page.record("related", [f"المزيد من {page.label}"])[0]
    previews = []
    for link in page.links("related", 3, rng.choice(("long_day", "wp_day"))):
        teaser = page.record("related", [furniture.teaser(rng)])[0]
        previews.append(f'<div class="post-preview"><a class="post-preview-title" href='
                        f'"{attr(link.url)}">{esc(link.title)}</a><div class="post-preview-'
                        f'description">{esc(teaser)}</div><div class="post-preview-meta"><time>'
                        f"{esc(link.date or '')}</time></div></div>")
    ready = page.pick("newsletter", furniture.NL_READY)
    owner = b.names[0] if b.visible else page.label
    copyright_line = page.record("footer", [f"© {page.today.year} {owner}"])[0]
    links = page.record("footer", list(furniture.NL_FOOTER))
    platform = page.pick("footer", furniture.NL_PLATFORM)
    no_thanks = page.pick("newsletter", furniture.NL_NO_THANKS)
    join = page.record("newsletter", [f"اشترك في {page.label}",
                                      f"انضم إلى {rng.randint(2, 90)} ألف مشترك"])
    return head + "\n".join([
        '<body class="pc-root">',
        '<div id="entry"><div class="main-menu"><div class="topbar-content">',
        f'<a class="pub-logo" href="/"><img src="/img/logo.png" alt=""></a><div class="pub-name">'
        f'<a href="/">{esc(page.label)}</a></div>',
        f'<div class="topbar-actions"><a class="button primary subscribe-btn" href="/subscribe">'
        f'{esc(subscribe)}</a><a class="button sign-in-link" href="/sign-in">{esc(sign_in)}'
        "</a></div>",
        f'</div><div class="pub-tabs">{tab_html}</div></div>',
        '<div class="container"><div class="single-post-container"><article class="typography '
        'newsletter-post post">',
        '<div class="post-header">',
        f'<h1 dir="auto" class="post-title published">{esc(page.headline)}</h1>',
        f'<h3 dir="auto" class="subtitle">{esc(subtitle)}</h3>',
        f'<div class="post-meta">{who}{when}</div>',
        buttons,
        "</div>",
        content,
        "</article>",
        buttons.replace('class="post-ufi"', 'class="post-ufi post-footer-ufi"'),
        f'<div class="comments-section" id="comments"><h4>{esc(comments_heading)}</h4><div '
        f'class="comment-input">{esc(write)}</div>{"".join(rows)}'
        + (f'<a class="more-comments" href="/comments">'
           f'{esc(page.record("comments", [show_all])[0])}</a>' if rows else "")
        + "</div>",
        f'<div class="more-posts"><h4>{esc(more_heading)}</h4>{"".join(previews)}</div>',
        f'<div class="subscribe-footer"><h4>{esc(ready)}</h4>{_subscribe_widget(page)}</div>',
        "</div></div>",
        f'<div class="footer-wrap"><div class="footer"><span>{esc(copyright_line)}</span> '
        + " ∙ ".join(f'<a href="/{i}">{esc(x)}</a>' for i, x in enumerate(links))
        + f'<div class="platform">{esc(platform)}</div></div></div>',
        f'<dialog class="subscribe-dialog"><h3>{esc(join[0])}</h3><p>{esc(join[1])}</p>'
        f'<form><input type="email"><button>{esc(subscribe)}</button></form><button '
        f'class="no-thanks">{esc(no_thanks)}</button></dialog>',
        "</div>",
        "</body>\n</html>\n",
    ])
