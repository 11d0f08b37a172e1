"""`check --deploy` with the production settings and the required environment is clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_prints_no_warnings():
    result = run_check(
        {
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": ".parks.example.gov.cn",
            "DATABASE_URL": settings.DATABASE_URL,
            "REDIS_URL": settings.REDIS_URL,
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"ALLOWED_HOSTS": ".parks.example.gov.cn"})
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: Environment variable SECRET_KEY is required."
    )
