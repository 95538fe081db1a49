# cython: language_level=3, boundscheck=False, wraparound=False
"""``blocks.flatten`` in native code: the same walk over libxml2's nodes instead of lxml's
element proxies (no proxy per element, no ``.text``/``.tail`` string per node, no
``getparent()``), returning the very same blocks.

``blocks.flatten_python`` is the reference this must equal; tests compare the two on every
fixture, simulator and benchmark page and on generated trees. The helpers that decide what a
tag does and how a block's text reads (``_tag_info``, ``normalise_space``, ``_image_src``) are
blocks.py's own, called from here; blocks are made as ``blocks._block`` makes them.

Built against lxml's C API (``lxml.includes``): the struct layouts are those of the lxml
version this was compiled with, which ``blocks`` checks before using it.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdlib cimport free, realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element

from lxml import etree  # noqa: F401  (the C API below is imported from this module)

from crawler.extraction import blocks as _blocks

cetree.import_lxml__etree()

BUILT_FOR_LXML = etree.LXML_VERSION
"""The lxml version whose headers this was compiled against."""

cdef enum:
    _ENTER = 0
    _SKIP = 1
    _IMAGE = 2
    _KNOWN_NAMES = 64


cdef struct _Text:
    char* data
    Py_ssize_t length
    Py_ssize_t capacity


cdef int _append(_Text* buffer, const char* data, Py_ssize_t length) except -1:
    cdef Py_ssize_t needed = buffer.length + length
    cdef char* grown
    if needed > buffer.capacity:
        grown = <char*> realloc(buffer.data, max(needed, 2 * buffer.capacity, 256))
        if grown is NULL:
            raise MemoryError()
        buffer.data = grown
        buffer.capacity = max(needed, 2 * buffer.capacity, 256)
    memcpy(buffer.data + buffer.length, data, length)
    buffer.length = needed
    return 0


cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object, object, object) except -1


cdef object _new_block = object.__new__
_Block = _blocks.Block


cdef object _make_block(text, kind, tag, caption, heading, src, figure, datetimes):
    """``blocks._block``: a Block made without its frozen ``__setattr__``. The fields are set
    one by one, always in this order, by the generic setter: the object keeps its values inline
    under the class's shared keys (no dict of its own to make, and later to free)."""
    block = _new_block(_Block)
    PyObject_GenericSetAttr(block, "text", text)
    PyObject_GenericSetAttr(block, "kind", kind)
    PyObject_GenericSetAttr(block, "tag", tag)
    PyObject_GenericSetAttr(block, "caption", caption)
    PyObject_GenericSetAttr(block, "heading", heading)
    PyObject_GenericSetAttr(block, "src", src)
    PyObject_GenericSetAttr(block, "figure", figure)
    PyObject_GenericSetAttr(block, "datetimes", datetimes)
    return block


cdef str _decode(const char* data, Py_ssize_t length):
    return PyUnicode_DecodeUTF8(data, length, NULL)


cdef object _attribute(tree.xmlNode* node, const char* name):
    """``element.get(name)`` for an attribute without a namespace (None when absent)."""
    cdef tree.xmlAttr* attribute = node.properties
    cdef tree.xmlNode* child
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<const char*> attribute.name, name) == 0:
            child = attribute.children
            if child is NULL:
                return ""
            if child.next is NULL and child.type == tree.XML_TEXT_NODE:
                if child.content is NULL:
                    return ""
                return _decode(<const char*> child.content, strlen(<const char*> child.content))
            parts = []
            while child is not NULL:
                if child.type == tree.XML_TEXT_NODE and child.content is not NULL:
                    parts.append(_decode(<const char*> child.content,
                                         strlen(<const char*> child.content)))
                child = child.next
            return "".join(parts)
        attribute = attribute.next
    return None


cdef bint _names_caption(tree.xmlNode* node):
    """``"caption" in (element.get("class") or "").lower()``, on the attribute's bytes (no
    character outside ASCII lower-cases to one of "caption"'s letters)."""
    cdef tree.xmlAttr* attribute = node.properties
    cdef tree.xmlNode* child
    cdef const char* value
    cdef const char* word = "caption"
    cdef Py_ssize_t i, j
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<const char*> attribute.name, "class") == 0:
            child = attribute.children
            if child is NULL or child.next is not NULL or child.type != tree.XML_TEXT_NODE \
                    or child.content is NULL:  # not one plain text: ask Python
                return "caption" in (_attribute(node, "class") or "").lower()
            value = <const char*> child.content
            i = 0
            while value[i] != 0:
                j = 0
                while j < 7 and value[i + j] != 0 and (value[i + j] | 0x20) == word[j]:
                    j += 1
                if j == 7:
                    return True
                i += 1
            return False
        attribute = attribute.next
    return False


cdef str _tag(tree.xmlNode* node):
    """``element.tag``: the name, or ``{namespace}name``."""
    name = _decode(<const char*> node.name, strlen(<const char*> node.name))
    if node.ns is not NULL and node.ns.href is not NULL:
        return "{%s}%s" % (_decode(<const char*> node.ns.href,
                                   strlen(<const char*> node.ns.href)), name)
    return name


cdef tree.xmlNode* _body(tree.xmlNode* root):
    """The root's first <body> child (``root.iterchildren("body")``), else the root."""
    cdef tree.xmlNode* child = root.children
    while child is not NULL:
        if child.type == tree.XML_ELEMENT_NODE and child.ns is NULL \
                and strcmp(<const char*> child.name, "body") == 0:
            return child
        child = child.next
    return root


cdef class _Walk:
    """One flatten: the blocks so far, the text and <time> stamps of the open block."""

    cdef list blocks
    cdef list times
    cdef _Text text
    cdef object normalise
    cdef const tree.xmlChar* names[_KNOWN_NAMES]
    cdef list infos
    """The tag info of the names met so far: libxml2 keeps one copy of each name per
    document, so a name's address stands for it (a namespaced element is looked up anew)."""

    def __cinit__(self):
        self.blocks = []
        self.times = []
        self.text.data = NULL
        self.text.length = 0
        self.text.capacity = 0
        self.normalise = _blocks.normalise_space
        self.infos = []

    cdef tuple tag_info(self, tree.xmlNode* node):
        """``_tag_info(element.tag)``."""
        cdef Py_ssize_t i, known = len(self.infos)
        if node.ns is NULL:
            for i in range(known):
                if self.names[i] == node.name:
                    return <tuple> self.infos[i]
        raw = _tag(node)
        info = _blocks._TAG_INFO.get(raw) or _blocks._tag_info(raw)
        if node.ns is NULL and known < _KNOWN_NAMES:
            self.names[known] = node.name
            self.infos.append(info)
        return info

    def __dealloc__(self):
        free(self.text.data)

    cdef inline bint pending(self):
        return self.text.length > 0 or len(self.times) > 0

    cdef flush(self, tuple state):
        if self.text.length:
            text = self.normalise(_decode(self.text.data, self.text.length))
            self.text.length = 0
            if not text and not self.times:
                return
        elif self.times:
            text = ""
        else:
            return
        tag, caption, heading, figure = state
        self.blocks.append(_make_block(text, "text", tag, caption, heading, None, figure,
                                           tuple(self.times)))
        del self.times[:]


def flatten(_Element root not None, base_url=None):
    """The visible blocks of the document's body, in page order: ``blocks.flatten``."""
    cdef tree.xmlNode* top = _body(root._c_node)
    cdef tree.xmlNode* node = top
    cdef _Walk walk = _Walk()
    cdef list opened = []  # (starts a block, the parent's context) of each entered element
    cdef tuple state = _blocks._TOP
    cdef tuple info
    cdef int action
    cdef int figures = 0
    cdef bint entered, in_caption
    image_src = _blocks._image_src
    while True:
        entered = False
        if node.type == tree.XML_ELEMENT_NODE:
            info = walk.tag_info(node)
            action = info[0]
            if action != _ENTER:
                if action != _SKIP and walk.pending():
                    walk.flush(state)
                if action == _IMAGE:
                    element = cetree.elementFactory(root._doc, node)
                    walk.blocks.append(_make_block(
                        walk.normalise(_attribute(node, "alt") or ""), "image",
                        _tag(node).lower(), state[1], False, image_src(element, base_url),
                        state[3], ()))
            else:
                # info: action, is <time>, starts a block, block tag, heading, figure, figcaption
                if info[1] and (stamp := (_attribute(node, "datetime") or "").strip()):
                    walk.times.append(stamp)
                if info[2] and walk.pending():
                    walk.flush(state)
                opened.append((info[2], state))
                in_caption = state[1] or info[6] or _names_caption(node)
                if info[3] is not None:
                    if info[5]:
                        figures += 1
                    state = (info[3], in_caption, info[4] or state[2],
                             figures if info[5] else state[3])
                elif in_caption != state[1]:
                    state = (state[0], in_caption, state[2], state[3])
                entered = True
        elif (node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE) \
                and node.content is not NULL:
            _append(&walk.text, <const char*> node.content, strlen(<const char*> node.content))
        # Comments, processing instructions and entity references are skipped, with what
        # they hold; the text after them is the next node's.
        if entered and node.children is not NULL:
            node = node.children
            continue
        if entered:  # an empty element ends here
            state = _close(walk, opened, state)
        while node is not top and node.next is NULL:
            node = node.parent
            state = _close(walk, opened, state)
        if node is top:
            break
        node = node.next
    walk.flush(_blocks._TOP)
    return walk.blocks


cdef tuple _close(_Walk walk, list opened, tuple state):
    """End the innermost entered element: flush its block, give back its parent's context."""
    is_block, saved = opened.pop()
    if is_block and walk.pending():
        walk.flush(state)
    return saved
