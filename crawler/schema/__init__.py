"""The versioned JSON Schema of the exported item, and the checks JSON Schema cannot express.

``crawler/schema/item-<version>.schema.json`` describes one exported line; ``item_errors(item)``
returns every reason an item is invalid (schema violations, then paragraph offsets outside the
text), picking the schema by the item's own ``schema_version``.

Speed (every crawled item is checked): jsonschema is the one validator, but it runs on the
schema with its local ``$ref``s inlined (``inline_refs``: no reference lookup per item), and
only for items the schema's fast check (``fast_check``: the same schema compiled to nested
Python predicates, exact for the few keywords the item schemas use) does not accept. An item
the fast check accepts has no schema error; for any other item jsonschema gives the errors, so
the messages are jsonschema's. A schema using a keyword the compiler does not know gets no fast
check (jsonschema checks every item).
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from crawler.items import SCHEMA_VERSION

SCHEMA_FILE = "item-{version}.schema.json"


class UnknownSchemaVersion(LookupError):
    """No schema file for this version."""


def schema_versions() -> list[str]:
    """The versions that have a schema file, oldest first."""
    names = (entry.name for entry in resources.files(__package__).iterdir())
    found = [name[len("item-"):-len(".schema.json")] for name in names
             if name.startswith("item-") and name.endswith(".schema.json")]
    return sorted(found, key=lambda v: tuple(int(p) for p in v.split(".")))


@cache
def load_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """The schema of item ``version`` as a dict; UnknownSchemaVersion if there is none."""
    path = resources.files(__package__) / SCHEMA_FILE.format(version=version)
    if not path.is_file():
        raise UnknownSchemaVersion(f"no item schema for version {version!r} "
                                   f"(known: {', '.join(schema_versions())})")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every local ``$ref`` ("#/$defs/...") replaced by the schema it points
    to, and without ``$defs``. A ``$ref`` with sibling keywords becomes an ``allOf`` of the one
    target in the same place, so the keywords are checked in the same order and the errors
    (messages, paths) are the same. Not for recursive schemas (ValueError)."""

    def resolve(pointer: str, seen: tuple[str, ...]) -> Any:
        if not pointer.startswith("#/") or pointer in seen:
            raise ValueError(f"cannot inline $ref {pointer!r}")
        target: Any = schema
        for part in pointer[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[int(part)] if isinstance(target, list) else target[part]
        return walk(target, (*seen, pointer))

    def walk(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [walk(child, seen) for child in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node and len(node) == 1:
            return resolve(node["$ref"], seen)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref":
                if "allOf" in node:
                    raise ValueError(f"cannot inline $ref {value!r} beside an allOf")
                out["allOf"] = [resolve(value, seen)]
            elif key != "$defs" or node is not schema:
                out[key] = walk(value, seen)
        return out

    inlined: dict[str, Any] = walk(schema, ())
    return inlined


@cache
def validator(version: str = SCHEMA_VERSION) -> Draft202012Validator:
    """A compiled validator for item ``version`` (its ``$ref``s inlined)."""
    schema = load_schema(version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(inline_refs(schema))


Check = Callable[[Any], bool]


def _always(value: Any) -> bool:
    return True


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, numbers.Number)


_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description",
                          "examples", "default"})
_TYPES: dict[str, Check] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "integer": lambda v: not isinstance(v, bool) and (
        isinstance(v, int) or (isinstance(v, float) and v.is_integer())),
    "number": _is_number,
}
"""jsonschema's Draft 2020-12 type checks (tests compare them with its TYPE_CHECKER)."""


class Uncompilable(ValueError):
    """The schema uses something ``compile_check`` does not handle exactly."""


def compile_check(schema: Any) -> Check:
    """``schema`` (``$ref``s inlined) as one predicate: True exactly when jsonschema's Draft
    2020-12 validator finds no error. Handles type, const and enum (strings and null only),
    properties, required, additionalProperties, items (one schema), minItems, minLength,
    minimum, pattern, allOf, oneOf and the annotations; anything else raises Uncompilable."""
    if schema is True:
        return lambda value: True
    if not isinstance(schema, dict):
        raise Uncompilable(f"schema {schema!r}")
    checks = [check for key, arg in schema.items()
              if (check := _keyword(key, arg, schema)) is not _always]
    return _all(checks)


def _all(checks: list[Check]) -> Check:
    """One check passing when every one of ``checks`` passes (plain loops: the fast check
    runs on every item, and generators cost more than the checks themselves)."""
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop, not a generator (see _all)
            if not check(value):
                return False
        return True

    return every


def _any(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def some(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop, not a generator (see _all)
            if check(value):
                return True
        return False

    return some


def _keyword(key: str, arg: Any, schema: dict[str, Any]) -> Check:
    if key in _ANNOTATIONS:
        return _always
    if key == "type":
        names = [arg] if isinstance(arg, str) else arg
        if not isinstance(names, list) or any(name not in _TYPES for name in names):
            raise Uncompilable(f"type {arg!r}")
        return _any([_TYPES[name] for name in names])
    if key in ("const", "enum"):
        options = [arg] if key == "const" else arg
        if not isinstance(options, list) or any(
                option is not None and not isinstance(option, str) for option in options):
            raise Uncompilable(f"{key} {arg!r}")
        strings = frozenset(option for option in options if option is not None)
        allow_null = None in options
        return lambda value: ((value is None and allow_null)
                              or (isinstance(value, str) and value in strings))
    if key == "properties":
        props = [(name, compile_check(sub)) for name, sub in arg.items()]

        def properties(value: Any) -> bool:
            if isinstance(value, dict):
                for name, check in props:
                    if name in value and not check(value[name]):
                        return False
            return True

        return properties
    if key == "required":
        names = frozenset(arg)
        return lambda value: not isinstance(value, dict) or names.issubset(value)
    if key == "additionalProperties":
        if "patternProperties" in schema:
            raise Uncompilable("additionalProperties with patternProperties")
        known = frozenset(schema.get("properties", {}))
        if arg is False:
            return lambda value: not isinstance(value, dict) or known.issuperset(value)
        extra = compile_check(arg)

        def additional(value: Any) -> bool:
            if isinstance(value, dict):
                for name, item in value.items():
                    if name not in known and not extra(item):
                        return False
            return True

        return additional
    if key == "items":
        each = compile_check(arg)
        if "prefixItems" in schema:
            raise Uncompilable("items with prefixItems")

        def items(value: Any) -> bool:
            if isinstance(value, list):
                for item in value:
                    if not each(item):
                        return False
            return True

        return items
    if key == "minItems":
        return lambda value: not isinstance(value, list) or len(value) >= arg
    if key == "minLength":
        return lambda value: not isinstance(value, str) or len(value) >= arg
    if key == "minimum":
        return lambda value: not _is_number(value) or not value < arg
    if key == "pattern":
        search = re.compile(arg).search
        return lambda value: not isinstance(value, str) or search(value) is not None
    if key == "allOf":
        return _all([compile_check(sub) for sub in arg])
    if key == "oneOf":
        options = [compile_check(sub) for sub in arg]
        return lambda value: [option(value) for option in options].count(True) == 1
    raise Uncompilable(f"keyword {key!r}")


@cache
def fast_check(version: str = SCHEMA_VERSION) -> Check | None:
    """The fast check of item ``version``: True only for items without a schema error; None
    when the schema cannot be compiled (then every item goes through jsonschema)."""
    try:
        return compile_check(validator(version).schema)
    except Uncompilable:
        return None


def _where(path: Any) -> str:
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    return where.lstrip(".") or "item"


def offset_errors(item: dict[str, Any]) -> list[str]:
    """Paragraph spans that do not lie inside ``text``, are empty, or overlap the previous one."""
    text, paragraphs = item.get("text"), item.get("paragraphs")
    if not isinstance(text, str) or not isinstance(paragraphs, list):
        return []
    errors: list[str] = []
    previous_end = 0
    for n, span in enumerate(paragraphs):
        if not isinstance(span, dict):
            continue
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(text):
            errors.append(f"paragraphs[{n}]: offsets {start}..{end} outside the text "
                          f"(length {len(text)})")
        elif start < previous_end:
            errors.append(f"paragraphs[{n}]: starts at {start}, before the previous paragraph "
                          f"ends ({previous_end})")
        previous_end = max(previous_end, end)
    return errors


def item_errors(item: Any) -> list[str]:
    """Every reason ``item`` is not a valid exported item; empty when it is valid."""
    if not isinstance(item, dict):
        return [f"not a JSON object but {type(item).__name__}"]
    version = item.get("schema_version", SCHEMA_VERSION)
    try:
        check = validator(str(version))
    except UnknownSchemaVersion as exc:
        return [str(exc)]
    fast = fast_check(str(version))
    if fast is not None and fast(item):
        return offset_errors(item)
    found = sorted(check.iter_errors(item), key=lambda e: [str(p) for p in e.absolute_path])
    errors = [f"{_where(error.absolute_path)}: {error.message}" for error in found]
    return errors + offset_errors(item)
