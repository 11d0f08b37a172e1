"""The phone's inbox for browser tests: texts the live server sent (notifications.FileSmsChannel)."""

import json
import re
from pathlib import Path

from django.conf import settings

OUTBOX = Path(settings.BASE_DIR) / ".data" / "test-sms.jsonl"


def sms_code_for(mobile: str) -> str:
    """The six-digit code in the last text sent to `mobile`."""
    texts = [json.loads(line) for line in OUTBOX.read_text(encoding="utf-8").splitlines()]
    for text in reversed(texts):
        if text["address"] == mobile:
            found = re.search(r"(?<!\d)(\d{6})(?!\d)", text["body"])
            assert found, text["body"]
            return found.group(1)
    raise AssertionError(f"no text was sent to {mobile}")
