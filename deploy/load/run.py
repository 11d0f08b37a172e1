"""Run the load test (deploy/load/locustfile.py) in a Locust process of its own and report it.

    python deploy/load/run.py --base-url http://127.0.0.1:PORT --users 50 --spawn-rate 10 \\
        --run-time 120s [--csv-dir DIR]

The site must hold the demo (`manage.py seed_demo`) and the load accounts
(`manage.py seed_load_users`). Prints per journey the requests, requests per second, the 50th,
95th and 99th percentile response times and the failures, then `LOAD <name> <value>` lines
(load_rps, load_p50_ms, load_p95_ms, load_p99_ms, load_errors, load_requests) for the
benchmarks. Exits 1 when any request failed (the failures are printed), 2 when Locust gave no
statistics. `run()` does the same for Python callers and returns the LOAD figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "locustfile.py"
PREFIX = "load"
# Staff are few and fixed (locustfile.py): a clerk per park, a liaison per department.
PARKS = 5
DEPARTMENTS = 9


@dataclass(frozen=True)
class Row:
    """One row of Locust's stats CSV: a request name, a journey or the aggregate."""

    name: str
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


def read_stats(path: Path) -> list[Row]:
    """The rows of a CSV in Locust's `_stats.csv` layout (the aggregate last, as Locust
    writes it); a percentile of a name with no requests ("N/A") reads as 0."""
    return read_stats_text(Path(path).read_text())


def read_stats_text(text: str) -> list[Row]:
    return [
        Row(
            name=record["Name"],
            requests=int(record["Request Count"]),
            failures=int(record["Failure Count"]),
            rps=float(record["Requests/s"]),
            p50_ms=_number(record["50%"]),
            p95_ms=_number(record["95%"]),
            p99_ms=_number(record["99%"]),
        )
        for record in csv.DictReader(io.StringIO(text))
    ]


def _number(cell: str) -> float:
    return 0.0 if cell in ("", "N/A") else float(cell)


def figures(rows: list[Row]) -> dict[str, float]:
    """The LOAD figures, from the aggregate row."""
    total = next(row for row in rows if row.name == "Aggregated")
    return {
        "load_rps": round(total.rps, 2),
        "load_p50_ms": total.p50_ms,
        "load_p95_ms": total.p95_ms,
        "load_p99_ms": total.p99_ms,
        "load_errors": float(total.failures),
        "load_requests": float(total.requests),
    }


def table(rows: list[Row]) -> str:
    header = ("journey", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "failures")
    lines = [f"{header[0]:<12}" + "".join(f"{cell:>10}" for cell in header[1:])]
    for row in rows:
        cells = (row.requests, f"{row.rps:.2f}", row.p50_ms, row.p95_ms, row.p99_ms, row.failures)
        name = "all" if row.name == "Aggregated" else row.name
        lines.append(f"{name:<12}" + "".join(f"{_cell(cell):>10}" for cell in cells))
    return "\n".join(lines)


def _cell(value: object) -> str:
    return f"{value:.0f}" if isinstance(value, float) else str(value)


def staff_counts(users: int) -> dict[str, str]:
    """Window clerks and liaisons for `users` simulated people: a few, as in life."""
    return {
        "LOAD_WINDOW_USERS": str(min(PARKS, max(1, users // 10))),
        "LOAD_LIAISON_USERS": str(min(DEPARTMENTS, max(1, users // 15))),
    }


def locust_command(
    base_url: str, users: int, spawn_rate: float, run_time: str, prefix: Path
) -> list[str]:
    return [
        *(sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless"),
        *("--host", base_url, "--users", str(users), "--spawn-rate", str(spawn_rate)),
        *("--run-time", run_time, "--csv", str(prefix), "--only-summary"),
        # A person halfway through a journey finishes it (a booking is cancelled again).
        *("--stop-timeout", "15s", "--loglevel", "WARNING"),
    ]


def run(
    base_url: str,
    users: int,
    spawn_rate: float,
    run_time: str,
    csv_dir: str | Path | None = None,
    *,
    echo: bool = False,
) -> dict[str, float]:
    """Run Locust against `base_url` and return the LOAD figures (see `figures`). With `echo`,
    Locust's own report and ours are printed."""
    with tempfile.TemporaryDirectory(prefix="ppload-") as scratch:
        directory = Path(csv_dir or scratch)
        directory.mkdir(parents=True, exist_ok=True)
        prefix = directory / PREFIX
        command = locust_command(base_url, users, spawn_rate, str(run_time), prefix)
        environment = {**os.environ, **staff_counts(users)}
        done = subprocess.run(
            command, env=environment, capture_output=not echo, text=True, check=False
        )
        journeys = Path(f"{prefix}_journeys.csv")
        if not journeys.exists():
            raise RuntimeError(
                f"locust exited with {done.returncode} and no statistics:\n{done.stderr or ''}"
            )
        rows = read_stats(journeys)
        if echo:
            print(table(rows))
            failures = Path(f"{prefix}_failures.csv")
            if figures(rows)["load_errors"] and failures.exists():
                print(f"\nFailures ({failures}):\n{failures.read_text()}")
        return figures(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080 (nginx)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="120s", help="Locust's form: 120s, 2m")
    parser.add_argument("--csv-dir", help="keep Locust's CSV files here (default: discarded)")
    args = parser.parse_args(argv)
    try:
        result = run(
            args.base_url, args.users, args.spawn_rate, args.run_time, args.csv_dir, echo=True
        )
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 2
    for name, value in result.items():
        print(f"LOAD {name} {value:g}")
    return 1 if result["load_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
