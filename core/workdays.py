"""Working days on China's official calendar (工作日), with 调休 make-up days.

The official holidays and make-up working days come from the chinesecalendar package; district
overrides (the hub's CalendarOverride, read through `overrides_source_set`) win over it. For a year the package does not cover yet, Monday to
Friday are working days unless overridden, and `uncovered_years` tells the hub to warn.

Counting rule (DESIGN.md): a clock of N working days started on day D is due at the end of the
N-th working day after D; D itself never counts.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import chinese_calendar

ONE_DAY = datetime.timedelta(days=1)


def _no_overrides() -> Iterable[tuple[datetime.date, bool]]:
    return ()


# Where the district's overrides are read from: the hub sets it in its AppConfig.ready().
_overrides_source: Callable[[], Iterable[tuple[datetime.date, bool]]] = _no_overrides


def overrides_source_set(source: Callable[[], Iterable[tuple[datetime.date, bool]]]) -> None:
    """Name the function giving (date, is working day) overrides (called once at start-up)."""
    global _overrides_source
    _overrides_source = source


def _package_says_working(day: datetime.date) -> bool | None:
    """The package's answer, or None for a year it does not cover."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def year_is_covered(year: int) -> bool:
    return _package_says_working(datetime.date(year, 6, 1)) is not None


def uncovered_years(years: Iterable[int]) -> list[int]:
    return sorted(year for year in set(years) if not year_is_covered(year))


@dataclass
class WorkingCalendar:
    """The official calendar plus the district's overrides (date → is working day)."""

    overrides: dict[datetime.date, bool] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "WorkingCalendar":
        """The calendar with the district's overrides as they are now (from the hub)."""
        return cls(overrides=dict(_overrides_source()))

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        official = _package_says_working(day)
        return official if official is not None else day.weekday() < 5

    def add_working_days(self, start: datetime.date, count: int) -> datetime.date:
        """The count-th working day after start (start itself never counts)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        day, found = start, 0
        while found < count:
            day += ONE_DAY
            found += self.is_working_day(day)
        return day

    def working_days_between(self, after: datetime.date, until: datetime.date) -> int:
        """Working days from the day after `after` up to and including `until`."""
        count, day = 0, after
        while day < until:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count

    def due_after_pause(
        self, due: datetime.date, requested: datetime.date, replied: datetime.date
    ) -> datetime.date:
        """A request for more information pauses the clock: the due date moves later by the
        working days from the day after the request up to and including the reply."""
        paused = self.working_days_between(requested, replied)
        return self.add_working_days(due, paused) if paused else due
