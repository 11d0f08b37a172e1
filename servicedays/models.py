import datetime
import enum
import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Role
from core.messaging import OutboxBase

from .choices import SEAT_HOLDING, BookingStatus, WaitlistStatus
from .querysets import BookingQuerySet, ServiceDayQuerySet, SlotQuerySet, WaitlistQuerySet

# Service days happen in Shenzhen, whatever time zone a session has activated.
SHANGHAI = ZoneInfo("Asia/Shanghai")

# The park's office for service days: who sets days up and checks enterprises in on the day.
OFFICE_ROLES = (Role.WINDOW_STAFF, Role.PARK_OPERATOR)


def _is_office(user) -> bool:
    return user.is_authenticated and user.role in OFFICE_ROLES


# Typed at the window from a phone screen: upper case, no 0/O, 1/I/L look-alikes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10  # 31**10: about 49 random bits; every use also needs the owner's or staff login


def new_booking_code() -> str:
    """The check-in code, shown as text (in two groups) and as a QR code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_booking_code(text: str) -> str:
    """What a person typed, as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _department_fk(**extra):
    # Departments live in the hub (public schema); no constraint crosses schemas.
    return models.ForeignKey(
        "onewindow.Department",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("department"),
        **extra,
    )


class ServiceDay(models.Model):
    """An enterprise service day (企业服务日): district departments come to the park for
    on-site consultation, in bookable slots."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("service day status", "Published")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    class BookingState(models.TextChoices):
        """Why a day can or cannot be booked at a given moment."""

        OPEN = "open", _("Open for booking")
        NOT_PUBLISHED = "not_published", _("Not published")
        CANCELLED = "cancelled", _("Cancelled")
        OVER = "over", _("Over")
        NOT_YET_OPEN = "not_yet_open", _("Booking not open yet")
        CLOSED = "closed", _("Booking closed")

    class Action(enum.StrEnum):
        """What the park's office does to a whole day."""

        PUBLISH = "publish"
        CANCEL = "cancel"

    title = models.CharField(_("title"), max_length=120)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    place = models.CharField(_("place"), max_length=200)
    topics = models.TextField(_("topics"), blank=True)
    description = models.TextField(_("description"), blank=True)
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=30)
    seats_per_slot = models.PositiveSmallIntegerField(_("seats per slot"), default=1)
    booking_opens_at = models.DateTimeField(_("booking opens at"))
    booking_closes_at = models.DateTimeField(_("booking closes at"))
    bookings_per_enterprise = models.PositiveSmallIntegerField(
        _("bookings per enterprise"), default=1
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Who set it up: a park account's name, or a hub liaison's / district admin's (no FK: the
    # hub's accounts live in another schema).
    created_by_name = models.CharField(_("created by"), max_length=150, blank=True)
    # The set-up form's one-time key: a double click or a resent form finds the same day (none
    # for days set up by a script).
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_by_name = models.CharField(_("cancelled by"), max_length=150, blank=True)

    objects = ServiceDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("service day")
        verbose_name_plural = _("service days")
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="serviceday_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(booking_closes_at__gt=F("booking_opens_at")),
                name="serviceday_booking_window",
            ),
            models.CheckConstraint(condition=Q(slot_minutes__gt=0), name="serviceday_slot_len"),
            models.CheckConstraint(
                condition=Q(bookings_per_enterprise__gt=0), name="serviceday_per_enterprise"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=SHANGHAI)

    @property
    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=SHANGHAI)

    def booking_state(self, now: datetime.datetime) -> str:
        if self.status == self.Status.CANCELLED:
            return self.BookingState.CANCELLED
        if self.status == self.Status.COMPLETED or now >= self.ends_at:
            return self.BookingState.OVER
        if self.status != self.Status.PUBLISHED:
            return self.BookingState.NOT_PUBLISHED
        if now < self.booking_opens_at:
            return self.BookingState.NOT_YET_OPEN
        if now >= self.booking_closes_at:
            return self.BookingState.CLOSED
        return self.BookingState.OPEN

    def is_bookable(self, now: datetime.datetime) -> bool:
        return self.booking_state(now) == self.BookingState.OPEN

    def is_before_cutoff(self, now: datetime.datetime) -> bool:
        return now < self.booking_closes_at

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def allowed_actions(self, user, now: datetime.datetime) -> frozenset["ServiceDay.Action"]:
        """What `user` may do to the day now: the park's office publishes a draft, and calls
        off a day that is neither over nor begun. The services check again under the lock."""
        if not _is_office(user):
            return frozenset()
        still_planned = self.status in (self.Status.DRAFT, self.Status.PUBLISHED)
        allowed = {
            self.Action.PUBLISH: self.is_draft,
            self.Action.CANCEL: still_planned and now < self.starts_at,
        }
        return frozenset(action for action, ok in allowed.items() if ok)


class ServiceDayDepartment(models.Model):
    """A department hosting a service day (出席部门), with its seats per slot."""

    service_day = models.ForeignKey(
        ServiceDay, on_delete=models.CASCADE, related_name="departments"
    )
    department = _department_fk()
    seats_per_slot = models.PositiveSmallIntegerField(_("seats per slot"))

    class Meta:
        verbose_name = _("hosting department")
        verbose_name_plural = _("hosting departments")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_day", "department"], name="servicedaydepartment_once"
            ),
            models.CheckConstraint(condition=Q(seats_per_slot__gt=0), name="hosting_seats"),
        ]

    def __str__(self) -> str:
        return f"{self.service_day_id}/{self.department_id}"


class Slot(models.Model):
    """A bookable time (时段) with one department on a service day."""

    service_day = models.ForeignKey(ServiceDay, on_delete=models.CASCADE, related_name="slots")
    department = _department_fk()
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("seats"))
    # Seats taken by bookings that are not cancelled; kept in step by the services under the
    # slot's row lock, and backed by the check constraints below.
    booked = models.PositiveSmallIntegerField(_("seats booked"), default=0)

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["starts_at", "department_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_day", "department", "starts_at"], name="slot_once"
            ),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="slot_not_over"),
            models.CheckConstraint(condition=Q(booked__gte=0), name="slot_booked_not_negative"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_times"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.department_id}"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.booked, 0)

    @property
    def is_full(self) -> bool:
        return self.booked >= self.capacity


class Booking(models.Model):
    """A booking (预约) of a slot by an enterprise, with its question prepared in advance."""

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Resolved on the spot")
        FOLLOW_UP = "follow_up", _("Follow-up needed")

    Status = BookingStatus

    class Action(enum.StrEnum):
        """What is done to a booking: by the enterprise that made it, or at the park window."""

        CANCEL = "cancel"
        MOVE = "move"  # to another slot of the same day
        CHECK_IN = "check_in"  # 签到, on the day
        RECORD_OUTCOME = "record_outcome"
        FILE_APPEAL = "file_appeal"  # the follow-up becomes an appeal (诉求)

    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    # Denormalised from the slot for the one-booking-per-enterprise-per-day rule.
    service_day = models.ForeignKey(ServiceDay, on_delete=models.PROTECT, related_name="bookings")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="service_day_bookings",
        verbose_name=_("enterprise"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=100)
    question = models.TextField(_("question"), max_length=2000)
    code = models.CharField(
        _("check-in code"), max_length=32, unique=True, default=new_booking_code, editable=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by_name = models.CharField(_("checked in by"), max_length=150, blank=True)
    # Claimed once each by the reminder task (the day before, an hour before).
    reminded_day_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_hour_before_at = models.DateTimeField(null=True, blank=True, editable=False)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), max_length=2000, blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded at"), null=True, blank=True)
    outcome_by_name = models.CharField(_("outcome recorded by"), max_length=150, blank=True)
    # A follow-up turned into an appeal (诉求); the appeal finds its booking through
    # `appeal.service_day_booking`.
    appeal = models.OneToOneField(
        "appeals.Appeal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_day_booking",
        verbose_name=_("follow-up appeal"),
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "enterprise"],
                condition=Q(status__in=SEAT_HOLDING),
                name="booking_one_per_enterprise_per_slot",
            ),
        ]
        indexes = [models.Index(fields=["service_day", "enterprise"], name="booking_by_day")]

    def __str__(self) -> str:
        return f"{self.code} {self.topic}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def allowed_actions(self, user, now: datetime.datetime) -> frozenset["Booking.Action"]:
        """What `user` may do to this booking now: the enterprise that made it cancels or moves
        it; the park's office checks it in and records the outcome; the window files the
        follow-up as an appeal. The services check again under the lock."""
        if not user.is_authenticated:
            return frozenset()
        if user.is_enterprise and self.enterprise.account_id == user.pk:
            return self._enterprise_actions(now)
        if _is_office(user):
            # The day of the service (in Shenzhen), as booking_check_in counts it.
            return self._office_actions(user, now.astimezone(SHANGHAI).date())
        return frozenset()

    def _enterprise_actions(self, now: datetime.datetime) -> frozenset["Booking.Action"]:
        if not self.is_confirmed:
            return frozenset()
        day = self.service_day
        allowed = {
            self.Action.CANCEL: day.is_before_cutoff(now),
            self.Action.MOVE: day.is_bookable(now),
        }
        return frozenset(action for action, ok in allowed.items() if ok)

    def _office_actions(self, user, today: datetime.date) -> frozenset["Booking.Action"]:
        not_filed = self.appeal_id is None
        allowed = {
            self.Action.CHECK_IN: self.is_confirmed and today == self.service_day.date,
            self.Action.RECORD_OUTCOME: self.status == self.Status.ATTENDED and not_filed,
            self.Action.FILE_APPEAL: self.outcome == self.Outcome.FOLLOW_UP
            and not_filed
            and user.is_window_staff,
        }
        return frozenset(action for action, ok in allowed.items() if ok)

    @property
    def code_display(self) -> str:
        """The code in groups of five, easier to read out and type."""
        return "-".join(self.code[i : i + 5] for i in range(0, len(self.code), 5))


class WaitlistEntry(models.Model):
    """A place on a full slot's waitlist (候补), promoted to a booking when a seat frees up."""

    Status = WaitlistStatus

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="waitlist")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="service_day_waitlist",
        verbose_name=_("enterprise"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=100)
    question = models.TextField(_("question"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    booking = models.OneToOneField(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="waitlist_entry",
        verbose_name=_("booking"),
    )
    created_at = models.DateTimeField(_("joined at"), default=timezone.now)

    objects = WaitlistQuerySet.as_manager()

    class Meta:
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist entries")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "enterprise"],
                condition=Q(status=WaitlistStatus.WAITING),
                name="waitlist_one_per_enterprise_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.slot_id} {self.enterprise_id} {self.status}"


class HubSyncMessage(OutboxBase):
    """A service day changed: the hub's copy (for liaisons and district admins, across parks)
    must be refreshed. Delivery sends the day as it is then, so the row only marks the need."""

    service_day = models.ForeignKey(ServiceDay, on_delete=models.CASCADE, related_name="+")

    class Meta(OutboxBase.Meta):
        verbose_name = _("hub sync message")
        verbose_name_plural = _("hub sync messages")
        indexes = [
            # The beat sweep looks for undelivered marks only.
            models.Index(
                fields=["created_at"],
                condition=Q(delivered_at__isnull=True),
                name="hubsync_pending",
            )
        ]
