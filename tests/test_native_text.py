"""The native text kernels (crawler/extraction/_text.pyx) give exactly what their Python
references in ``crawler.extraction.kernels`` give: on every code point, on generated strings
and on every block text (and, for ``normalise_space``, every raw text node) of the
simulator's and the fixtures' pages. Under CI they must be
built."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extraction import kernels
from crawler.extraction.blocks import UnparseablePage, decode_html, parse_blocks
from crawler.simulator.network import SimulatedNetwork

FIXTURES = Path(__file__).parent / "fixtures"

native = pytest.mark.skipif(not kernels.NATIVE_TEXT and not os.environ.get("CI"),
                            reason="the native text kernels are not built (pip install -e . "
                                   "builds them)")

PAIRS: list[tuple[str, Callable[[str], object], Callable[[str], object]]] = [
    ("fold", kernels.fold, kernels.fold_python),
    ("word_key", kernels.word_key, kernels.word_key_python),
    ("word_count", kernels.word_count, kernels.word_count_python),
    ("normalise_space", kernels.normalise_space, kernels.normalise_space_python),
    ("script_counts", kernels.script_counts, kernels.script_counts_python),
    ("has_control", kernels.has_control, kernels.has_control_python),
]
# Arabic letters and their variants, harakat, tatweel, digits of three scripts, Latin with
# case pairs whose lower() grows (İ) or is special (Σ, ß), underscore, punctuation, spaces that
# str.split() splits on and some it does not, marks (hamza above and acute accent, which NFC
# composes with a preceding alef or e), an astral digit and emoji.
ALPHABET = ("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآٱىةؤئیکـ\u0654\u0655e\u0301"
            + "".join(map(chr, range(0x64B, 0x660)))
            + "\u0670٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789abcXYZİßΣ_-.,:;!؟،\"'|/*"
            + "\u00bf\u00c0\u024f\u0250\ufb50\ufeff"
            + " \u00a0\n\t\r\u2003\u200b\u200c\u200f\u0301\x1c\x85\u2028\U0001d7ce\U0001f600"
            + "\x00\x08\x0b\x7f\ufffe\uffff")


def test_the_native_kernels_are_built_and_chosen() -> None:
    """A clean install (``pip install -e .``, as CI does) compiles them and kernels uses them."""
    if not os.environ.get("CI") and not kernels.NATIVE_TEXT:
        pytest.skip("the native text kernels are not built here (no compiler?)")
    assert kernels.NATIVE_TEXT
    for _, chosen, reference in PAIRS:
        assert chosen is not reference
        assert chosen.__module__ == "crawler.extraction._text"


@native
@pytest.mark.parametrize(("name", "chosen", "reference"), PAIRS, ids=[p[0] for p in PAIRS])
def test_every_code_point_alone_and_all_together(
        name: str, chosen: Callable[[str], object], reference: Callable[[str], object]) -> None:
    points = [chr(p) for p in range(0x110000) if not 0xD800 <= p < 0xE000]
    mismatched = [p for p in points if chosen(p) != reference(p)]
    assert not mismatched, f"{name} differs on {[hex(ord(p)) for p in mismatched[:10]]}"
    run = "".join(points[:0x3000]) + " " + "".join(points[0x3000::7])
    assert chosen(run) == reference(run)
    assert chosen("") == reference("")


@native
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_generated_strings(text: str) -> None:
    for name, chosen, reference in PAIRS:
        assert chosen(text) == reference(text), name


@native
def test_every_block_text_of_the_simulator_and_the_fixtures() -> None:
    texts: set[str] = set()
    raw: set[str] = set()
    network = SimulatedNetwork(pages=120, seed=13)
    pages = []
    for url in network.manifest():
        parts = urlsplit(url)
        response = network.respond(parts.netloc, parts.path, {})
        pages.append((url, decode_html(response.body, response.headers.get("Content-Type"))))
    pages += [(str(path), decode_html(path.read_bytes())) for path in FIXTURES.rglob("*.html")]
    for url, html in pages:
        try:
            root, blocks = parse_blocks(html, url)
        except UnparseablePage:  # a fixture that is not HTML has no blocks
            continue
        texts.update(block.text for block in blocks)
        raw.update(root.itertext())
    assert len(texts) > 2000
    assert sum(text != kernels.normalise_space_python(text) for text in raw) > 100
    for text in raw:
        assert kernels.normalise_space(text) == kernels.normalise_space_python(text)
    for text in texts:
        folded = kernels.fold_python(text)
        assert kernels.fold(text) == folded
        assert kernels.word_key(folded) == kernels.word_key_python(folded)
        assert kernels.word_count(text) == kernels.word_count_python(text)
        assert kernels.script_counts(text) == kernels.script_counts_python(text)
        assert kernels.has_control(text) == kernels.has_control_python(text)


def test_init_fold_refuses_a_table_too_long() -> None:
    if not kernels.NATIVE_TEXT:
        pytest.skip("the native text kernels are not built here")
    from crawler.extraction import _text  # type: ignore[attr-defined]

    with pytest.raises(ValueError, match="at most"):
        _text.init_fold(list(range(0x800)))
    assert _text.fold("أ") == "ا"  # the table in use is unchanged


@native
def test_nfc_inert_characters_are_nfc_alone_and_in_every_pair() -> None:
    """normalise_space skips NFC for texts of these characters only: each must be its own NFC
    with combining class 0, and no two may compose (checked pair by pair)."""
    import unicodedata

    from crawler.extraction import _text  # type: ignore[attr-defined]

    inert = [chr(p) for p in range(0x110000) if not 0xD800 <= p < 0xE000
             and _text.nfc_inert(chr(p))]
    assert 900 < len(inert) < 1000
    for char in inert:
        assert unicodedata.combining(char) == 0 and unicodedata.is_normalized("NFC", char)
    for first in inert:
        pairs = "".join(first + second for second in inert)
        if not unicodedata.is_normalized("NFC", pairs):
            composing = [s for s in inert if not unicodedata.is_normalized("NFC", first + s)]
            pytest.fail(f"{first!r} composes with {composing[:5]}")
    assert not _text.nfc_inert("ا\u0654") and _text.nfc_inert("أحمد abc é")


@native
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(min_value=0, max_value=40))
def test_a_key_within_a_limit(text: str, limit: int) -> None:
    """The native key gives up past the limit exactly where the whole key would be too long,
    lower() included (İ lower-cases to two characters)."""
    assert kernels.word_key_within(text, limit) == kernels.word_key_within_python(text, limit)
    assert kernels.word_key_within("İİ", 2) is None and kernels.word_key_within("İ", 2) == "i̇"
