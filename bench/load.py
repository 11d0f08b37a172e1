"""A small, bounded HTTP load generator (plain sockets, one connection per request).

gunicorn's sync worker closes every connection after the response, so there is no keep-alive to
reuse; a raw socket keeps the client's own cost per request small next to the server's.
"""

import statistics
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from socket import create_connection

from . import log as _log

# (Host header, path), optionally a Cookie and an Authorization header after them.
Target = tuple[str, ...]


@dataclass
class LoadResult:
    requests: int = 0
    elapsed: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # run_interleaved only

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def median_rps(self) -> float:
        """1 / the median time of one request: robust against bursts of load from elsewhere."""
        return 1 / statistics.median(self.latencies) if self.latencies else 0.0

    @property
    def ok(self) -> bool:
        return not self.failures and set(self.statuses) <= {200}


def _raw_request(host: str, path: str, cookie: str = "", authorization: str = "") -> bytes:
    cookie_header = f"Cookie: {cookie}\r\n" if cookie else ""
    auth_header = f"Authorization: {authorization}\r\n" if authorization else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: parkportal-bench\r\n"
        f"Accept: text/html, application/json;q=0.9\r\n{cookie_header}{auth_header}"
        "Connection: close\r\n\r\n"
    ).encode("ascii")


def request(address: tuple[str, int], host: str, path: str, timeout: float = 30.0):
    """(status, body) of one GET; raises OSError / ValueError on a broken exchange."""
    return _exchange(address, _raw_request(host, path), timeout)


def _exchange(address: tuple[str, int], payload: bytes, timeout: float = 30.0):
    """One request on a new connection, closed by us as soon as the response is complete.

    gunicorn half-closes and then waits for our FIN before it takes the next connection, so a
    client that waited for the server's EOF first would add its own latency to the server's.
    """
    buffer = b""
    with create_connection(address, timeout=timeout) as sock:
        sock.sendall(payload)
        expected = None
        while expected is None or len(buffer) < expected:
            data = sock.recv(65536)
            if not data:
                break
            buffer += data
            if expected is None and b"\r\n\r\n" in buffer:
                head_end = buffer.index(b"\r\n\r\n") + 4
                length = _content_length(buffer[:head_end])
                if length is not None:
                    expected = head_end + length
    head, _sep, body = buffer.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0]
    if not status_line.startswith(b"HTTP/1."):
        raise ValueError(f"not an HTTP response: {status_line[:60]!r}")
    return int(status_line.split()[1]), body


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _sep, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return None


def run(
    address: tuple[str, int],
    targets: Sequence[Target],
    *,
    threads: int = 2,
    max_requests: int | None = None,
    max_seconds: float = 10.0,
) -> LoadResult:
    """Send requests round-robin over `targets` until max_requests are done or max_seconds pass."""
    if not targets:
        raise ValueError("no targets")
    payloads = [(_raw_request(host, path), host, path) for host, path in targets]
    result = LoadResult()
    lock = threading.Lock()
    counter = iter(range(max_requests if max_requests is not None else 10**12))
    deadline = time.perf_counter() + max_seconds

    def worker() -> None:
        statuses: Counter = Counter()
        while time.perf_counter() < deadline:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            payload, host, path = payloads[index % len(payloads)]
            try:
                status, _body = _exchange(address, payload)
            except (OSError, ValueError) as exc:
                with lock:
                    result.failures.append(f"{host}{path}: {exc!r}")
                continue
            statuses[status] += 1
        with lock:
            result.statuses.update(statuses)

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    started = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    result.elapsed = time.perf_counter() - started
    result.requests = sum(result.statuses.values())
    return result


def run_interleaved(
    address: tuple[str, int], targets: Sequence[Target], *, max_seconds: float
) -> dict[Target, LoadResult]:
    """One client, one request at a time, cycling through `targets` request by request
    (in a rotating order).

    Every request's time is kept: a burst of load from elsewhere on the machine then slows the
    targets alike instead of whichever round it happened to fall in, and a median ignores it.
    """
    if not targets:
        raise ValueError("no targets")
    payloads = [(target, _raw_request(*target)) for target in targets]
    results = {target: LoadResult() for target in targets}
    deadline = time.perf_counter() + max_seconds
    cycle = 0
    while time.perf_counter() < deadline:
        # Rotate the order every cycle: no target always follows the same one.
        shift = cycle % len(payloads)
        cycle += 1
        for target, payload in payloads[shift:] + payloads[:shift]:
            result = results[target]
            started = time.perf_counter()
            try:
                status, _body = _exchange(address, payload)
            except (OSError, ValueError) as exc:
                result.failures.append(f"{target[0]}{target[1]}: {exc!r}")
                continue
            seconds = time.perf_counter() - started
            result.elapsed += seconds
            result.latencies.append(seconds)
            result.statuses[status] += 1
            result.requests += 1
    return results


def rps_by_median(
    address: tuple[str, int],
    targets: dict[str, Target],
    *,
    rounds: int,
    round_seconds: float,
    label: str,
) -> dict[str, float]:
    """Each named target's req/s, from the median of all its latencies over `rounds`
    interleaved rounds after a one-second warm-up (imports, URL resolvers, caches, the database
    connection). Any failure or answer other than 200 stops the bench: a refused request would
    be measured as a fast one."""
    latencies: dict[str, list[float]] = {name: [] for name in targets}
    run_interleaved(address, list(targets.values()), max_seconds=1.0)
    for number in range(1, rounds + 1):
        results = run_interleaved(address, list(targets.values()), max_seconds=round_seconds)
        for name, target in targets.items():
            result = results[target]
            if not result.ok or not result.requests:
                raise RuntimeError(f"{target[:2]}: {dict(result.statuses)} {result.failures[:3]}")
            latencies[name].extend(result.latencies)
        _log(
            f"{label} round {number}/{rounds}: "
            + ", ".join(f"{name} {results[t].median_rps:.0f} req/s" for name, t in targets.items())
        )
    return {name: 1 / statistics.median(values) for name, values in latencies.items()}
