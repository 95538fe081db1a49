"""The images and their captions, ``[{url, caption}]``.

Images are those of the article's header and body (not logos, not the thumbnails of link lists
or furniture boxes). Captions are figcaptions (or blocks whose class names a caption), a short
line right after an image before the body, or, on the network's pages, the short line between
the title and the dateline (the seed page's "جون كيربي، المتحدث باسم الخارجية الأميركي"). A caption
pairs with the image of its <figure>, else with the images in order; a caption without an image
gets the page's declared image (og:image), if any.
"""

from __future__ import annotations

import re
from typing import Any

from crawler.extract import network
from crawler.extract.layout import STRONG_FURNITURE, BlockView
from crawler.extract.reading import Found, Reading

CAPTION_MAX_WORDS = 25


def _region(reading: Reading) -> list[BlockView]:
    """The article's header and body blocks."""
    layout = reading.layout
    if layout.start is None:
        return []
    first = layout.header.start
    last = layout.end if layout.end is not None else layout.start
    return reading.views[first:last + 1]


def _is_article_image(view: BlockView, reading: Reading) -> bool:
    block = view.block
    if not block.src or (view.text and network.is_logo_alt(view.text)):
        return False
    if block.links and block.list_item:
        return False
    depth = len(reading.layout.container or ())
    return not (block.furniture_below(depth) & STRONG_FURNITURE)


_PHOTO_CREDIT = re.compile(r"(?:^|[\s(])(?:تصوير|عدسة|الصورة|photo|credit)\s*[:：\-–—ـ]",
                           re.IGNORECASE)
"""A photographer's credit ("تصوير: X") marks its line as a caption."""


def _is_caption_line(view: BlockView) -> bool:
    return (view.is_text and view.words <= CAPTION_MAX_WORDS and not view.link_text
            and view.date is None and not view.text.rstrip().endswith((".", "。")))


def find(reading: Reading) -> Found:
    layout = reading.layout
    region = _region(reading)
    images: list[BlockView] = []
    captions: list[BlockView] = []
    previous_image = False
    for view in region:
        if view.block.kind == "image":
            if _is_article_image(view, reading):
                images.append(view)
                previous_image = True
            continue
        if not view.is_text or layout.decided(view.index):
            continue
        before_body = layout.start is not None and view.index < layout.start
        if view.story_caption:
            previous_image = False  # running text, not a caption (an album's story): body
            continue
        if view.block.caption or (before_body and previous_image and _is_caption_line(view)):
            captions.append(view)
            layout.decide(view.index, "caption", "caption:figure" if view.block.caption
                          else "caption:line-after-image")
        elif _is_caption_line(view) and _PHOTO_CREDIT.search(view.text):
            captions.append(view)
            layout.decide(view.index, "caption", "caption:photo-credit")
        previous_image = False
    if reading.network:
        captions += _line_before_dateline(reading, {c.index for c in captions})
    return _paired(reading, images, sorted(captions, key=lambda v: v.index))


def _line_before_dateline(reading: Reading, taken: set[int]) -> list[BlockView]:
    """The network's caption: the short line just before the dateline, after the title."""
    layout = reading.layout
    dateline = next((i for i, d in layout.decisions.items() if d.role == "dateline"), None)
    if dateline is None:
        return []
    floor = layout.title if layout.title is not None else -1
    found = []
    for view in reversed(reading.views[floor + 1:dateline]):
        if not view.is_text:
            continue
        if view.index in taken or layout.decided(view.index) or not _is_caption_line(view) \
                or view.network_furniture or view.generic_furniture:
            break
        layout.decide(view.index, "caption", "caption:line-before-dateline")
        found.append(view)
    return found


def _paired(reading: Reading, images: list[BlockView], captions: list[BlockView]) -> Found:
    by_figure = {c.block.figure: c.text for c in captions if c.block.figure is not None}
    loose = iter(c.text for c in captions if c.block.figure is None)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for view in images:
        src = view.block.src
        if src is None or src in seen:
            continue
        seen.add(src)
        caption = by_figure.get(view.block.figure) if view.block.figure is not None else None
        out.append({"url": src, "caption": caption if caption is not None else next(loose, None)})
    used = {image["caption"] for image in out}
    meta = reading.meta
    declared = meta.image.value if meta.image and isinstance(meta.image.value, str) else None
    for caption in (c.text for c in captions):
        if caption not in used:
            out.append({"url": declared, "caption": caption})
    if out:
        return Found(out, "network-rules" if reading.network else "page-images")
    if declared and meta.image:
        return Found([{"url": declared, "caption": None}], meta.image.source)
    return Found([], None)
