"""Extraction: one page's HTML to one article item, by pure functions over its lxml tree.

``extract_article(html, url, **hints)`` tries, per field (crawler.extract.fields), the page's
structured metadata, the rules over the page's blocks (crawler.extract.layout, with the
network's own strings, crawler.extract.network, as strong evidence) and a generic main-content
extractor (crawler.extract.generic); pages that carry no article raise ``NotAnArticle``.
"""

from crawler.extract.article import NotAnArticle, extract_article

__all__ = ["NotAnArticle", "extract_article"]
