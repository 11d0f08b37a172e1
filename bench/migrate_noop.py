"""Figure 4: `manage.py migrate_schemas --noinput` with nothing to apply.

bench/scale.py runs it with 200 parks: the parks at the template's migration state are skipped
after one query, so the run costs start-up + the public schema + the template, whatever the
number of parks (it was 0.87 s a park when every park was migrated).
"""

import subprocess
import sys
import time

from . import log
from .server import ROOT


def _manage(env: dict[str, str], *args: str, timeout: float) -> tuple[float, str]:
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
    return seconds, completed.stdout


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> float:
    """Run manage.py in a subprocess on the bench database; returns its wall time in seconds."""
    return _manage(env, *args, timeout=timeout)[0]


def run(env: dict[str, str], park_count: int) -> dict[str, float]:
    # Interpreter + Django start-up alone, for context: the part that does not grow with parks.
    startup = manage(env, "shell", "--no-startup", "-c", "pass")
    total, output = _manage(env, "migrate_schemas", "--noinput", timeout=600)
    # The command's own lines (skipped / to migrate); django-tenants prefixes every line of its own.
    said = [line for line in output.splitlines() if line and not line.startswith("[")]
    log(
        f"migrate_schemas (nothing to apply) over {park_count} parks + template + public: "
        f"{total:.2f} s; start-up (`manage.py shell -c pass`) {startup:.2f} s; " + " / ".join(said)
    )
    return {"migrate_noop_total_s": total, "migrate_noop_per_park_s": total / park_count}
