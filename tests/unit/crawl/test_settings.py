"""Polite and safe defaults, as Scrapy resolves them for the project's spider."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.utils.project import get_project_settings

from crawler.crawl.spider import ArabsTodaySpider


def resolved_settings(**overrides: object) -> Crawler:
    settings = get_project_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    crawler = Crawler(ArabsTodaySpider, settings)
    crawler._create_spider()  # runs from_crawler, as `scrapy crawl` does before freezing
    return crawler


def test_polite_and_safe_defaults() -> None:
    settings = resolved_settings().settings
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getfloat("DOWNLOAD_DELAY") >= 1
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
    assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert settings.get("FEED_EXPORT_ENCODING") == "utf-8"
    assert {429, 500, 502, 503, 504} <= set(map(int, settings.getlist("RETRY_HTTP_CODES")))


def test_user_agent_names_the_crawler_and_the_contact() -> None:
    agent = resolved_settings(CONTACT="ops@example.org").settings.get("USER_AGENT")
    assert agent.startswith("arabstoday-crawler/")
    assert "ops@example.org" in agent
    explicit = resolved_settings(USER_AGENT="custom/1.0").settings.get("USER_AGENT")
    assert explicit == "custom/1.0"


def test_offline_modes_drop_the_politeness_delays_only_for_loopback_work() -> None:
    via = resolved_settings(VIA_URL="http://127.0.0.1:8000").settings
    assert via.getfloat("DOWNLOAD_DELAY") == 0
    assert not via.getbool("AUTOTHROTTLE_ENABLED")
    assert via.getbool("ROBOTSTXT_OBEY")
    user_choice = resolved_settings(VIA_URL="http://127.0.0.1:8000", DOWNLOAD_DELAY=3).settings
    assert user_choice.getfloat("DOWNLOAD_DELAY") == 3
