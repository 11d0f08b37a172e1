"""Working days for the load: the official calendar over a fixed range, looked up."""

import datetime
import random

from core.workdays import WorkingCalendar

ONE_DAY = datetime.timedelta(days=1)
ONE_SECOND = datetime.timedelta(seconds=1)


class Days:
    """`WorkingCalendar` over a fixed range of dates, looked up instead of counted."""

    def __init__(self, calendar: WorkingCalendar, first: datetime.date, last: datetime.date):
        self.base = first.toordinal()
        self.working: list[bool] = []
        self.rank: list[int] = []  # working days from `first` up to and including the day
        self.nth: list[int] = [0]  # offset of the k-th working day
        for offset in range(last.toordinal() - self.base + 1):
            working = calendar.is_working_day(first + offset * ONE_DAY)
            self.working.append(working)
            self.rank.append(len(self.nth) - 1 + working)
            if working:
                self.nth.append(offset)

    def is_working(self, day: datetime.date) -> bool:
        return self.working[day.toordinal() - self.base]

    def add(self, day: datetime.date, count: int) -> datetime.date:
        """The count-th working day after `day` (WorkingCalendar.add_working_days)."""
        rank = self.rank[day.toordinal() - self.base] + count
        return datetime.date.fromordinal(self.base + self.nth[rank])

    def between(self, after: datetime.date, until: datetime.date) -> int:
        """WorkingCalendar.working_days_between."""
        if until <= after:
            return 0
        return self.rank[until.toordinal() - self.base] - self.rank[after.toordinal() - self.base]

    def pick(self, rng: random.Random, first: datetime.date, before: datetime.date):
        """A random working day from `first` up to the day before `before`, or None."""
        low = self.rank[first.toordinal() - self.base] + (not self.is_working(first))
        high = self.rank[before.toordinal() - self.base - 1]
        if low > high:
            return None
        return datetime.date.fromordinal(self.base + self.nth[rng.randint(low, high)])


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
