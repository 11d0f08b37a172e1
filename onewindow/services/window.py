"""The park windows' facts at the hub (窗口办理要素): what the district appraises windows by."""

import datetime
from typing import cast

from django.utils.dateparse import parse_date, parse_datetime

from tenants.models import Park

from ..models import WindowRecord


def _moment(value: str | None) -> datetime.datetime | None:
    return parse_datetime(value) if value else None


def window_record_store(*, park: Park, appeal_id: int, facts: dict) -> WindowRecord:
    """Keep the window facts a park sent for one of its appeals (the latest wins)."""
    # The park writes moments and dates with isoformat(), which the parsers always read.
    record, _created = WindowRecord.objects.update_or_create(
        park=park,
        appeal_id=appeal_id,
        defaults={
            "tracking_number": facts["tracking_number"],
            "category_id": facts["category_id"],
            "submitted_at": _moment(facts["submitted_at"]),
            "submitted_on": cast(datetime.date, parse_date(facts["submitted_on"])),
            "window_due": cast(datetime.date, parse_date(facts["window_due"])),
            "outcome": facts["outcome"],
            "acted_at": _moment(facts.get("acted_at")),
            "on_time": facts.get("on_time"),
            "hours_to_accept": facts.get("hours_to_accept"),
            "returned_count": facts.get("returned_count", 0),
            "answered_at_window": facts.get("answered_at_window", False),
            "staff_id": facts.get("staff_id"),
            "staff_name": facts.get("staff_name", ""),
            "resolved": facts.get("resolved"),
            "satisfaction": facts.get("satisfaction"),
        },
    )
    return record
