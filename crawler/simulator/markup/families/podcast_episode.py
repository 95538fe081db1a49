"""A podcast / radio episode page (بودكاست، برنامج إذاعي) of a portal's audio section: the
article is the episode's written summary, set between the audio player, the episode's
chapters and the program's list of earlier episodes with their durations and air dates.

Body: the summary's parts under the heading "ملخص الحلقة" / "عن هذه الحلقة" (the heading is
not body): the article's paragraphs, now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles (body), in ``div.episode-summary``. The dateline,
when shown, is the summary's first line (``p.dateline``) or the bold start of its first
paragraph ("عمان - عمان اليوم:", the text after it is body).

The episode bar above the ``<h1>``: the program's name ("برنامج: نبض الشارع"), the episode
number and season ("الحلقة 57 - الموسم 3"); no date. Under the ``<h1>`` the meta row: the byline
when it goes before (the summary's writer: "إعداد: X", "إعداد وتحرير: X", "كتب: X", "تحرير
النص: X", "ملخص الحلقة بقلم: X", the bare name; ``meta_only`` in metadata), the *voices* line
right after it ("تقديم: Y" the host and "ضيف الحلقة: Z" / "ضيوف الحلقة: Z، W" the guests, with
their roles: people on the air, never authors; their names come from a pool of their own), and
the page's date with its label on text-dated pages (also on some metadata-dated ones).
The player (``div.player``: "استمع إلى الحلقة", the duration "00:42:17" / "42 دقيقة", "تحميل
الحلقة", the speed "1x") stands per section of a site (``layout["player"]``) above the episode
bar (``top``) or after the summary's first part inside ``div.episode-summary``
(``after_lead``); never between the title and the text. The recording line
("سجلت الحلقة في 3 نوفمبر 2024": two to ten days *before* the publication) is in the player.
After the summary: the byline when it goes after (the same forms, on a line of its own), the
chapters ("محاور الحلقة": a start time and a topic per row), the platforms line ("استمع عبر:
Apple Podcasts، Spotify، ساوند كلاود"), tags, earlier episodes ("حلقات سابقة": title, number,
duration, air date: before the publication), most listened, the footer.

Head: og tags (``og:type`` ``article``, ``og:audio``); on every page a JSON-LD
``PodcastEpisode`` with ``episodeNumber``, ``timeRequired`` and an ``associatedMedia``
``AudioObject`` whose ``uploadDate`` is the *recording* day (a machine date that is not the
page's date); on metadata-dated pages (and for metadata-only bylines) also a ``NewsArticle``
and ``article:published_time``. Text-dated and undated pages carry no machine publication
date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the recording
day, the chapters' times, the episode list's dates and durations and the header's day.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "podcast_episode"
TRAITS = Traits(
    date_formats=("weekday_time", "long_day", "numeric_time", "levant_day", "ampm_comma"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "kataba", "edited_by", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "إعداد وتحرير: ", "كتب: "),
                     "edited_by": ("تحرير النص: ", "ملخص الحلقة بقلم: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.6, caption=0.5,
)

PROGRAMS = ("نبض الشارع", "مساء الخير يا وطن", "حديث الأربعاء", "على الموجة", "قهوة الصباح",
            "ملفات ساخنة")
PROGRAM_LABELS = ("برنامج:", "البرنامج:", "من برنامج:")
SUMMARY_HEADINGS = ("ملخص الحلقة", "عن هذه الحلقة", "في هذه الحلقة")
HOST_LABELS = ("تقديم:", "يقدمها:")
GUEST_LABELS = ("ضيف الحلقة:", "ضيوف الحلقة:")
VOICE_FIRST = ("رانية", "مجدي", "ليلى", "طارق", "نسرين", "يونس", "هالة", "مروان", "سلمى",
               "عادل")
VOICE_FAMILY = ("البستاني", "الزعبي", "بنعلي", "الشامي", "القباني", "الفاسي", "المصري",
                "الحوراني")
"""Hosts and guests: a pool of names of their own (never an author)."""
GUEST_ROLES = ("خبير في الشأن الاقتصادي", "أستاذة العلوم السياسية", "باحث في علم الاجتماع",
               "رئيسة جمعية حماية المستهلك", "محلل رياضي")
PLAYER = (("استمع إلى الحلقة", "تحميل الحلقة", "سرعة التشغيل"),
          ("تشغيل", "تنزيل الملف الصوتي", "السرعة"))
RECORDED = ("سجلت الحلقة في {day}", "تاريخ التسجيل: {day}")
CHAPTER_HEADINGS = ("محاور الحلقة", "فصول الحلقة")
CHAPTERS = ("مقدمة وترحيب بالضيف", "خلفية الموضوع", "آراء المستمعين", "أسئلة الجمهور",
            "قراءة في الأرقام", "ماذا بعد؟", "كلمة أخيرة", "فاصل ثم نعود")
PLATFORMS = ("استمع عبر:", "تابع البرنامج على:")
PLATFORM_NAMES = ("Apple Podcasts", "Spotify", "ساوند كلاود", "Google Podcasts", "أنغامي")
EPISODE_HEADINGS = ("حلقات سابقة", "حلقات البرنامج", "استمع أيضا")
EPISODE_TITLES = ("هل تعود الأسعار إلى ما كانت عليه؟", "جيل الشاشات وأزمة القراءة",
                  "المدن الذكية بين الحلم والواقع", "ماذا يعني التقاعد المبكر؟",
                  "كرة القدم النسوية تكسب جمهورها", "الهجرة الصامتة للكفاءات",
                  "السياحة الداخلية في زمن الغلاء", "رمضان بين الأمس واليوم")
MOST_HEARD = ("الأكثر استماعا", "الحلقات الأكثر استماعا")
LABEL_EPISODE = "الحلقة {n}"
LABEL_SEASON = "الموسم {n}"


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _voice(page: Page, taken: set[str]) -> str:
    rng = page.rng
    while True:
        name = f"{rng.choice(VOICE_FIRST)} {rng.choice(VOICE_FAMILY)}"
        if name not in taken:
            taken.add(name)
            return name


def _duration(page: Page, seconds: int) -> str:
    style = page.stable("duration").randrange(2)
    if style == 0:
        return _digits(page, f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
    return _digits(page, f"{seconds // 60} دقيقة")


def _parts_html(page: Page, parts: list[Part]) -> list[str]:
    return body.parts_html(page, parts)


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"player:{page.section}").choice(("top", "after_lead"))
    page.layout["player"] = where
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    recorded = base - timedelta(days=rng.randint(2, 10), hours=rng.randint(0, 12))
    seconds = rng.randint(18 * 60, 75 * 60)
    number = rng.randint(12, 180)
    season = rng.randint(1, 6)
    program = page.stable("program").choice(PROGRAMS)
    taken = set(a.authors) | set(b.names)
    host = _voice(page, taken)
    guests = [_voice(page, taken) for _ in range(rng.choice((1, 1, 2)))]
    page.layout["guests"] = str(len(guests))

    program_line = page.record("episode", [
        f"{page.stable('program-label').choice(PROGRAM_LABELS)} {program}",
        _digits(page, f"{LABEL_EPISODE.format(n=number)} - {LABEL_SEASON.format(n=season)}")])
    host_line = page.record("voices", [f"{page.stable('host').choice(HOST_LABELS)} {host}"])[0]
    guest_label = GUEST_LABELS[0] if len(guests) == 1 else GUEST_LABELS[1]
    guest_line = page.record("voices", [
        f"{guest_label} {'، '.join(guests)} ({rng.choice(GUEST_ROLES)})"])[0]

    labels = page.record("player", list(page.stable("player").choice(PLAYER)))
    duration = page.record("player", [_duration(page, seconds)])[0]
    recorded_day = dates.visible(recorded, "long_day", a.site, page.eastern)
    recorded_line = page.record("player", [page.stable("recorded").choice(RECORDED).format(
        day=recorded_day)])[0]
    player = (f'<div class="player"><button class="play">{esc(labels[0])}</button>'
              f'<audio controls preload="none" src="https://media.{page.site.domain}/podcast/'
              f'{number}.mp3"></audio><span class="duration">{esc(duration)}</span>'
              f'<a class="download" href="https://media.{page.site.domain}/podcast/{number}.mp3">'
              f'{esc(labels[1])}</a><span class="speed">{esc(labels[2])} 1x</span>'
              f'<p class="recorded">{esc(recorded_line)}</p></div>')

    audio = {"@type": "AudioObject",
             "contentUrl": f"https://media.{page.site.domain}/podcast/{number}.mp3",
             "uploadDate": recorded.astimezone(dates.site_zone(a.site)).strftime("%Y-%m-%d"),
             "duration": f"PT{seconds // 60}M{seconds % 60}S"}
    episode = {"@context": "https://schema.org", "@type": "PodcastEpisode",
               "name": a.title, "episodeNumber": number, "timeRequired": audio["duration"],
               "partOfSeries": {"@type": "PodcastSeries", "name": program},
               "associatedMedia": audio}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(program)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page)
            + f'<meta property="og:audio" content="{attr(str(audio["contentUrl"]))}">\n'
            + meta.article_times(page) + meta.meta_authors(page) + meta.ld_script(episode)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/audio.css">\n</head>\n')

    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    meta_row.append(f'<span class="voices"><span class="host">{esc(host_line)}</span> '
                    f'<span class="guests">{esc(guest_line)}</span></span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = f'<figure class="cover"><img src="{attr(page.image.url)}" alt="">{cap}</figure>'

    parts = body.shape(page, lead=0.2, quote=0.25, subheads=0.2)
    summary_heading = page.pick("summary", SUMMARY_HEADINGS)
    html = _parts_html(page, parts)
    if where == "after_lead":
        html.insert(1, player)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    summary = ('<div class="episode-summary">\n' + "\n".join(html) + "\n</div>")
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'

    chapter_heading = page.pick("chapters", CHAPTER_HEADINGS)
    marks = sorted(rng.sample(range(60, seconds - 60), rng.randint(3, 5)))
    chapters = []
    for mark, topic in zip([0, *marks], rng.sample(CHAPTERS, len(marks) + 1), strict=True):
        stamp = _digits(page, f"{mark // 60:02d}:{mark % 60:02d}")
        page.record("chapters", [stamp, topic])
        chapters.append(f'<li><span class="t">{esc(stamp)}</span> {esc(topic)}</li>')
    platform_label = page.pick("platforms", PLATFORMS)
    platforms = page.record("platforms", page.stable("platforms").sample(PLATFORM_NAMES, 3))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    episodes_heading = page.pick("episodes", EPISODE_HEADINGS)
    episodes = []
    for k, title in enumerate(rng.sample(EPISODE_TITLES, rng.randint(3, 5))):
        aired = base - timedelta(days=7 * (k + 1) + rng.randint(0, 2), hours=rng.randint(0, 6))
        shown = [title, _digits(page, LABEL_EPISODE.format(n=max(1, number - k - 1))),
                 _duration(page, rng.randint(18 * 60, 75 * 60)),
                 dates.visible(aired, "numeric_day", a.site, page.eastern)]
        page.record("episodes", shown)
        episodes.append(f'<li><a href="/podcast/{rng.randint(1000, 9999)}">{esc(shown[0])}</a> '
                        f'<span class="n">{esc(shown[1])}</span> <span class="len">'
                        f'{esc(shown[2])}</span> <span class="d">{esc(shown[3])}</span></li>')
    most_heading = page.pick("most_read", MOST_HEARD)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="podcast">',
        f'<header><a class="logo" href="/"><img src="/logo.svg" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<main><article class="episode">',
        player if where == "top" else "",
        f'<div class="episode-bar"><span class="program">{esc(program_line[0])}</span> '
        f'<span class="number">{esc(program_line[1])}</span></div>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>',
        f'<div class="share">{share}</div>',
        figure,
        f'<h2 class="summary-head">{esc(summary_heading)}</h2>',
        summary,
        signed,
        f'<section class="chapters"><h3>{esc(chapter_heading)}</h3><ol>{"".join(chapters)}'
        "</ol></section>",
        f'<p class="platforms">{esc(platform_label)} '
        + "، ".join(f'<a href="#">{esc(p)}</a>' for p in platforms) + "</p>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="episodes"><h3>{esc(episodes_heading)}</h3><ul>{"".join(episodes)}'
        "</ul></section>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        "</main>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])

