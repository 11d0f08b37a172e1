"""The demo's simulated clock: a year of appeals and service days is played out in seconds.

`SimulatedClock().running()` makes `django.utils.timezone.now()` read `clock.moment`, which the
story moves forward step by step; everything the services stamp (submitted, answered, rated …)
then carries the simulated time. Tasks stay muted meanwhile (`core.tasks.tasks_muted`): the
story delivers every message itself, synchronously.
"""

import contextlib
import datetime
from collections.abc import Iterator
from unittest import mock

from django.utils import timezone


class SimulatedClock:
    """The simulated now of the demo year (starts at the real now)."""

    def __init__(self) -> None:
        self.moment = timezone.now()

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Make timezone.now() read this clock. Patching the `datetime` it calls (rather than
        timezone.now itself) also reaches model defaults bound to timezone.now at import."""
        clock = self

        class SimulatedDatetime(datetime.datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.moment.astimezone(tz)

        with mock.patch("django.utils.timezone.datetime", SimulatedDatetime):
            yield
