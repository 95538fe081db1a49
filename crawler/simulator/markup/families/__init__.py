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
citizen_report, property_listings.
The network's rendered-text order in new markup: network_divs, network_grid, network_mobile,
network_bs3 (content from ``network.py``). ``portal_chrome.py`` (not a family) holds the head,
header, text typings and after-text furniture the thirteenth set's families share (the
fourteenth set's borrow some of its pieces and type their texts themselves).

HELD_OUT families stay out of rule tuning: the extraction rules are judged on them as on markup
never seen. The current five were written by an examiner who had read neither the extraction
code nor any extraction figure; they bring page kinds of their own (a kitchen section's story on
a recipe page, beside the recipe card with the dish's name as a second heading, the chef, the
durations, the ingredients as a bulleted list and the steps as a numbered one, before, inside or
after the story, whose own bulleted lists are body; a variety desk's story on the day's
horoscope page, twelve signs of forecast prose in ``<article>``s of their own with their ranges
of days and the astrologer's "بقلم" line, above the ``<h1>``, after the text or in the sidebar,
the story sometimes split in two containers around a video; a story followed by a knowledge
quiz whose questions look like an explainer's, with its maker, its hidden answers and a
``Quiz`` JSON-LD whose author is the maker, after the text, in a hidden tab or cut in two by a
quick question inside the text, the story sometimes typed as one ``<li>`` per part; a reader's
contribution published under the sender card, above or under the ``<h1>`` or after the text,
with the desk's reviewer beside it, the reception time and sometimes the publication time above
the ``<h1>``, the last parts folded behind "اقرأ المزيد"; a housing story among a classifieds
board's listing cards with their prices, descriptions, advertisers and posting days, in a
carousel inside the text, a grid after it or the sidebar, the story sometimes typed as the rows
of a table), in structures unlike the other seventy-six.
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
    bootstrap_portal,
    brief_column,
    car_review,
    channel_feed,
    citizen_report,
    condolence_notices,
    corrected_story,
    court_report,
    custom_php,
    daily_horoscope,
    data_story,
    drupal_portal,
    election_results,
    email_digest,
    epaper_archive,
    event_agenda,
    exam_results,
    explainer_faq,
    fact_check,
    forum_thread,
    ghost_minimal,
    health_advice,
    interview_qa,
    joomla_microdata,
    legacy_tables,
    live_coverage,
    magazine_cards,
    maghreb_portal,
    market_close,
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
    paged_article,
    parliament_session,
    paywall_article,
    petition_campaign,
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
    tv_video,
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
)

FAMILIES: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}
HELD_OUT: frozenset[str] = frozenset({
    "citizen_report", "daily_horoscope", "news_quiz", "property_listings", "recipe_story",
})
"""The five families of the fourteenth held-out set, written by an examiner who had read neither
the extraction code nor any figure, after the extraction rules had been tuned on the other
seventy-six (the first held-out five, asp_webforms, magazine_cards, wp_sidebar_first,
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
brief_column, appointment_decree and explainer_faq, and the thirteenth, condolence_notices,
weekly_diary, numbered_listicle, petition_campaign and travel_advisory, have been looked at
since): not to be looked at while tuning the rules."""
