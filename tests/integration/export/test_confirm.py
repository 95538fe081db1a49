"""Exported means written: ``item_exported`` follows an item's write to every feed, or its
scraping when there is no feed; a feed that cannot be written confirms nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.utils.project import get_project_settings as project_settings
from scrapy.utils.test import get_crawler

from crawler.crawl.signals import item_exported
from crawler.crawl.spider import ArabsTodaySpider
from crawler.export.confirm import ConfirmingFeedExporter
from tests.support import make_item


def _exporter(settings: dict[str, Any]) -> tuple[ConfirmingFeedExporter, list[Any], Any]:
    project = {name: project_settings()[name] for name in ("FEED_EXPORTERS", "FEED_STORAGES")}
    crawler = get_crawler(ArabsTodaySpider, settings_dict={**project, **settings})
    crawler.spider = ArabsTodaySpider()
    crawler.stats.open_spider()
    exporter = ConfirmingFeedExporter.from_crawler(crawler)
    confirmed: list[Any] = []
    crawler.signals.connect(lambda item: confirmed.append(item["id"]), signal=item_exported,
                            weak=False)
    return exporter, confirmed, crawler


def test_without_a_feed_every_scraped_item_is_exported() -> None:
    exporter, confirmed, crawler = _exporter({})
    crawler.signals.send_catch_log(signals.item_scraped, item=make_item(1),
                                   spider=crawler.spider, response=None)
    assert confirmed == [make_item(1)["id"]] and exporter.failure is None
    assert crawler.stats.get_value("export/written") == 1


def test_an_item_is_confirmed_after_its_line_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    exporter, confirmed, crawler = _exporter({"FEEDS": {str(out): {"format": "jsonl"}}})
    exporter.open_spider(crawler.spider)
    exporter.item_scraped(make_item(1), crawler.spider)
    assert confirmed == [make_item(1)["id"]]
    assert out.read_bytes().count(b"\n") == 1


def test_a_feed_that_cannot_open_confirms_nothing(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "out.jsonl"
    exporter, confirmed, crawler = _exporter({"FEEDS": {str(out): {"format": "jsonl"}}})
    exporter.open_spider(crawler.spider)
    exporter.item_scraped(make_item(1), crawler.spider)
    assert confirmed == [] and exporter.failure and "File exists" in exporter.failure
    assert crawler.stats.get_value("export/not_written") == 1


def test_a_feed_whose_folder_goes_away_confirms_nothing_more(tmp_path: Path) -> None:
    out = tmp_path / "out" / "out.jsonl"
    exporter, confirmed, crawler = _exporter({"FEEDS": {str(out): {"format": "jsonl"}}})
    exporter.open_spider(crawler.spider)  # checked writable; opened on the first item
    (tmp_path / "out").rmdir()
    (tmp_path / "out").write_text("a file now")
    for number in (1, 2):
        exporter.item_scraped(make_item(number), crawler.spider)
    assert confirmed == [] and exporter.failure and "cannot write the output" in exporter.failure
    assert crawler.stats.get_value("export/not_written") == 2
    assert crawler.stats.get_value("export/written") is None
