"""One chunk of the load: its appeals drawn and played to the present, then written in one
transaction; and whether a chunk was written already (resuming)."""

import datetime
import itertools

from onewindow.models import HubServiceDay, WindowRecord

from .days import ONE_DAY, ONE_SECOND
from .journey import Journey, Story
from .plan import CHUNK_DAYS, PER_MONTH, Chunk
from .rows import AppealRows
from .servicedays import ServiceDayRows
from .world import Category

# Months in which a category peaks (tax filing, hiring, fund calls).
CATEGORY_PEAKS = {"税务": (3, 4, 5), "人才招聘": (2, 3, 7), "政策咨询": (4, 9), "科技创新": (5, 6)}


class ChunkWriter:
    """Plays the stories of one chunk and writes them, with the facts, in one transaction."""

    def __init__(self, journey: Journey, chunk: Chunk):
        self.journey, self.chunk = journey, chunk
        self.days, self.hub, self.rng = journey.days, journey.hub, journey.rng
        self.park = chunk.park
        month = chunk.month.month
        self.category_weights = list(
            itertools.accumulate(
                c.weight * (1.6 if month in CATEGORY_PEAKS.get(c.name, ()) else 1.0)
                for c in self.hub.categories
            )
        )

    def stories(self) -> list[Story]:
        """The chunk's appeals in the order submitted, played to the present."""
        moments = sorted(self._submitted() for _ in range(self.chunk.appeals))
        stories = [self._story(n, moment) for n, moment in enumerate(moments, start=1)]
        for story in stories:
            self.journey.play(story, self.park)
        return stories

    def _submitted(self) -> datetime.datetime:
        """Mostly working days in office hours; online, also evenings and days off."""
        rng, chunk = self.rng, self.chunk
        while True:
            day = chunk.first + rng.randint(0, (chunk.last - chunk.first).days) * ONE_DAY
            if self.days.is_working(day) or rng.random() < 0.03:
                break
        evening = rng.random() < 0.12
        hour = rng.uniform(18, 22.5) if evening else rng.uniform(8.5, 18)
        start = datetime.datetime.combine(day, datetime.time(0), tzinfo=self.journey.tz)
        moment = start + round(hour * 3600) * ONE_SECOND
        if moment > self.journey.ceiling:  # today: before now
            moment = start + rng.random() * (self.journey.ceiling - start)
        return moment

    def _story(self, number: int, submitted: datetime.datetime) -> Story:
        category = self._category()
        title, description, answer = self.rng.choice(category.topics)
        return Story(
            number=number,
            submitted_at=submitted,
            category=category,
            title=title,
            description=description,
            answer_text=answer,
            enterprise=self.rng.choice(self.park.enterprises),
            window_due=self.days.add(submitted.date(), category.window_days),
            last=submitted,
        )

    def _category(self) -> Category:
        return self.rng.choices(self.hub.categories, cum_weights=self.category_weights)[0]

    def write(self, cursor) -> dict[str, int]:
        """Play the chunk and COPY its rows; returns how many rows went into which table."""
        stories = self.stories()
        counts = AppealRows(self.journey, self.chunk).write(cursor, stories)
        counts.update(ServiceDayRows(self.journey, self.chunk).write(cursor))
        return counts


def chunk_done(cursor, chunk: Chunk) -> bool:
    """Whether the chunk was written (its rows are committed together, so any one will do)."""
    low = chunk.yyyymm * PER_MONTH
    cursor.execute(
        f"SELECT EXISTS (SELECT 1 FROM {WindowRecord._meta.db_table}"  # noqa: S608  # nosec B608 - models' tables
        " WHERE park_id = %s AND appeal_id BETWEEN %s AND %s)"
        f" OR EXISTS (SELECT 1 FROM {HubServiceDay._meta.db_table}"
        " WHERE park_id = %s AND day_id BETWEEN %s AND %s)",
        [chunk.park.park.pk, low, low + PER_MONTH - 1]
        + [chunk.park.park.pk, chunk.yyyymm * CHUNK_DAYS, (chunk.yyyymm + 1) * CHUNK_DAYS - 1],
    )
    return cursor.fetchone()[0]
