"""The rows a chunk's appeals leave in the hub's tables, as the real services would have left
them, with the facts of `onewindow.facts`; written with COPY."""

import datetime
from collections.abc import Iterable, Sequence

from django.db.models import Model

from onewindow.models import (
    Case,
    CaseAnswer,
    CaseArrival,
    CasePause,
    ExtensionRequest,
    WindowRecord,
)

from .journey import CaseState, Journey, Story, case_of
from .plan import PER_MONTH, Chunk

PREFIX = "LOAD"  # tracking numbers LOAD-<park>-<yyyymm>-<n>: what this command wrote

Outcome = WindowRecord.Outcome
Kind = CaseArrival.Kind
ACTED = (Outcome.ACCEPTED, Outcome.ANSWERED, Outcome.REJECTED)
WINDOW_COLUMNS = (
    "park_id", "appeal_id", "tracking_number", "category_id", "submitted_at", "submitted_on",
    "window_due", "outcome", "acted_at", "on_time", "hours_to_accept", "returned_count",
    "staff_id", "staff_name", "resolved", "satisfaction", "updated_at", "answered_at_window",
)  # fmt: skip
CASE_COLUMNS = (
    "id", "park_id", "appeal_id", "tracking_number", "enterprise_name", "enterprise_uscc",
    "category_id", "department_id", "title", "description", "status", "submitted_at",
    "window_due", "accepted_at", "dispatched_at", "due_date", "paused_on", "is_overdue",
    "first_answered_at", "resolved", "satisfaction", "rated_at", "rated_department_id",
    "rehandle_count", "closed_at", "submitted_on", "window_on_time", "clock_started_at",
    "paused_days", "answered_department_id", "first_answer_due", "on_time", "early",
    "handling_days", "transfers", "keywords",
)  # fmt: skip
CASE_TABLES: dict[str, tuple[type[Model], tuple[str, ...]]] = {
    "cases": (Case, CASE_COLUMNS),
    "arrivals": (
        CaseArrival,
        (
            "case_id", "department_id", "kind", "arrived_at", "signed_at", "returned_at",
            "park_id", "category_id", "submitted_on", "sign_by", "signed_in_time",
            "transferred_out",
        ),
    ),
    "answers": (CaseAnswer, ("case_id", "department_id", "text", "answered_at", "due_date")),
    "pauses": (CasePause, ("case_id", "started_on", "ended_on", "working_days")),
    "extensions": (
        ExtensionRequest,
        (
            "case_id", "department_id", "requested_by_id", "days", "reason", "requested_at",
            "status", "decided_by_id", "decided_at", "decision_note", "new_due_date",
        ),
    ),
}  # fmt: skip


def reserve_ids(cursor, model: type[Model], count: int) -> list[int]:
    """`count` primary keys from the table's identity sequence, for rows that others point to."""
    if not count:
        return []
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [model._meta.db_table, count],
    )
    return [row[0] for row in cursor.fetchall()]


def copy_rows(cursor, model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """COPY `rows` into the model's table (psycopg 3); returns how many."""
    count = 0
    statement = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


class AppealRows:
    """A chunk's window records and cases, with their arrivals, answers, pauses, extensions."""

    def __init__(self, journey: Journey, chunk: Chunk):
        self.journey, self.chunk = journey, chunk
        self.days, self.hub = journey.days, journey.hub
        self.park = chunk.park

    def write(self, cursor, stories: list[Story]) -> dict[str, int]:
        """COPY the stories' rows; returns how many rows went into which table."""
        accepted = [story for story in stories if story.case is not None]
        case_ids = reserve_ids(cursor, Case, len(accepted))
        counts = {
            "window records": copy_rows(
                cursor, WindowRecord, WINDOW_COLUMNS, map(self._window_row, stories)
            )
        }
        rows: dict[str, list[tuple]] = {name: [] for name in CASE_TABLES}
        for story, case_id in zip(accepted, case_ids, strict=True):
            self._case_rows(story, case_id, rows)
        for name, (model, columns) in CASE_TABLES.items():
            counts[name] = copy_rows(cursor, model, columns, rows[name])
        return counts

    def tracking_number(self, story: Story) -> str:
        return f"{PREFIX}-{self.park.park.slug}-{self.chunk.yyyymm}-{story.number:05d}"

    def appeal_id(self, story: Story) -> int:
        return self.chunk.yyyymm * PER_MONTH + story.number

    def _window_row(self, story: Story) -> tuple:
        """`appeals.facts.window_facts` of the appeal, as `window_record_store` keeps them."""
        acted = story.acted_at if story.outcome in ACTED else None
        accepted = story.outcome == Outcome.ACCEPTED
        hours = (_acted(story) - story.submitted_at).total_seconds() / 3600 if accepted else None
        staff = story.staff if story.outcome != Outcome.PENDING or story.returned_count else None
        resolved, level = story.rating or (None, None)
        return (
            self.park.park.pk,
            self.appeal_id(story),
            self.tracking_number(story),
            story.category.pk,
            story.submitted_at,
            story.submitted_at.date(),
            story.window_due,
            story.outcome,
            acted,
            _acted(story).date() <= story.window_due if accepted else None,
            round(max(hours, 0), 2) if hours is not None else None,
            story.returned_count,
            staff[0] if staff else None,
            staff[1] if staff else "",
            resolved,
            level,
            self.journey.ceiling,
            story.outcome == Outcome.ANSWERED,
        )

    def _case_rows(self, story: Story, case_id: int, rows: dict[str, list[tuple]]) -> None:
        case = case_of(story)
        submitted_on = story.submitted_at.date()
        facts = self._facts(case)
        first = case.answers[0] if case.answers else None
        resolved, level, rated_at, rated_department = case.rating or (None, None, None, None)
        rows["cases"].append(
            (
                case_id,
                self.park.park.pk,
                self.appeal_id(story),
                self.tracking_number(story),
                *story.enterprise,
                story.category.pk,
                case.department,
                story.title,
                story.description,
                case.status,
                story.submitted_at,
                story.window_due,
                story.acted_at,
                case.dispatched_at,
                case.due,
                case.paused_on,
                case.is_overdue,
                first[2] if first else None,
                resolved,
                level,
                rated_at,
                rated_department,
                case.rehandle_count,
                case.closed_at,
                submitted_on,
                _acted(story).date() <= story.window_due,
                *facts,
                self.hub.keywords_of(story.title, story.description),
            )
        )
        scope = (self.park.park.pk, story.category.pk, submitted_on)
        arrivals = case.arrivals
        for index, (kind, department, arrived, signed, returned) in enumerate(arrivals):
            sign_by = self.days.add(arrived.date(), 1)
            in_time = None if signed is None else signed.date() <= sign_by
            out = index + 1 < len(arrivals) and arrivals[index + 1][0] == Kind.TRANSFER
            row = (case_id, department, kind, arrived, signed, returned, *scope, sign_by, in_time)
            rows["arrivals"].append((*row, out))
        rows["answers"].extend((case_id, *answer) for answer in case.answers)
        rows["pauses"].extend((case_id, *pause) for pause in case.pauses)
        rows["extensions"].extend((case_id, *request) for request in case.extensions)

    def _facts(self, case: CaseState) -> tuple:
        """`onewindow.facts.case_facts`, from the steps instead of the rows: clock start,
        paused days, answered department, first answer's due date, on time, early, handling
        days, transfers."""
        first = case.answers[0] if case.answers else None
        answered = first[2] if first else None
        starts = [
            arrived
            for kind, _department, arrived, _signed, _returned in case.arrivals
            if kind != Kind.TRANSFER and (answered is None or arrived <= answered)
        ]
        clock = max(starts, default=case.dispatched_at)
        since, until = clock.date(), answered.date() if answered else None
        paused = sum(
            days
            for started, ended, days in case.pauses
            if ended is not None and started >= since and (until is None or ended <= until)
        )
        transfers = sum(arrival[0] == Kind.TRANSFER for arrival in case.arrivals)
        if first is None or until is None:
            return (clock, paused, None, None, None, None, None, transfers)
        handling = max(self.days.between(since, until) - paused, 0)
        due = first[3]
        return (clock, paused, first[0], due, until <= due, until < due, handling, transfers)


def _acted(story: Story) -> datetime.datetime:
    assert story.acted_at is not None  # nosec B101 - narrows the type; set by every step
    return story.acted_at
