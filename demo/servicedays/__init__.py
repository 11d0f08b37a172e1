"""Demo service days (演示企业服务日): for each demo park, days that are over (attended with
outcomes, a follow-up turned into an appeal, no-shows), days open for booking now (free seats,
a full slot with a waitlist) and one called off.

Like the demo appeals, every step goes through the real services on a simulated clock, so
bookings, check-ins, outcomes, notices and the follow-up appeal agree with each other.
"""

import datetime
import random

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tenants.utils import tenant_context

from core.tasks import tasks_muted
from demo.appeals.world import (
    _notification_marks,
    _notifications_read,
)
from demo.clock import SimulatedClock

from .story import _Park


def demo_service_days_seed(*, parks, progress=print) -> int:
    """Demo service days for the demo parks (numbered as in tenants.demo.PARKS); returns how
    many days were made."""
    made = 0
    for number, park in enumerate(parks, start=1):
        progress(f"service days {number}/{len(parks)}: {park.name}")
        made += demo_service_days_seed_park(park=park, number=number)
    return made


def demo_service_days_seed_park(*, park, number: int) -> int:
    """Past and upcoming demo days in one park, all or nothing. A day whose title the park
    already has, in the past for a past day or still ahead for an upcoming one, is not made
    again: seeding twice adds nothing, seeding weeks later tops up the upcoming days."""
    clock = SimulatedClock()
    with (
        tasks_muted(),
        # Each day goes to the hub once, at the end (below), not as a task per change.
        clock.running(),
        translation.override(settings.LANGUAGE_CODE),
        tenant_context(park),
        transaction.atomic(),
    ):
        marks = _notification_marks()
        story = _Park(
            park=park,
            number=number,
            clock=clock,
            rng=random.Random(f"demo-servicedays/{park.schema_name}"),  # nosec B311 - demo data
        )
        made = story.play()
        story.to_hub()
        _notifications_read(marks, before=story.real_now - datetime.timedelta(days=3))
    return made
