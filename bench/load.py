"""A small, bounded HTTP load generator (plain sockets, one connection per request).

gunicorn's sync worker closes every connection after the response, so there is no keep-alive to
reuse; a raw socket keeps the client's own cost per request small next to the server's.
"""

import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from socket import create_connection

Target = tuple[str, str]  # (Host header, path)


@dataclass
class LoadResult:
    requests: int = 0
    elapsed: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def ok(self) -> bool:
        return not self.failures and set(self.statuses) <= {200}


def _raw_request(host: str, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: parkportal-bench\r\n"
        "Accept: text/html\r\nConnection: close\r\n\r\n"
    ).encode("ascii")


def request(address: tuple[str, int], host: str, path: str, timeout: float = 30.0):
    """(status, body) of one GET; raises OSError / ValueError on a broken exchange."""
    return _exchange(address, _raw_request(host, path), timeout)


def _exchange(address: tuple[str, int], payload: bytes, timeout: float = 30.0):
    chunks = []
    with create_connection(address, timeout=timeout) as sock:
        sock.sendall(payload)
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    response = b"".join(chunks)
    head, _sep, body = response.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0]
    if not status_line.startswith(b"HTTP/1."):
        raise ValueError(f"not an HTTP response: {status_line[:60]!r}")
    return int(status_line.split()[1]), body


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
