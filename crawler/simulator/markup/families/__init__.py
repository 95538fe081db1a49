"""The layout families: one module per family, each with NAME, TRAITS and ``render(page)``
(and ``page_url(article)`` when the page lives at another URL than the article's).

Generic Arabic news CMS layouts: wp_jannah, wp_newspaper, wp_sidebar_first, drupal_portal,
bootstrap_portal, legacy_tables, amp_article, nextjs_hashed, custom_php, asp_webforms,
print_version, magazine_cards, maghreb_portal, ghost_minimal, joomla_microdata, spa_shell,
epaper_archive, blogger_blogspot, live_coverage, wiki_news, newsletter_notes, news_aggregator,
site_builder, match_report, agency_wire, photo_gallery, tv_video, interview_qa,
opinion_column, press_release, paywall_article, data_story, fact_check, profile_timeline,
channel_feed, work_review, weather_alert, reader_question, election_results, court_report,
market_close, split_columns, podcast_episode, on_this_day, health_advice, tender_notice,
text_lite, transfer_news, translated_article, press_review, exam_results, paged_article,
corrected_story, event_agenda, forum_thread, prayer_times, sponsored_content, archived_copy,
web_story, email_digest, parliament_session, car_review, science_study, bilingual_summary,
brief_column, appointment_decree, explainer_faq, condolence_notices, weekly_diary,
numbered_listicle, petition_campaign, travel_advisory, recipe_story, daily_horoscope, news_quiz,
citizen_report, property_listings, flight_board, tv_schedule, opinion_poll, editorial_cartoon,
match_fixtures, crossword_puzzle, draw_results, pharmacy_duty, road_closures, book_excerpt,
jobs_board, currency_rates, magazine_issue, custom_elements, university_admissions.
The network's rendered-text order in new markup: network_divs, network_grid, network_mobile,
network_bs3 (content from ``network.py``). ``portal_chrome.py`` (not a family) holds the head,
header, text typings and after-text furniture the thirteenth set's families share (the
fourteenth, fifteenth, sixteenth and seventeenth sets' borrow some of its pieces and type their
texts themselves; road_closures and custom_elements use none of it: their markup is their own).

HELD_OUT families stay out of rule tuning: the extraction rules are judged on them as on markup
never seen. The current five were written by an examiner who had read neither the extraction
code nor any extraction figure; they bring page kinds of their own (a labour-market story on the
jobs page among the board's offers: each offer a card with the post as its own heading, the
employer, a ``<ul>`` of requirements like the story's own lists, the closing day after the render
day and the recruiter by name ("المسؤولة عن التوظيف: X"), a ``JobPosting`` JSON-LD per offer
with its ``datePosted``, the key figures of the labour market and the CV box; an economy story on
the exchange-rates page whose text comes in *two* containers (the intro in one, the rest in
another, the rates board now and then between them), the currency and gold tables with their
"آخر تحديث" time, a week's chart of SVG day labels, the analyst's quoted sentence in a
``<blockquote>`` with his name and role, the converter and a ``window.ratesFeed`` script with
its ``updatedAt``; one article of a weekly magazine's issue in the issue's frame: the issue bar
with its number and the day it came out (the render day), the issue's contents with other
writers' bylines ("بقلم: X"، "X يكتب:"), teasers and page numbers, the editor's letter signed by
the editor-in-chief, the print line, a drop cap of the first words on some sites; a page built
from light-DOM custom elements (``<article-headline>`` with or without ``role="heading"`` or an
inner ``<h1>``, ``<byline-chip>``, ``<x-figure>``, the text as ``<news-paragraph>``s, as
``<news-block type=...>`` with slotted spans or as plain tags in ``<rich-text>``) where an
embedded card of another story puts its excerpt in a ``<news-paragraph class="excerpt">``
between the body's own; an education story on the admissions page with the cut-off scores per
faculty, the calendar of stages after the render day, the committee chair's statement signed
"أ.د. X" (a titled name beside a "د. Y" writer's byline), the calculator and students'
questions), each with the look-alike box before the ``<h1>``, inside the text, after it or in
the sidebar, in structures unlike the other ninety-one.
"""

from __future__ import annotations

from types import ModuleType

from crawler.simulator.markup.families import (
    agency_wire,
    amp_article,
    appointment_decree,
    archived_copy,
    asp_webforms,
    bilingual_summary,
    blogger_blogspot,
    book_excerpt,
    bootstrap_portal,
    brief_column,
    car_review,
    channel_feed,
    citizen_report,
    condolence_notices,
    corrected_story,
    court_report,
    crossword_puzzle,
    currency_rates,
    custom_elements,
    custom_php,
    daily_horoscope,
    data_story,
    draw_results,
    drupal_portal,
    editorial_cartoon,
    election_results,
    email_digest,
    epaper_archive,
    event_agenda,
    exam_results,
    explainer_faq,
    fact_check,
    flight_board,
    forum_thread,
    ghost_minimal,
    health_advice,
    interview_qa,
    jobs_board,
    joomla_microdata,
    legacy_tables,
    live_coverage,
    magazine_cards,
    magazine_issue,
    maghreb_portal,
    market_close,
    match_fixtures,
    match_report,
    network_bs3,
    network_divs,
    network_grid,
    network_mobile,
    news_aggregator,
    news_quiz,
    newsletter_notes,
    nextjs_hashed,
    numbered_listicle,
    on_this_day,
    opinion_column,
    opinion_poll,
    paged_article,
    parliament_session,
    paywall_article,
    petition_campaign,
    pharmacy_duty,
    photo_gallery,
    podcast_episode,
    prayer_times,
    press_release,
    press_review,
    print_version,
    profile_timeline,
    property_listings,
    reader_question,
    recipe_story,
    road_closures,
    science_study,
    site_builder,
    spa_shell,
    split_columns,
    sponsored_content,
    tender_notice,
    text_lite,
    transfer_news,
    translated_article,
    travel_advisory,
    tv_schedule,
    tv_video,
    university_admissions,
    weather_alert,
    web_story,
    weekly_diary,
    wiki_news,
    work_review,
    wp_jannah,
    wp_newspaper,
    wp_sidebar_first,
)

_MODULES: tuple[ModuleType, ...] = (
    wp_jannah, wp_newspaper, drupal_portal, bootstrap_portal, legacy_tables, amp_article,
    nextjs_hashed, custom_php, print_version, network_divs, network_grid,
    asp_webforms, magazine_cards, wp_sidebar_first, maghreb_portal, network_mobile,
    ghost_minimal, joomla_microdata, spa_shell, epaper_archive, network_bs3,
    blogger_blogspot, live_coverage, wiki_news, newsletter_notes, news_aggregator,
    site_builder, match_report, agency_wire, photo_gallery, tv_video,
    interview_qa, opinion_column, press_release, paywall_article, data_story,
    fact_check, profile_timeline, channel_feed, work_review, weather_alert,
    reader_question, election_results, court_report, market_close, split_columns,
    podcast_episode, on_this_day, health_advice, tender_notice, text_lite,
    transfer_news, translated_article, press_review, exam_results, paged_article,
    corrected_story, event_agenda, forum_thread, prayer_times, sponsored_content,
    archived_copy, web_story, email_digest, parliament_session, car_review,
    science_study, bilingual_summary, brief_column, appointment_decree, explainer_faq,
    condolence_notices, weekly_diary, numbered_listicle, petition_campaign, travel_advisory,
    recipe_story, daily_horoscope, news_quiz, citizen_report, property_listings,
    flight_board, tv_schedule, opinion_poll, editorial_cartoon, match_fixtures,
    crossword_puzzle, draw_results, pharmacy_duty, road_closures, book_excerpt,
    jobs_board, currency_rates, magazine_issue, custom_elements, university_admissions,
)

FAMILIES: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}
HELD_OUT: frozenset[str] = frozenset({
    "currency_rates", "custom_elements", "jobs_board", "magazine_issue", "university_admissions",
})
"""The five families of the seventeenth held-out set, written by an examiner who had read
neither the extraction code nor any figure, after the extraction rules had been tuned on the
other ninety-one (the first held-out five, asp_webforms, magazine_cards, wp_sidebar_first,
maghreb_portal and network_mobile, the second, ghost_minimal, joomla_microdata, spa_shell,
epaper_archive and network_bs3, the third, blogger_blogspot, live_coverage, wiki_news,
newsletter_notes and news_aggregator, the fourth, site_builder, match_report, agency_wire,
photo_gallery and tv_video, the fifth, interview_qa, opinion_column, press_release,
paywall_article and data_story, the sixth, fact_check, profile_timeline, channel_feed,
work_review and weather_alert, the seventh, reader_question, election_results, court_report,
market_close and split_columns, the eighth, podcast_episode, on_this_day, health_advice,
tender_notice and text_lite, the ninth, transfer_news, translated_article, press_review,
exam_results and paged_article, the tenth, corrected_story, event_agenda, forum_thread,
prayer_times and sponsored_content, the eleventh, archived_copy, web_story, email_digest,
parliament_session and car_review, the twelfth, science_study, bilingual_summary,
brief_column, appointment_decree and explainer_faq, the thirteenth, condolence_notices,
weekly_diary, numbered_listicle, petition_campaign and travel_advisory, the fourteenth,
recipe_story, daily_horoscope, news_quiz, citizen_report and property_listings, the
fifteenth, flight_board, tv_schedule, opinion_poll, editorial_cartoon and match_fixtures, and
the sixteenth, crossword_puzzle, draw_results, pharmacy_duty, road_closures and book_excerpt,
have been looked at since): not to be looked at while tuning the rules."""
