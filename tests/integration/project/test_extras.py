"""The optional extras (redis: distributed mode; plot: `crawler report --plot`). Without them
the crawler and its commands run, and a feature that needs one stops with one line naming what
to install. "Without" is a child Python in which importing their modules fails as it does when
they are not installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jsonlines
import pytest

from crawler.extras import EXTRAS, MissingExtra, require
from tests.support import NETGUARD, PROJECT_ROOT

WITHOUT_EXTRAS = f"""
import sys

class NotInstalled:
    names = {sorted({m for modules in EXTRAS.values() for m in modules})!r}

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
"""


def run_without_extras(entry: str, *args: str, cwd: Path = PROJECT_ROOT
                       ) -> subprocess.CompletedProcess[str]:
    """``entry`` ("scrapy" or "crawler") with ``args``, as its console script runs it."""
    main = {"scrapy": "from scrapy.cmdline import execute as main",
            "crawler": "from crawler.cli import main"}[entry]
    code = f"{WITHOUT_EXTRAS}\nsys.argv = {[entry, *args]!r}\n{main}\nsys.exit(main())\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def assert_one_line_naming(done: subprocess.CompletedProcess[str], extra: str,
                           feature: str) -> None:
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith(f"arabstoday-crawler: {feature} needs the optional '{extra}'")
    assert f"-m pip install --no-deps -r requirements/{extra}.txt" in line
    assert (PROJECT_ROOT / "requirements" / f"{extra}.txt").is_file()


@pytest.mark.slow
def test_distributed_mode_without_the_redis_extra_says_what_to_install(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = run_without_extras("scrapy", "crawl", "arabstoday",
                              "-a", "replay=samples/network.warc.gz",
                              "-s", "REDIS_URL=redis://127.0.0.1:6379/9",
                              "-s", f"REPORT_DIR={tmp_path}", "-O", str(out))
    assert_one_line_naming(done, "redis", "distributed mode (REDIS_URL)")
    assert "No module named 'redis'" in done.stderr
    assert not out.exists()


@pytest.mark.slow
def test_report_plot_without_the_plot_extra_says_what_to_install(tmp_path: Path) -> None:
    png = tmp_path / "runs.png"
    done = run_without_extras("crawler", "report", "--dir", str(tmp_path), "--plot", str(png))
    assert_one_line_naming(done, "plot", "crawler report --plot")
    assert not png.exists()


@pytest.mark.slow
def test_the_main_crawl_and_the_commands_run_without_the_extras(tmp_path: Path) -> None:
    assert run_without_extras("crawler", "--help").returncode == 0
    done = run_without_extras("crawler", "report", "--dir", str(tmp_path))
    assert (done.returncode, done.stderr.strip()) == (1, f"no run reports in {tmp_path}")
    out = tmp_path / "articles.jsonl"
    done = run_without_extras("scrapy", "crawl", "arabstoday",
                              "-a", "replay=samples/network.warc.gz",
                              "-s", f"REPORT_DIR={tmp_path}", "-O", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    with jsonlines.open(out) as reader:
        assert len(list(reader)) >= 40


def test_require_names_the_extra_the_feature_and_the_lock(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it now fails
    with pytest.raises(MissingExtra) as raised:
        require("plot", "the plot")
    assert raised.value.code == (
        "arabstoday-crawler: the plot needs the optional 'plot' dependencies (import of"
        " matplotlib halted; None in sys.modules); install them from the project folder:"
        f" {sys.executable} -m pip install --no-deps -r requirements/plot.txt")
    assert isinstance(raised.value, SystemExit)


@pytest.mark.slow
def test_require_passes_when_the_extra_is_installed() -> None:
    for extra in EXTRAS:
        require(extra, "a feature")
