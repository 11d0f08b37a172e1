"""Benchmarks: `python bench/run.py` prints `BENCH <name> <value> <unit>` lines."""

import sys
import time

_START = time.monotonic()


def log(message: str) -> None:
    """Progress goes to stderr; only figures go to stdout."""
    print(f"[bench {time.monotonic() - _START:6.1f}s] {message}", file=sys.stderr, flush=True)


def figure(name: str, value: float, unit: str) -> None:
    shown = f"{value:.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    print(f"BENCH {name} {shown} {unit}", flush=True)
