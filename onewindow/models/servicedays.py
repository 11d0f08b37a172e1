"""The hub's copy of the parks' service days (企业服务日), for liaisons and district admins.

The park schema holds the real day; the copy here is written only by the park's hub sync
(servicedays.services.hubsync), so the district reads across parks without visiting each
park's schema. It carries what a department prepares from (enterprise name, topic, question)
and nothing more: no contact details, no check-in code.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class HubServiceDay(models.Model):
    """A park's service day as the district hub sees it (服务日副本)."""

    class Status(models.TextChoices):
        # The same values as servicedays.ServiceDay.Status.
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("service day status", "Published")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    park = models.ForeignKey(
        "tenants.Park",
        on_delete=models.CASCADE,
        related_name="hub_service_days",
        verbose_name=_("park"),
    )
    # The ServiceDay's primary key in the park's schema.
    day_id = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=120)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    place = models.CharField(_("place"), max_length=200)
    topics = models.TextField(_("topics"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    booking_opens_at = models.DateTimeField(_("booking opens at"))
    booking_closes_at = models.DateTimeField(_("booking closes at"))
    created_by_name = models.CharField(_("created by"), max_length=150, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    departments = models.ManyToManyField(
        "onewindow.Department",
        related_name="hub_service_days",
        verbose_name=_("hosting departments"),
    )
    synced_at = models.DateTimeField(_("synced at"))
    # Set by the hub when the hosting departments' liaisons were sent the questions (the day
    # before); the park's sync never writes it.
    liaisons_briefed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("service day (hub copy)")
        verbose_name_plural = _("service days (hub copy)")
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.UniqueConstraint(fields=["park", "day_id"], name="hubserviceday_once"),
        ]
        indexes = [models.Index(fields=["date"], name="hubserviceday_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class HubBooking(models.Model):
    """A booking (预约) — or a waiting waitlist entry (候补) — on a service day, as the hub sees
    it: who is coming to which department, and why."""

    class Status(models.TextChoices):
        # servicedays.Booking.Status, plus the waitlist's "waiting".
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")
        WAITING = "waiting", _("Waiting")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Resolved on the spot")
        FOLLOW_UP = "follow_up", _("Follow-up needed")

    hub_day = models.ForeignKey(HubServiceDay, on_delete=models.CASCADE, related_name="bookings")
    # The park's Booking pk, or the park's WaitlistEntry pk for a waiting entry.
    booking_id = models.PositiveIntegerField(null=True, blank=True)
    waitlist_id = models.PositiveIntegerField(null=True, blank=True)
    department = models.ForeignKey(
        "onewindow.Department",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("department"),
    )
    slot_starts_at = models.DateTimeField(_("starts at"))
    slot_ends_at = models.DateTimeField(_("ends at"))
    enterprise_name = models.CharField(_("enterprise"), max_length=120)
    topic = models.CharField(_("topic"), max_length=100)
    question = models.TextField(_("question"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded at"), null=True, blank=True)
    outcome_by_name = models.CharField(_("outcome recorded by"), max_length=150, blank=True)
    # The follow-up appeal's tracking number, once the park window has filed it.
    appeal_number = models.CharField(_("follow-up appeal"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("booking (hub copy)")
        verbose_name_plural = _("bookings (hub copy)")
        ordering = ["slot_starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["hub_day", "booking_id"], name="hubbooking_once"),
            models.UniqueConstraint(
                fields=["hub_day", "waitlist_id"], name="hubbooking_waitlist_once"
            ),
            models.CheckConstraint(
                condition=(
                    Q(booking_id__isnull=False, waitlist_id__isnull=True)
                    | Q(booking_id__isnull=True, waitlist_id__isnull=False, status="waiting")
                ),
                name="hubbooking_booking_or_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_name} {self.topic}"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING
