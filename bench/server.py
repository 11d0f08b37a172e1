"""One gunicorn (sync, one worker) on a free loopback port, stopped by its own pid."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import load, log

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _gunicorn_command() -> list[str]:
    script = Path(sys.executable).parent / "gunicorn"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gunicorn"]


@dataclass
class Server:
    process: subprocess.Popen
    address: tuple[str, int]

    def worker_pid(self) -> int:
        """The single worker: the master's only child process."""
        children = _children(self.process.pid)
        if len(children) != 1:
            raise RuntimeError(f"expected one gunicorn worker, found {children}")
        return children[0]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    if path.exists():
        return [int(child) for child in path.read_text().split()]
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            # pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no VmRSS for pid {pid}")


@contextlib.contextmanager
def gunicorn(
    *,
    env: dict[str, str],
    settings_module: str,
    ready_host: str,
    ready_path: str,
    workers: int = 1,
) -> Iterator[Server]:
    """Start gunicorn with portal.wsgi under `settings_module`; always stop it on exit.
    Several `workers` serve requests at the same time (the booking contention bench)."""
    port = free_port()
    address = ("127.0.0.1", port)
    command = [
        *_gunicorn_command(),
        "portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--backlog",
        "256",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    process_env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
    process = subprocess.Popen(command, cwd=ROOT, env=process_env, stdin=subprocess.DEVNULL)
    log(f"gunicorn pid {process.pid} on 127.0.0.1:{port} ({settings_module})")
    try:
        _wait_ready(process, address, ready_host, ready_path)
        yield Server(process=process, address=address)
    finally:
        stop(process)


def _wait_ready(process: subprocess.Popen, address, host: str, path: str, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    last_error: object = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            status, _body = load.request(address, host, path, timeout=30)
        except OSError as exc:
            last_error = exc
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise RuntimeError(f"gunicorn answered {status} on {host}{path}")
    raise RuntimeError(f"gunicorn not ready after {timeout:.0f} s: {last_error!r}")


def stop(process: subprocess.Popen, timeout: float = 15.0) -> None:
    """Graceful stop of the master (it stops its worker), then a kill if it hangs."""
    if process.poll() is not None:
        return
    workers = _children(process.pid)
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        for pid in workers:  # only the workers this master started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    log(f"gunicorn pid {process.pid} stopped ({process.returncode})")
