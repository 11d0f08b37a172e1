"""Read-side of appeals. Every object lookup for a user goes through one function here."""

import datetime

from django.db.models import Case, F, Q, When
from django.http import Http404
from django.utils import timezone

from core.rates import Rate
from core.workdays import WorkingCalendar

from .models import TRACKING_NUMBER_RE, Appeal, AppealAttachment


def appeal_get_for_enterprise(*, user, tracking_number: str) -> Appeal:
    """The user's own enterprise's appeal, or 404 (another enterprise's looks like none)."""
    appeal = (
        Appeal.objects.select_related("enterprise", "category")
        .filter(tracking_number=tracking_number, enterprise__account=user)
        .first()
    )
    if appeal is None:
        raise Http404
    return appeal


def appeal_get_for_window(*, tracking_number: str) -> Appeal:
    appeal = (
        Appeal.objects.select_related("enterprise", "category", "department")
        .filter(tracking_number=tracking_number)
        .first()
    )
    if appeal is None:
        raise Http404
    return appeal


def appeal_get_for_user(*, user, tracking_number: str) -> Appeal:
    if user.is_authenticated and user.is_window_staff:
        return appeal_get_for_window(tracking_number=tracking_number)
    if user.is_authenticated and user.is_enterprise:
        return appeal_get_for_enterprise(user=user, tracking_number=tracking_number)
    raise Http404


def attachment_get_for_user(*, user, tracking_number: str, pk: int) -> AppealAttachment:
    appeal = appeal_get_for_user(user=user, tracking_number=tracking_number)
    attachment = appeal.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def appeal_list_for_enterprise(*, user, status: str = ""):
    """The user's own enterprise's appeals, newest first; only those in `status` if given."""
    appeals = Appeal.objects.filter(enterprise__account=user).select_related("category")
    return appeals.filter(status=status) if status else appeals


def appeal_submitted_with_key(*, enterprise, submission_key) -> bool:
    """Whether the enterprise already filed an appeal with this form's one-time key."""
    return Appeal.objects.filter(enterprise=enterprise, submission_key=submission_key).exists()


QUEUE_FILTERS = ("all", "due_soon", "overdue")


def appeal_queue(
    *, query: str = "", status: str = "", category_id: int | None = None, due: str = "all"
):
    """The window's queue: by text, status, category, and how close the window deadline is."""
    # Waiting appeals first, the most urgent on top; then the rest, newest first.
    appeals = Appeal.objects.select_related("enterprise", "category").order_by(
        Case(When(status=Appeal.Status.SUBMITTED, then=F("window_due"))).asc(nulls_last=True),
        "-submitted_at",
    )
    if query.strip():
        text = query.strip()
        appeals = appeals.filter(
            Q(tracking_number__iexact=text)
            | Q(title__icontains=text)
            | Q(enterprise__name__icontains=text)
        )
    if status:
        appeals = appeals.filter(status=status)
    if category_id:
        appeals = appeals.filter(category_id=category_id)
    today = timezone.localdate()
    if due == "overdue":
        appeals = appeals.window_overdue(today)
    elif due == "due_soon":
        appeals = appeals.window_due_soon(today, WorkingCalendar.load().add_working_days(today, 1))
    return appeals


def appeal_lookup(*, tracking_number: str, mobile: str) -> Appeal | None:
    """Progress lookup without login: the tracking number and the enterprise's registered
    mobile number must both match; a wrong one of either gives the same None."""
    tracking_number = tracking_number.strip().upper()
    if not TRACKING_NUMBER_RE.match(tracking_number):
        return None
    return Appeal.objects.filter(
        tracking_number=tracking_number, enterprise__mobile=mobile.strip()
    ).first()


def appeal_by_secret(*, secret: str) -> Appeal | None:
    if not secret or len(secret) > 64:
        return None
    return Appeal.objects.filter(secret=secret).first()


def public_events(appeal: Appeal):
    return appeal.events.filter(is_public=True)


def window_counts(*, today: datetime.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return {
        "waiting": Appeal.objects.at_window().count(),
        "overdue": Appeal.objects.window_overdue(today).count(),
    }


def window_figures(
    *, period_start: datetime.date | None = None, period_end: datetime.date | None = None
) -> dict:
    """The park window's own figures (in the current park), for appeals submitted in the period
    (Asia/Shanghai dates): what reached it, what it accepted, answered itself or rejected, and
    the window on-time rate 窗口按时受理率 — accepted (or answered at the window) on or before
    the window due date / accepted. Unlike the hub's figures, these include window-closed appeals.
    """
    appeals = Appeal.objects.all()
    if period_start:
        appeals = appeals.filter(submitted_at__date__gte=period_start)
    if period_end:
        appeals = appeals.filter(submitted_at__date__lte=period_end)
    accepted = list(
        appeals.filter(accepted_at__isnull=False).values_list("accepted_at", "window_due")
    )
    on_time = sum(timezone.localdate(at) <= due for at, due in accepted)
    return {
        "received": appeals.count(),
        "dispatched": appeals.filter(sent_to_hub=True).count(),
        "answered_at_window": appeals.filter(accepted_at__isnull=False, sent_to_hub=False).count(),
        "rejected": appeals.filter(status=Appeal.Status.REJECTED).count(),
        "window_on_time": Rate(on_time, len(accepted)),
    }
