"""Read side of Open311: the services (appeal categories) and the requests an integrator sees.

An integrator sees the appeals filed with its organisation's keys, nothing else: enterprises'
appeals filed on the site or at the window are theirs and the park's, not the integrator's.
"""

import datetime
import re
import uuid
from dataclasses import dataclass

from django.db.models import CharField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from appeals.forms import active_categories
from appeals.models import TRACKING_NUMBER_RE, Appeal, AppealEvent
from enterprises.models import Enterprise
from onewindow.models import AppealCategory

from .models import Submission

# The default span and size of a query of requests or updates (GeoReport v2, "Response Volume").
DEFAULT_SPAN = datetime.timedelta(days=90)
MAX_RESULTS = 1000
S = Appeal.Status
# Every status of an appeal as Open311's two: closed once the park or the department has
# answered it, refused it, or it is closed; open while it waits at the window, with the
# enterprise or with the department. A dissatisfied rating re-opens an answered appeal.
OPEN311_STATUS: dict[str, str] = {
    S.SUBMITTED: "open",
    S.RETURNED: "open",
    S.DISPATCHED: "open",
    S.INFO_REQUESTED: "open",
    S.ANSWERED: "closed",
    S.REJECTED: "closed",
    S.CLOSED: "closed",
    S.CLOSED_UNRATED: "closed",
}
OPEN_STATUSES = frozenset(status for status, word in OPEN311_STATUS.items() if word == "open")
# service_code is the category's id, written with at least three digits ("007").
_SERVICE_CODE = re.compile(r"^\d{1,9}$")


def service_code(category: AppealCategory) -> str:
    return f"{category.pk:03d}"


def services_offered() -> QuerySet[AppealCategory]:
    """The categories an enterprise may file an appeal under (the site's form offers these)."""
    return active_categories().select_related("default_department")


def service_get(code: str) -> AppealCategory | None:
    """An offered category by its service_code, or None."""
    if not _SERVICE_CODE.match(code or ""):
        return None
    return services_offered().filter(pk=int(code)).first()


def _category_ids(codes: list[str]) -> list[int]:
    return [int(code) for code in codes if _SERVICE_CODE.match(code)]


def enterprise_by_uscc(uscc: str) -> Enterprise | None:
    """The park's verified enterprise holding this credit code (only a verified one holds it)."""
    return (
        Enterprise.objects.filter(status=Enterprise.Status.VERIFIED, uscc=uscc.strip().upper())
        .select_related("account")
        .first()
    )


@dataclass(frozen=True)
class Span:
    """The requested_datetime (or update time) range of a query."""

    start: datetime.datetime
    end: datetime.datetime


def span_default(start: datetime.datetime | None, end: datetime.datetime | None) -> Span:
    """The range asked for, or the most recent 90 days; one side given: 90 days from it.
    Raises OverflowError at the edges of the calendar, ValueError for a range the spec
    refuses (end before start, longer than 90 days)."""
    if start is None:
        end = end or timezone.now()
        start = end - DEFAULT_SPAN
    elif end is None:
        end = start + DEFAULT_SPAN
    if end < start:
        raise ValueError("end_before_start")
    if end - start > DEFAULT_SPAN:
        raise ValueError("span_too_long")
    return Span(start, end)


def _last_public_step():
    return Max("events__at", filter=Q(events__is_public=True))


def requests_for(organisation: str) -> QuerySet[Appeal]:
    """The appeals filed with this organisation's keys, with what a request shows."""
    return (
        Appeal.objects.filter(open311_submission__organisation=organisation)
        .select_related("category", "department", "open311_submission")
        .annotate(last_public_step_at=_last_public_step())
        .order_by("-submitted_at", "-pk")
    )


def tracking_numbers(ids: list[str]) -> list[str]:
    """The ids that can be tracking numbers (others name no request), at most MAX_RESULTS."""
    numbers = (number.upper() for number in ids)
    return [number for number in numbers if TRACKING_NUMBER_RE.match(number)][:MAX_RESULTS]


def requests_by_ids(*, organisation: str, ids: list[str]) -> list[Appeal]:
    """GET requests with service_request_id, which overrides every other filter."""
    return list(requests_for(organisation).filter(tracking_number__in=tracking_numbers(ids)))


def requests_query(
    *, organisation: str, codes: list[str], statuses: set[str], span: Span
) -> list[Appeal]:
    """GET requests by service codes, open/closed and the submission range; at most
    MAX_RESULTS, the newest first."""
    appeals = requests_for(organisation)
    appeals = appeals.filter(submitted_at__gte=span.start, submitted_at__lte=span.end)
    if codes:
        appeals = appeals.filter(category_id__in=_category_ids(codes))
    if statuses == {"open"}:
        appeals = appeals.filter(status__in=OPEN_STATUSES)
    elif statuses == {"closed"}:
        appeals = appeals.exclude(status__in=OPEN_STATUSES)
    return list(appeals[:MAX_RESULTS])


def request_get(*, organisation: str, tracking_number: str) -> Appeal | None:
    numbers = tracking_numbers([tracking_number])
    return requests_for(organisation).filter(tracking_number__in=numbers).first()


def request_by_token(*, organisation: str, token: str) -> Submission | None:
    try:
        value = uuid.UUID(token)
    except ValueError:
        return None  # not a token we could have given
    return (
        Submission.objects.select_related("appeal")
        .filter(organisation=organisation, token=value)
        .first()
    )


def updates_query(*, organisation: str, ids: list[str], span: Span | None) -> list[AppealEvent]:
    """The public steps of the organisation's requests, oldest first: of the requests asked
    for by id (the range is then ignored, as for GET requests), else in the range; each with
    the appeal's status after it (`status_after`: the last status change up to it)."""
    status_then = (
        AppealEvent.objects.filter(appeal=OuterRef("appeal"))
        .filter(Q(at__lt=OuterRef("at")) | Q(at=OuterRef("at"), pk__lte=OuterRef("pk")))
        .exclude(to_status="")
        .order_by("-at", "-pk")
        .values("to_status")[:1]
    )
    events = (
        AppealEvent.objects.filter(
            is_public=True, appeal__open311_submission__organisation=organisation
        )
        .select_related("appeal")
        .annotate(
            status_after=Coalesce(
                Subquery(status_then, output_field=CharField()),
                Value(Appeal.Status.SUBMITTED.value),
            )
        )
        .order_by("at", "pk")
    )
    if ids or span is None:
        events = events.filter(appeal__tracking_number__in=tracking_numbers(ids))
    else:
        events = events.filter(at__gte=span.start, at__lte=span.end)
    return list(events[:MAX_RESULTS])
