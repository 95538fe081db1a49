"""The versioned JSON Schema of the exported item, and the checks JSON Schema cannot express.

``crawler/schema/item-<version>.schema.json`` describes one exported line; ``item_errors(item)``
returns every reason an item is invalid (schema violations, then paragraph offsets outside the
text), picking the schema by the item's own ``schema_version``.
"""

from __future__ import annotations

import json
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


@cache
def validator(version: str = SCHEMA_VERSION) -> Draft202012Validator:
    """A compiled validator for item ``version``."""
    schema = load_schema(version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


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
    found = sorted(check.iter_errors(item), key=lambda e: [str(p) for p in e.absolute_path])
    errors = [f"{_where(error.absolute_path)}: {error.message}" for error in found]
    return errors + offset_errors(item)
