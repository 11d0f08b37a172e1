"""The service days (企业服务日) of a chunk's park and month, with their bookings, as the
parks' hub sync copies them into the hub."""

import datetime
from collections.abc import Iterable

from demo.servicedays.texts import FOLLOW_UP_NOTES, QUESTIONS, RESOLVED_NOTES, THEMES
from onewindow.models import HubBooking, HubServiceDay

from .days import ONE_DAY, ONE_SECOND
from .journey import Journey
from .plan import CHUNK_DAYS, Chunk
from .rows import copy_rows, reserve_ids

BOOKING_ENDS = (HubBooking.Status.ATTENDED, HubBooking.Status.NO_SHOW, HubBooking.Status.CANCELLED)
CANCEL_REASON = "出席部门当天须参加全区专项检查，无法到场。本场服务日取消，改期后另行通知。"
DAY_COLUMNS = (
    "id", "park_id", "day_id", "title", "date", "start_time", "end_time", "place", "topics",
    "description", "status", "booking_opens_at", "booking_closes_at", "created_by_name",
    "cancel_reason", "synced_at",
)  # fmt: skip
BOOKING_COLUMNS = (
    "hub_day_id", "booking_id", "waitlist_id", "department_id", "slot_starts_at",
    "slot_ends_at", "enterprise_name", "topic", "question", "status", "outcome", "outcome_note",
    "outcome_at", "outcome_by_name", "appeal_number",
)  # fmt: skip


class ServiceDayRows:
    """One or two service days in the chunk's month, hosted by departments of their theme."""

    def __init__(self, journey: Journey, chunk: Chunk):
        self.journey, self.chunk = journey, chunk
        self.days, self.hub, self.rng = journey.days, journey.hub, journey.rng
        self.park = chunk.park

    def write(self, cursor) -> dict[str, int]:
        """COPY the days, their departments and bookings; returns how many rows went where."""
        rng, chunk = self.rng, self.chunk
        end = (chunk.month + 32 * ONE_DAY).replace(day=1)  # the whole month, the future too
        dates = sorted(
            {self.days.pick(rng, chunk.first, end) for _ in range(1 + (rng.random() < 0.4))}
            - {None}
        )
        ids = reserve_ids(cursor, HubServiceDay, len(dates))
        days: list[tuple] = []
        hosts: list[tuple[int, int]] = []
        bookings: list[tuple] = []
        for number, (day_id, date) in enumerate(zip(ids, dates, strict=True), start=1):
            theme = rng.choice(THEMES)
            departments = [
                pk for pk, name in self.hub.departments.items() if name in theme.departments
            ]
            departments = departments or rng.sample(
                sorted(self.hub.departments), min(2, len(self.hub.departments))
            )
            days.append(self._day_row(day_id, number, date, theme))
            hosts.extend((day_id, department) for department in departments)
            bookings.extend(self._bookings(day_id, days[-1], departments))
        through = HubServiceDay.departments.through
        return {
            "service days": copy_rows(cursor, HubServiceDay, DAY_COLUMNS, days),
            "day departments": copy_rows(
                cursor, through, ("hubserviceday_id", "department_id"), hosts
            ),
            "bookings": copy_rows(cursor, HubBooking, BOOKING_COLUMNS, bookings),
        }

    def _day_row(self, day_id: int, number: int, date: datetime.date, theme) -> tuple:
        rng, tz = self.rng, self.journey.tz
        start = datetime.time(9, 30) if theme.morning else datetime.time(14, 0)
        end = datetime.time(start.hour + 3, start.minute)
        if date >= self.journey.today:
            status = HubServiceDay.Status.PUBLISHED
        else:
            cancelled = rng.random() < 0.05
            status = HubServiceDay.Status.CANCELLED if cancelled else HubServiceDay.Status.COMPLETED
        closes = datetime.datetime.combine(date - ONE_DAY, datetime.time(18), tzinfo=tz)
        ends = datetime.datetime.combine(date, end, tzinfo=tz)
        return (
            day_id,
            self.park.park.pk,
            self.chunk.yyyymm * CHUNK_DAYS + number,
            theme.title,
            date,
            start,
            end,
            f"{self.park.park.name}综合服务中心{rng.randint(1, 5)}楼会议室",
            theme.topics,
            theme.description,
            status,
            min(closes - 13 * ONE_DAY, self.journey.ceiling - ONE_DAY),  # open when booked
            closes,
            self.park.staff[0][1],
            CANCEL_REASON if status == HubServiceDay.Status.CANCELLED else "",
            min(ends + 3600 * ONE_SECOND, self.journey.ceiling),
        )

    def _bookings(self, day_id: int, day: tuple, departments: list[int]) -> Iterable[tuple]:
        rng, status = self.rng, day[10]
        start = datetime.datetime.combine(day[4], day[5], tzinfo=self.journey.tz)
        count = rng.randint(3, 8)
        for number in range(1, count + 1):
            department = rng.choice(departments)
            name = self.hub.departments[department]
            topic, question = rng.choice(
                QUESTIONS.get(name) or [t[:2] for t in self.hub.categories[0].topics]
            )
            slot = start + (number - 1) % 6 * 1800 * ONE_SECOND
            waiting = (
                status == HubServiceDay.Status.PUBLISHED and number == count and rng.random() < 0.3
            )
            outcome = outcome_note = ""
            outcome_at = None
            if status == HubServiceDay.Status.COMPLETED:
                state = rng.choices(BOOKING_ENDS, (85, 10, 5))[0]
            elif status == HubServiceDay.Status.CANCELLED:
                state = HubBooking.Status.CANCELLED
            else:
                state = HubBooking.Status.WAITING if waiting else HubBooking.Status.CONFIRMED
            if state == HubBooking.Status.ATTENDED:
                resolved = rng.random() < 0.7
                outcome = HubBooking.Outcome.RESOLVED if resolved else HubBooking.Outcome.FOLLOW_UP
                outcome_note = rng.choice(RESOLVED_NOTES if resolved else FOLLOW_UP_NOTES)
                outcome_at = slot + 2400 * ONE_SECOND
            yield (
                day_id,
                None if waiting else number,
                number if waiting else None,
                department,
                slot,
                slot + 1800 * ONE_SECOND,
                rng.choice(self.park.enterprises)[0],
                topic[:100],
                question,
                state,
                outcome,
                outcome_note,
                outcome_at,
                f"{name}联络员" if outcome else "",
                "",
            )
