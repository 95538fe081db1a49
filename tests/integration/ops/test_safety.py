"""Safe defaults in a real crawl: no listening port (RemoteControl and telnet console off), no
secret from the settings in the log (Scrapy's "Overridden settings" line included)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from crawler.ops.secrets import mask_secrets
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT

SECRETS = {"MY_API_TOKEN": "tok-7c1e-secret", "AWS_SECRET_ACCESS_KEY": "aws-51d2-secret",
           "UPSTREAM_PROXY": "http://crawler:proxy-9a4b-secret@proxy.example:3128"}
FTP_FEED = "ftp://crawler:ftp-3f0d-secret@127.0.0.1:9/items.jsonl"
"""A second output whose URL holds a password (nothing listens there: storing it fails)."""


class SlowNetwork(SimulatedNetwork):
    """Article pages take a while, so the crawl lives long enough to be inspected."""

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        if target.count("/") >= 2 and "-" in target and "sitemap" not in target:
            time.sleep(0.1)
        return super().respond(host, target, headers)


def listening_ports(pid: int) -> set[int]:
    """TCP ports ``pid`` listens on: its socket inodes matched against /proc/<pid>/net/tcp*."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


@pytest.fixture(scope="module")
def simulator() -> Iterator[str]:
    with running_simulator(SlowNetwork(pages=30)) as base_url:
        yield base_url


def test_the_port_check_sees_a_listening_socket(simulator: str) -> None:
    """The check can fail: this test process listens (the simulator)."""
    assert int(simulator.rsplit(":", 1)[1]) in listening_ports(os.getpid())


@pytest.mark.slow
def test_a_crawl_listens_on_no_port_and_logs_no_secret(simulator: str, tmp_path: Path) -> None:
    network = SimulatedNetwork(pages=30)
    sites = ",".join(site.key for site in network.sites)
    log = tmp_path / "crawl.log"
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-o",
               str(tmp_path / "out.jsonl"), "-a", f"via={simulator}", "-a", f"sites={sites}",
               "-s", f"LOG_FILE={log}", "-s", f"STATE_DIR={tmp_path / 'state'}",
               "-s", f"REPORT_DIR={tmp_path / 'reports'}", "-s", "CONTACT=ops@example.org",
               "-s", "CONCURRENT_REQUESTS=2", "-s", "REPORT_FAIL_EXIT=False",
               "-o", FTP_FEED,
               *(arg for name, value in SECRETS.items() for arg in ("-s", f"{name}={value}"))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    samples = []
    try:
        while proc.poll() is None:
            if log.exists() and "Spider opened" in log.read_text(encoding="utf-8"):
                try:
                    samples.append(listening_ports(proc.pid))
                except FileNotFoundError:  # the crawl just ended
                    break
            time.sleep(0.2)
        output, _ = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, output[-3000:]
    assert len(samples) >= 3, "the crawl ended before it could be inspected"
    assert all(ports == set() for ports in samples), samples
    text = log.read_text(encoding="utf-8") + output
    assert "Telnet console listening" not in text
    for secret in ("tok-7c1e-secret", "aws-51d2-secret", "proxy-9a4b-secret", "ftp-3f0d-secret"):
        assert secret not in text
    overridden = text[text.index("Overridden settings"):][:3000]
    assert "'AWS_SECRET_ACCESS_KEY': '***'" in overridden
    assert "ftp://crawler:***@127.0.0.1:9/items.jsonl" in text  # "Error storing ... feed"
    assert "ops@example.org" in overridden  # not a secret: stays readable


@pytest.mark.parametrize(("text", "masked"), [
    ("{'REDIS_URL': 'redis://:hunter2@127.0.0.1:6379/0'}",
     "{'REDIS_URL': 'redis://:***@127.0.0.1:6379/0'}"),
    ("proxy http://user:pw@10.0.0.1:8080 refused", "proxy http://user:***@10.0.0.1:8080 refused"),
    ('"DB_PASSWORD": "x y z"', '"DB_PASSWORD": "***"'),
    ("FEED_URI=s3://AKIA:wJalr@bucket/items.jsonl", "FEED_URI=s3://AKIA:***@bucket/items.jsonl"),
    ("https://www.arabstoday.net/485/094600-x?a=b:c@d", "https://www.arabstoday.net/485/094600-x?a=b:c@d"),
    ("{'CONTACT': 'ops@example.org', 'REDIS_KEY_PREFIX': 'arabstoday'}",
     "{'CONTACT': 'ops@example.org', 'REDIS_KEY_PREFIX': 'arabstoday'}"),
])
def test_mask_secrets(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked


def _mask_every_time(text: str) -> str:
    """mask_secrets without its substring shortcuts: both patterns on every text."""
    from crawler.ops.secrets import _SECRET_SETTING, _URL_USERINFO, MASK

    text = _URL_USERINFO.sub(lambda m: f"{m[1]}{m[2]}:{MASK}@", text)
    return _SECRET_SETTING.sub(lambda m: f"{m[1]}{m[2]}{MASK}{m[2]}", text)


def test_the_shortcuts_of_mask_secrets_change_nothing() -> None:
    import random

    pieces = ["redis://:hunter2@127.0.0.1:6379/0", "http://user:pw@proxy", "://", "@", ":",
              "'DB_PASSWORD': 'x'", '"MY_API_TOKEN": "t"', "APIKEY='k'", "AUTH = 'a'",
              "ACCESS_KEY:'z'", "password='lower'", "CREDENTIALS=\"c\"", "SECRET", "KEY", " ",
              "خبر عاجل", "{'url': 'https://www.arabstoday.net/485/1-x', 'text': 'نص'}", "'", '"']
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert mask_secrets(text) == _mask_every_time(text), text


def test_may_be_emitted_follows_the_handler_levels() -> None:
    import logging

    from crawler.ops.secrets import may_be_emitted

    parent = logging.getLogger("test_safety_levels")
    child = logging.getLogger("test_safety_levels.child")
    handler = logging.NullHandler()
    handler.setLevel(logging.INFO)
    old_propagate = parent.propagate
    parent.addHandler(handler)
    parent.propagate = False
    try:
        assert not may_be_emitted(child.name, logging.DEBUG)
        assert may_be_emitted(child.name, logging.INFO)
        handler.setLevel(logging.NOTSET)
        assert may_be_emitted(child.name, logging.DEBUG)
        parent.removeHandler(handler)  # no handler at all: logging.lastResort (WARNING)
        assert not may_be_emitted(child.name, logging.INFO)
        assert may_be_emitted(child.name, logging.WARNING)
        assert may_be_emitted("test_safety_levels.never_created", logging.DEBUG)
    finally:
        parent.removeHandler(handler)
        parent.propagate = old_propagate


def test_every_record_a_handler_emits_is_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records below every handler's level are left alone; any record a handler accepts, at
    whatever level and however late the handler was added, reaches it masked."""
    import io
    import logging

    from crawler.ops.secrets import SecretMasking

    factory = logging.getLogRecordFactory()
    monkeypatch.setattr(SecretMasking, "installed", False)
    logger = logging.getLogger("test_safety_masking")
    monkeypatch.setattr(logger, "propagate", False)
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    info, debug = io.StringIO(), io.StringIO()
    info_handler = logging.StreamHandler(info)
    info_handler.setLevel(logging.INFO)
    logger.addHandler(info_handler)
    records: list[logging.LogRecord] = []
    try:
        SecretMasking.from_crawler(None)  # type: ignore[arg-type]
        logger.debug("Scraped from %s", {"REDIS_URL": "redis://:hunter2@h:6379/0"})
        logger.info("connecting to %s", "redis://:hunter3@h:6379/0")
        debug_handler = logging.StreamHandler(debug)
        debug_handler.setLevel(logging.DEBUG)
        debug_handler.emit = records.append  # type: ignore[method-assign]
        logger.addHandler(debug_handler)
        logger.debug("Scraped from %s", {"DB_PASSWORD": "hunter4"})
        logger.log(5, "below DEBUG: %s", "API_KEY='hunter5'")
    finally:
        logging.setLogRecordFactory(factory)
        logger.handlers.clear()
    assert info.getvalue() == "connecting to redis://:***@h:6379/0\n"
    assert [record.getMessage() for record in records] == [
        "Scraped from {'DB_PASSWORD': '***'}"]


def test_per_page_debug_lines_are_built_only_for_a_handler_that_shows_them() -> None:
    """ArticleLogFormatter skips "Crawled"/"Scraped from" when no handler takes DEBUG."""
    import logging

    from scrapy.http import HtmlResponse, Request

    from crawler.ops.logformatter import ArticleLogFormatter

    formatter = ArticleLogFormatter()
    request = Request("https://www.arabstoday.net/1/094512-x")
    response = HtmlResponse(request.url, body=b"<p>x</p>", request=request)
    for name in ("scrapy.core.engine", "scrapy.core.scraper"):
        logging.getLogger(name)  # as in a crawl, where their modules made them
    root = logging.getLogger()
    saved_level, saved_handlers = root.level, root.handlers[:]
    handler = logging.StreamHandler()
    try:
        root.handlers = [handler]
        handler.setLevel(logging.INFO)
        assert formatter.crawled(request, response, None) is None
        assert formatter.scraped({"a": 1}, response, None) is None
        handler.setLevel(logging.DEBUG)
        crawled = formatter.crawled(request, response, None)
        scraped = formatter.scraped({"a": 1}, response, None)
        assert crawled is not None and crawled["level"] == logging.DEBUG
        assert scraped is not None and "Scraped from" in scraped["msg"]
    finally:
        root.handlers = saved_handlers
        root.setLevel(saved_level)
