"""The launcher's folders when nothing is embedded (DATABASE_URL and REDIS_URL both set)."""

from pathlib import Path

import pytest

from portal import devstack, embedded


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """An empty .data, and real services named so that nothing embedded is started."""
    monkeypatch.setattr(embedded, "DATA_DIR", tmp_path / ".data")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/unused")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/15")
    return tmp_path / ".data"


def test_the_run_folder_exists_when_nothing_is_embedded(data_dir):
    with embedded.embedded_services("run", wait_for_lock=False) as env:
        assert (data_dir / "run").is_dir()
        assert env["REDIS_URL"] == "redis://127.0.0.1:6379/15"


def test_beat_keeps_its_schedule_in_a_folder_that_exists(data_dir):
    beat = devstack._commands(8000)["beat"]

    schedule = Path(beat[beat.index("-s") + 1])
    assert schedule.parent == data_dir / "run"
    assert schedule.parent.is_dir()
