"""The load test (deploy/load/): its report from Locust's CSV, and the journeys it defines.

Locust itself is not run here (its figures belong to `make load`); the locustfile is imported
in a process of its own, since importing Locust patches the standard library with gevent.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

from demo.parks import DEMO_PASSWORD, PARKS
from deploy.load import run as load

ROOT = Path(__file__).resolve().parents[2]

# Locust's _stats.csv layout, as deploy/load/locustfile.py writes <prefix>_journeys.csv.
JOURNEYS_CSV = """\
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
JOURNEY,booking,120,0,81,140.5,12,2100,15000.0,1.0034,0.0,81,95,110,130,300,640,900,1200,2100,2100,2100
JOURNEY,browse,1500,0,13,40.2,3,3100,32000.0,12.5412,0.0,13,17,21,40,110,190,700,1100,3100,3100,3100
JOURNEY,liaison,0,0,0,0.0,0,0,0.0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A
JOURNEY,submit,400,2,60,120.0,20,2600,9000.0,3.3333,0.0167,60,70,80,95,200,420,800,1500,2600,2600,2600
,Aggregated,2020,2,20,61.7,3,3100,26000.0,16.8779,0.0167,20,30,40,60,140,300,760,1200,3000,3100,3100
"""


def journeys_file(tmp_path: Path) -> Path:
    path = tmp_path / "load_journeys.csv"
    path.write_text(JOURNEYS_CSV)
    return path


def test_the_stats_csv_is_read_row_by_row_with_no_requests_as_zero(tmp_path):
    rows = load.read_stats(journeys_file(tmp_path))
    assert [row.name for row in rows] == ["booking", "browse", "liaison", "submit", "Aggregated"]
    assert rows[3] == load.Row("submit", 400, 2, 3.3333, 60.0, 420.0, 1500.0)
    assert rows[2] == load.Row("liaison", 0, 0, 0.0, 0.0, 0.0, 0.0)


def test_the_load_figures_are_the_aggregate_rows():
    assert load.figures(load.read_stats_text(JOURNEYS_CSV)) == {
        "load_rps": 16.88,
        "load_p50_ms": 20.0,
        "load_p95_ms": 300.0,
        "load_p99_ms": 1200.0,
        "load_errors": 2.0,
        "load_requests": 2020.0,
    }


def test_the_table_has_a_line_per_journey_and_one_for_all():
    lines = load.table(load.read_stats_text(JOURNEYS_CSV)).splitlines()
    assert lines[0].split() == [
        "journey",
        "requests",
        "req/s",
        "p50",
        "ms",
        "p95",
        "ms",
        "p99",
        "ms",
        "failures",
    ]
    assert lines[4].split() == ["submit", "400", "3.33", "60", "420", "1500", "2"]
    assert lines[5].split() == ["all", "2020", "16.88", "20", "300", "1200", "2"]


def test_staff_are_a_few_whatever_the_crowd():
    assert load.staff_counts(50) == {"LOAD_WINDOW_USERS": "5", "LOAD_LIAISON_USERS": "3"}
    assert load.staff_counts(10) == {"LOAD_WINDOW_USERS": "1", "LOAD_LIAISON_USERS": "1"}
    assert load.staff_counts(1000) == {"LOAD_WINDOW_USERS": "5", "LOAD_LIAISON_USERS": "9"}


def test_locust_runs_headless_in_a_process_of_its_own_against_the_base_url(tmp_path):
    command = load.locust_command("http://127.0.0.1:8080", 50, 10, "120s", tmp_path / "load")
    assert command[:3] == [sys.executable, "-m", "locust"]
    joined = " ".join(command)
    assert f"-f {ROOT / 'deploy' / 'load' / 'locustfile.py'} --headless" in joined
    assert "--host http://127.0.0.1:8080 --users 50 --spawn-rate 10 --run-time 120s" in joined
    assert f"--csv {tmp_path / 'load'}" in joined


def test_a_run_with_failures_prints_them_and_exits_1(tmp_path, monkeypatch, capsys):
    def fake_locust(command, env, **_kwargs):
        prefix = command[command.index("--csv") + 1]
        Path(f"{prefix}_journeys.csv").write_text(JOURNEYS_CSV)
        Path(f"{prefix}_failures.csv").write_text(
            "Method,Name,Error,Occurrences\nPOST,submit: submit,429,2\n"
        )
        assert env["LOAD_WINDOW_USERS"] == "5"
        return subprocess.CompletedProcess(command, 1, "", "")

    monkeypatch.setattr(load.subprocess, "run", fake_locust)
    code = load.main(["--base-url", "http://127.0.0.1:8080", "--csv-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "POST,submit: submit,429,2" in out
    assert "LOAD load_rps 16.88\n" in out
    assert "LOAD load_p95_ms 300\n" in out
    assert "LOAD load_errors 2\n" in out


def test_a_run_without_statistics_exits_2(tmp_path, monkeypatch):
    def no_locust(command, **_kwargs):
        return subprocess.CompletedProcess(command, 1, "", "locust: command failed")

    monkeypatch.setattr(load.subprocess, "run", no_locust)
    assert load.main(["--base-url", "http://127.0.0.1:8080", "--csv-dir", str(tmp_path)]) == 2


INSPECT = textwrap.dedent(
    """
    import json, runpy
    from locust import HttpUser
    from locust.stats import RequestStats

    module = runpy.run_path("deploy/load/locustfile.py", run_name="locustfile")
    users = {
        value.journey: {
            "weight": value.weight,
            "fixed_count": value.fixed_count,
            "tasks": sorted(task.__name__ for task in value.tasks),
        }
        for value in module.values()
        if isinstance(value, type) and issubclass(value, HttpUser) and not value.abstract
    }
    stats = RequestStats()
    for name, ms in (("submit: submit", 100), ("submit: submit", 300), ("submit: track", 200)):
        stats.log_request("GET", name, ms, 0)
    stats.log_error("GET", "submit: track", "500")
    merged = module["journey_stats"](stats).get("submit", "JOURNEY")
    print(json.dumps({
        "users": users,
        "parks": module["DEMO_PARKS"],
        "hub": module["HUB_HOST"],
        "suffix": module["PARK_SUFFIX"],
        "password": module["PASSWORD"],
        "merged": [merged.num_requests, merged.num_failures, merged.get_response_time_percentile(0.5), merged.max_response_time],
        "address": module["next_address"](),
    }))
    """
)


def inspect_locustfile() -> dict:
    env = {"PATH": "/usr/bin:/bin", "LOAD_WINDOW_USERS": "4", "LOAD_LIAISON_USERS": "2"}
    done = subprocess.run(
        [sys.executable, "-c", INSPECT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_locustfile_defines_the_five_journeys_with_staff_fixed_and_the_rest_weighted():
    found = inspect_locustfile()
    assert found["users"] == {
        # A task appears once per unit of its weight.
        "browse": {
            "weight": 6,
            "fixed_count": 0,
            "tasks": [*["home"] * 3, *["news"] * 2, *["policies"] * 3],
        },
        "submit": {"weight": 3, "fixed_count": 0, "tasks": [*["submit"] * 3, *["track"] * 2]},
        "window": {"weight": 1, "fixed_count": 4, "tasks": ["accept"]},
        "liaison": {"weight": 1, "fixed_count": 2, "tasks": ["handle"]},
        "booking": {"weight": 2, "fixed_count": 0, "tasks": ["book"]},
    }
    # The steps of a journey merge into one entry: two requests of "submit" and one failure.
    assert found["merged"] == [3, 1, 200, 300]
    assert found["address"].startswith("10.")


def test_the_locustfile_addresses_the_demo_parks_and_hub_with_the_demo_password():
    found = inspect_locustfile()
    assert found["parks"] == [spec.slug for spec in PARKS]
    assert found["hub"] == settings.HUB_DOMAIN
    assert found["suffix"] == settings.PARK_DOMAIN_SUFFIX
    assert found["password"] == DEMO_PASSWORD
