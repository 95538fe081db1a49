"""Checks of spider arguments, settings and sources: one line naming what is wrong and the value
given, raised before a run starts."""

from __future__ import annotations

import socket
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.crawl.archive import save_html
from crawler.crawl.arguments import (
    CHANNELS,
    ConfigError,
    check_replay_source,
    check_run,
    check_settings,
    check_via_reachable,
    parse_spider_arguments,
)
from crawler.crawl.spider import ArabsTodaySpider
from crawler.network.sites import confirmed_sites


def test_valid_arguments_are_parsed() -> None:
    parsed = parse_spider_arguments({
        "sites": "omantoday, palestinetoday", "since": "2024-11-01", "max_items": "20",
        "via": "http://127.0.0.1:8000/", "channels": "feeds,robots", "dedup": "DROP",
        "refresh": "yes", "_job": "scrapyd-job-id"})
    assert [site.key for site in parsed.sites] == ["omantoday", "palestinetoday"]
    assert parsed.sites_given
    assert parsed.since == date(2024, 11, 1)
    assert parsed.max_items == 20
    assert parsed.via == "http://127.0.0.1:8000"
    assert parsed.channels == ("feeds", "robots")
    assert (parsed.dedup, parsed.refresh) == ("drop", True)


def test_empty_arguments_take_the_defaults() -> None:
    parsed = parse_spider_arguments({"sites": "", "since": "", "channels": " ", "refresh": ""})
    assert parsed.sites == confirmed_sites() and not parsed.sites_given
    assert (parsed.since, parsed.max_items, parsed.via, parsed.replay) == (None,) * 4
    assert parsed.channels == CHANNELS and parsed.refresh is False


@pytest.mark.parametrize(("name", "value", "says"), [
    ("since", "2024-13-45", "expected a date YYYY-MM-DD"),
    ("since", "20241101", "expected a date YYYY-MM-DD"),
    ("max_items", "ten", "expected a whole number >= 1"),
    ("max_items", "0", "expected a whole number >= 1"),
    ("max_items", "2.5", "expected a whole number >= 1"),
    ("sites", "arabstoday,atlantistoday", "unknown site 'atlantistoday'"),
    ("sites", ",", "expected comma-separated site keys"),
    ("channels", "feeds,rss", "subset of robots,feeds,listings"),
    ("dedup", "merge", "expected one of mark, drop, off"),
    ("via", "127.0.0.1:8000", "expected an http(s) URL"),
    ("via", "ftp://127.0.0.1", "expected an http(s) URL"),
    ("via", "http://127.0.0.1:port", "expected an http(s) URL"),
    ("via", "", "it needs a value"),
    ("replay", "https://example.org/crawl.warc.gz", "expected local files or folders"),
    ("replay", " , ", "expected a WARC file"),
    ("refresh", "sometimes", "expected 1/0, true/false"),
])
def test_an_invalid_argument_is_named_with_its_value(name: str, value: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_spider_arguments({name: value})
    message = str(caught.value)
    assert message.startswith(f"invalid spider argument {name}={value!r}: ")
    assert says in message and "\n" not in message


def test_an_unknown_argument_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"unknown spider argument 'site' \(known: sites,"):
        parse_spider_arguments({"site": "omantoday"})


@pytest.mark.parametrize(("name", "value", "says"), [
    ("MAX_LISTING_PAGES", "many", "whole number >= 1"),
    ("REPORT_MIN_ARTICLE_PAGES", "-1", "whole number >= 0"),
    ("REPORT_MIN_COVERAGE", '{"title": 1.5}', "number >= 0 and <= 1"),
    ("REPORT_MIN_COVERAGE", '{"headline": 0.9}', "'headline' is not an item field"),
    ("REPORT_MIN_COVERAGE", "title=0.9", "JSON object"),
    ("REPORT_FAIL_EXIT", "maybe", "1/0, true/false"),
    ("INCREMENTAL", "sometimes", "1/0, true/false"),
    ("INCREMENTAL_NOW", "2024-13-45", "ISO 8601"),
    ("RECHECK_DAYS", "two", "number >= 0"),
    ("FEED_LAYOUT_DAY", "yesterday", "YYYY-MM-DD"),
    ("FEED_LAYOUT", "per-site", "site-day, site-batch"),
    ("FEED_LAYOUT_BATCH_ITEMS", "0", "whole number >= 1"),
    ("DEDUP_MODE", "merge", "mark, drop, off"),
    ("DEDUP_THRESHOLD", "0", "number > 0 and <= 1"),
    ("DEDUP_NUM_PERM", "x", "whole number >= 1"),
    ("ANALYSIS_PROCESSES", "all", "whole number >= 0 or auto"),
    ("GC_THRESHOLDS", "1,2,3,4", "up to three whole numbers"),
    ("PROGRESS_INTERVAL", "-5", "number >= 0"),
    ("VIA_URL", "localhost:8000", "http(s) URL"),
    ("REDIS_URL", "http://127.0.0.1:6379", "redis://, rediss:// or unix://"),
    ("WARC_OUTPUT", "out/%(date)s.warc.gz", "placeholders"),
    ("DISTRIBUTED_WORKER_TIMEOUT", "0", "number > 0"),
    ("TEMPLATE_MIN_SHARE", "30%", "number > 0 and <= 1"),
])
def test_an_invalid_setting_is_named_with_its_value(name: str, value: str, says: str) -> None:
    settings = get_project_settings()
    settings.set(name, value, priority="cmdline")
    with pytest.raises(ConfigError) as caught:
        check_settings(settings)
    message = str(caught.value)
    assert message.startswith(f"invalid setting {name}={value!r}: ")
    assert says in message and "\n" not in message


def test_the_project_settings_pass_their_checks() -> None:
    check_settings(get_project_settings())
    check_settings(Settings({"INCREMENTAL_NOW": "2030-01-01", "GC_THRESHOLDS": "", "DEDUP_MODE":
                             "off", "ANALYSIS_PROCESSES": "auto", "REPLAY_PATH": []}))


def test_the_spider_refuses_bad_values_wherever_it_is_built() -> None:
    crawler = Crawler(ArabsTodaySpider, get_project_settings())
    with pytest.raises(ConfigError, match="since='2024-13-45'"):
        crawler._create_spider(since="2024-13-45")
    settings = get_project_settings()
    settings.set("MAX_LISTING_PAGES", "lots", priority="cmdline")
    with pytest.raises(ConfigError, match="MAX_LISTING_PAGES='lots'"):
        Crawler(ArabsTodaySpider, settings)._create_spider()


# -- what a run needs from its surroundings ----------------------------------------------------


def write_warc(path: Path, with_response: bool = True) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        if with_response:
            writer.write_record(writer.create_warc_record(
                "https://www.arabstoday.net/485/101501-خبر", "response",
                payload=BytesIO(b"<html></html>"),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                              protocol="HTTP/1.1")))
    return path


def test_a_readable_replay_source_passes(tmp_path: Path) -> None:
    check_replay_source(str(write_warc(tmp_path / "crawl.warc.gz")))
    folder = tmp_path / "saved"
    (folder / "deep").mkdir(parents=True)
    (folder / "a-notes.html").write_bytes(b"<html><body>no url here</body></html>")
    save_html(folder / "deep" / "b.html", "https://www.arabstoday.net/485/101501-x", b"<p>x</p>")
    check_replay_source(f"{folder}, {tmp_path / 'crawl.warc.gz'}")


@pytest.mark.parametrize(("make", "says"), [
    (lambda tmp: tmp / "typo.warc.gz", "replay source not found: "),
    (lambda tmp: (tmp / "items.jsonl").write_text("{}") and tmp / "items.jsonl",
     "neither a WARC (.warc, .warc.gz) nor saved HTML"),
    (lambda tmp: (tmp / "bad.warc.gz").write_bytes(b"not a warc") and tmp / "bad.warc.gz",
     "replay source unreadable: "),
    (lambda tmp: write_warc(tmp / "info.warc", with_response=False),
     "holds no response record"),
    (lambda tmp: (tmp / "lost.html").write_bytes(b"<html></html>") and tmp / "lost.html",
     "no URL (no 'saved from url' comment"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty",
     "replay source holds no WARC (.warc, .warc.gz) or saved HTML"),
])
def test_an_unusable_replay_source_is_refused(tmp_path: Path, make, says: str) -> None:
    path = make(tmp_path)
    with pytest.raises(ConfigError) as caught:
        check_replay_source(str(path))
    assert says in str(caught.value) and str(path) in str(caught.value)


def test_a_folder_of_unreadable_pages_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"<html><body>no url</body></html>")
    (tmp_path / "b.warc.gz").write_bytes(b"\x1f\x8b broken")
    with pytest.raises(ConfigError, match=r"holds no readable page: .* \(2 files, first: a.html"):
        check_replay_source(str(tmp_path))


def test_via_must_answer_a_tcp_connection() -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        check_via_reachable(f"http://127.0.0.1:{listening.getsockname()[1]}")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, not listening: the connection is refused
        with pytest.raises(ConfigError, match=rf"via http://127.0.0.1:{port} is unreachable: "):
            check_via_reachable(f"http://127.0.0.1:{port}", timeout=1)


def test_check_run_looks_at_replay_before_via(tmp_path: Path) -> None:
    settings = get_project_settings()
    settings.set("VIA_URL", "http://127.0.0.1:9", priority="cmdline")  # nothing listens
    warc = write_warc(tmp_path / "crawl.warc.gz")
    check_run({"replay": str(warc)}, settings)  # replaying: via is not used
    with pytest.raises(ConfigError, match="is unreachable"):
        check_run({}, settings)
    with pytest.raises(ConfigError, match="replay source not found"):
        check_run({"replay": str(tmp_path / "gone.warc")}, settings)
