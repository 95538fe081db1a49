"""Extraction: one page's HTML to one article item, by pure functions over its lxml tree.

``extract_article(html, url, **hints)`` tries, per field, the page's structured metadata, the
network's rules (crawler.extract.rules) and a generic main-content extractor
(crawler.extract.generic); pages that carry no article raise ``NotAnArticle``.
"""

from crawler.extract.article import NotAnArticle, extract_article

__all__ = ["NotAnArticle", "extract_article"]
