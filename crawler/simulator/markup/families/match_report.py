"""A match page of an Arabic sports portal (the "match centre" school): the score box above
the title, the report as one tab among lineups, statistics and minute-by-minute commentary,
and the league table beside it. The report is the article; everything about the match that is
data (score, scorers, lineups, figures, the commentary's lines) is furniture, even where it is
written in sentences.

Head: og tags; on every page a JSON-LD ``SportsEvent`` (the two teams, the stadium and the
kick-off ``startDate`` in the site's offset: the *match's* time, never the article's date); on
metadata-dated pages a JSON-LD ``NewsArticle`` and ``article:published_time`` (the report's
publication, hours after the kick-off). Text-dated and undated pages carry no publication date
in metadata (the ``SportsEvent`` stays).
Page: the header (logo, the sports menu), a live-scores strip (other matches with the minute),
breadcrumbs (home, the competition); the score box *above the title*: the competition and the
round, the two teams with their crests, the score ("2 - 1") and "انتهت", each side's scorers
with their minutes ("X 23'"), then the stadium, the referee, the attendance on some sites and
the kick-off ("انطلاق المباراة: 14/11/2024 - 21:00": another date than the article's, also on
undated pages). Then the ``<h1>``, the meta row (the byline "كتب: X" / "متابعة: X" / "تقرير:
X" / the bare name, and the date on dated pages), share buttons; the tabs (التقرير، التشكيلة،
الإحصائيات، الأحداث) and their panes, all in the page, the inactive ones hidden by a class. On
most pages the report's pane comes first; on the others (pages grown from the live match page)
the commentary's pane comes *before* it in the source.
Body (the report's pane, ``div.report-body``): the lead image and caption, the dateline as a
bold first paragraph or a line of its own, ``<p>``s; a player's quoted words as a
``<blockquote>`` now and then and intertitles as ``<h3>`` (body); between paragraphs the goals
video (an ``<iframe>`` and its title in a ``<p class="video-title">``: "فيديو | أهداف مباراة X
وY"), an embedded post (``<blockquote class="twitter-tweet">``: someone else's words with the
match day's date), an ad slot with its label and a read-also line (furniture). After the
text: the man of the match box (name and rating) and the signature when the byline goes after.
Other panes (furniture): the lineups as two ``<table>``s (numbers and names of the starting
eleven, the substitutes, "المدرب: X"); the statistics ``<table>`` (الاستحواذ 56% - 44%, ...);
the commentary ``<ol>``, newest first: "90+3'" and a line of prose per event (a shot, a card,
a goal, a substitution), with the kick-off and the whistles.
After the panes: tags, related match reports with dates, comments (form labels, reader
comments with dates); the sidebar: the league table (``<table>``: rank, team, played, won,
drawn, lost, for, against, points), most read with dates; the footer.
Dates: the report's (metadata, or the meta row: minute); undated pages show the kick-off and
the lists' dates only (null).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "match_report"
TRAITS = Traits(
    date_formats=("numeric_time", "weekday_time", "time_first", "weekday_dash_ampm"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.8, eastern_digits=0.1,
    byline_forms=("kataba", "katib", "bare", "meta_only"),
    byline_prefixes={"katib": ("متابعة: ", "تقرير: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "body_lead", "line"),
    display_title=0.4, image=0.8, caption=0.6,
)


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _player(rng: random.Random) -> str:
    return f"{rng.choice(furniture.PLAYER_FIRST)} {rng.choice(furniture.PLAYER_FAMILY)}"


def _squad(rng: random.Random, size: int) -> list[str]:
    out: list[str] = []
    while len(out) < size:
        name = _player(rng)
        if name not in out:
            out.append(name)
    return out


class _Match:
    """The match the report is about: drawn per page."""

    def __init__(self, page: Page):
        rng = page.rng
        self.home, self.away = rng.sample(furniture.CLUBS, 2)
        self.goals = (rng.randint(0, 4), rng.randint(0, 3))
        self.competition = rng.choice(furniture.LEAGUES)
        self.round = rng.choice(furniture.ROUNDS).format(n=rng.randint(2, 30))
        self.stadium = rng.choice(furniture.STADIUMS)
        squads = _squad(rng, 34)
        self.lineups = (squads[:11], squads[11:22])
        self.subs = (squads[22:27], squads[27:32])
        self.coaches = (squads[32], squads[33])
        self.referee = _player(rng)
        while self.referee in squads:
            self.referee = _player(rng)
        self.scorers: tuple[list[tuple[str, int]], list[tuple[str, int]]] = (
            sorted(((rng.choice(self.lineups[0]), rng.randint(2, 90))
                    for _ in range(self.goals[0])), key=lambda s: s[1]),
            sorted(((rng.choice(self.lineups[1]), rng.randint(2, 90))
                    for _ in range(self.goals[1])), key=lambda s: s[1]))
        published = page.article.published
        self.kickoff: datetime
        zone = dates.site_zone(page.article.site)
        end = (published if published is not None
               else page.today - timedelta(days=rng.randint(3, 90))).astimezone(zone)
        start = end - timedelta(hours=rng.randint(2, 5))
        if start.hour < 14:  # a report in the morning is about last night's match
            start = (start - timedelta(days=1)).replace(hour=rng.choice((18, 19, 20, 21)))
        self.kickoff = start.replace(minute=rng.choice((0, 0, 30, 45)), second=0,
                                     microsecond=0)


def _minute(n: int) -> str:
    return f"{n}'" if n <= 90 else f"90+{n - 90}'"


def _score_box(page: Page, match: _Match) -> str:
    rng = page.rng
    status = page.pick("match", furniture.MATCH_STATUS)
    score = page.record("match", [_digits(page, f"{match.goals[0]} - {match.goals[1]}")])[0]
    page.record("match", [match.competition, match.round, match.home, match.away])
    sides = []
    for team, scorers in ((match.home, match.scorers[0]), (match.away, match.scorers[1])):
        lines = page.record("match", [_digits(page, f"{name} {_minute(m)}")
                                      for name, m in scorers])
        items = "".join(f'<li><i class="icon-ball"></i> {esc(x)}</li>' for x in lines)
        sides.append(f'<div class="mc-team"><img src="/crests/{attr(slugify(team))}.png" alt="'
                     f'{attr(team)}"><span class="mc-team-name">{esc(team)}</span><ul '
                     f'class="mc-scorers">{items}</ul></div>')
    labels = furniture.MATCH_LABELS
    kickoff = dates.visible(match.kickoff, "numeric_time", page.article.site, page.eastern)
    info = [f"{labels[0]} {match.stadium}", f"{labels[1]} {match.referee}"]
    if page.stable("attendance").random() < 0.5:
        info.append(_digits(page, f"{labels[3]} {rng.randint(3, 60)},{rng.randint(100, 999)}"))
    info.append(f"{labels[2]} {kickoff}")
    page.record("match", info)
    return ('<section class="match-center">'
            f'<div class="mc-head"><a href="/competition/{attr(slugify(match.competition))}">'
            f'{esc(match.competition)}</a> <span class="mc-round">{esc(match.round)}</span></div>'
            f'<div class="mc-board">{sides[0]}<div class="mc-score"><span class="mc-result">'
            f'{esc(score)}</span><span class="mc-status">{esc(status)}</span></div>{sides[1]}'
            "</div><div class=\"mc-info\">"
            + "".join(f"<span>{esc(x)}</span>" for x in info) + "</div></section>")


def _event_ld(page: Page, match: _Match) -> str:
    start = match.kickoff.astimezone(dates.site_zone(page.article.site))
    return meta.ld_script({
        "@context": "https://schema.org", "@type": "SportsEvent",
        "name": f"{match.home} - {match.away}", "startDate": start.isoformat(),
        "location": {"@type": "Place", "name": match.stadium},
        "homeTeam": {"@type": "SportsTeam", "name": match.home},
        "awayTeam": {"@type": "SportsTeam", "name": match.away},
        "eventStatus": "https://schema.org/EventScheduled"})


def _extras(page: Page, match: _Match) -> list[str]:
    rng = page.rng
    out = []
    if rng.random() < 0.7:
        title = page.record("video", [rng.choice(furniture.GOALS_VIDEO).format(
            home=match.home, away=match.away)])[0]
        out.append(f'<div class="video-box"><iframe src="https://www.youtube.com/embed/'
                   f'{rng.getrandbits(40):x}" title="{attr(title)}" allowfullscreen></iframe>'
                   f'<p class="video-title">{esc(title)}</p></div>')
    if rng.random() < 0.4:
        text, name, handle = furniture.tweet(rng)
        shown = dates.visible(match.kickoff, "long_day", page.article.site, page.eastern)
        page.record("embed", [text, f"— {name} (@{handle})", shown])
        out.append(f'<blockquote class="twitter-tweet" data-lang="ar"><p lang="ar" dir="rtl">'
                   f"{esc(text)}</p>— {esc(name)} (@{esc(handle)}) <a href=\"https://twitter.com/"
                   f'{attr(handle)}/status/{rng.getrandbits(60)}">{esc(shown)}</a></blockquote>')
    label = page.pick("ad", furniture.AD_LABELS)
    out.append(f'<div class="ad-inline"><span class="ad-label">{esc(label)}</span><div '
               f'id="div-gpt-ad-{rng.randint(10**6, 10**7)}"></div></div>')
    if rng.random() < 0.5:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        out.append(f'<p class="read-also"><strong>{esc(label)}</strong> <a href="'
                   f'{attr(link.url)}">{esc(link.title)}</a></p>')
    return out


def _report(page: Page, match: _Match) -> str:
    rng, b = page.rng, page.byline
    parts = body.shape(page, quote=0.25, subheads=0.2)
    blocks = []
    for part in parts:
        text = part.texts[0]
        if part.kind == "quote":
            blocks.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "subhead":
            blocks.append(f"<h3>{esc(text)}</h3>")
        else:
            blocks.append(f"<p>{inline(text, rng, 0.25, '/tag/')}</p>")
    blocks = weave(blocks, _extras(page, match), rng)
    if page.dateline and page.dateline.position == "body_lead":
        blocks.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    elif page.dateline:
        blocks.insert(0, f'<div class="dateline">{esc(page.dateline.text)}</div>')
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = (f'<figure class="report-image"><img src="{attr(page.image.url)}" alt="'
                  f'{attr(page.article.title)}">{cap}</figure>')
    star_label = page.pick("match", furniture.MAN_OF_MATCH)
    star, rating = rng.choice(match.lineups[rng.randrange(2)]), f"{rng.uniform(7.2, 9.6):.1f}"
    page.record("match", [star, _digits(page, rating)])
    star_box = (f'<div class="motm"><span class="motm-label">{esc(star_label)}</span><strong>'
                f'{esc(star)}</strong><span class="rating">{esc(_digits(page, rating))}</span>'
                "</div>")
    signature = (f'<p class="signature">{esc(b.text())}</p>'
                 if b.visible and b.position == "after" else "")
    return (f'<div class="tab-pane active" id="report">{figure}<div class="report-body">\n'
            + "\n".join(blocks) + f"\n</div>{star_box}{signature}</div>")


def _lineups(page: Page, match: _Match) -> str:
    starting, subs, coach = furniture.LINEUP_LABELS
    page.record("lineups", [starting, subs, coach])
    tables = []
    for side in (0, 1):
        team = (match.home, match.away)[side]
        players = page.record("lineups", match.lineups[side] + match.subs[side])
        numbers = page.rng.sample(range(1, 40), len(players))
        rows = "".join(f"<tr><td>{n}</td><td>{esc(p)}</td></tr>"
                       for n, p in zip(numbers[:11], players[:11], strict=True))
        bench = "".join(f"<tr><td>{n}</td><td>{esc(p)}</td></tr>"
                        for n, p in zip(numbers[11:], players[11:], strict=True))
        boss = page.record("lineups", [match.coaches[side]])[0]
        tables.append(f'<table class="lineup"><caption>{esc(team)}</caption><thead><tr><th '
                      f'colspan="2">{esc(starting)}</th></tr></thead><tbody>{rows}</tbody>'
                      f'<tbody class="bench"><tr><th colspan="2">{esc(subs)}</th></tr>{bench}'
                      f'</tbody><tfoot><tr><td colspan="2">{esc(coach)} {esc(boss)}</td></tr>'
                      "</tfoot></table>")
    return f'<div class="tab-pane fade" id="lineups">{"".join(tables)}</div>'


def _stats(page: Page) -> str:
    rng = page.rng
    rows = []
    for label in furniture.MATCH_STATS:
        if label == "الاستحواذ":
            home = rng.randint(35, 65)
            values = (f"{home}%", f"{100 - home}%")
        else:
            values = (str(rng.randint(0, 18)), str(rng.randint(0, 18)))
        page.record("stats", [label])
        rows.append(f"<tr><td>{esc(_digits(page, values[0]))}</td><th>{esc(label)}</th><td>"
                    f"{esc(_digits(page, values[1]))}</td></tr>")
    return (f'<div class="tab-pane fade" id="stats"><table class="match-stats"><tbody>'
            f'{"".join(rows)}</tbody></table></div>')


def _commentary(page: Page, match: _Match) -> str:
    rng = page.rng
    marks = furniture.COMMENTARY_MARKS
    end = 90 + rng.randint(2, 6)
    events: list[tuple[int, str]] = [(0, marks[0]), (45, marks[1]), (46, marks[2]),
                                     (end, marks[3])]
    for side, team in enumerate((match.home, match.away)):
        for scorer, minute in match.scorers[side]:
            events.append((minute, rng.choice(furniture.GOAL_COMMENTARY).format(
                player=scorer, team=team)))
        for _ in range(rng.randint(0, 2)):
            events.append((rng.randint(55, 88), furniture.SUBSTITUTION.format(
                team=team, player=rng.choice(match.subs[side]),
                other=rng.choice(match.lineups[side]))))
    for _ in range(rng.randint(5, 9)):
        side = rng.randrange(2)
        line = rng.choice(furniture.COMMENTARY).format(
            player=rng.choice(match.lineups[side]), team=(match.home, match.away)[side])
        events.append((rng.choice([m for m in range(2, end) if m not in (45, 46)]), line))
    events.sort(key=lambda e: e[0], reverse=True)  # newest first, as the live page left it
    items = []
    for minute, line in events:
        shown = _digits(page, _minute(minute))
        page.record("commentary", [shown, line])
        items.append(f'<li class="event"><span class="minute">{esc(shown)}</span><p>'
                     f"{esc(line)}</p></li>")
    return (f'<div class="tab-pane fade" id="events"><ol class="timeline">{"".join(items)}'
            "</ol></div>")


def _standings(page: Page, match: _Match) -> str:
    rng = page.rng
    heading = page.pick("standings", furniture.STANDINGS)
    columns = page.record("standings", list(furniture.STANDINGS_COLUMNS))
    teams = [match.home, match.away, *rng.sample(
        [c for c in furniture.CLUBS if c not in (match.home, match.away)], 6)]
    rng.shuffle(teams)
    page.record("standings", teams)
    rows = []
    points = sorted((rng.randint(4, 40) for _ in teams), reverse=True)
    for rank, (team, pts) in enumerate(zip(teams, points, strict=True), start=1):
        played = rng.randint(12, 16)
        won = min(pts // 3, played)
        drawn = min(pts - 3 * won, played - won)
        cells = [str(rank), team, str(played), str(won), str(drawn),
                 str(played - won - drawn), str(rng.randint(8, 30)), str(rng.randint(6, 25)),
                 str(3 * won + drawn)]
        rows.append("<tr>" + "".join(f"<td>{esc(_digits(page, c))}</td>" for c in cells)
                    + "</tr>")
    head = "".join(f"<th>{esc(c)}</th>" for c in ["#", *columns])
    return (f'<section class="standings"><h3>{esc(heading)}</h3><table><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    match = _Match(page)
    data = meta.news_article(page, description=meta.description(page))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page, modified=False)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + _event_ld(page, match)
            + '<link rel="stylesheet" href="/assets/css/match.css?v=12">\n</head>\n')
    sports = page.record("menu", [page.stable("home").choice(furniture.HOME),
                                  *page.stable("sport-menu").sample(furniture.SPORT_MENU, 8)])
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>' for i, m in enumerate(sports))
    live_label = page.pick("scores", furniture.LIVE_LABELS)
    scores = page.record("scores", furniture.live_scores(rng, rng.randint(3, 5)))
    strip = "".join(f'<li><a href="/match/{rng.randint(10**5, 10**6)}">{esc(s)}</a></li>'
                    for s in scores)
    crumbs = [page.stable("home").choice(furniture.HOME), match.competition]
    page.record("breadcrumbs", crumbs)
    crumb_html = "".join(f'<li><a href="/{i}">{esc(c)}</a></li>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="author">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        label = f"{page.date.label} " if page.date.label else ""
        meta_row.append(f'<span class="date">{esc(label)}{esc(page.date.visible)}</span>')
    share = "".join(f'<a class="share" href="#">{esc(s)}</a>' for s in page.share())
    tabs = page.record("tabs", list(page.stable("tabs").choice(furniture.MATCH_TABS)))
    tab_list = "".join(f'<li class="{"active" if i == 0 else ""}"><a href="#{pane}" '
                       f'data-toggle="tab">{esc(t)}</a></li>'
                       for i, (t, pane) in enumerate(zip(
                           tabs, ("report", "lineups", "stats", "events"), strict=True)))
    report, lineups, stats = _report(page, match), _lineups(page, match), _stats(page)
    events = _commentary(page, match)
    events_first = rng.random() < 0.35
    page.layout["panes"] = "events_first" if events_first else "report_first"
    panes = ([events, report, lineups, stats] if events_first
             else [report, lineups, stats, events])
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span class="date">'
                      f"{esc(link.date or '')}</span></li>"
                      for link in page.links("related", rng.randint(3, 5), "numeric_day"))
    comment_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <span class="date">{esc(d)}</span><p>{esc(t)}</p>'
                       "</li>" for n, d, t in page.reader_comments(rng.randint(0, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span>'
                   f"{esc(link.date or '')}</span></li>"
                   for link in page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="match-page">',
        f'<header class="site-header"><a class="logo" href="/"><img src="/img/logo.svg" alt="'
        f'{attr(page.label)}"></a><nav><ul class="sports-menu">{menu}</ul></nav></header>',
        f'<div class="live-strip"><span class="live-label">{esc(live_label)}</span><ul>{strip}'
        "</ul></div>",
        '<div class="container"><div class="main-col">',
        f'<ol class="breadcrumb">{crumb_html}</ol>',
        _score_box(page, match),
        f'<h1 class="report-title">{esc(page.headline)}</h1>',
        f'<div class="report-meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share-bar">{share}</div>',
        f'<ul class="nav nav-tabs match-tabs">{tab_list}</ul>',
        '<div class="tab-content">',
        "\n".join(panes),
        "</div>",
        f'<div class="tags">{tags}</div>',
        f'<section class="related"><h3>{esc(rel_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comment_heading)}</h3><ul>{comments}</ul><form>'
        f"{form}</form></section>",
        '</div><aside class="side-col">',
        _standings(page, match),
        f'<section class="most-read"><h3>{esc(most_heading)}</h3><ol>{most}</ol></section>',
        "</aside></div>",
        f'<footer class="site-footer"><nav>{utility}</nav><p>{esc(footer[0])}</p><p>'
        f"{esc(footer[1])}</p></footer>",
        "</body>\n</html>\n",
    ])

