"""The plan of the load: its appeals spread over chunks of one park and one month, the unit of
work and of resuming."""

import datetime
import random
from dataclasses import dataclass

from .days import ONE_DAY, Days
from .world import LoadPark

PER_MONTH = 10**7  # appeal ids: yyyymm * PER_MONTH + n, so a chunk's ids are one range
CHUNK_DAYS = 100  # service day ids: yyyymm * CHUNK_DAYS + n
# Relative volume by calendar month: the Spring Festival and National Day months are quiet.
MONTH_WEIGHT = (1.0, 0.6, 1.25, 1.05, 0.9, 1.1, 1.0, 0.9, 1.1, 0.8, 1.1, 1.2)


@dataclass(frozen=True)
class Chunk:
    """The appeals of one park in one month (the unit of work and of resuming)."""

    park: LoadPark
    month: datetime.date  # its first day
    first: datetime.date  # the days of the month inside the range
    last: datetime.date
    appeals: int

    @property
    def yyyymm(self) -> int:
        return self.month.year * 100 + self.month.month

    def rng(self, seed: int) -> random.Random:
        return random.Random(f"{seed}:{self.park.park.slug}:{self.yyyymm}")  # nosec B311 - demo data


def months_of(first: datetime.date, last: datetime.date) -> list[tuple[datetime.date, ...]]:
    """(first day of the month, first day in range, last day in range) of each month."""
    months: list[tuple[datetime.date, ...]] = []
    day = first
    while day <= last:
        following = (day.replace(day=1) + 32 * ONE_DAY).replace(day=1)
        months.append((day.replace(day=1), day, min(following - ONE_DAY, last)))
        day = following
    return months


def plan(
    parks: list[LoadPark],
    days: Days,
    first: datetime.date,
    last: datetime.date,
    *,
    seed: int,
    appeals: int,
) -> list[Chunk]:
    """Every (park, month) with its share of the appeals: busier parks, seasonal months, a
    growing district (about +25 % over the range), shares adding up to exactly `appeals`."""
    rng = random.Random(f"{seed}:plan")  # nosec B311 - demo data
    size = {p.number: rng.lognormvariate(0, 0.5) for p in parks}
    months = months_of(first, last)
    cells, weights = [], []
    for index, (month, start, end) in enumerate(months):
        working = days.between(start - ONE_DAY, end)
        season = MONTH_WEIGHT[month.month - 1] * (1 + 0.25 * index / max(len(months) - 1, 1))
        for park in parks:
            cells.append((park, month, start, end))
            weights.append(size[park.number] * season * working)
    shares = [appeals * weight / sum(weights) for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for index in by_remainder[: appeals - sum(counts)]:
        counts[index] += 1
    return [Chunk(*cell, appeals=count) for cell, count in zip(cells, counts, strict=True)]
