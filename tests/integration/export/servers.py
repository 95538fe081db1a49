"""Real Label Studio and doccano servers on loopback for the annotation tests.

Each server runs from a virtual environment of its own, built with ``python3.11`` from its
pinned requirements file (requirements/servers/<name>.txt) into
``~/.cache/arabstoday-crawler/servers/<name>-<hash of that file>``, once per machine (a lock
keeps two test runs from building it together). Under ``CI=true`` a failed build fails the
tests; elsewhere they are skipped with the reason. Servers bind 127.0.0.1 on a free port, keep
their data in a temporary folder, and are stopped (their whole process group) on exit.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support import PROJECT_ROOT

REQUIREMENTS = PROJECT_ROOT / "requirements" / "servers"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "arabstoday-crawler" / \
    "servers"
PYTHON = "python3.11"
BUILD_TIMEOUT = 900
START_TIMEOUT = 240


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"annotation server unavailable under CI: {reason}")
    pytest.skip(reason)


def server_env(name: str) -> Path:
    """The virtual environment for server ``name``, built on first use."""
    requirements = REQUIREMENTS / f"{name}.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()[:12]
    venv = CACHE / f"{name}-{digest}"
    done = venv / ".complete"
    if done.exists():
        return venv
    if shutil.which(PYTHON) is None:
        _unavailable(f"{PYTHON} is not on PATH: cannot build the {name} server's environment")
    CACHE.mkdir(parents=True, exist_ok=True)
    with (CACHE / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        started = time.monotonic()
        try:
            subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True, capture_output=True,
                           timeout=120)
            pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                   "--disable-pip-version-check"]
            subprocess.run([*pip, "-r", str(requirements)], check=True, capture_output=True,
                           timeout=BUILD_TIMEOUT)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            shutil.rmtree(venv, ignore_errors=True)
            output = getattr(exc, "stderr", b"") or b""
            _unavailable(f"building the {name} server's environment failed: "
                         f"{output.decode(errors='replace')[-1500:]}")
        done.write_text(f"built in {time.monotonic() - started:.0f} s\n")
    return venv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Api:
    """JSON over HTTP to one server, with its authorisation header."""

    def __init__(self, base: str, authorization: str):
        self.base = base
        self.headers = {"Authorization": authorization}

    def request(self, method: str, path: str, body: Any = None,
                files: dict[str, tuple[str, bytes]] | None = None) -> Any:
        return json.loads(self.raw(method, path, body, files) or b"null")

    def raw(self, method: str, path: str, body: Any = None,
            files: dict[str, tuple[str, bytes]] | None = None) -> bytes:
        headers = dict(self.headers)
        data = None
        if files is not None:
            boundary = uuid.uuid4().hex
            parts = []
            for field, (filename, content) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
                             f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                             f'\r\n\r\n'.encode() + content + b"\r\n")
            data = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, headers=headers,
                                         method=method)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{method} {path}: HTTP {exc.code}: "
                                 f"{exc.read()[:1000].decode(errors='replace')}") from exc


def _wait(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError(f"server not up after {START_TIMEOUT} s:\n"
                       f"{log.read_text(errors='replace')[-3000:]}")


@contextmanager
def _processes(*commands: tuple[list[str], dict[str, str], Path]
               ) -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    try:
        for command, env, log in commands:
            with log.open("ab") as out:
                started.append(subprocess.Popen(command, env=env, stdout=out,
                                                stderr=subprocess.STDOUT,
                                                stdin=subprocess.DEVNULL,
                                                start_new_session=True))
        yield started
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "DJANGO", "LABEL_STUDIO"))}
    env.update(extra)
    return env


@dataclass
class Server:
    api: Api
    base: str
    log: Path


@contextmanager
def label_studio(folder: Path) -> Iterator[Server]:
    """Label Studio with an admin user whose legacy API token is known."""
    venv = server_env("label-studio")
    port, token = free_port(), uuid.uuid4().hex
    env = _clean_env(LABEL_STUDIO_BASE_DATA_DIR=str(folder), LATEST_VERSION_CHECK="false",
                     LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true", HOME=str(folder))
    log = folder / "label-studio.log"
    command = [str(venv / "bin" / "label-studio"), "start", "--no-browser",
               "--internal-host", "127.0.0.1", "--port", str(port),
               "--host", f"http://127.0.0.1:{port}", "--data-dir", str(folder / "data"),
               "--username", "admin@example.org", "--password", uuid.uuid4().hex,
               "--user-token", token]
    base = f"http://127.0.0.1:{port}"
    with _processes((command, env, log)) as (process,):
        try:
            _wait(f"{base}/health", process, log)
        except RuntimeError as exc:
            _unavailable(f"Label Studio did not start: {exc}")
        yield Server(Api(base, f"Token {token}"), base, log)


@contextmanager
def doccano(folder: Path) -> Iterator[Server]:
    """doccano's WSGI app under gunicorn on 127.0.0.1, with its task worker beside it."""
    venv = server_env("doccano")
    port, password = free_port(), uuid.uuid4().hex
    env = _clean_env(DOCCANO_HOME=str(folder), HOME=str(folder),
                     DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
                     MEDIA_ROOT=str(folder / "media"), STANDALONE="True", DEBUG="False",
                     DJANGO_SETTINGS_MODULE="config.settings.production")
    log = folder / "doccano.log"
    doccano_cli = str(venv / "bin" / "doccano")
    with log.open("ab") as out:
        for step in (["init"], ["createuser", "--username", "admin", "--password", password]):
            done = subprocess.run([doccano_cli, *step], env=env, stdout=out,
                                  stderr=subprocess.STDOUT, timeout=300, check=False)
            if done.returncode != 0:
                _unavailable(f"doccano {step[0]} failed: "
                             f"{log.read_text(errors='replace')[-2000:]}")
    backend = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import backend, os; print(os.path.dirname(backend.__file__))"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    web = [str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
           "--chdir", backend, "config.wsgi"]
    worker = [doccano_cli, "task", "--concurrency", "1"]
    base = f"http://127.0.0.1:{port}"
    with _processes((web, env, log), (worker, env, folder / "doccano-task.log")) as (process, _):
        try:
            _wait(f"{base}/v1/health/", process, log)
        except RuntimeError as exc:
            _unavailable(f"doccano did not start: {exc}")
        login = Api(base, "")
        login.headers = {}
        key = login.request("POST", "/v1/auth/login/",
                            {"username": "admin", "password": password})["key"]
        yield Server(Api(base, f"Token {key}"), base, log)
