"""A thread of the portal's community forum (منتديات / "كتابات الأعضاء") whose first post is the
article: a writer posting a column under his own name, a member reposting a story with its
writer's "بقلم" line inside the post, or the forum's staff account posting the news; the
members' replies, quoting the first post, follow it. Each site runs one forum software
(``layout["skin"]``): ``vb``, a vBulletin 4 style (``<h1>`` "الموضوع: title", the post in a
``<blockquote class="postcontent">``, XHTML ``<br />``), or ``xf``, a XenForo 2 style (the thread
prefix inside the ``<h1>``, every post an ``<article class="message">`` with its body in an
``<article class="message-body">``).

Body: the first post's text (``div#post_message_*`` > ``blockquote.postcontent`` or the first
``article.message-body`` > ``div.bbWrapper``): the article's parts as BB-code lines, runs of text
separated by ``<br>`` (two per paragraph in some sections of a site, one in others:
``layout["breaks"]`` ``double`` / ``single``), intertitles a bold line of their own, a quoted
statement in the forum's quote box (body here, in the first post), a list as ``<ul>``. The
dateline, when shown, is a red bold line of its own or the bold start of the first paragraph.
Not body inside the post: the picture and its caption (``div.bbImageWrapper``, the lead image),
the writer's line ("بقلم: X", before or after the text, ``layout["byline_position"]``), the
reposter's closing line ("منقول للفائدة") and smiley.

Authors: the poster when he signs with his own name (``bare``: the member card and the
"بادئ الموضوع" line name him); otherwise the "بقلم" line's names, and the poster (a member's
nickname "قلم حر", or on unsigned pages a staff account "إدارة المنتدى") is no author, though the
XenForo JSON-LD names him as ``author``. No metadata-only bylines.
Not body either: the title's prefix ("[منقول]", a label "مقال"), the member cards (name, rank,
"تاريخ التسجيل: Mar 2011" / "عضو منذ 2011", country, post count), the post's number "#1", the
edit note ("آخر تعديل بواسطة X؛ ..."), the signature under a rule, the thanks / likes bar
(members' nicknames), the replies (other members' words; a reply quoting the first post repeats
one of its sentences under "اقتباس" / "X قال:"), the pager ("الصفحة 1 من 3"), the thread tools,
the similar threads (title, starter, forum, replies, last post's date), the viewers line, the
posting rules, the quick-reply box.

Dates: the first post's date (the thread's, under the ``<h1>`` too in XenForo) is the article's:
on text-dated pages in the page's format, on metadata-dated pages a ``<time datetime>`` inside
the post's permalink (so in a link) whose text is the date or, when the page shows no visible
date, its age ("منذ 3 أسابيع"), with the JSON-LD ``DiscussionForumPosting`` (xf) or
``article:published_time`` (vb) holding it; on undated pages only the age. Replies and the edit
note follow the first post's style (dates after it, or ages). Undated pages show the similar
threads' dates, the replies' ages and the footer's clock ("الساعة الآن ...": render time).
Page: the forum header (logo, the login box or links, the tabs), breadcrumbs (the forum, its
section, the thread in vb), the guests' notice, the title, the pager and tools, the posts, an ad
after the first post, the similar threads, the viewers, the rules (vb), the footer (time zone
and clock, the software's credit line, the site's copyright and links).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "forum_thread"
TRAITS = Traits(
    date_formats=("numeric_ampm", "time_first", "numeric_time", "day_at_time",
                  "weekday_comma_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("bare", "bare", "biqalam_colon", "biqalam", "katib"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.4, image=0.6, caption=0.6,
)

FORUM_NAMES = ("منتديات {label}", "منتدى {label}", "ملتقى {label}")
SECTIONS = {"news": ("منتدى الأخبار العامة", "الأخبار المحلية والعربية"),
            "opinion": ("مقالات وآراء", "كتابات الأعضاء", "منبر الرأي")}
PREFIXES = {"news": ("خبر", "عاجل", "منقول"), "opinion": ("مقال", "رأي", "منقول")}
NICKNAMES = ("ابن البلد", "عاشق الوطن", "نسمة الصباح", "قلم حر", "صدى الحروف", "متابع_الأخبار",
             "zaher77", "ريحانة الشام", "أبو_أنس", "فارس الكلمة", "بنت الأطلس", "nour_2010",
             "المسافر", "حكيم زمانه")
"""Members' nicknames (written for this generator): no person's name, never an author."""
STAFF = ("إدارة المنتدى", "مشرف قسم الأخبار", "فريق الأخبار", "الإدارة العامة")
"""Staff accounts: the forum's own, no author."""
RANKS = ("عضو جديد", "عضو نشيط", "عضو فعال", "عضو مميز", "كبار الشخصيات")
STAFF_RANKS = ("الإدارة", "مشرف عام")
WRITER_RANKS = ("كاتب", "قلم مميز")
COUNTRIES = ("المغرب", "مصر", "الأردن", "تونس", "الجزائر", "السعودية", "الإمارات", "فلسطين",
             "لبنان", "عمان")
JOIN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
REPOST_ENDS = ("منقول للفائدة", "منقول مع التحية", "للأمانة: منقول")
SIGNATURES = ("اللهم اجعل هذا العمل خالصا لوجهك الكريم", "لا تنسونا من صالح دعائكم",
              "الكلمة الطيبة صدقة", "ليس كل ما يعرف يقال، ولا كل ما يقال حان وقته",
              "من جد وجد ومن زرع حصد")
"""Members' signatures: a line under the post, not the post."""
EDITED = "آخر تعديل بواسطة {name}؛ {when}"
NOTICE = ("مرحبا بك في {forum}. إذا كانت هذه زيارتك الأولى فننصحك بقراءة التعليمات، ولن تتمكن من "
          "المشاركة قبل التسجيل.")
VIEWERS = {"vb": "الأعضاء الذين يشاهدون هذا الموضوع الآن: {n} (0 من الأعضاء و {n} زائر)",
           "xf": "المستخدمون الذين يشاهدون هذا الموضوع: المجموع {n} (الأعضاء: 0، الزوار: {n})"}
PAGER = ("الصفحة 1 من {n}", "التالي")
SIMILAR_HEADINGS = ("المواضيع المتشابهة", "مواضيع مشابهة")
SIMILAR_COLUMNS = ("الموضوع", "كاتب الموضوع", "المنتدى", "الردود", "آخر مشاركة")
RULES = ("قوانين المشاركة", "لا تستطيع إضافة مواضيع جديدة", "لا تستطيع الرد على المواضيع",
         "لا تستطيع إرفاق ملفات", "لا تستطيع تعديل مشاركاتك", "كود BB متاح", "الابتسامات متاحة",
         "كود HTML معطل")
CLOCK = "جميع الأوقات بتوقيت GMT +{off}. الساعة الآن {t}."
SKIN: dict[str, dict[str, Any]] = {
    "vb": {"tabs": ("الرئيسية", "المنتديات", "مشاركات جديدة", "التقويم", "البحث", "المجموعات"),
           "login": ("اسم العضو", "كلمة المرور", "تذكرني؟", "دخول", "التسجيل"),
           "title": "الموضوع:", "tools": ("إضافة رد", "أدوات الموضوع", "طريقة العرض"),
           "controls": ("رد مع اقتباس", "شكر", "تبليغ عن مشاركة"),
           "join": "تاريخ التسجيل", "place": "الدولة", "posts": "المشاركات",
           "quote": ("اقتباس:", "المشاركة الأصلية كتبت بواسطة {name}"),
           "thanks": "الأعضاء الذين شكروا {name} على هذه المشاركة:",
           "reply": ("رد سريع", "اكتب ردك هنا", "إرسال الرد", "الانتقال إلى المحرر المتقدم"),
           "credit": ("Powered by vBulletin® Version 4.2.5",
                      "Copyright © 2024 vBulletin Solutions, Inc. All rights reserved."),
           "br": "<br />"},
    "xf": {"tabs": ("المنتديات", "ما الجديد", "الأعضاء", "بحث"),
           "login": ("تسجيل الدخول", "تسجيل"),
           "title": "", "tools": ("متابعة", "مشاركة:", "رد"),
           "controls": ("إعجاب", "رد مع اقتباس", "رد", "تبليغ"),
           "join": "عضو منذ", "place": "الموقع", "posts": "مستوى التفاعل",
           "quote": ("{name} قال:",),
           "thanks": "أعجب بهذا: {names}",
           "reply": ("يجب عليك تسجيل الدخول أو التسجيل للرد هنا.", "تسجيل الدخول", "تسجيل"),
           "credit": ("Community platform by XenForo® © 2010-2024 XenForo Ltd.",
                      "الشروط والقواعد", "سياسة الخصوصية", "مساعدة"),
           "br": "<br>"},
}
"""Each forum software's strings (the vendors' credit lines are their own, in English)."""
STARTER = ("بادئ الموضوع", "تاريخ البدء")


def _when(page: Page, moment: datetime) -> str:
    """A post's time as this page prints them: the page's format, or an age."""
    if page.date.visible is None:
        return page.digits(dates.age(page.today - moment))
    zone = page.date.machine.zone if page.date.machine else None
    if zone is not None and zone.utcoffset(None) == timedelta(0):
        zone = None
    return dates.visible(moment, page.layout["date_format"], page.article.site, page.eastern,
                         zone)


def _stamp(page: Page, moment: datetime, skin: str, shown: str, machine: str = "") -> str:
    """The post's time linked to the post: a ``<time datetime>`` on metadata-dated pages."""
    if page.date.where == "metadata":
        value = machine or moment.isoformat(timespec="seconds")
        inner = f'<time class="u-dt" datetime="{attr(value)}">{esc(shown)}</time>'
    else:
        inner = f'<span class="{"u-dt" if skin == "xf" else "date"}">{esc(shown)}</span>'
    return f'<a href="#post" class="u-concealed">{inner}</a>'


def _member(page: Page, skin: str, name: str, rank: str) -> str:
    """A member card: name, rank, avatar, join date, place, post count."""
    rng, s = page.rng, SKIN[skin]
    year = rng.randint(2008, 2021)
    join = (f"{rng.choice(JOIN_MONTHS)} {year}" if skin == "vb" else str(year))
    values = page.record("member", [name, rank, s["join"], page.digits(join), s["place"],
                                    rng.choice(COUNTRIES), s["posts"],
                                    page.digits(f"{rng.randint(40, 9800):,}")])
    avatar = f'<img src="/forum/avatars/{rng.randint(10, 99999)}.jpg" alt="{attr(name)}">'
    extra = "".join(f"<dt>{esc(values[i])}</dt><dd>{esc(values[i + 1])}</dd>"
                    for i in (2, 4, 6))
    if skin == "vb":
        return (f'<div class="userinfo"><div class="username_container"><a class="username" '
                f'href="/forum/member.php?u={rng.randint(10, 99999)}"><strong>{esc(name)}</strong>'
                f'</a></div><span class="usertitle">{esc(rank)}</span>{avatar}'
                f'<dl class="userinfo_extra">{extra}</dl></div>')
    return (f'<div class="message-cell message-cell--user"><section class="message-user">'
            f'<div class="message-avatar">{avatar}</div><div class="message-userDetails">'
            f'<h4 class="message-name"><a class="username" href="/forum/members/'
            f'{rng.randint(10, 99999)}/">{esc(name)}</a></h4><h5 class="userTitle">'
            f'{esc(rank)}</h5></div>'
            f'<div class="message-userExtras"><dl>{extra}</dl></div></section></div>')


def _post_text(page: Page, parts: list[Part], skin: str, breaks: str, poster_signs: bool,
               reposted: bool) -> str:
    """The first post's BB-code output: lines joined by breaks, blocks between them."""
    rng, b, br = page.rng, page.byline, SKIN[skin]["br"]
    pieces = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append(f'<b><span style="font-size: 18px">{esc(text)}</span></b>')
        elif part.kind == "quote":
            pieces.append(f'<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="'
                          f'bbCodeBlock-content">{esc(text)}</div></blockquote>' if skin == "xf"
                          else f'<div class="bbcode_container"><div class="bbcode_quote">'
                               f'<div class="quote_container">{esc(text)}</div></div></div>')
        elif part.kind == "list":
            pieces.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            pieces.append(f"<b>{esc(page.dateline.text)}:</b> {inline(text, rng, 0.15)}")
        else:
            pieces.append(inline(text, rng, 0.15))
    if page.dateline and page.dateline.position == "line":
        pieces.insert(0, f'<b><span style="color: #b22222">{esc(page.dateline.text)}</span></b>')
    if b.visible and not poster_signs:  # the writer's line, typed into the post
        line = f"<b>{esc(b.text())}</b>"
        if b.position == "before":
            pieces.insert(0, line)
        else:
            pieces.append(line)
    if reposted:
        end = page.pick("repost", REPOST_ENDS)
        pieces.append(f'<i>{esc(end)}</i> <img src="/forum/images/smilies/smile.png" alt=":)" '
                      'class="inlineimg">')
    if page.image:
        cap = f"{br}<i>{esc(page.image.caption)}</i>" if page.image.caption else ""
        pieces.insert(0, f'<div class="bbImageWrapper"><img src="{attr(page.image.url)}" '
                         f'class="bbImage" alt="">{cap}</div>')
    joint = f"{br}\n{br}\n" if breaks == "double" else f"{br}\n"
    return joint.join(pieces)


def _post(page: Page, skin: str, number: int, member: str, stamp: str, content: str,
          after: str = "") -> str:
    """One post in the skin's markup (``content`` its text, ``after`` edit note and signature)."""
    rng, s = page.rng, SKIN[skin]
    post_id = rng.randint(100000, 999999)
    controls = "".join(f'<a href="#" rel="nofollow">{esc(c)}</a>'
                       for c in page.record("post_controls", list(s["controls"])))
    counter = page.record("post_number", [page.digits(f"#{number}")])[0]
    if skin == "vb":
        return (f'<li class="postbitlegacy postcontainer" id="post_{post_id}">'
                f'<div class="posthead"><span class="postdate">{stamp}</span> <span class="'
                f'nodecontrols"><a class="postcounter" href="#post{post_id}">{esc(counter)}</a>'
                f'</span></div><div class="postdetails">{member}<div class="postbody">'
                f'<div class="content"><div id="post_message_{post_id}"><blockquote class="'
                f'postcontent restore">\n{content}\n</blockquote></div></div>{after}</div></div>'
                f'<div class="postfoot"><span class="postcontrols">{controls}</span></div></li>')
    return (f'<article class="message message--post" id="js-post-{post_id}"><div class="'
            f'message-inner">{member}<div class="message-cell message-cell--main"><div class="'
            f'message-main"><header class="message-attribution"><ul class="message-attribution-'
            f'main"><li>{stamp}</li></ul><ul class="message-attribution-opposite"><li><a href="'
            f'#post-{post_id}">{esc(counter)}</a></li></ul></header><div class="message-content">'
            f'<div class="message-userContent"><article class="message-body"><div class="'
            f'bbWrapper">\n{content}\n</div></article></div>{after}</div><footer class="message-'
            f'footer"><div class="message-actionBar">{controls}</div></footer></div></div></div>'
            "</article>")


def _replies(page: Page, skin: str, base: datetime, poster: str) -> list[str]:
    rng, s, br = page.rng, SKIN[skin], SKIN[skin]["br"]
    out, moment = [], base
    for k in range(rng.randint(2, 5)):
        moment = moment + timedelta(hours=rng.randint(1, 30), minutes=rng.randrange(60))
        name = rng.choice(NICKNAMES)
        words = page.record("replies", [rng.choice(furniture.COMMENT_TEXTS) if rng.random() < 0.6
                                        else furniture.long_comment(rng)])[0]
        content = esc(words)
        if rng.random() < 0.4:  # quoting a sentence of the first post: another copy of it
            said = body.sentences(rng.choice([p for p in page.paragraphs
                                              if len(p.split()) > 8]))[0]
            heads = page.record("replies", [h.format(name=poster) for h in s["quote"]])
            content = (f'<div class="bbcode_container"><div class="bbcode_description">'
                       f'{esc(heads[0])}</div><div class="bbcode_quote"><div class="quote_'
                       f'container"><div class="bbcode_postedby">{esc(heads[1])}</div><div class'
                       f'="message">{esc(said)}</div></div></div></div>{content}'
                       if skin == "vb" else
                       f'<blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--'
                       f'quote" data-quote="{attr(poster)}"><div class="bbCodeBlock-title">'
                       f'{esc(heads[0])}</div><div class="bbCodeBlock-content">{esc(said)}</div>'
                       f"</blockquote>{br}{content}")
        when = page.record("replies", [_when(page, moment)])[0]
        member = _member(page, skin, name, rng.choice(RANKS))
        out.append(_post(page, skin, k + 2, member, _stamp(page, moment, skin, when), content))
    return out


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    skin = page.stable("skin").choice(("vb", "xf"))
    breaks = page.stable(f"breaks:{page.section}").choice(("double", "single"))
    s = SKIN[skin]
    poster_signs = b.form == "bare" and len(b.names) == 1  # the writer posts under his name
    reposted = b.visible and not poster_signs
    if poster_signs:
        poster, rank = b.names[0], page.stable("writer-rank").choice(WRITER_RANKS)
    elif reposted:
        poster, rank = rng.choice(NICKNAMES), rng.choice(RANKS)
    else:
        poster, rank = page.stable("staff").choice(STAFF), page.stable("staff-rank").choice(
            STAFF_RANKS)
    page.layout.update(skin=skin, breaks=breaks,
                       poster="writer" if poster_signs else "member" if reposted else "staff")
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    forum = page.record("logo", [page.stable("forum").choice(FORUM_NAMES).format(
        label=page.label)])[0]
    section = page.pick("breadcrumbs", SECTIONS[a.kind])
    own = [x for x in PREFIXES[a.kind] if x != "منقول"]  # a writer's own post is no copy
    prefix = page.record("thread_prefix", ["منقول" if reposted and rng.random() < 0.6
                                           else rng.choice(own)])[0]
    pages = rng.randint(2, 4)

    shown = _when(page, base)
    machine = page.date.machine.value if page.date.machine else ""
    edited = None
    if rng.random() < 0.4:
        edited = base + timedelta(hours=rng.randint(1, 20), minutes=rng.randrange(60))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            + ('<meta name="generator" content="vBulletin 4.2.5">\n' if skin == "vb" else "")
            + f"<title>{esc(page.headline)} {'-' if skin == 'vb' else '|'} {esc(forum)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            f'<link rel="next" href="{attr(a.url)}?page=2">\n' + meta.open_graph(page))
    if skin == "vb":
        head += meta.article_times(page, modified=False)
    elif page.date.where == "metadata" and page.date.machine:
        posting: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "DiscussionForumPosting", "@id": a.url,
            "headline": a.title, "articleSection": section, "datePublished": machine,
            "author": {"@type": "Person", "name": poster}, "mainEntityOfPage": {
                "@type": "WebPage", "@id": a.url}}
        if edited:
            posting["dateModified"] = dates.shifted_iso(page.date.machine, edited - base)
        head += meta.ld_script(posting)
    head += f'<link rel="stylesheet" href="/forum/css/{skin}.css">\n</head>\n'

    tabs = page.record("menu", list(s["tabs"]))
    login = page.record("login", list(s["login"]))
    crumbs = [forum, section]
    notice = page.record("notice", [NOTICE.format(forum=forum) if skin == "vb"
                                    else furniture.COOKIE_NOTICES[0][0]])[0]
    title_label = page.record("thread_title", [s["title"]])[0] if s["title"] else ""
    pager = page.record("pager", [page.digits(PAGER[0].format(n=pages)), PAGER[1]])
    pager_html = (f'<div class="pagination"><span>{esc(pager[0])}</span> '
                  + " ".join(f'<a href="?page={k}">{esc(page.digits(str(k)))}</a>'
                             for k in range(1, pages + 1))
                  + f' <a rel="next" href="?page=2">{esc(pager[1])}</a></div>')
    tools = "".join(f'<a href="#" rel="nofollow">{esc(t)}</a>'
                    for t in page.record("tools", list(s["tools"])))

    parts = body.shape(page, lead=0.15, quote=0.15, subheads=0.2, bullets=0.15)
    content = _post_text(page, parts, skin, breaks, poster_signs, reposted)
    after = ""
    if edited:
        editor = poster if rng.random() < 0.5 else page.stable("moderator").choice(NICKNAMES)
        note = page.record("edited", [EDITED.format(name=editor, when=_when(page, edited))])[0]
        after += (f'<blockquote class="postcontent lastedited">{esc(note)}</blockquote>'
                  if skin == "vb" else f'<div class="message-lastEdit">{esc(note)}</div>')
        page.layout["edited"] = "yes"
    if poster_signs or reposted:
        signature = page.record("signature", [page.stable(f"sig:{poster}").choice(SIGNATURES)])[0]
        after += (f'<blockquote class="signature restore"><div class="signaturecontainer">'
                  f"__________________<br />{esc(signature)}</div></blockquote>" if skin == "vb"
                  else f'<aside class="message-signature"><div class="bbWrapper">{esc(signature)}'
                       "</div></aside>")
    stamp = _stamp(page, base, skin, shown, machine)
    if page.date.visible is None:  # an age, never the date
        page.record("age", [shown])
    first = _post(page, skin, 1, _member(page, skin, poster, rank), stamp, content, after)
    fans = page.record("thanks", rng.sample([n for n in NICKNAMES if n != poster], 3))
    thanks_label = page.record("thanks", [s["thanks"].format(name=poster, names="، ".join(fans))])
    thanks = (f'<div class="thanks"><b>{esc(thanks_label[0])}</b> '
              + ("، ".join(esc(f) for f in fans) if skin == "vb" else "") + "</div>")
    ad_label = page.pick("ad", furniture.AD_LABELS)
    ad = f'<div class="ad-between-posts"><span>{esc(ad_label)}</span></div>'
    replies = _replies(page, skin, base, poster)

    similar_heading = page.pick("similar", SIMILAR_HEADINGS)
    page.record("similar", list(SIMILAR_COLUMNS))
    rows = []
    for link in page.links("similar", rng.randint(3, 5), "numeric_ampm"):
        cells = page.record("similar", [rng.choice(NICKNAMES), rng.choice(
            SECTIONS["news"] + SECTIONS["opinion"]), page.digits(str(rng.randint(1, 60)))])
        rows.append(f'<tr><td><a href="{attr(link.url)}">{esc(link.title)}</a></td>'
                    + "".join(f"<td>{esc(c)}</td>" for c in cells)
                    + f"<td>{esc(link.date or '')}</td></tr>")
    viewers = page.record("viewers", [page.digits(VIEWERS[skin].format(n=rng.randint(1, 9)))])[0]
    rules = page.record("rules", list(RULES)) if skin == "vb" else []
    reply_box = page.record("quick_reply", list(s["reply"]))
    zone = dates.site_zone(a.site)
    now = page.today.astimezone(zone)
    clock = page.record("clock", [page.digits(CLOCK.format(
        off=dates.SITE_OFFSETS.get(a.site, 0),
        t=f"{now.hour % 12 or 12:02d}:{now:%M} {'ص' if now.hour < 12 else 'م'}"))])[0]
    credit = page.record("credit", list(s["credit"]))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))

    title_html = (f'<h1>{esc(title_label)} <span class="threadtitle"><span class="prefix">'
                  f'[{esc(prefix)}]</span> <a href="{attr(a.url)}">{esc(page.headline)}</a></span>'
                  "</h1>" if skin == "vb" else
                  f'<h1 class="p-title-value"><span class="label label--blue">{esc(prefix)}'
                  f'</span><span class="label-append">&nbsp;</span>{esc(page.headline)}</h1>')
    starter = ""
    if skin == "xf":  # the thread's starter and start date under the title
        labels = page.record("starter", list(STARTER))
        starter = (f'<div class="p-description"><ul class="listInline"><li>{esc(labels[0])} '
                   f'<a class="username">{esc(poster)}</a></li><li>{esc(labels[1])} '
                   f"{_stamp(page, base, skin, shown, machine)}</li></ul></div>")
    if skin == "vb":
        login_html = (f'<form id="navbar_loginform" action="/forum/login.php"><label>'
                      f'{esc(login[0])}</label><input type="text" name="vb_login_username">'
                      f'<label>{esc(login[1])}</label><input type="password" '
                      f'name="vb_login_password"><label>'
                      f'<input type="checkbox">{esc(login[2])}</label><button type="submit">'
                      f'{esc(login[3])}</button></form><a href="/forum/register.php">'
                      f"{esc(login[4])}</a>")
        posts = ('<div id="postlist"><ol id="posts" class="posts">\n' + first
                 + f"\n<li>{thanks}</li>\n<li>{ad}</li>\n" + "\n".join(replies) + "\n</ol></div>")
        crumb_html = ('<div id="breadcrumb"><ul>' + "".join(
            f'<li class="navbit"><a href="/forum/{i}">{esc(c)}</a></li>'
            for i, c in enumerate(crumbs))
            + f'<li class="navbit lastnavbit"><span>{esc(page.headline)}</span></li></ul></div>')
        reply_html = (f'<div id="quickreply"><h4>{esc(reply_box[0])}</h4><label>{esc(reply_box[1])}'
                      f'</label><textarea name="message"></textarea><button>{esc(reply_box[2])}'
                      f'</button> <a href="#">{esc(reply_box[3])}</a></div>')
    else:
        login_html = "".join(f'<a href="/forum/login/">{esc(x)}</a>' for x in login)
        posts = ('<div class="block-body js-replyNewMessageContainer">\n' + first + "\n" + thanks
                 + "\n" + ad + "\n" + "\n".join(replies) + "\n</div>")
        crumb_html = ('<ul class="p-breadcrumbs">' + "".join(
            f'<li><a href="/forum/{i}"><span>{esc(c)}</span></a></li>'
            for i, c in enumerate(crumbs)) + "</ul>")
        reply_html = (f'<div class="block-outer">{esc(reply_box[0])} <a href="/forum/login/">'
                      f'{esc(reply_box[1])}</a> <a href="/forum/register/">{esc(reply_box[2])}'
                      "</a></div>")
    return head + "\n".join([
        f'<body class="{"forum-vb" if skin == "vb" else "template-thread_view"}">',
        f'<div id="header"><a href="/forum/" class="logo"><img src="/forum/images/logo.png" '
        f'alt="{attr(forum)}"></a><div class="toplinks">{login_html}</div></div>',
        '<div id="navbar"><ul>' + "".join(f'<li><a href="/forum/{i}">{esc(t)}</a></li>'
                                          for i, t in enumerate(tabs)) + "</ul></div>",
        crumb_html,
        f'<div class="notices"><p>{esc(notice)}</p></div>',
        f'<div id="pagetitle">{title_html}{starter}</div>',
        f'<div id="above_postlist">{pager_html}<div class="thread-tools">{tools}</div></div>',
        posts,
        f'<div id="below_postlist">{pager_html}</div>',
        reply_html,
        f'<div class="similar"><h3>{esc(similar_heading)}</h3><table><tr>'
        + "".join(f"<th>{esc(c)}</th>" for c in SIMILAR_COLUMNS) + "</tr>" + "".join(rows)
        + "</table></div>",
        f'<div class="viewers"><p>{esc(viewers)}</p></div>',
        ('<div class="rules"><h4>' + esc(rules[0]) + "</h4><ul>"
         + "".join(f"<li>{esc(r)}</li>" for r in rules[1:]) + "</ul></div>") if rules else "",
        f'<div id="footer"><p class="clock">{esc(clock)}</p><p class="credit">'
        + " | ".join(esc(c) for c in credit) + f"</p><nav>{utility}</nav><p>{esc(footer[0])}</p>"
        f"<p>{esc(footer[1])}</p></div>",
        "</body>\n</html>\n",
    ])

