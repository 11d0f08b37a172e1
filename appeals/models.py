import datetime
import re
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.messaging import OutboxBase, ReceiptBase
from core.storage import private_storage, private_upload_to
from core.timeline import TimelineEventBase

from .querysets import AppealQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A tracking number: park code, day, the park's daily sequence (TAYG-20261128-0042).
TRACKING_NUMBER_RE = re.compile(r"^[A-Z]{2,6}-\d{8}-\d{4,6}$")


def new_secret() -> str:
    """The progress-lookup secret: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


class Satisfaction(models.IntegerChoices):
    """Five levels of satisfaction (after GB/T 39734)."""

    VERY_SATISFIED = 1, _("Very satisfied")
    SATISFIED = 2, _("Satisfied")
    FAIRLY_SATISFIED = 3, _("Fairly satisfied")
    DISSATISFIED = 4, _("Dissatisfied")
    VERY_DISSATISFIED = 5, _("Very dissatisfied")


SATISFIED_LEVELS = {
    Satisfaction.VERY_SATISFIED,
    Satisfaction.SATISFIED,
    Satisfaction.FAIRLY_SATISFIED,
}


class Appeal(models.Model):
    """An enterprise appeal (诉求) as the park sees it: from intake to the enterprise's rating."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting acceptance")  # 待受理
        RETURNED = "returned", _("Returned for more information")  # 待补正
        REJECTED = "rejected", _("Not accepted")  # 不予受理
        DISPATCHED = "dispatched", _("Being handled by the department")  # 已受理，办理中
        INFO_REQUESTED = "info_requested", _("The department needs more information")
        ANSWERED = "answered", _("Answered, awaiting your rating")  # 已答复，待评价
        CLOSED = "closed", _("Closed")  # 已办结
        CLOSED_UNRATED = "closed_unrated", _("Closed without rating")

    tracking_number = models.CharField(_("tracking number"), max_length=30, unique=True)
    secret = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    # The form's one-time key: a double click or a resubmitted form finds the same appeal.
    # Unique per enterprise: a key known to someone else never finds this enterprise's appeal.
    submission_key = models.UUIDField(editable=False)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("enterprise"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filed_at_window = models.BooleanField(_("filed at the window"), default=False)
    sent_to_hub = models.BooleanField(_("sent to the district"), default=False)
    # Categories and departments live in the hub (public schema); no constraint crosses schemas.
    category = models.ForeignKey(
        "onewindow.AppealCategory",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("category"),
    )
    department = models.ForeignKey(
        "onewindow.Department",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    title = models.CharField(_("title"), max_length=100)
    description = models.TextField(_("description"), max_length=4000)
    contact_name = models.CharField(_("contact name"), max_length=60)
    contact_mobile = models.CharField(_("contact mobile number"), max_length=20)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    window_due = models.DateField(_("window due date"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    department_due = models.DateField(_("department due date"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=60, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    info_request = models.TextField(_("information requested"), blank=True)
    resolved = models.BooleanField(_("resolved"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), choices=Satisfaction.choices, null=True, blank=True
    )
    rating_comment = models.CharField(_("comment"), max_length=500, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    rehandle_count = models.PositiveSmallIntegerField(_("times re-handled"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The window staff member who last acted on it, and the times it went back for 补正: the
    # window scorecards count them (`appeals.facts`).
    window_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("window staff"),
    )
    returned_count = models.PositiveSmallIntegerField(_("times returned"), default=0)
    # The window's own answer and the enterprise's rating of it, kept apart from the fields a
    # later department answer and rating overwrite: a dissatisfied rating of a window answer
    # stays in the window's appraisal even when the window then dispatches the appeal.
    window_answered_at = models.DateTimeField(null=True, blank=True)
    window_resolved = models.BooleanField(null=True, blank=True)
    window_satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "window_due"], name="appeal_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "submission_key"], name="appeal_submission_key_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.title}"

    @property
    def is_open_at_window(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def allowed_actions(self, user) -> frozenset:
        """What `user` may do to this appeal now (`appeals.lifecycle.AppealAction` values)."""
        # The lifecycle is built on this model, so it is imported when first asked.
        from .lifecycle import appeal_allowed_actions  # noqa: PLC0415 - lifecycle imports this module

        return appeal_allowed_actions(self, user)

    def window_overdue(self, today: datetime.date) -> bool:
        return self.is_open_at_window and today > self.window_due


class AppealAttachment(models.Model):
    """A file attached to an appeal: by the enterprise, the window, or with the answer."""

    class Source(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        WINDOW = "window", _("Park window")
        DEPARTMENT = "department", _("Department")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=private_upload_to, max_length=200)
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    source = models.CharField(max_length=12, choices=Source.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class AppealEvent(TimelineEventBase):
    """One step on an appeal's timeline (办理记录). Written once, never changed."""

    class Actor(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        WINDOW = "window", _("Park window")
        DEPARTMENT = "department", _("Department")
        SYSTEM = "system", _("System")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    actor = models.CharField(max_length=12, choices=Actor.choices)
    is_public = models.BooleanField(default=True)

    translated_params = {"level": lambda level: Satisfaction(level).label}

    class Meta(TimelineEventBase.Meta):
        pass

    @property
    def from_label(self) -> "StrOrPromise":
        return Appeal.Status(self.from_status).label if self.from_status else ""

    @property
    def to_label(self) -> "StrOrPromise":
        return Appeal.Status(self.to_status).label if self.to_status else ""


class DailySequence(models.Model):
    """The last tracking-number sequence handed out on a day (per park: per schema)."""

    day = models.DateField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day} {self.last}"


class OutboxMessage(OutboxBase):
    """A message from this park to the hub, written in the transaction that caused it and
    delivered after commit; re-sent by the beat sweep until the hub has taken it."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="+")

    class Meta(OutboxBase.Meta):
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(delivered_at__isnull=True),
                name="outbox_pending",
            )
        ]


class ReceivedMessage(ReceiptBase):
    """A hub message already applied here: the same message delivered twice applies once."""
