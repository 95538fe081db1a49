"""The layout families: one module per family, each with NAME, TRAITS and ``render(page)``
(and ``page_url(article)`` when the page lives at another URL than the article's).

Generic Arabic news CMS layouts: wp_jannah, wp_newspaper, wp_sidebar_first, drupal_portal,
bootstrap_portal, legacy_tables, amp_article, nextjs_hashed, custom_php, asp_webforms,
print_version, magazine_cards, maghreb_portal, ghost_minimal, joomla_microdata, spa_shell,
epaper_archive. The network's rendered-text order in new markup: network_divs, network_grid,
network_mobile, network_bs3 (content from ``network.py``).

HELD_OUT families stay out of rule tuning: the extraction rules are judged on them as on markup
never seen. The current five were written by an examiner who had not read the extraction code;
they bring difficulties of their own (reshaped bodies with lists, intertitles and quotes; dates
above the title, Hijri dates, relative ages; microdata-only dates; embeds) in structures unlike
the other sixteen.
"""

from __future__ import annotations

from types import ModuleType

from crawler.simulator.markup.families import (
    amp_article,
    asp_webforms,
    bootstrap_portal,
    custom_php,
    drupal_portal,
    epaper_archive,
    ghost_minimal,
    joomla_microdata,
    legacy_tables,
    magazine_cards,
    maghreb_portal,
    network_bs3,
    network_divs,
    network_grid,
    network_mobile,
    nextjs_hashed,
    print_version,
    spa_shell,
    wp_jannah,
    wp_newspaper,
    wp_sidebar_first,
)

_MODULES: tuple[ModuleType, ...] = (
    wp_jannah, wp_newspaper, drupal_portal, bootstrap_portal, legacy_tables, amp_article,
    nextjs_hashed, custom_php, print_version, network_divs, network_grid,
    asp_webforms, magazine_cards, wp_sidebar_first, maghreb_portal, network_mobile,
    ghost_minimal, joomla_microdata, spa_shell, epaper_archive, network_bs3,
)

FAMILIES: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}
HELD_OUT: frozenset[str] = frozenset({
    "ghost_minimal", "joomla_microdata", "spa_shell", "epaper_archive", "network_bs3",
})
"""The five families of the second held-out set, written after the extraction rules had been
tuned on the first sixteen (whose first held-out five, asp_webforms, magazine_cards,
wp_sidebar_first, maghreb_portal and network_mobile, have been looked at since): not to be
looked at while tuning the rules."""
