"""A story of a portal's kitchen section (مطبخ / "أطباق وحلويات") on a recipe page: the desk's
story beside the recipe card a recipe plugin prints: the dish's name as a second heading, the
chef ("الشيف: X"), the facts (preparation and cooking times, servings, difficulty: durations,
no calendar day), the ingredients as a bulleted list, the steps as a numbered list of
imperative sentences, the chef's tip, the print and save buttons and the rating; the readers'
tries of the recipe with their names and days, and the other recipes with their times.

Here the *recipe is not body*: ``expected["paragraphs"]`` is the story's parts only (now and
then a lead sentence of its own, a quoted statement, intertitles, and a bulleted list after its
lead-in: a list of the story's own sentences *is* body, the card's lists are not). Each section
of a site types the text one way (``layout["text"]``): ``p``, ``<p>``s with ``<h2>``
intertitles; ``section``, the text cut into ``<section class="block">``s, one before the first
intertitle and one from each intertitle on; ``br``, one block of runs separated by ``<br><br>``
with ``<strong>`` intertitles. The dateline is a ``p.dateline`` line above the text or the start
of its first paragraph ("<strong>city - source:</strong>").

Not body: the card (``section.recipe-card``), placed per section (``layout["recipe"]``):
``first``, between the lead picture and the text (the first lists of the article are the
card's); ``inside``, between two parts of the text; ``after``, after the text (then a "jump to
the recipe" button above the ``<h1>``); the photographer's credit beside the byline in the meta
row ("إعداد: X · تصوير: Y": Y is no author), the chef (no author), the ad and read-also lines
between the parts, the readers' tries (``section.tries``: names, later days, sentences), the
other recipes, tags, the related list, the kitchen menu and the kitchen newsletter.

Bylines: "إعداد: X", "كتب: X", the bare name, or metadata only, in the meta row or after the
text. Head: og tags, a JSON-LD ``Recipe`` whose ``author`` is the chef (a Person who did not
write the story) with its ingredients and steps (and, on metadata-dated pages only, the story's
``datePublished``); on metadata-dated pages (and for metadata-only bylines) a ``NewsArticle``
and ``article:published_time``. Dates: metadata (second) or the meta row (minute or day, now and
then with a later "آخر تحديث" beside it); the readers' tries come after the story, never
between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "recipe_story"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "ampm_comma", "slash_ymd_time", "dot_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, modified_shown=0.3, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.9, caption=0.6,
)


@dataclass(frozen=True)
class Recipe:
    name: str
    ingredients: tuple[str, ...]
    steps: tuple[str, ...]
    tip: str
    prep: int
    """Minutes."""
    cook: int
    """Minutes (0: no cooking)."""
    serves: str
    difficulty: str


RECIPES: tuple[Recipe, ...] = (
    Recipe("طاجين الدجاج بالزيتون والليمون المخلل",
           ("دجاجة متوسطة الحجم مقطعة إلى أربع قطع", "بصلتان كبيرتان مفرومتان ناعما",
            "حبة ليمون مخلل مقطعة إلى أرباع", "كوب من الزيتون الأخضر منزوع النوى",
            "ملعقة صغيرة من الزنجبيل المطحون", "رشة من خيوط الزعفران",
            "حزمة صغيرة من البقدونس والكزبرة", "ثلاث ملاعق كبيرة من زيت الزيتون"),
           ("تتبل قطع الدجاج بالزنجبيل والزعفران والملح، وتترك في الثلاجة نصف ساعة على الأقل.",
            "يقلب البصل في زيت الزيتون على نار هادئة حتى يذبل ويصبح شفافا.",
            "يضاف الدجاج ويقلب من الجهتين حتى يتغير لونه، ثم يغمر بكوب من الماء الساخن.",
            "يغطى الطاجين ويترك على نار هادئة قرابة ساعة مع التقليب من حين لآخر.",
            "يضاف الزيتون والليمون المخلل والأعشاب في الدقائق العشر الأخيرة، ويقدم ساخنا."),
           "انقع الزيتون في الماء الفاتر عشر دقائق قبل إضافته للتخفيف من ملوحته.",
           20, 75, "4 أشخاص", "متوسطة"),
    Recipe("شوربة العدس بالخضار",
           ("كوب ونصف من العدس الأحمر المغسول", "جزرة كبيرة مقطعة مكعبات",
            "حبة بطاطس متوسطة مقطعة مكعبات", "بصلة مفرومة", "ملعقة صغيرة من الكمون",
            "لتر من مرق الخضار", "عصير نصف ليمونة", "ملعقتان كبيرتان من الزبدة"),
           ("تذاب الزبدة في قدر عميق ويقلب فيها البصل حتى يذبل.",
            "يضاف الجزر والبطاطس ويقلبان دقيقتين.",
            "يضاف العدس والكمون والمرق، ويترك الخليط حتى يغلي ثم تخفض النار.",
            "يطهى الحساء نصف ساعة حتى ينضج العدس تماما.",
            "يهرس الحساء بالخلاط اليدوي ويضاف إليه عصير الليمون قبل التقديم."),
           "قدم الشوربة مع مكعبات الخبز المحمص وشرائح الليمون.",
           15, 40, "6 أشخاص", "سهلة"),
    Recipe("كعك العيد المحشو بالتمر",
           ("أربعة أكواب من الدقيق", "كوب من السمن المذاب", "ملعقة كبيرة من السكر",
            "نصف ملعقة صغيرة من الخميرة", "ملعقة صغيرة من ماء الزهر", "كوب من الحليب الفاتر",
            "نصف كيلو من عجينة التمر", "رشة من القرفة"),
           ("يفرك الدقيق بالسمن جيدا حتى يتشرب الدقيق الدهن كله.",
            "تضاف الخميرة والسكر وماء الزهر، ثم يعجن الخليط بالحليب حتى تتكون عجينة لينة.",
            "ترتاح العجينة ساعة مغطاة في مكان دافئ.",
            "تخلط عجينة التمر بالقرفة وتشكل كرات صغيرة.",
            "تحشى كرات العجين بالتمر وتزين بالملقاط، ثم تخبز في فرن متوسط الحرارة حتى يحمر "
            "وجهها."),
           "اترك الكعك يبرد تماما قبل حفظه في علبة محكمة الإغلاق.",
           45, 25, "30 قطعة", "صعبة"),
    Recipe("سلطة الفتوش",
           ("رأس خس مقطع", "حبتا طماطم مقطعتان مكعبات", "خيارتان مقطعتان", "حزمة من البقلة",
            "رغيف خبز عربي محمص", "ملعقة كبيرة من السماق", "ربع كوب من زيت الزيتون",
            "ملعقتان كبيرتان من دبس الرمان"),
           ("يقطع الخبز مربعات صغيرة ويحمص في الفرن حتى يصبح مقرمشا.",
            "تخلط الخضار في وعاء واسع.",
            "يخفق زيت الزيتون مع دبس الرمان والسماق والملح.",
            "تسقى السلطة بالصلصة ويضاف الخبز المحمص قبل التقديم مباشرة."),
           "لا تضف الخبز إلا لحظة التقديم حتى يحتفظ بقرمشته.",
           20, 0, "4 أشخاص", "سهلة"),
    Recipe("مقلوبة الباذنجان باللحم",
           ("نصف كيلو من لحم الضأن مقطع مكعبات", "حبتا باذنجان مقطعتان شرائح",
            "كوبان من الأرز المنقوع", "بصلة كبيرة", "ملعقة صغيرة من البهارات المشكلة",
            "ربع كوب من الصنوبر المحمص", "أربعة أكواب من مرق اللحم", "زيت للقلي"),
           ("يسلق اللحم مع البصل والبهارات حتى ينضج، ويحتفظ بالمرق.",
            "تقلى شرائح الباذنجان حتى يصبح لونها ذهبيا، وتوضع على ورق ماص.",
            "يرص اللحم ثم الباذنجان في قاع القدر، ويوزع الأرز فوقهما.",
            "يسكب المرق الساخن حتى يغمر الأرز، ويطهى على نار هادئة حتى ينضج.",
            "تقلب القدر في صينية التقديم وتزين بالصنوبر المحمص."),
           "اترك القدر خمس دقائق قبل قلبها حتى تتماسك المقلوبة.",
           30, 60, "6 أشخاص", "متوسطة"),
)
"""The recipes (written for this generator): none of it is the story."""
OTHER_DISHES = ("بسبوسة بالقشطة", "دجاج مشوي بالأعشاب", "أرز بالشعيرية", "حمص بالطحينة",
                "كبسة اللحم", "ملوخية بالدجاج", "معكرونة بالبشاميل", "عصير الليمون بالنعناع")
CHEF_FIRST = ("منال", "جواد", "سعاد", "أسامة", "هند", "رؤوف", "نجلاء", "صابر")
CHEF_FAMILY = ("المقدسي", "الزياني", "الدباغ", "بلحاج", "العسيري", "الكردي", "الراشد")
PHOTO_FIRST = ("جميل", "سوسن", "نزار", "عبير", "مهند", "لبنى")
PHOTO_FAMILY = ("الدرويش", "العتيبي", "بوعزة", "الصافي", "الكيلاني")
"""Chefs and photographers: pools of their own, none an author."""
CHEF = ("الشيف: {name}", "وصفة الشيف {name}", "بإشراف الشيف {name}")
PHOTO = ("تصوير: {name}", "عدسة: {name}")
FACTS = ("مدة التحضير:", "مدة الطهي:", "عدد الحصص:", "مستوى الصعوبة:")
NO_COOKING = "من دون طهي"
INGREDIENTS = ("المقادير", "المكونات")
STEPS = ("طريقة التحضير", "خطوات التحضير")
TIP = ("نصيحة الشيف:", "سر النجاح:")
TOOLS = ("اطبع الوصفة", "احفظ الوصفة", "أضف إلى قائمة التسوق")
RATE = "قيّم الوصفة"
RATING = "{score} من 5 ({n} تقييما)"
JUMP = ("انتقل إلى الوصفة", "اذهب إلى الوصفة مباشرة")
KITCHEN_MENU = ("أطباق رئيسية", "حلويات", "سلطات ومقبلات", "شوربات", "مشروبات", "أكل صحي",
                "وصفات رمضان", "مطبخ الأطفال")
TRIES = ("جربوا الوصفة", "تجارب القراء مع الوصفة")
TRY_TEXTS = ("جربت الوصفة أمس ونالت إعجاب العائلة كلها",
             "أضفت قليلا من الفلفل الحار وكانت النتيجة رائعة",
             "المقادير مضبوطة والشرح واضح، شكرا لكم",
             "احتاجت عندي وقتا أطول قليلا في الطهي",
             "وصفة سهلة وسريعة، سأعيدها في العزومة القادمة")
TRIERS = ("أم ياسر", "نوال من وهران", "ربة بيت", "شيماء", "أبو فارس", "رحاب")
OTHER_RECIPES = ("وصفات أخرى قد تعجبك", "من المطبخ أيضا")
MINUTES = "{n} دقيقة"


def _duration(minutes: int) -> str:
    if minutes == 0:
        return NO_COOKING
    hours, rest = divmod(minutes, 60)
    if not hours:
        return MINUTES.format(n=minutes)
    whole = "ساعة" if hours == 1 else "ساعتان"
    return f"{whole} و{MINUTES.format(n=rest)}" if rest else whole


def _recipe_ld(page: Page, recipe: Recipe, chef: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Recipe", "name": recipe.name,
        "author": {"@type": "Person", "name": chef},
        "prepTime": f"PT{recipe.prep}M", "recipeYield": recipe.serves,
        "recipeIngredient": list(recipe.ingredients),
        "recipeInstructions": [{"@type": "HowToStep", "text": s} for s in recipe.steps]}
    if recipe.cook:
        data["cookTime"] = f"PT{recipe.cook}M"
    if page.date.where == "metadata" and page.date.machine is not None:
        data["datePublished"] = page.date.machine.value
    return data


def _card(page: Page, recipe: Recipe, chef: str) -> str:
    rng = page.rng
    chef_line = page.record("recipe", [page.stable("chef").choice(CHEF).format(name=chef)])[0]
    values = [page.digits(MINUTES.format(n=recipe.prep)), page.digits(_duration(recipe.cook)),
              page.digits(recipe.serves), recipe.difficulty]
    page.record("recipe", [recipe.name, *FACTS, *values, *recipe.ingredients, *recipe.steps,
                           recipe.tip])
    ingredients_heading = page.pick("recipe", INGREDIENTS)
    steps_heading = page.pick("recipe", STEPS)
    tip_label = page.pick("recipe", TIP)
    tools = page.record("recipe", list(TOOLS[:rng.randint(2, 3)]))
    rate = page.record("recipe", [RATE, page.digits(RATING.format(
        score=f"{rng.uniform(3.8, 4.9):.1f}", n=rng.randint(12, 640)))])
    facts = "".join(f"<li><b>{esc(k)}</b> {esc(v)}</li>"
                    for k, v in zip(FACTS, values, strict=True))
    return (f'<section class="recipe-card" id="recipe"><h2 class="recipe-name">'
            f"{esc(recipe.name)}</h2>"
            f'<div class="chef"><img src="{attr(thumb_url(page.site, rng))}" alt="{attr(chef)}">'
            f"<span>{esc(chef_line)}</span></div>"
            f'<ul class="recipe-facts">{facts}</ul>'
            f"<h3>{esc(ingredients_heading)}</h3><ul class=\"ingredients\">"
            + "".join(f"<li>{esc(x)}</li>" for x in recipe.ingredients)
            + f'</ul><h3>{esc(steps_heading)}</h3><ol class="steps">'
            + "".join(f"<li>{esc(x)}</li>" for x in recipe.steps)
            + f'</ol><p class="tip"><strong>{esc(tip_label)}</strong> {esc(recipe.tip)}</p>'
            '<div class="recipe-tools">' + "".join(f"<button>{esc(t)}</button>" for t in tools)
            + f'</div><div class="rating"><span>{esc(rate[0])}</span> <span class="stars">'
            f'★★★★☆</span> <span class="score">{esc(rate[1])}</span></div></section>')


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    """The story in ``div.recipe-story``, typed in ``style``, ``blocks`` between its parts."""
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []  # (html, is a run, kind)
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<strong>{esc(text)}</strong>" if style == "br"
                           else f"<h2>{esc(text)}</h2>", style == "br", "subhead"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote><p>{esc(text)}</p></blockquote>", False, "quote"))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False, "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<strong>{esc(lead.text)}:</strong> {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            pieces.append((run, True, kind) if style == "br" else (f"<p>{run}</p>", False, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    out: list[str] = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if style == "br":
        out.append('<div class="runs">' + "".join(break_runs([(h, r) for h, r, _ in pieces]))
                   + "</div>")
    elif style == "section":
        sections: list[list[str]] = [[]]
        for markup, _, kind in pieces:
            if kind == "subhead" and sections[-1]:
                sections.append([])
            sections[-1].append(markup)
        out += ['<section class="block">' + "".join(s) + "</section>" for s in sections]
    else:
        out += [markup for markup, _, _ in pieces]
    return '<div class="recipe-story">\n' + "\n".join(out) + "\n</div>"


def _tries(page: Page, base: datetime) -> str:
    rng, a = page.rng, page.article
    heading = page.pick("tries", TRIES)
    items = []
    for text in rng.sample(TRY_TEXTS, rng.randint(1, 3)):
        who = rng.choice(TRIERS)
        when = dates.visible(base + timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 12)),
                             "long_day", a.site, page.eastern)
        page.record("tries", [who, when, text])
        items.append(f'<li><b class="who">{esc(who)}</b> <span class="stars">★★★★★</span> '
                     f'<span class="when">{esc(when)}</span><p>{esc(text)}</p></li>')
    return f'<section class="tries"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></section>'


def _others(page: Page, recipe: Recipe) -> str:
    rng = page.rng
    heading = page.pick("other_recipes", OTHER_RECIPES)
    pool = [r.name for r in RECIPES if r is not recipe] + list(OTHER_DISHES)
    items = []
    for name in rng.sample(pool, 4):
        time = page.digits(MINUTES.format(n=rng.choice((15, 20, 30, 45, 50))))
        page.record("other_recipes", [name, time])
        items.append(f'<li><a href="/kitchen/{attr(slugify(name))}"><img src="'
                     f'{attr(thumb_url(page.site, rng))}" alt=""><span>{esc(name)}</span></a> '
                     f'<span class="time">{esc(time)}</span></li>')
    return (f'<section class="other-recipes"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul>'
            "</section>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"recipe:{page.section}").choice(("first", "inside", "after"))
    style = page.stable(f"text:{page.section}").choice(("p", "section", "br"))
    page.layout.update(recipe=place, text=style)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    recipe = rng.choice(RECIPES)
    chef = f"{rng.choice(CHEF_FIRST)} {rng.choice(CHEF_FAMILY)}"
    photographer = f"{rng.choice(PHOTO_FIRST)} {rng.choice(PHOTO_FAMILY)}"
    head = chrome.head(page, (_recipe_ld(page, recipe, chef),), articleSection="مطبخ")
    today = page.today_line("weekday_comma_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    kitchen = "".join(f'<a href="/kitchen/{k}">{esc(x)}</a>'
                      for k, x in enumerate(page.record("kitchen_menu", list(KITCHEN_MENU))))
    crumbs = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>'
                        for i, c in enumerate(page.breadcrumbs()))
    jump = ""
    if place != "first":
        jump = (f'<a class="jump" href="#recipe">{esc(page.pick("jump", JUMP))}</a> '
                f'<a class="print" href="#print">{esc(page.pick("jump", TOOLS[:1]))}</a>')
    credit = page.record("photo_credit", [page.stable("photo").choice(PHOTO).format(
        name=photographer)])[0]
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/chefs-team/")}</span>')
    row.append(f'<span class="photo-credit">{esc(credit)}</span>')
    if page.date.visible:
        row.append(page.date_span())
        if page.date.modified_visible:
            modified = page.record("modified", [page.date.modified_visible])[0]
            row.append(f'<span class="updated">{esc(modified)}</span>')
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.3, bullets=0.3)
    card = _card(page, recipe, chef)
    blocks = chrome.interruptions(page, (0, 1))
    if place == "inside":
        blocks.append(card)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    tries = _tries(page, base)
    others = _others(page, recipe)
    main, side, foot = chrome.after(page, "wp_day")
    letter = page.newsletter()
    return head + "\n".join([
        '<body class="kitchen">',
        f'<div class="topbar"><span>{esc(today)}</span></div>',
        f'<header><a class="logo" href="/"><img src="/logo.svg" alt="{attr(page.label)}"></a>'
        f'<nav class="menu"><ul>{menu}</ul></nav></header>',
        f'<nav class="kitchen-menu">{kitchen}</nav>',
        f'<nav class="crumbs">{crumbs}</nav>',
        '<div class="page"><main>',
        '<article class="recipe-post">',
        f'<div class="jump-bar">{jump}</div>' if jump else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="post-meta">{" · ".join(row)}</div>',
        page.lead_figure(),
        chrome.share(page),
        card if place == "first" else "",
        story,
        signed,
        card if place == "after" else "",
        "</article>",
        tries,
        others,
        main,
        "</main>",
        '<aside class="sidebar">',
        f'<div class="kitchen-letter"><h4>{esc(letter[0])}</h4><p>{esc(letter[1])}</p>'
        f"<form><input><button>{esc(letter[2])}</button></form></div>",
        side,
        "</aside></div>",
        foot,
    ])
