"""The production-shaped stack's pieces that decide whether a drill can be trusted: the nginx
site rendered from deploy/nginx/parkportal.conf (accepted by nginx itself), the server names, the
beat schedule moved back across a weekend, and the drills' counts, which must fail on anything
lost or doubled. (The drills themselves run with `make faults`, in CI.)"""

import datetime
import os
import shelve
import shutil
import subprocess
from pathlib import Path

import pytest
from celery.beat import ScheduleEntry

from portal import faults, prodlike

NGINX = Path(prodlike.NGINX)


def site(tmp_path: Path, **overrides) -> str:
    values = {
        "upstreams": ["127.0.0.1:8001", "127.0.0.1:8002"],
        "server_names": ".localhost",
        "https_port": 8443,
        "http_port": 8080,
        "static_root": tmp_path / "static",
        "media_root": tmp_path / "media",
        "private_media_root": tmp_path / "private",
        "tls_certificate": tmp_path / "tls" / "cert.pem",
        "tls_key": tmp_path / "tls" / "key.pem",
        "log_dir": tmp_path / "logs",
        "real_ip_from": "127.0.0.1",
        "listen_host": "127.0.0.1",
    }
    return prodlike.nginx_site(**{**values, **overrides})


def test_every_placeholder_is_filled_and_nginxs_own_variables_are_kept(tmp_path):
    text = site(tmp_path)
    assert "${PP_" not in text
    assert "    server 127.0.0.1:8001 max_fails=1 fail_timeout=10s;" in text
    assert "    server 127.0.0.1:8002 max_fails=1 fail_timeout=10s;" in text
    assert "listen 127.0.0.1:8443 ssl http2;" in text
    assert "return 301 https://$host:8443$request_uri;" in text
    assert "proxy_set_header X-Real-IP $remote_addr;" in text
    assert f"alias {tmp_path / 'private'}/;" in text


def test_the_standard_port_is_not_written_in_redirects(tmp_path):
    text = site(tmp_path, https_port=443, http_port=80, listen_host="")
    assert "return 301 https://$host$request_uri;" in text
    assert "listen 443 ssl http2;" in text


def test_a_template_placeholder_left_unfilled_stops_the_rendering(tmp_path, monkeypatch):
    template = tmp_path / "parkportal.conf"
    template.write_text(prodlike.NGINX_TEMPLATE.read_text() + "\n# ${PP_SOMETHING_NEW}\n")
    monkeypatch.setattr(prodlike, "NGINX_TEMPLATE", template)
    with pytest.raises(ValueError, match="placeholder"):
        site(tmp_path)


@pytest.mark.parametrize(
    ("hub", "suffix", "names"),
    [
        ("localhost", "localhost", ".localhost"),
        ("hub.localhost", "localhost", ".localhost"),
        ("hub.example.gov.cn", "parks.example.gov.cn", "hub.example.gov.cn .parks.example.gov.cn"),
    ],
)
def test_each_server_name_is_given_once(hub, suffix, names):
    # nginx drops a wildcard that repeats a name already given: the parks would get 444.
    assert prodlike.server_names(hub, suffix) == names


@pytest.mark.skipif(
    not NGINX.exists() and not os.environ.get("CI"), reason="Debian's nginx is not installed"
)
def test_nginx_accepts_the_whole_configuration(tmp_path):
    (tmp_path / "logs").mkdir()
    cert, key = prodlike._tls_ensure(tmp_path)
    text = site(tmp_path, tls_certificate=cert, tls_key=key)
    folder = tmp_path / "nginx"
    for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / temp).mkdir(parents=True)
    conf = folder / "nginx.conf"
    conf.write_text(prodlike._nginx_main(text, tmp_path))
    result = subprocess.run(
        [str(NGINX), "-t", "-c", str(conf), "-p", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_certificate_is_made_once(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    cert, key = prodlike._tls_ensure(tmp_path)
    made = cert.read_bytes()
    assert prodlike._tls_ensure(tmp_path) == (cert, key)
    assert cert.read_bytes() == made
    assert key.stat().st_mode & 0o777 == 0o600


def test_beats_schedule_is_moved_back_by_the_weekend(tmp_path):
    path = tmp_path / "celerybeat-schedule"
    friday = datetime.datetime(2026, 12, 4, 18, 0, tzinfo=datetime.UTC)
    with shelve.open(str(path)) as db:  # noqa: S301 - a file this test wrote
        db["entries"] = {
            "sweep": ScheduleEntry(name="sweep", task="x", last_run_at=friday, schedule=30.0),
            "daily": ScheduleEntry(name="daily", task="y", last_run_at=friday, schedule=3600.0),
        }
    faults.schedule_backdate(path, datetime.timedelta(hours=62))
    with shelve.open(str(path)) as db:  # noqa: S301 - a file this test wrote
        moved = {name: entry.last_run_at for name, entry in db["entries"].items()}
    monday_minus_weekend = friday - datetime.timedelta(hours=62)
    assert moved == {"sweep": monday_minus_weekend, "daily": monday_minus_weekend}


def settled(**changes) -> faults.Ledger:
    """Twenty appeals, all accepted and delivered both ways: what a passing drill counts."""
    counts = faults.Ledger(
        appeals=20,
        submission_keys=20,
        accepted=20,
        cases=20,
        cases_distinct=20,
        to_hub_written=60,
        to_hub_received=60,
        to_park_written=20,
        to_park_received=20,
        notifications=40,
        notifications_distinct=40,
    )
    for name, value in changes.items():
        setattr(counts, name, value)
    return counts


def test_the_counts_of_a_clean_drill_pass():
    counts = settled()
    assert counts.settled()
    counts.check(appeals=20, accepted=20)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"appeals": 19, "submission_keys": 19}, "19 appeals in the park, 20 submitted"),
        ({"appeals": 21}, "21 appeals in the park, 20 submitted"),
        ({"appeals_without_file": 1}, "an appeal without its file"),
        ({"cases": 19, "cases_distinct": 19}, "19 cases at the hub, 20 accepted"),
        ({"to_hub_undelivered": 1}, "park → hub messages left undelivered"),
        ({"to_hub_received": 59}, "park → hub messages lost"),
        ({"to_park_undelivered": 2}, "hub → park messages left undelivered"),
        ({"to_park_received": 19}, "hub → park messages lost"),
        ({"notifications_distinct": 39}, "a notification sent twice"),
    ],
)
def test_anything_lost_or_doubled_fails_the_drill(changes, message):
    with pytest.raises(faults.DrillFailed, match=message):
        settled(**changes).check(appeals=20, accepted=20)


def test_a_drill_waits_while_a_message_is_still_on_its_way():
    assert not settled(to_hub_undelivered=1).settled()
    assert not settled(to_park_received=19).settled()
    assert not settled(cases=19).settled()


def test_only_an_unreachable_node_is_taken_out_of_the_upstream(tmp_path):
    # With http_503 here, /healthz's 503 (a worker down) disabled both nodes for 10 s: every
    # request in that time answered 502 "no live upstreams".
    text = site(tmp_path)
    assert "proxy_next_upstream error timeout;" in text
    assert "http_503" not in text
    assert "http_502" not in text
