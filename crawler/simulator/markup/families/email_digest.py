"""The web version of the site's weekly e-mail newsletter (النشرة البريدية: "عرض في المتصفح"),
whose featured block carries the week's story in full ("مقال الأسبوع" for a column, "قصة الأسبوع"
for a news story): the campaign's HTML as the mailing service keeps it in its archive, with
the e-mail's own structure: nested ``<table role="presentation">`` layout, inline styles,
``<!--[if mso]>`` conditionals, a hidden preheader, no ``<article>``, ``<main>``, ``<header>`` or
``<footer>``.

Head: the subject line as the title ("العدد 87: <headline>"), og tags of the *issue* (its subject,
its preheader, its archive address), the e-mail's ``<style>`` with media queries. No JSON-LD:
on metadata-dated pages (and for metadata-only bylines) the featured block carries the
article's microdata as the newsletter template writes it (``itemscope`` ``NewsArticle`` with
``<meta itemprop="datePublished">`` and the author ``Person``'s name). Text-dated and undated
pages carry no machine date.
Page: the preheader (``display:none``: the issue's teaser, not the article), "عرض هذه الرسالة في
المتصفح" and the sender's address line, the masthead (the logo, the newsletter's name, "العدد
87 | الأحد 24 نوفمبر 2024": the *issue's* day, the site's newsletter weekday, one to seven days
after the article's publication),
a row of section links, on some sites the editor's letter ("صباح الخير،", two sentences, the
editor-in-chief's name: no author); then the featured block: the label chip, the headline (an
``<h1>``, or a styled ``<td>`` and no ``<h1>`` anywhere on the page, per site and kind of story:
``layout["title"]``), the meta line (the byline when it goes before, the date on dated pages
with its label "نُشر على الموقع:"), the lead image and its caption.
Body (``td[data-block="story"]``), one way per section of a site (``layout["text"]``):
``<p style>`` paragraphs, or runs of text separated by ``<br><br>`` in the one cell
(intertitles then a bold line of their own); quotes in a bordered ``<blockquote>``; the dateline
a bold line of its own or the bold start of the first paragraph; a read-also line and, in some
sections (``layout["sponsor"]`` ``inside``), the sponsor's box ("برعاية" and its offer) between two
parts: not body.
After it: the signature when the byline goes after, "اقرأ على الموقع" button, the forward and
share links, the sponsor's box (``after``), "رقم الأسبوع" (a figure and a sentence about it, on
some pages), "أبرز ما نشرنا هذا الأسبوع" (headlines with dates and cut teasers), the week's most
read, the social links, the subscription footer (why you receive it, unsubscribe, preferences,
the postal address) and the copyright.
Dates: the microdata (second or day) or the meta line (day or minute); undated pages show the
issue's day (above the headline) and the teasers' dates only.
"""

from __future__ import annotations

from datetime import date, timedelta

from crawler.simulator.markup import body, dates, furniture
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, break_runs, esc, inline, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "email_digest"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "wp_day", "numeric_day", "weekday_comma_day",
                  "ampm_comma"),
    date_where=(0.35, 0.4, 0.25), meta_styles=("site", "utc_z", "plus3"), meta_day_only=0.2,
    visible_with_meta=0.7, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "biqalam", "bare", "kataba", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.4, image=0.75, caption=0.5,
)

NEWSLETTERS = ("النشرة الأسبوعية", "موجز الأسبوع", "رسالة الأحد", "نشرة نهاية الأسبوع")
ISSUE = "العدد {n} | {day}"
FIRST_ISSUE = date(2023, 1, 1)
"""Issue 1 of every site's newsletter: one issue a week since."""
PREHEADER = "في عدد هذا الأسبوع: {headline}، وقصص أخرى اخترناها لكم"
TOP = ("عرض هذه الرسالة في المتصفح", "أضف {sender} إلى جهات الاتصال لضمان وصول رسائلنا")
LABELS = {"opinion": ("مقال الأسبوع", "رأي الأسبوع"), "news": ("قصة الأسبوع", "خبر الأسبوع")}
DATE_LABELS = ("نُشر على الموقع:", "تاريخ النشر على الموقع:")
GREETINGS = ("صباح الخير،", "أهلا بكم،", "قراءنا الأعزاء،")
LETTERS = ("نضع بين أيديكم عددا جديدا من نشرتنا، اخترنا فيه ما نعتقد أنه يستحق وقتكم من بين ما "
           "نشرناه خلال الأيام الماضية.",
           "كان أسبوعا مزدحما بالأحداث، وحاولنا أن نختصره لكم في قراءة واحدة مطولة وعدد من "
           "العناوين التي فاتتكم ربما.",
           "نشكركم على رسائلكم واقتراحاتكم، ونعدكم بأن نأخذها بعين الاعتبار في الأعداد المقبلة.",
           "كالعادة، يمكنكم الرد على هذه الرسالة مباشرة إن كان لديكم تعليق أو تصحيح.")
"""The editor's letter (written for this generator): the newsletter's words, not the story."""
EDITORS = ("ماهر الشدياق", "نوال القباني", "فيصل الزعبي", "رجاء بلحاج", "عماد الطرابلسي")
"""Editors-in-chief who sign the letter: a pool of names of their own (never an author)."""
EDITOR_ROLE = "{name}، رئيس التحرير"
READ_ON_SITE = ("اقرأ على الموقع", "تابع القراءة على موقعنا")
FORWARD = ("أرسل هذه النشرة إلى صديق", "هل وصلتك هذه الرسالة من صديق؟ اشترك الآن")
SPONSOR = ("برعاية", "{brand}", "{offer}", "اعرف المزيد")
BRANDS = (("بنك المدينة", "حساب توفير بعائد شهري ومن دون رسوم فتح حساب"),
          ("شركة سما للطيران", "رحلات مباشرة يومية إلى أربع عواصم أوروبية هذا الشتاء"),
          ("جامعة الأفق الخاصة", "التسجيل مفتوح في برامج الماجستير المسائية"))
"""The issue's sponsors (invented) and their offers."""
NUMBER_HEADING = "رقم الأسبوع"
NUMBERS = (("37%", "نسبة الأسر التي قالت في مسح حديث إنها خفضت إنفاقها على الترفيه هذا العام."),
           ("1.2 مليون", "عدد الزوار الذين استقبلتهم المتاحف الوطنية خلال الصيف الماضي."),
           ("14", "عدد المدن التي تنتظر افتتاح خطوط نقل جديدة قبل نهاية العقد."))
"""The number of the week and its sentence (written for this generator): not the story."""
WEEK_HEADINGS = ("أبرز ما نشرنا هذا الأسبوع", "فاتكم هذا الأسبوع")
MOST_HEADING = "الأكثر قراءة هذا الأسبوع"
SOCIAL = ("فيسبوك", "إكس", "إنستغرام", "يوتيوب", "تيليجرام")
WHY = "تلقيت هذه الرسالة لأنك مشترك في النشرة البريدية لموقع {label}."
MANAGE = ("إلغاء الاشتراك", "تحديث تفضيلاتك", "سياسة الخصوصية")
ADDRESS = "{label}، ص.ب {box}، بيروت، لبنان"
P = 'style="margin:0 0 16px;font-size:17px;line-height:1.7;color:#222222;text-align:right"'
TD = 'style="padding:0 24px;font-family:Tahoma,Arial,sans-serif;direction:rtl"'


def _row(inner: str, attrs: str = TD) -> str:
    return f"<tr><td {attrs}>{inner}</td></tr>"


def _table(rows: str, extra: str = "") -> str:
    return (f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            f'border="0"{extra}>{rows}</table>')


def _story(page: Page, parts: list[Part], style: str, sponsor: str) -> str:
    """The featured text's cell: paragraphs or ``<br>`` runs, and the boxes between parts."""
    rng = page.rng
    pieces: list[tuple[str, bool]] = []  # (html, a run of text that only <br>s separate)
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f'<strong style="font-size:19px">{esc(text)}</strong>', True)
                          if style == "br" else (f'<h2 style="font-size:20px;margin:0 0 12px">'
                                                 f"{esc(text)}</h2>", False))
        elif part.kind == "quote":
            pieces.append((f'<blockquote style="margin:0 0 16px;padding:0 12px;border-right:4px '
                           f'solid #b00020;font-style:italic">{esc(text)}</blockquote>', False))
        elif part.kind == "list":
            pieces.append(('<ul style="margin:0 0 16px;padding:0 20px 0 0">'
                           + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>", False))
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            pieces.append((f"<b>{esc(page.dateline.text)}:</b> {inline(text, rng, 0.15)}", True))
        else:
            pieces.append((inline(text, rng, 0.15), True))
    if style == "p":
        pieces = [(f"<p {P}>{h}</p>" if run else h, False) for h, run in pieces]
    extras = [(sponsor, False)] if sponsor else []
    for link in page.links("read_also", rng.randint(0, 1)):
        extras.append((f'<div class="read-also" style="margin:0 0 16px;font-weight:bold">'
                       f'{esc(page.pick("read_also", furniture.READ_ALSO))} <a href="'
                       f'{attr(link.url)}?utm_source=newsletter" style="color:#b00020">'
                       f"{esc(link.title)}</a></div>", False))
    pieces = weave(pieces, extras, rng)
    if page.dateline and page.dateline.position == "line":
        pieces.insert(0, (f'<p class="dateline" style="margin:0 0 8px;font-weight:bold;'
                          f'color:#b00020">{esc(page.dateline.text)}</p>', False))
    return (f'<td class="mcnTextContent" data-block="story" {TD[:-1]};font-size:17px;'
            f'line-height:1.7">\n' + "\n".join(break_runs(pieces)) + "\n</td>")


def _sponsor(page: Page) -> str:
    brand, offer = page.rng.choice(BRANDS)
    strings = page.record("sponsor", [SPONSOR[0], brand, offer, SPONSOR[3]])
    return (f'<table role="presentation" width="100%" class="sponsor" style="margin:0 0 16px;'
            f'background:#f6f1e7;border:1px solid #e0d6c2"><tr><td style="padding:12px">'
            f'<span style="font-size:11px;color:#777">{esc(strings[0])}</span><br><b>'
            f"{esc(strings[1])}</b><br>{esc(strings[2])}<br><a href=\"https://ads.example-"
            f'adserver.com/c/{page.rng.getrandbits(32):x}" style="color:#b00020">'
            f"{esc(strings[3])}</a></td></tr></table>")


def _microdata(page: Page) -> str:
    """The featured block's microdata: the date on metadata-dated pages, the names given."""
    out = f'<link itemprop="url" href="{attr(page.article.url)}">'
    if page.date.where == "metadata" and page.date.machine is not None:
        out += f'<meta itemprop="datePublished" content="{page.date.machine.value}">'
    for name in page.byline.names if page.byline.form != "none" else ():
        out += (f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
                f'<meta itemprop="name" content="{attr(name)}"></span>')
    return out


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    # the template has a block for a column and one for a news story, each with its own title
    title_tag = page.stable(f"title:{a.kind}").choice(("h1", "td"))
    style = page.stable(f"text:{page.section}").choice(("p", "br"))
    sponsor_place = page.stable(f"sponsor:{page.section}").choice(("inside", "after"))
    letter = page.stable("letter").random() < 0.6
    page.layout.update(title=title_tag, text=style, sponsor=sponsor_place,
                       letter="yes" if letter else "no")
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    local = base.astimezone(zone)  # the newsletter goes out on the site's weekday, after it
    ahead = (page.stable("weekday").randrange(7) - local.weekday()) % 7 or 7
    issue_day = (local + timedelta(days=ahead)).replace(hour=rng.choice((6, 7, 8)), minute=0)
    number = (issue_day.date() - FIRST_ISSUE).days // 7 + 1
    newsletter = page.pick("masthead", NEWSLETTERS)
    domain = page.site.domain
    sender = f"newsletter@{domain}"
    archive_url = f"https://{domain}/newsletter/archive/{number}"

    other = furniture.headline(rng)
    preheader = page.record("preheader", [PREHEADER.format(headline=other)])[0]
    subject = f"العدد {number}: {page.headline}"
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl" xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="x-apple-disable-message-reformatting">\n'
            f"<title>{esc(subject)}</title>\n"
            f'<meta property="og:title" content="{attr(subject)}">\n'
            f'<meta property="og:description" content="{attr(preheader)}">\n'
            f'<meta property="og:url" content="{attr(archive_url)}">\n'
            "<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch>"
            "</o:OfficeDocumentSettings></xml><![endif]-->\n"
            "<style>body{margin:0;padding:0}@media only screen and (max-width:620px){"
            ".wrap{width:100%!important}}</style>\n</head>\n")

    top = page.record("top", [TOP[0], TOP[1].format(sender=sender)])
    issue = page.record("masthead", [page.digits(ISSUE.format(
        n=number, day=dates.visible(issue_day, "weekday_day", a.site)))])[0]
    sections = "".join(f'<a href="{attr(page.site.url(f"/s/{i}"))}" style="color:#333;'
                       f'text-decoration:none;margin:0 8px">{esc(m)}</a>'
                       for i, m in enumerate(page.menu(3, 5)))
    rows = [_row(f'<span style="font-size:12px;color:#888">{esc(top[0])}</span> | <span '
                 f'style="font-size:12px;color:#888">{esc(top[1])}</span>'),
            _row(f'<img src="https://img.{domain}/newsletter/logo.png" width="180" alt="'
                 f'{attr(page.label)}" style="display:block"><div style="font-size:22px;'
                 f'font-weight:bold">{esc(newsletter)}</div><div style="color:#666">'
                 f"{esc(issue)}</div>"),
            _row(sections, 'style="padding:8px 24px;border-bottom:1px solid #ddd"')]
    if letter:
        greeting = page.pick("letter", GREETINGS)
        words = page.record("letter", rng.sample(LETTERS, 2))
        sign = page.record("letter", [EDITOR_ROLE.format(name=page.stable("editor").choice(
            EDITORS))])[0]
        rows.append(_row(f"<p {P}>{esc(greeting)}</p><p {P}>{esc(' '.join(words))}</p>"
                         f'<p {P}><i>{esc(sign)}</i></p>'))

    chip = page.pick("label", LABELS[a.kind])
    title = (f'<h1 style="font-size:26px;line-height:1.4;margin:8px 0">{esc(page.headline)}</h1>'
             if title_tag == "h1" else "")
    meta_line = []
    if b.visible and b.position == "before":
        meta_line.append(f'<span style="color:#444">{esc(b.text())}</span>')
    if page.date.visible:
        label = page.pick("date_label", DATE_LABELS)
        meta_line.append(f'<span style="color:#888">{esc(label)} {esc(page.date.visible)}</span>')
    featured = [_row(f'<span style="background:#b00020;color:#fff;font-size:12px;padding:2px '
                     f'8px">{esc(chip)}</span>{title}')]
    if title_tag == "td":  # the headline as a styled cell: no heading element on the page
        featured.append(f'<tr><td style="padding:8px 24px;font-size:26px;font-weight:bold;'
                        f'line-height:1.4;font-family:Tahoma,Arial,sans-serif">'
                        f"{esc(page.headline)}</td></tr>")
    if meta_line:
        featured.append(_row(" | ".join(meta_line), 'style="padding:0 24px 12px;font-size:13px"'))
    if page.image:
        cap = (f'<div style="font-size:12px;color:#777;padding:4px 0">{esc(page.image.caption)}'
               "</div>" if page.image.caption else "")
        featured.append(_row(f'<img src="{attr(page.image.url)}" width="552" alt="" '
                             f'style="display:block;width:100%;height:auto">{cap}'))
    sponsor = _sponsor(page)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.1)
    story = _story(page, parts, style, sponsor if sponsor_place == "inside" else "")
    featured.append(f"<tr>{story}</tr>")
    if b.visible and b.position == "after":
        featured.append(_row(f'<p {P}><i>{esc(b.text())}</i></p>'))
    read_on = page.pick("read_on_site", READ_ON_SITE)
    featured.append(_row(f'<a href="{attr(a.url)}?utm_source=newsletter&amp;utm_medium=email" '
                         f'style="display:inline-block;background:#b00020;color:#fff;padding:10px '
                         f'18px;text-decoration:none">{esc(read_on)}</a>'))
    microdata = (' itemscope itemtype="https://schema.org/NewsArticle"'
                 if page.date.where == "metadata" or b.in_metadata else "")
    if microdata:
        featured.insert(0, f"<tr><td>{_microdata(page)}</td></tr>")
        featured.append(f'<tr><td><meta itemprop="headline" content="{attr(a.title)}"></td></tr>')

    forward = page.pick("forward", FORWARD)
    share = "".join(f'<a href="#" style="margin:0 6px">{esc(s)}</a>' for s in page.share())
    after = [_row(f'<a href="#" style="color:#b00020">{esc(forward)}</a><div>{share}</div>')]
    if sponsor_place == "after":
        after.append(_row(sponsor))
    if rng.random() < 0.5:
        figure, sentence = rng.choice(NUMBERS)
        heading, shown, said = page.record("number", [NUMBER_HEADING, page.digits(figure),
                                                      sentence])
        after.append(_row(f'<div style="font-size:13px;color:#888">{esc(heading)}</div><div '
                          f'style="font-size:40px;font-weight:bold">{esc(shown)}</div><p {P}>'
                          f"{esc(said)}</p>"))
        page.layout["number"] = "yes"
    week_heading = page.pick("latest", WEEK_HEADINGS)
    teasers = "".join(f'<tr><td {TD}><a href="{attr(link.url)}" style="font-size:17px;'
                      f'font-weight:bold;color:#111">{esc(link.title)}</a><div style="font-size:'
                      f'12px;color:#888">{esc(link.date or "")}</div><p {P}>'
                      f"{esc(link.excerpt or '')}</p></td></tr>"
                      for link in page.links("latest", rng.randint(3, 4), "weekday_day",
                                             excerpts=True))
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    page.record("most_read", [MOST_HEADING])
    social = "".join(f'<a href="#" style="margin:0 6px">{esc(s)}</a>'
                     for s in page.record("social", list(SOCIAL)))
    why = page.record("subscription", [WHY.format(label=page.label)])[0]
    manage = page.record("subscription", list(MANAGE))
    address = page.record("subscription", [page.digits(ADDRESS.format(
        label=page.label, box=page.stable("box").randint(1100, 9900)))])[0]
    footer = page.footer()
    small = 'style="padding:16px 24px;font-size:12px;color:#888;text-align:center"'
    after += [_row(f'<h3 style="font-size:18px">{esc(week_heading)}</h3>'),
              teasers,
              _row(f'<h3 style="font-size:18px">{esc(MOST_HEADING)}</h3><ol>{most}</ol>'),
              _row(social, small),
              _row(f"<p>{esc(why)}</p><p>" + " | ".join(f'<a href="#">{esc(m)}</a>'
                                                        for m in manage)
                   + f"</p><p>{esc(address)}</p><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p>",
                   small)]
    return head + "\n".join([
        '<body style="margin:0;padding:0;background-color:#f2f2f2">',
        f'<span style="display:none;max-height:0;overflow:hidden;opacity:0">{esc(preheader)}'
        "</span>",
        '<center style="width:100%;background-color:#f2f2f2">',
        '<!--[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]-->',
        '<div class="wrap" style="max-width:600px;margin:0 auto;background:#ffffff">',
        _table("".join(rows)),
        _table("\n".join(featured), f' id="templateBody"{microdata}'),
        _table("\n".join(after), ' id="templateFooter"'),
        "</div>",
        "<!--[if mso]></td></tr></table><![endif]-->",
        "</center>",
        f'<img src="https://{domain}/newsletter/open.gif?i={number}&amp;u='
        f'{rng.getrandbits(40):x}" width="1" height="1" alt="">',
        "</body>\n</html>\n",
    ])
