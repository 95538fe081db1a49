"""A story of a portal's society desk (مجتمع / "وفيات وتعازي") on the page of the day's death
notices: the desk's story beside the paid notice the family ran (نعي: the verse, "بقلوب مؤمنة
بقضاء الله وقدره تنعى عائلات ..."، the deceased "المرحوم الحاج X"، the death day, the funeral
prayer and the burial, the days the condolences are received and where), the mourners' list
("الحزانى": sons, brothers, in-laws, each a name), the condolence messages readers and bodies
sent ("تعزية من ...") and the day's other notices with their days: names that are not the
authors, days that are not the story's and solemn prose that is not its text.

Body (``div.story-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles: body), typed per section of a site as ``<p>``s, ``<div class="para">``s
or ``<br><br>`` runs (``layout["text"]``); the dateline a line of its own above them or their
bold start. Not body: the notice (``section.notice``, black-framed: verse, opening, name, the
death line "انتقل إلى رحمة الله تعالى يوم <day>" one to three days before the story, funeral,
condolences "تقبل التعازي ... يومي <day> و<day>", the closing "إنا لله وإنا إليه راجعون"), the
mourners (``ul.mourners``), "قدم تعزيتك" and the publish-a-notice line, the condolence messages
(``section.condolences``, names and later days), the other notices ("وفيات اليوم"), an ad and
read-also lines between the parts. Each section of a site places the notice one way
(``layout["notice"]``): ``above``, before the ``<h1>`` (the notice's own name line "المرحوم
..." is then the first heading-like line of the page); ``inside``, between two parts of the
text; ``side``, in the sidebar.

Bylines: "كتب: X", "بقلم: X", the bare name, or metadata only, before or after the text; the
deceased, the mourners and the senders are no authors. Head: og tags; on metadata-dated pages
(and for metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``.
Dates: metadata (second) or the meta row (minute or day); the notice's days are never between
the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "condolence_notices"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "weekday_time", "paired_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "كتبت: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

MEN = ("عبد الحميد", "صالح", "إبراهيم", "مصطفى", "جمال", "عبد القادر", "رشيد", "المختار")
WOMEN = ("زينب", "خديجة", "عائشة", "حليمة", "فوزية", "رقية")
FAMILY = ("البرغوثي", "الطرابلسي", "العمراني", "الكتاني", "الحسيني", "الشريف", "الدويري",
          "الحلبي")
"""The deceased, the mourners and the senders: a pool of their own, none an author."""
VERSES = ("يا أيتها النفس المطمئنة ارجعي إلى ربك راضية مرضية",
          "كل نفس ذائقة الموت", "وبشر الصابرين الذين إذا أصابتهم مصيبة قالوا إنا لله وإنا إليه "
          "راجعون")
OPENING = "بقلوب مؤمنة بقضاء الله وقدره، تنعى عائلات {a} و{b} وأنسباؤهم فقيدهم الغالي"
DECEASED = ("المرحوم الحاج {name}", "المرحوم بإذن الله {name}", "المغفور له {name}")
ROLES = ("المدير السابق لمدرسة الأمل", "التاجر المعروف في سوق المدينة",
         "الموظف المتقاعد من البريد", "المهندس الزراعي", "أحد وجهاء الحي")
DIED = "الذي انتقل إلى رحمة الله تعالى يوم {day} عن عمر ناهز {age} عاما"
FUNERAL = ("وقد شيع جثمانه الطاهر بعد صلاة {prayer} من مسجد {mosque}، ووري الثرى في مقبرة "
           "{cemetery}")
PRAYERS = ("الظهر", "العصر", "المغرب")
MOSQUES = ("الرحمة", "النور", "الهدى", "التقوى", "الإمام مالك")
CEMETERIES = ("الشهداء", "الغفران", "باب الرب", "المدينة القديمة")
RECEIVED = "تقبل التعازي في {place} يومي {a} و{b} من بعد صلاة العصر حتى العشاء"
PLACES = ("قاعة المناسبات بحي السلام", "منزل الفقيد بحي الزيتون", "ديوان العائلة",
          "دار المناسبات الاجتماعية")
CLOSING = ("إنا لله وإنا إليه راجعون", "لا حول ولا قوة إلا بالله")
MOURNERS = ("الحزانى", "الحزانى والمفجوعون")
RELATIONS = (("أبناؤه", MEN), ("بناته", WOMEN), ("أشقاؤه", MEN), ("شقيقاته", WOMEN),
             ("أحفاده", MEN))
CONDOLE = ("قدم تعزيتك", "أرسل تعزية")
PUBLISH = ("لنشر النعي والتعازي يرجى التواصل مع قسم الإعلانات المبوبة",
           "لنشر إعلانات الوفاة اتصل بخدمة الإعلانات على مدار الساعة")
MESSAGES_HEADINGS = ("رسائل التعزية", "تعازي القراء")
MESSAGES = ("تتقدم أسرة {org} بأحر التعازي وأصدق المواساة إلى عائلة الفقيد",
            "رحم الله الفقيد وأسكنه فسيح جناته وألهم أهله الصبر والسلوان",
            "عظم الله أجركم وأحسن عزاءكم وغفر لميتكم")
ORGS = ("جمعية أولياء التلاميذ", "نادي المتقاعدين", "غرفة التجارة والصناعة", "رابطة الحي")
OTHERS_HEADINGS = ("وفيات اليوم", "نعي")


def _name(page: Page, first: tuple[str, ...] = MEN + WOMEN) -> str:
    return f"{page.rng.choice(first)} {page.rng.choice(FAMILY)}"


def _notice(page: Page, base: datetime) -> str:
    rng, a = page.rng, page.article
    died = base - timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 10))

    def day(moment: datetime) -> str:
        return dates.visible(moment, "weekday_day", a.site, page.eastern)

    families = rng.sample(FAMILY, 2)
    deceased = rng.choice(DECEASED).format(name=f"{rng.choice(MEN)} {families[0]}")
    lines = page.record("notice", [
        rng.choice(VERSES),
        OPENING.format(a=families[0], b=families[1]),
        deceased, rng.choice(ROLES),
        page.digits(DIED.format(day=day(died), age=rng.randint(58, 94))),
        FUNERAL.format(prayer=rng.choice(PRAYERS), mosque=rng.choice(MOSQUES),
                       cemetery=rng.choice(CEMETERIES)),
        RECEIVED.format(place=rng.choice(PLACES), a=day(died + timedelta(days=1)),
                        b=day(died + timedelta(days=2))),
        rng.choice(CLOSING)])
    heading = page.pick("notice", MOURNERS)
    mourners = []
    for relation, pool in rng.sample(RELATIONS, rng.randint(2, 4)):
        names = "، ".join(dict.fromkeys(f"{rng.choice(pool)} {families[0]}"
                                        for _ in range(rng.randint(1, 3))))
        mourners.append(page.record("mourners", [f"{relation}: {names}"])[0])
    condole = page.pick("notice", CONDOLE)
    publish = page.pick("notice", PUBLISH)
    return (f'<section class="notice" style="border:3px solid #000">'
            f'<p class="verse">{esc(lines[0])}</p><p>{esc(lines[1])}</p>'
            f'<h2 class="deceased">{esc(lines[2])}</h2><p class="role">{esc(lines[3])}</p>'
            + "".join(f"<p>{esc(x)}</p>" for x in lines[4:7])
            + f'<p class="closing"><b>{esc(lines[7])}</b></p>'
            f'<h4>{esc(heading)}</h4><ul class="mourners">'
            + "".join(f"<li>{esc(x)}</li>" for x in mourners)
            + f'</ul><a class="condole" href="#condolences">{esc(condole)}</a>'
            f'<p class="publish"><small>{esc(publish)}</small></p></section>')


def _messages(page: Page, base: datetime) -> str:
    rng, a = page.rng, page.article
    heading = page.pick("condolences", MESSAGES_HEADINGS)
    items = []
    for text in rng.sample(MESSAGES, rng.randint(1, 3)):
        who = _name(page)
        when = dates.visible(base + timedelta(hours=rng.randint(2, 60)), "numeric_time", a.site,
                             page.eastern)
        line = text.format(org=rng.choice(ORGS))
        page.record("condolences", [who, when, line])
        items.append(f'<li><b>{esc(who)}</b> <span class="when">{esc(when)}</span>'
                     f"<p>{esc(line)}</p></li>")
    return (f'<section class="condolences" id="condolences"><h3>{esc(heading)}</h3><ul>'
            + "".join(items) + "</ul></section>")


def _others(page: Page, base: datetime) -> str:
    rng, a = page.rng, page.article
    heading = page.pick("others", OTHERS_HEADINGS)
    items = []
    for _ in range(rng.randint(3, 5)):
        who = rng.choice(DECEASED).format(name=_name(page, MEN))
        day = dates.visible(base - timedelta(days=rng.randint(0, 6)), "long_day", a.site,
                            page.eastern)
        page.record("others", [who, day])
        items.append(f'<li><a href="/obituaries/{rng.randint(1000, 99999)}">{esc(who)}</a> '
                     f'<span class="d">{esc(day)}</span></li>')
    return f'<div class="others"><h3>{esc(heading)}</h3><ul>' + "".join(items) + "</ul></div>"


def render(page: Page) -> str:
    rng = page.rng
    place = page.stable(f"notice:{page.section}").choice(("above", "inside", "side"))
    style = page.stable(f"text:{page.section}").choice(chrome.STYLES)
    page.layout.update(notice=place, text=style)
    base = page.article.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    top = chrome.header(page, "gregorian_hijri")
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.2)
    notice = _notice(page, base)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(notice)
    story = chrome.text(page, parts, style, blocks, "story-text")
    messages = _messages(page, base)
    others = _others(page, base)
    main, side, foot = chrome.after(page)
    return chrome.head(page) + "\n".join([
        '<body class="obituaries">',
        top,
        '<div class="layout"><main>',
        notice if place == "above" else "",
        '<article class="story">',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page),
        page.lead_figure(),
        chrome.share(page),
        story,
        chrome.signed(page),
        "</article>",
        messages,
        main,
        "</main>",
        '<aside class="sidebar">',
        notice if place == "side" else "",
        others,
        side,
        "</aside></div>",
        foot,
    ])

