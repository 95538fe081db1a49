"""The native flatten (crawler/extraction/_flatten.pyx) gives exactly the blocks of the Python
reference, ``blocks.flatten_python``: on every page the project has (simulator, fixtures, the
shared benchmark corpora) and on generated markup. Under CI the native one must be built."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.extraction import fundus_pages, zyte_pages
from crawler.extraction import blocks
from crawler.extraction.blocks import (
    UnparseablePage,
    decode_html,
    flatten_python,
    parse_document,
)
from crawler.simulator.network import SimulatedNetwork
from tests.conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures"

native = pytest.mark.skipif(not blocks.NATIVE_FLATTEN and not os.environ.get("CI"),
                            reason="the native flatten is not built (pip install -e . builds it)")


def test_the_native_flatten_is_built_and_chosen() -> None:
    """A clean install (``pip install -e .``, as CI does) compiles it and blocks uses it."""
    if not os.environ.get("CI") and not blocks.NATIVE_FLATTEN:
        pytest.skip("the native flatten is not built here (no compiler?)")
    assert blocks.NATIVE_FLATTEN
    assert blocks.flatten is not flatten_python
    assert blocks.flatten.__module__ == "crawler.extraction._flatten"


def _pages() -> Iterator[tuple[str, str]]:
    network = SimulatedNetwork(pages=150, seed=5)
    for url in network.manifest():
        parts = urlsplit(url)
        response = network.respond(parts.netloc, parts.path, {})
        yield url, decode_html(response.body, response.headers.get("Content-Type"))
    for path in sorted(FIXTURES.rglob("*.html")):
        yield str(path), decode_html(path.read_bytes())
    root = SHARED / "benchmarks"
    if (root / "zyte").is_dir():
        for page in zyte_pages(root):
            yield page.url or page.page_id, page.html
    if (root / "fundus").is_dir():
        for page in fundus_pages(root):
            yield page.url or page.page_id, page.html


@native
def test_same_blocks_as_the_python_reference_on_every_page() -> None:
    compared = 0
    for url, html in _pages():
        try:
            root = parse_document(html)
        except UnparseablePage:
            continue
        assert blocks.flatten(root, url) == flatten_python(root, url), url
        compared += 1
    assert compared >= 150


_TAGS = ["div", "p", "span", "h2", "figure", "figcaption", "time", "br", "img", "amp-img",
         "script", "style", "table", "td", "li", "a", "b", "section", "svg", "noscript", "Div"]
_ATTRIBUTES = ["", " class='Photo-Caption'", " class='x'", " datetime=' 2024-01-02 '",
               " alt=' a  b '", " src='/i.jpg'", " data-src='data:x'", " data-src='//c/d.png'",
               " class='CAPTION&amp;x'", " alt=''"]
_TEXTS = ["", " ", "نص", "a  b", "\u0627\u0654", "&nbsp;", "x\u200fy", "\t", "&#1575;"]


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(_TEXTS)))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attributes = draw(st.sampled_from(_ATTRIBUTES))
            parts.append(f"<{tag}{attributes}>{draw(markup(depth + 1))}</{tag}>")
            if draw(st.booleans()):
                parts.append("<!-- c -->")
    return "".join(parts)


@native
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup(), st.sampled_from(["", "<head><title>t</title></head>"]))
def test_same_blocks_as_the_python_reference_on_generated_markup(body: str, head: str) -> None:
    html = f"<html>{head}<body>{body}</body></html>tail"
    try:
        root = parse_document(html)
    except UnparseablePage:
        return
    base = "https://example.com/a/"
    assert blocks.flatten(root, base) == flatten_python(root, base)


def test_a_native_module_not_built_or_refused_gives_the_python_twin(
        caplog: pytest.LogCaptureFixture) -> None:
    """native_module: None when the extension is missing or its prepare refuses it; the flatten
    refuses a build for another lxml, with a warning."""
    import types

    from crawler.native import native_module

    assert native_module("crawler.extraction._no_such_extension", lambda module: True) is None
    assert native_module("crawler.extraction.blocks", lambda module: False) is None
    assert native_module("crawler.extraction.blocks", lambda module: True) is blocks
    stale = types.SimpleNamespace(BUILT_FOR_LXML=(1, 0, 0, 0))
    with caplog.at_level("WARNING", logger="crawler.extraction.blocks"):
        assert not blocks._built_for_this_lxml(stale)  # type: ignore[arg-type]
    assert "built for lxml (1, 0, 0, 0)" in caplog.text
