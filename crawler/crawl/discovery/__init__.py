"""Discovery: pure parsers that turn feeds, sitemaps, robots.txt and listing pages into URLs.

No network, no file access, no Scrapy: the spider fetches, these functions read bytes.
"""

from crawler.crawl.discovery.feeds import FeedEntry, FeedResult, parse_feed
from crawler.crawl.discovery.listings import (
    ListingKey,
    ListingLinks,
    canonical_listing_url,
    is_listing_url,
    listing_key,
    parse_listing,
)
from crawler.crawl.discovery.sitemaps import (
    SitemapEntry,
    SitemapResult,
    parse_sitemap,
    sitemap_urls_from_robots,
)

__all__ = [
    "FeedEntry",
    "FeedResult",
    "ListingKey",
    "ListingLinks",
    "SitemapEntry",
    "SitemapResult",
    "canonical_listing_url",
    "is_listing_url",
    "listing_key",
    "parse_feed",
    "parse_listing",
    "parse_sitemap",
    "sitemap_urls_from_robots",
]
