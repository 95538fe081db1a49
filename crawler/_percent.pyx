# cython: language_level=3, boundscheck=False, wraparound=False
"""Percent-encoding of URL paths in native code, one pass each way: the spider canonicalises
every article link it meets and the extraction every article URL.

- ``unquote_ascii``: ``urls.unquote_strict_python`` of an ASCII path (``urllib.parse.unquote(path,
  errors="strict")``);
- ``encode_path``: ``urls.encode_path_python`` (``urllib.parse.quote(path, safe=...)``).

The Python forms are the reference; tests compare the two on every code point and generated
paths.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.mem cimport PyMem_Free, PyMem_Malloc

cdef extern from "Python.h":
    object PyUnicode_DecodeUTF8(const char* data, Py_ssize_t size, const char* errors)
    object PyUnicode_AsUTF8String(object text)
    object PyUnicode_DecodeASCII(const char* data, Py_ssize_t size, const char* errors)
    bint PyUnicode_IS_ASCII(object text)

cdef bint _safe[256]
cdef const char* _HEX = b"0123456789ABCDEF"


def init_safe(str safe not None):
    """The characters ``encode_path`` keeps besides letters, digits and ``_.-~``."""
    cdef int byte
    for byte in range(256):
        _safe[byte] = (48 <= byte <= 57 or 65 <= byte <= 90 or 97 <= byte <= 122
                       or chr(byte) in "_.-~" or (byte < 128 and chr(byte) in safe))


cdef inline int _hex_value(char c) noexcept:
    if 48 <= c <= 57:
        return c - 48
    if 65 <= c <= 70:
        return c - 55
    if 97 <= c <= 102:
        return c - 87
    return -1


def unquote_ascii(str path not None):
    """``urllib.parse.unquote(path, errors="strict")`` of an ASCII path: a ``%`` not followed by
    two hex digits stays; invalid UTF-8 raises UnicodeDecodeError."""
    if not PyUnicode_IS_ASCII(path):
        raise ValueError("unquote_ascii takes an ASCII path")
    encoded = path.encode("ascii")
    cdef const char* data = PyBytes_AS_STRING(encoded)
    cdef Py_ssize_t length = PyBytes_GET_SIZE(encoded), index = 0, size = 0
    cdef int high, low
    cdef char* buffer = <char*> PyMem_Malloc(length + 1)
    if buffer is NULL:
        raise MemoryError()
    try:
        while index < length:
            if data[index] == 37 and index + 2 < length:  # "%"
                high = _hex_value(data[index + 1])
                low = _hex_value(data[index + 2])
                if high >= 0 and low >= 0:
                    buffer[size] = <char> (high * 16 + low)
                    size += 1
                    index += 3
                    continue
            buffer[size] = data[index]
            size += 1
            index += 1
        return PyUnicode_DecodeUTF8(buffer, size, "strict")
    finally:
        PyMem_Free(buffer)


def encode_path(str path not None):
    """``urllib.parse.quote(path, safe=...)`` with the ``init_safe`` characters: UTF-8, every
    other byte as ``%XX`` (upper case)."""
    encoded = PyUnicode_AsUTF8String(path)
    cdef const unsigned char* data = <const unsigned char*> PyBytes_AS_STRING(encoded)
    cdef Py_ssize_t length = PyBytes_GET_SIZE(encoded), index, size = 0
    cdef unsigned char byte
    cdef char* buffer = <char*> PyMem_Malloc(3 * length + 1)
    if buffer is NULL:
        raise MemoryError()
    try:
        for index in range(length):
            byte = data[index]
            if _safe[byte]:
                buffer[size] = <char> byte
                size += 1
            else:
                buffer[size] = 37
                buffer[size + 1] = _HEX[byte >> 4]
                buffer[size + 2] = _HEX[byte & 15]
                size += 3
        return PyUnicode_DecodeASCII(buffer, size, NULL)
    finally:
        PyMem_Free(buffer)
