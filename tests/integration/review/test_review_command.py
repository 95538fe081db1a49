"""``crawler review`` over saved HTML pages, and ``--accept`` from marks to fixtures that pass
the fixture test."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from crawler.cli import main
from crawler.crawl.archive import save_html
from crawler.extract.article import explain_article, extract_article
from crawler.fixtures import iter_fixtures
from crawler.items import join_paragraphs
from crawler.review.roles import ROLES, block_roles, item_paragraphs
from tests.support import FIXTURES
from tests.unit.extract.test_fixtures import test_fixture as fixture_test
from tests.unit.review.test_roles import GENERIC_PAGE

pytestmark = pytest.mark.slow

FETCHED_AT = "2026-11-30T10:00:00Z"
SAVED = ["arabstoday/news/dateline-reporter-jsonld", "arabstoday/opinion/author-colon-spaced",
         "almaghribtoday/amp/amp-caption", "palestinetoday/news/" + "{palestine}"]
GENERIC_URL = "https://example.org/news/harbour-plan"
ERROR_URL = "https://www.arabstoday.net/485/101599-صفحة-غير-موجودة"
ERROR_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الصفحة غير موجودة</title></head><body><h1>الصفحة غير موجودة</h1>
<p>عذرا، لم نجد ما تبحث عنه.</p></body></html>"""


def fixture_names() -> list[str]:
    palestine = sorted((FIXTURES / "palestinetoday" / "news").glob("*.json"))[0].stem
    return [name.format(palestine=palestine) for name in SAVED]


def as_crawled(item: dict[str, Any]) -> dict[str, Any]:
    """The item as the crawl exports it (the fields the pipelines add after extraction)."""
    return {**item, "version": 1, "cluster_id": item["id"], "fetched_at": FETCHED_AT}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Saved pages, the items a crawl of them exported (one trimmed by template learning), and
    a run report naming a dropped page."""
    root = tmp_path_factory.mktemp("review")
    pages = root / "pages"
    items, files = [], {}
    for number, name in enumerate(fixture_names()):
        expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        html = (FIXTURES / f"{name}.html").read_bytes()
        files[expected["url"]] = save_html(pages / f"{number}.html", expected["url"], html)
        body = files[expected["url"]].read_bytes()
        item = extract_article(body, expected["url"], feed=expected["feed"],
                               fetched_at=FETCHED_AT)
        items.append(as_crawled(item))
    trimmed = items[0]
    kept = item_paragraphs(trimmed)
    trimmed["text"], trimmed["paragraphs"] = join_paragraphs(kept[:1] + kept[2:])
    trimmed["extraction"] = {**trimmed["extraction"], "template": "removed 1"}
    files[GENERIC_URL] = save_html(pages / "generic.html", GENERIC_URL, GENERIC_PAGE.encode())
    items.append(as_crawled(extract_article(GENERIC_PAGE, GENERIC_URL, feed={},
                                            fetched_at=FETCHED_AT)))
    save_html(pages / "error.html", ERROR_URL, ERROR_PAGE.encode())
    (root / "items.jsonl").write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    report = {"items_exported": len(items), "coverage_of_article_pages": {"title": 1.0},
              "stats": {"failed_articles": [{"url": ERROR_URL, "reason": "error_page",
                                             "retries": 0}]}}
    (root / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return {"root": root, "items": items, "pages": pages, "files": files}


@pytest.fixture(scope="module")
def site(crawl: dict[str, Any]) -> Path:
    root = crawl["root"]
    code = main(["review", str(root / "items.jsonl"), "--replay", str(crawl["pages"]),
                 "--report", str(root / "report.json"), "-o", str(root / "site")])
    assert code == 0
    return Path(root / "site")


def rows_of(site: Path) -> list[dict[str, Any]]:
    tree = lxml.html.parse(str(site / "index.html"))
    return list(json.loads(tree.xpath('//script[@id="rows"]')[0].text))


def blocks_of(page: Path) -> list[tuple[int, str, str]]:
    tree = lxml.html.parse(str(page))
    return [(int(li.get("data-index")), li.get("data-role"), li.get("data-rule"))
            for li in tree.iter("li") if "block" in li.get("class", "").split()]


def test_every_item_and_dropped_page_has_a_page(site: Path, crawl: dict[str, Any]) -> None:
    rows = rows_of(site)
    assert {row["i"] for row in rows} == {item["id"] for item in crawl["items"]} | {
        row["i"] for row in rows if row["r"] == "error_page"}
    assert len(rows) == len(crawl["items"]) + 1
    for row in rows:
        assert (site / "articles" / f"{row['i']}.html").is_file()
        assert (site / "pages" / f"{row['i']}.json").is_file()
    problems = {row["i"]: row["p"] for row in rows}
    assert "template" in problems[crawl["items"][0]["id"]]
    generic = next(item for item in crawl["items"] if item["url"] == GENERIC_URL)
    assert "generic_body" in problems[generic["id"]]
    [dropped] = [row for row in rows if row["r"]]
    assert dropped["p"] == ["dropped"] and dropped["s"] == "arabstoday"


def test_an_article_page_shows_every_block_with_its_role_and_rule(
        site: Path, crawl: dict[str, Any]) -> None:
    for item in crawl["items"]:
        body = crawl["files"][item["url"]].read_bytes()
        explained = explain_article(body, item["url"], feed=item["feed"],
                                    fetched_at=item["fetched_at"])
        roles = block_roles(explained.page.blocks, explained.decisions, item)
        shown = blocks_of(site / "articles" / f"{item['id']}.html")
        assert shown == [(r.index, r.role, r.rule) for r in roles]
        assert {role for _, role, _ in shown} <= set(ROLES)
    trimmed = blocks_of(site / "articles" / f"{crawl['items'][0]['id']}.html")
    assert [rule for _, role, rule in trimmed if role == "template"] == ["template:learned"]


def test_a_dropped_page_shows_why_and_its_blocks(site: Path) -> None:
    [row] = [row for row in rows_of(site) if row["r"]]
    tree = lxml.html.parse(str(site / "articles" / f"{row['i']}.html"))
    notices = " ".join(p.text_content() for p in tree.iter("p")
                       if "notice" in p.get("class", ""))
    assert "Dropped by the crawl: error_page" in notices
    assert "no article on this page: error_page" in notices
    assert blocks_of(site / "articles" / f"{row['i']}.html")
    assert tree.getroot().get("dir") == "rtl"


def write_marks(site: Path, marks: dict[str, Any]) -> None:
    (site / "marks.json").write_text(json.dumps(marks), encoding="utf-8")


def test_pages_marked_right_become_fixtures_that_pass(site: Path, crawl: dict[str, Any],
                                                      tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    network = [item for item in crawl["items"] if item["site"]]
    generic = next(item for item in crawl["items"] if not item["site"])
    dropped = next(row["i"] for row in rows_of(site) if row["r"])
    write_marks(site, {
        **{item["id"]: {"verdict": "right", "moved": []} for item in network},
        generic["id"]: {"verdict": "right", "moved": []},
        dropped: {"verdict": "right", "moved": []},
    })
    code = main(["review", "--accept", str(site), "-o", str(tmp_path / "fixtures")])
    out = capsys.readouterr().out
    assert code == 1, out  # the generic page cannot be filed by site
    assert out.splitlines()[0] == f"accepted {len(network)}, wrong 0, refused 1, " \
                                  "confirmed drops 1"
    assert f"refused {generic['id']}: not a network article URL" in out
    written = list(iter_fixtures(tmp_path / "fixtures"))
    assert sorted(h.stem for h, _ in written) == sorted(item["id"] for item in network)
    for html_path, json_path in written:
        fixture_test(html_path, json_path)
    assert "template learning" in out  # the trimmed item's fixture says what it holds


def test_pages_marked_wrong_are_listed_with_the_blocks_moved(
        site: Path, crawl: dict[str, Any], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    item = crawl["items"][1]
    shown = blocks_of(site / "articles" / f"{item['id']}.html")
    other = next(index for index, role, _ in shown if role == "boilerplate")
    write_marks(site, {item["id"]: {"verdict": "wrong",
                                    "moved": [{"block": other, "role": "body"}]}})
    assert main(["review", "--accept", str(site), "-o", str(tmp_path / "fixtures")]) == 0
    out = capsys.readouterr().out
    assert f"wrong {item['id']} " in out
    assert f"  block {other}: boilerplate -> body (" in out
    assert not (tmp_path / "fixtures").exists()
    [listed] = json.loads((site / "wrong.json").read_text(encoding="utf-8"))
    assert listed["moved"][0]["block"] == other and listed["moved"][0]["role"] == "body"


def test_a_page_the_extractor_now_reads_otherwise_is_refused(
        crawl: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = crawl["root"]
    site = tmp_path / "site"
    assert main(["review", str(root / "items.jsonl"), "--replay", str(crawl["pages"]),
                 "-o", str(site)]) == 0
    item = crawl["items"][2]
    record_path = site / "pages" / f"{item['id']}.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    record["item"]["title"] = "عنوان آخر"  # what a reviewer saw before the extractor changed
    record_path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    write_marks(site, {item["id"]: {"verdict": "right"}})
    assert main(["review", "--accept", str(site), "-o", str(tmp_path / "fixtures")]) == 1
    assert "another item than the one reviewed (title)" in capsys.readouterr().out
    assert not list(iter_fixtures(tmp_path / "fixtures"))


def test_building_again_keeps_the_marks_key_and_drops_stale_pages(
        crawl: dict[str, Any], tmp_path: Path) -> None:
    root = crawl["root"]
    site = tmp_path / "site"
    assert main(["review", str(root / "items.jsonl"), "--replay", str(crawl["pages"]),
                 "-o", str(site)]) == 0
    key = json.loads((site / "review.json").read_text(encoding="utf-8"))["key"]
    fewer = tmp_path / "fewer.jsonl"
    fewer.write_text(json.dumps(crawl["items"][0], ensure_ascii=False) + "\n", encoding="utf-8")
    write_marks(site, {"kept": {"verdict": "right"}})
    assert main(["review", str(fewer), "--replay", str(crawl["pages"]), "-o", str(site)]) == 0
    assert json.loads((site / "review.json").read_text(encoding="utf-8"))["key"] == key
    assert sorted(p.name for p in (site / "articles").iterdir()) == \
        [f"{crawl['items'][0]['id']}.html"]
    assert (site / "marks.json").exists()
    with gzip.open(site / "pages" / f"{crawl['items'][0]['id']}.html.gz") as stream:
        assert stream.read() == (crawl["pages"] / "0.html").read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (["review", "{root}/missing.jsonl", "--replay", "{pages}", "-o", "{out}"],
     "items file not found"),
    (["review", "{root}/items.jsonl", "-o", "{out}"], "give the crawled pages with --replay"),
    (["review", "{root}/items.jsonl", "--replay", "{root}/nothing.warc.gz", "-o", "{out}"],
     "replay source not found"),
    (["review", "{root}/items.jsonl", "--replay", "{pages}", "-o", "{pages}"],
     "is not empty and is not a review site"),
    (["review", "{root}/items.jsonl", "--replay", "{pages}", "--report", "{root}/items.jsonl",
      "-o", "{out}"], "is not readable JSON"),
    (["review", "--accept", "{pages}", "-o", "{out}"], "is not a review site"),
    (["review", "--accept", "{root}/site", "-o", "{out}", "--marks", "{root}/none.json"],
     "no marks file"),
    (["review", "--accept", "{root}/site", "{root}/items.jsonl", "-o", "{out}"],
     "--accept takes only DIR"),
])
def test_bad_input_gets_one_line_and_exit_2(site: Path, crawl: dict[str, Any], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str], args: list[str],
                                            message: str) -> None:
    values = {"root": crawl["root"], "pages": crawl["pages"], "out": tmp_path / "out"}
    assert main([arg.format(**values) for arg in args]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and message in captured.err, captured.err
    assert "Traceback" not in captured.err

