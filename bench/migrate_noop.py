"""Figure 4: `manage.py migrate_schemas --noinput` with nothing to apply, per park."""

import subprocess
import sys
import time

from . import log
from .server import ROOT


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> float:
    """Run manage.py in a subprocess on the bench database; returns its wall time in seconds."""
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    started = time.perf_counter()
    completed = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout[-4000:] + completed.stderr[-4000:])
        raise RuntimeError(f"manage.py {' '.join(args)} exited with {completed.returncode}")
    return seconds


def run(env: dict[str, str], park_count: int) -> dict[str, float]:
    if park_count < 20:
        raise RuntimeError(f"need at least 20 parks, have {park_count}")
    # Interpreter + Django start-up alone, for context: the part that does not grow with parks.
    startup = manage(env, "shell", "--no-startup", "-c", "pass")
    total = manage(env, "migrate_schemas", "--noinput")
    log(
        f"migrate_schemas (nothing to apply) over {park_count} parks + template + public: "
        f"{total:.2f} s; start-up (`manage.py shell -c pass`) {startup:.2f} s"
    )
    return {"migrate_noop_total_s": total, "migrate_noop_per_park_s": total / park_count}
