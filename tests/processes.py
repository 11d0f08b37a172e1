"""Real processes for tests that need them: a web server and a Celery worker on the test DB."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_database_url() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    auth = quote(db["USER"] or "postgres", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def process_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=test_database_url(),
        REDIS_URL=settings.REDIS_URL,
        DJANGO_SETTINGS_MODULE="portal.settings.test_server",
        PYTHONPATH=str(ROOT),
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Generous: the first request loads Django and Wagtail in each worker, slow on a busy CI machine.
def _wait_for_http(url: str, host: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            request = urllib.request.Request(url, headers={"Host": host})
            urllib.request.urlopen(request, timeout=10)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def _stop(proc: subprocess.Popen) -> None:
    """Stop the process and anything it forked (pool children hold database sessions)."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def web_server(django_db_setup, django_db_blocker) -> str:
    """Base URL template of a gunicorn serving the (committed) test database: http://{host}:port"""
    port = free_port()
    proc = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "portal.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=process_env(),
        start_new_session=True,
    )
    try:
        _wait_for_http(f"http://127.0.0.1:{port}/healthz", "localhost", proc)
        yield f"http://{{host}}:{port}"
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def celery_worker(django_db_setup) -> subprocess.Popen:
    """A real Celery worker (and nothing eager) on the test database and broker."""
    proc = subprocess.Popen(
        [
            str(BIN / "celery"),
            "-A",
            "portal",
            "worker",
            "-l",
            "warning",
            "-c",
            "1",
            "--without-mingle",
            "--without-gossip",
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=process_env(),
        start_new_session=True,
    )
    from portal.celery import app

    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if proc.poll() is not None or time.monotonic() > deadline:
            _stop(proc)
            raise RuntimeError("celery worker did not start")
    try:
        yield proc
    finally:
        _stop(proc)
