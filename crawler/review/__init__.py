"""The review site: what the crawler kept and removed on every page, in the browser.

``crawler review ITEMS.jsonl --replay SOURCE -o DIR`` (or a crawl with ``WARC_OUTPUT`` and
``REVIEW_DIR``) writes a static site that opens from the file system:

- ``DIR/index.html``: every article and dropped page, filterable, with per-site charts;
- ``DIR/articles/<id>.html``: the page's visible blocks in page order with the role and the rule
  that decided each, the item's fields beside them, and the archived page in a sandboxed frame;
- ``DIR/pages/<id>.json`` and ``<id>.html.gz``: what was reviewed (the page as fetched and the
  item the extractor gave) for ``crawler review --accept``, which turns the pages a reviewer
  marked right (``DIR/marks.json``) into test fixtures.

Modules: ``inputs`` (items, run report, recorded pages), ``roles`` (a role per block),
``entries`` (one reviewed page), ``charts`` (SVG), ``render`` (HTML, everything escaped),
``site`` (writes the folder), ``marks`` and ``accept`` (the way back to fixtures), ``hook``
(the crawl-end extension).
"""
