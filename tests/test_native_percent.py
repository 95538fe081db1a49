"""The native percent-encoding of URL paths (crawler/_percent.pyx) gives exactly what its Python
references in ``crawler.urls`` give, errors included. Under CI it must be built."""

from __future__ import annotations

import os
import random
from urllib.parse import quote, unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler import urls

native = pytest.mark.skipif(not urls.NATIVE_PERCENT and not os.environ.get("CI"),
                            reason="the native percent-encoding is not built (pip install -e . "
                                   "builds it)")


def _outcome(function: object, text: str) -> object:
    try:
        return function(text)  # type: ignore[operator]
    except (UnicodeDecodeError, UnicodeEncodeError) as exc:
        return type(exc), exc.reason


def test_the_native_percent_encoding_is_built_and_chosen() -> None:
    if not os.environ.get("CI") and not urls.NATIVE_PERCENT:
        pytest.skip("the native percent-encoding is not built here (no compiler?)")
    assert urls.NATIVE_PERCENT
    assert urls.encode_path is not urls.encode_path_python
    assert urls.encode_path.__module__ == "crawler._percent"
    assert urls._unquote_ascii.__module__ == "crawler._percent"


@native
def test_encode_path_on_every_code_point() -> None:
    for point in range(0x110000):
        text = f"/a{chr(point)}b/"
        assert _outcome(urls.encode_path, text) == _outcome(urls.encode_path_python, text), point
    assert urls.encode_path("") == quote("", safe=urls._SAFE_PATH_CHARS) == ""


@native
@settings(max_examples=3000, deadline=None)
@given(st.text(max_size=40))
def test_encode_path_on_generated_paths(path: str) -> None:
    assert _outcome(urls.encode_path, path) == _outcome(urls.encode_path_python, path)


ESCAPE_PIECES = ["%", "%%", "%D8", "%d8", "%A7", "%a7", "%2F", "%2f", "%G1", "%1", "%C3%A9",
                 "%E2%82%AC", "%F0%9F%98%80", "%FF", "%80", "%ED%A0%80", "/", "-", "a", "Z", "0",
                 "9", "F", "f", "g", " ", "~", "?", "+"]


@native
def test_unquote_on_generated_ascii_paths() -> None:
    generator = random.Random(7)
    for _ in range(20000):
        path = "".join(generator.choice(ESCAPE_PIECES) for _ in range(generator.randint(0, 12)))
        reference = _outcome(urls.unquote_ascii_python, path)
        assert _outcome(urls._unquote_ascii, path) == reference, path
        assert _outcome(lambda p: unquote(p, errors="strict"), path) == reference, path
    for byte in range(256):  # every escape alone, and after a valid two-byte character
        for path in (f"%{byte:02X}", f"%{byte:02x}", f"%D8%A7%{byte:02X}x"):
            assert _outcome(urls._unquote_ascii, path) == _outcome(urls.unquote_ascii_python,
                                                                   path), path


@native
def test_unquote_ascii_refuses_other_text() -> None:
    with pytest.raises(ValueError, match="ASCII"):
        urls._unquote_ascii("/ا%D8%A7")
    assert urls._unquote_strict("/ا%D8%A7") == "/اا"  # mixed text takes urllib's unquote
