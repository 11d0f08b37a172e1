"""Processes started by the test suite (web server, worker) against the test database."""

from .test import *  # noqa: F403

DEBUG = False

# The web server's texts land in a file the browser tests read (tests/browser/sms.py).
SMS_OUTBOX_FILE = str(BASE_DIR / ".data" / "test-sms.jsonl")  # noqa: F405
NOTIFICATION_CHANNELS = [
    "notifications.channels.FileSmsChannel" if path.endswith(".LogSmsChannel") else path
    for path in NOTIFICATION_CHANNELS  # noqa: F405
]
