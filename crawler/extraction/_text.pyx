# cython: language_level=3, boundscheck=False, wraparound=False
"""Text kernels of the network rules in native code: one pass over a string's code points
instead of a chain of ``str`` methods, regex calls and a list of word objects.

- ``fold``: ``dates.fold_python`` (the fold table, which ``dates`` hands over with
  ``init_fold``, applied in one pass);
- ``word_key``: ``" ".join(re.findall(r"\\w+", text)).lower()``, the second half of
  ``patterns.key`` (``\\w`` as ``re`` defines it for ``str``: ``str.isalnum()`` or ``_``);
- ``word_count``: ``len(text.split())`` without the list;
- ``has_control``: whether a text holds a character lxml refuses (``kernels.has_control_python``);
- ``script_counts``: the Arabic and the Latin letters of a text (``kernels.script_counts_python``);
- ``normalise_space``: ``kernels.normalise_space_python`` (NFC, whitespace runs to one space,
  stripped), the text itself when it is already so.

The Python forms are the reference these must equal; tests compare them on every block text of
the fixture, simulator and benchmark pages and on generated strings.
"""

import unicodedata

from cpython.mem cimport PyMem_Free, PyMem_Malloc

cdef extern from "Python.h":
    ctypedef unsigned int Py_UCS4
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    bint PyUnicode_IS_ASCII(object text)
    Py_UCS4 Py_UNICODE_TOLOWER(Py_UCS4 ch)

cdef enum:
    _FOLD_LIMIT = 0x700
    _DELETE = -1

cdef int _fold_table[_FOLD_LIMIT]
cdef bint _fold_ready = False


def init_fold(table):
    """Take the fold table: a sequence indexed by code point (below U+0700) of the folded
    code point, or None to delete the character; code points past its end are kept."""
    global _fold_ready
    if len(table) > _FOLD_LIMIT:
        raise ValueError(f"the fold table covers {len(table)} code points, at most {_FOLD_LIMIT}")
    cdef int point
    for point in range(_FOLD_LIMIT):
        if point >= len(table):
            _fold_table[point] = point
        elif table[point] is None:
            _fold_table[point] = _DELETE
        else:
            _fold_table[point] = table[point]
    _fold_ready = True


cdef inline int _folded(Py_UCS4 ch) noexcept:
    return _fold_table[ch] if ch < _FOLD_LIMIT else <int> ch


def fold(str text not None):
    """``dates.fold_python(text)``; the text itself when folding changes nothing."""
    if not _fold_ready:
        raise RuntimeError("init_fold was not called")
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t index = 0, size = 0
    cdef Py_UCS4 ch
    cdef int folded
    while index < length:
        ch = PyUnicode_READ(kind, data, index)
        if _folded(ch) != <int> ch:
            break
        index += 1
    if index == length:
        return text
    cdef Py_UCS4* buffer = <Py_UCS4*> PyMem_Malloc(length * sizeof(Py_UCS4))
    if buffer is NULL:
        raise MemoryError()
    try:
        for size in range(index):
            buffer[size] = PyUnicode_READ(kind, data, size)
        size = index
        while index < length:
            folded = _folded(PyUnicode_READ(kind, data, index))
            if folded != _DELETE:
                buffer[size] = <Py_UCS4> folded
                size += 1
            index += 1
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, size)
    finally:
        PyMem_Free(buffer)


cdef inline bint _is_word(Py_UCS4 ch) noexcept:
    return Py_UNICODE_ISALNUM(ch) or ch == 95  # "_"


def word_key(str text not None, Py_ssize_t limit=-1):
    """``" ".join(re.findall(r"\\w+", text)).lower()``; with a ``limit`` >= 0, None instead of a
    key longer than that (given up as soon as it would be: lower() never shortens a text)."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4* buffer = <Py_UCS4*> PyMem_Malloc((length + 1) * sizeof(Py_UCS4))
    cdef Py_ssize_t index, size = 0
    cdef Py_UCS4 ch
    cdef bint in_word = False, cased = False
    if buffer is NULL:
        raise MemoryError()
    try:
        for index in range(length):
            ch = PyUnicode_READ(kind, data, index)
            if _is_word(ch):
                if not in_word and size:
                    buffer[size] = 32
                    size += 1
                buffer[size] = ch
                size += 1
                if 0 <= limit < size:
                    return None
                in_word = True
                # lower() changes a text only where a character's own lower case differs
                # (its special cases, İ and final sigma, have one that does); Arabic has none
                if not cased and not 0x600 <= ch <= 0x6FF:
                    cased = Py_UNICODE_TOLOWER(ch) != ch
            else:
                in_word = False
        joined = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, size)
    finally:
        PyMem_Free(buffer)
    if cased:
        joined = joined.lower()
        if 0 <= limit < PyUnicode_GET_LENGTH(joined):
            return None
    return joined


cdef inline bint _is_space(Py_UCS4 ch) noexcept:
    """``Py_UNICODE_ISSPACE`` (what str.split() splits on), without its Unicode database call
    below U+1680: between ASCII and there only U+0085 and U+00A0 are whitespace."""
    if ch < 128:
        return Py_UNICODE_ISSPACE(ch)
    if ch < 0x1680:
        return ch == 0x85 or ch == 0xA0
    return Py_UNICODE_ISSPACE(ch)


cdef inline bint _nfc_inert(Py_UCS4 ch) noexcept:
    """A character that NFC leaves alone and that composes with no other such character: Latin
    below the combining diacritics, and the Arabic block without its marks (tests check this
    against unicodedata on every pair)."""
    if ch < 0x300:
        return True
    if ch < 0x600 or ch >= 0x700:
        return False
    return not (0x610 <= ch <= 0x61A or 0x64B <= ch <= 0x65F or ch == 0x670
                or 0x6D6 <= ch <= 0x6DC or 0x6DF <= ch <= 0x6E4 or 0x6E7 <= ch <= 0x6E8
                or 0x6EA <= ch <= 0x6ED)


cpdef bint nfc_inert(str text):
    """True when every character of the text is ``_nfc_inert``: the text is NFC already."""
    if text is None:  # a cpdef argument cannot be declared ``not None``
        raise TypeError("nfc_inert() takes a str, not None")
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), index
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    for index in range(length):
        if not _nfc_inert(PyUnicode_READ(kind, data, index)):
            return False
    return True


def word_count(str text not None):
    """``len(text.split())``."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t index, count = 0
    cdef bint in_word = False
    for index in range(length):
        if _is_space(PyUnicode_READ(kind, data, index)):
            in_word = False
        elif not in_word:
            in_word = True
            count += 1
    return count


cdef object _normalize = unicodedata.normalize


def normalise_space(str text not None):
    """``kernels.normalise_space_python(text)``: NFC, ``" ".join(text.split())``."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t index = 0, size = 0
    cdef Py_UCS4 ch
    cdef bint after_space = True  # a leading space is one to drop
    cdef bint check_nfc = not PyUnicode_IS_ASCII(text)  # ASCII is NFC already
    while index < length:
        ch = PyUnicode_READ(kind, data, index)
        if check_nfc and not _nfc_inert(ch):  # NFC may change the text: scan its NFC anew
            text = _normalize("NFC", text)
            length = PyUnicode_GET_LENGTH(text)
            kind = PyUnicode_KIND(text)
            data = PyUnicode_DATA(text)
            check_nfc = False
            index = 0
            after_space = True
            continue
        if _is_space(ch):
            if ch != 32 or after_space:
                break
            after_space = True
        else:
            after_space = False
        index += 1
    if index == length and (length == 0 or not after_space):
        return text  # single spaces between words only: already its own result
    if check_nfc and not nfc_inert(text):  # the part after index was not looked at yet
        text = _normalize("NFC", text)
        length = PyUnicode_GET_LENGTH(text)
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
    cdef Py_UCS4* buffer = <Py_UCS4*> PyMem_Malloc(length * sizeof(Py_UCS4))
    if buffer is NULL:
        raise MemoryError()
    try:
        after_space = True
        for index in range(length):
            ch = PyUnicode_READ(kind, data, index)
            if _is_space(ch):
                after_space = True
                continue
            if after_space and size:
                buffer[size] = 32
                size += 1
            after_space = False
            buffer[size] = ch
            size += 1
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, size)
    finally:
        PyMem_Free(buffer)


cdef inline bint _is_arabic(Py_UCS4 ch) noexcept:
    return (0x600 <= ch <= 0x6FF or 0x750 <= ch <= 0x77F or 0x8A0 <= ch <= 0x8FF
            or 0xFB50 <= ch <= 0xFDFF or 0xFE70 <= ch <= 0xFEFF)


cdef inline bint _is_latin(Py_UCS4 ch) noexcept:
    return 65 <= ch <= 90 or 97 <= ch <= 122 or 0xC0 <= ch <= 0x24F


def script_counts(str text not None):
    """``kernels.script_counts_python(text)``: (Arabic letters, Latin letters)."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t index, arabic = 0, latin = 0
    cdef Py_UCS4 ch
    for index in range(length):
        ch = PyUnicode_READ(kind, data, index)
        if _is_arabic(ch):
            arabic += 1
        elif _is_latin(ch):
            latin += 1
    return arabic, latin


def has_control(str text not None):
    """``kernels.has_control_python(text)``: a C0 control other than tab, newline and carriage
    return, DEL, U+FFFE or U+FFFF."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), index
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    for index in range(length):
        ch = PyUnicode_READ(kind, data, index)
        if ch < 32:
            if ch != 9 and ch != 10 and ch != 13:
                return True
        elif ch == 0x7F or ch == 0xFFFE or ch == 0xFFFF:
            return True
    return False
