"""Demo appeals (演示诉求): about a year of appeals, in every state, for each demo park.

The generator drives the real services (intake, window triage, both outboxes, the hub's case
workflows, the beat's reminders) on a simulated clock, so tracking numbers, due dates, timelines,
arrivals, answers and messages agree with each other as if the year had really happened.
"""

import datetime
import random
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tenants.utils import tenant_context

from appeals.models import Appeal
from core.tasks import tasks_muted

from .journey import _Journey
from .texts import APPEALS_PER_PARK, KEY_NAMESPACE
from .world import _notification_marks, _notifications_read, _World


def demo_appeals_seed(*, parks, progress=print, count: int = APPEALS_PER_PARK) -> int:
    """`count` demo appeals for each demo park (numbered as in demo.parks.PARKS); returns how
    many were made."""
    made = 0
    for number, park in enumerate(parks, start=1):
        progress(f"appeals {number}/{len(parks)}: {park.name}")
        made += demo_appeals_seed_park(park=park, number=number, count=count)
    return made


def demo_appeals_seed_park(*, park, number: int, count: int = APPEALS_PER_PARK) -> int:
    """Play `count` demo appeals (at least one per scenario) in one park, all or nothing.

    Nothing happens if the park has them already. Returns how many appeals were made.
    """
    keys = [uuid.uuid5(KEY_NAMESPACE, f"{park.schema_name}/{index}") for index in range(count)]
    with tenant_context(park):
        if Appeal.objects.filter(submission_key__in=keys).exists():
            return 0
    world = _World(park=park, rng=random.Random(f"demo-appeals/{park.schema_name}"))  # nosec B311 - demo data
    with (
        tasks_muted(),
        world.clock.running(),
        translation.override(settings.LANGUAGE_CODE),
        tenant_context(park),
        transaction.atomic(),
    ):
        marks = _notification_marks()
        enterprises = world.enterprises(number=number)
        plan = world.plan(count=count, enterprises=enterprises)
        for key, (moment, scenario, enterprise, topic) in zip(keys, plan, strict=False):
            journey = _Journey(world, enterprise=enterprise, topic=topic, key=key)
            journey.play(scenario, moment)
        _notifications_read(marks, before=world.real_now - datetime.timedelta(days=3))
    return len(plan)
