"""Every item is checked against the item schema before it is written."""

from __future__ import annotations

from typing import Any

from crawler.pipelines import StatsPipeline
from crawler.schema import item_errors

MAX_REASONS_IN_LOG = 3


class ValidationPipeline(StatsPipeline):
    """Drops (counted under ``dropped/schema_invalid`` and logged with the reasons) every item
    that does not match the item schema of its ``schema_version``."""

    def process_item(self, item: Any) -> Any:
        errors = item_errors(dict(item))
        if errors:
            detail = "; ".join(errors[:MAX_REASONS_IN_LOG])
            if len(errors) > MAX_REASONS_IN_LOG:
                detail += f"; and {len(errors) - MAX_REASONS_IN_LOG} more"
            raise self.drop("schema_invalid", item.get("url") or "?", detail)
        return item
