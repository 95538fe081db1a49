"""The layout families: one module per family, each with NAME, TRAITS and ``render(page)``
(and ``page_url(article)`` when the page lives at another URL than the article's).

Generic Arabic news CMS layouts: wp_jannah, wp_newspaper, wp_sidebar_first, drupal_portal,
bootstrap_portal, legacy_tables, amp_article, nextjs_hashed, custom_php, asp_webforms,
print_version, magazine_cards, maghreb_portal. The network's rendered-text order in new markup:
network_divs, network_grid, network_mobile (content from ``network.py``).

HELD_OUT families stay out of rule tuning: the extraction rules are judged on them as on markup
never seen. They mix the others' difficulties in structures of their own.
"""

from __future__ import annotations

from types import ModuleType

from crawler.simulator.markup.families import (
    amp_article,
    asp_webforms,
    bootstrap_portal,
    custom_php,
    drupal_portal,
    legacy_tables,
    magazine_cards,
    maghreb_portal,
    network_divs,
    network_grid,
    network_mobile,
    nextjs_hashed,
    print_version,
    wp_jannah,
    wp_newspaper,
    wp_sidebar_first,
)

_MODULES: tuple[ModuleType, ...] = (
    wp_jannah, wp_newspaper, drupal_portal, bootstrap_portal, legacy_tables, amp_article,
    nextjs_hashed, custom_php, print_version, network_divs, network_grid,
    asp_webforms, magazine_cards, wp_sidebar_first, maghreb_portal, network_mobile,
)

FAMILIES: dict[str, ModuleType] = {module.NAME: module for module in _MODULES}
HELD_OUT: frozenset[str] = frozenset({
    "asp_webforms", "magazine_cards", "wp_sidebar_first", "maghreb_portal", "network_mobile",
})
"""Five of the sixteen families (about a third): not to be looked at while tuning the rules."""
