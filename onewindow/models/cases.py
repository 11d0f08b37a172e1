"""The hub's side of an appeal: the case a department works on (工单).

Foreign keys to accounts are DO_NOTHING on purpose: a park schema's search path also reaches
these public tables, so Django's delete collector, deleting a park account, would otherwise
look here for rows of a hub account that merely has the same id. The database constraint (hub
rows to hub accounts) keeps integrity; hub accounts are deactivated, not deleted."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.messaging import OutboxBase, ReceiptBase
from core.storage import private_storage, private_upload_to
from core.timeline import TimelineEventBase

from ..querysets import CaseQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Case(models.Model):
    """An appeal pushed from a park window to the district hub (派单工单).

    It carries what the department needs (park, enterprise name and USCC, category, text,
    attachments) and nothing more: no contact details, no account.
    """

    class Status(models.TextChoices):
        DISPATCHED = "dispatched", _("Awaiting sign-for")  # 待签收
        IN_PROGRESS = "in_progress", _("In progress")  # 办理中
        INFO_REQUESTED = "info_requested", _("Waiting for the enterprise")  # 待补充材料
        RETURNED = "returned", _("Returned for re-dispatch")  # 退单待仲裁
        ANSWERED = "answered", _("Answered")  # 已答复
        CLOSED = "closed", _("Closed")  # 已办结

    park = models.ForeignKey(
        "tenants.Park", on_delete=models.PROTECT, related_name="cases", verbose_name=_("park")
    )
    appeal_id = models.PositiveBigIntegerField()
    tracking_number = models.CharField(_("tracking number"), max_length=30, unique=True)
    enterprise_name = models.CharField(_("enterprise"), max_length=120)
    enterprise_uscc = models.CharField(_("unified social credit code"), max_length=18)
    category = models.ForeignKey(
        "onewindow.AppealCategory",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("category"),
    )
    department = models.ForeignKey(
        "onewindow.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("department"),
    )
    title = models.CharField(_("title"), max_length=100)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DISPATCHED
    )
    # The window's clock, carried for the window on-time rate.
    submitted_at = models.DateTimeField(_("submitted at"))
    window_due = models.DateField(_("window due date"))
    accepted_at = models.DateTimeField(_("accepted at"))
    # The department clock in force (extensions and pauses move it).
    dispatched_at = models.DateTimeField(_("dispatched at"), default=timezone.now)
    due_date = models.DateField(_("due date"))
    paused_on = models.DateField(_("paused on"), null=True, blank=True)
    is_overdue = models.BooleanField(_("overdue"), default=False)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    # The last rating the enterprise gave, and for whose answer.
    resolved = models.BooleanField(_("resolved"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    rated_department = models.ForeignKey(
        "onewindow.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rehandle_count = models.PositiveSmallIntegerField(_("times re-handled"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Appraisal facts (考核要素): kept by the lifecycle through `onewindow.facts.case_facts_store`
    # whenever the case changes, so every dashboard figure is an SQL aggregate over them.
    submitted_on = models.DateField(_("submitted on"), null=True)
    window_on_time = models.BooleanField(null=True)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    paused_days = models.PositiveSmallIntegerField(default=0)
    answered_department = models.ForeignKey(
        "onewindow.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    first_answer_due = models.DateField(null=True, blank=True)
    on_time = models.BooleanField(null=True)
    early = models.BooleanField(null=True)
    handling_days = models.PositiveSmallIntegerField(null=True, blank=True)
    transfers = models.PositiveSmallIntegerField(default=0)
    keywords = ArrayField(models.CharField(max_length=20), default=list, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["park", "appeal_id"], name="one_case_per_appeal")
        ]
        indexes = [
            models.Index(fields=["submitted_on", "park"], name="case_period"),
            GinIndex(fields=["keywords"], name="case_keywords"),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.ANSWERED, self.Status.CLOSED)

    @property
    def clock_running(self) -> bool:
        """The department clock runs until an answer, and stands still while paused."""
        return self.status in (self.Status.DISPATCHED, self.Status.IN_PROGRESS)

    def allowed_actions(self, user) -> frozenset:
        """What `user` may do to this case now (`onewindow.lifecycle.CaseAction` values)."""
        # The lifecycle is built on this model, so it is imported when first asked.
        from ..lifecycle import case_allowed_actions  # noqa: PLC0415 - lifecycle imports this module

        return case_allowed_actions(self, user)


class CaseArrival(models.Model):
    """One arrival of a case at a department: dispatch, re-dispatch after 退单, or transfer in.

    Response and return rates count arrivals, each for the department it arrived at.
    """

    class Kind(models.TextChoices):
        DISPATCH = "dispatch", _("Dispatched")
        REDISPATCH = "redispatch", _("Re-dispatched")
        TRANSFER = "transfer", _("Transferred in")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="arrivals")
    department = models.ForeignKey(
        "onewindow.Department", on_delete=models.PROTECT, related_name="arrivals"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    arrived_at = models.DateTimeField(default=timezone.now)
    signed_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    # Appraisal facts, kept with the case's (`onewindow.facts`); the case's scope is copied so
    # the department figures group without a join.
    park = models.ForeignKey("tenants.Park", on_delete=models.PROTECT, null=True, related_name="+")
    category = models.ForeignKey(
        "onewindow.AppealCategory", on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_on = models.DateField(null=True)
    sign_by = models.DateField(null=True)
    signed_in_time = models.BooleanField(null=True)
    transferred_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["arrived_at", "id"]
        indexes = [
            models.Index(fields=["submitted_on", "department"], name="arrival_period"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.department_id}"


class CaseAnswer(models.Model):
    """A department's answer (答复). The first one counts for on-time and handling days."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="answers")
    department = models.ForeignKey(
        "onewindow.Department", on_delete=models.PROTECT, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, null=True, related_name="+"
    )
    text = models.TextField(_("answer"), max_length=4000)
    answered_at = models.DateTimeField(default=timezone.now)
    due_date = models.DateField(help_text="The due date in force when the answer was given.")

    class Meta:
        ordering = ["answered_at", "id"]

    def __str__(self) -> str:
        return self.text[:40]


class CasePause(models.Model):
    """A wait for the enterprise's information (补充材料): the department clock stands still.

    The working days it lasted move the due date and are not the department's handling time."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pauses")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    working_days = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["started_on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.started_on}–{self.ended_on or ''}"


class CaseAttachment(models.Model):
    """A file on a case: the enterprise's (stored by its park) or the department's."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    answer = models.ForeignKey(
        CaseAnswer, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to=private_upload_to, max_length=200)
    name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    from_enterprise = models.BooleanField(default=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CaseEvent(TimelineEventBase):
    """One step on the hub's timeline of a case. Written once, never changed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, null=True, related_name="+"
    )

    class Meta(TimelineEventBase.Meta):
        pass

    @property
    def to_label(self) -> "StrOrPromise":
        return Case.Status(self.to_status).label if self.to_status else ""


class ExtensionRequest(models.Model):
    """A department's request for more time (延期申请), decided by a district admin."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DENIED = "denied", _("Denied")
        WITHDRAWN = "withdrawn", _("Withdrawn (the case was answered)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    department = models.ForeignKey(
        "onewindow.Department", on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, related_name="+"
    )
    days = models.PositiveSmallIntegerField(_("extra working days"))
    reason = models.CharField(_("reason"), max_length=500)
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=500, blank=True)
    new_due_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="pending"),
                name="one_pending_extension_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} +{self.days}"


class ParkMessage(OutboxBase):
    """A message from the hub to a park (outbox), re-sent by the sweep until the park took it."""

    park = models.ForeignKey("tenants.Park", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")

    class Meta(OutboxBase.Meta):
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(delivered_at__isnull=True),
                name="park_message_pending",
            )
        ]


class ReceivedMessage(ReceiptBase):
    """A park message already applied at the hub: delivered twice, it applies once."""
