import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from .querysets import EnterpriseQuerySet


class Enterprise(models.Model):
    """An enterprise (入驻企业) registered on a park site, verified by the park window.

    Anyone may register any credit code: only a verified enterprise holds its code (the
    constraint below), so a squatter's pending or rejected registration never blocks the real
    company; the window sees competing registrations side by side and verifies one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enterprise"
    )
    name = models.CharField(_("company name"), max_length=120)
    uscc = models.CharField(_("unified social credit code"), max_length=18, db_index=True)
    contact_name = models.CharField(_("contact name"), max_length=60)
    mobile = models.CharField(_("mobile number"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_note = models.CharField(_("note"), max_length=200, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["uscc"],
                condition=models.Q(status="verified"),
                name="enterprise_uscc_unique_when_verified",
                violation_error_code="duplicate",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED


class RegistrationCode(models.Model):
    """The one-time SMS code (短信验证码) that proves a registrant holds a mobile number: one row
    per number, holding its latest code and its sending budget.

    Kept in the park schema rather than in the shared cache: the row is locked while a code is
    sent or checked (so wrong tries are counted exactly and a code is used once), its clock is
    the database's `timezone.now()` that tests move with time-machine, and a code proves the
    number to the park it was asked on only. Only a keyed hash of the code is stored (HMAC with
    the SECRET_KEY and the number): a six-digit code hashed without a key would be read back
    from a database dump in a second. Each client's budget across parks is django-ratelimit's
    (the view); this row is the number's budget on this park."""

    LENGTH = 6
    VALID_FOR = timedelta(minutes=10)
    MAX_WRONG_TRIES = 5
    RESEND_AFTER = timedelta(seconds=60)
    SENDS_PER_DAY = 5

    mobile = models.CharField(_("mobile number"), max_length=20, unique=True)
    code_hash = models.CharField(_("code (keyed hash)"), max_length=64, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    wrong_tries = models.PositiveSmallIntegerField(_("wrong tries"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    day_started_at = models.DateTimeField(_("sending day started at"), null=True, blank=True)
    sent_that_day = models.PositiveSmallIntegerField(_("sent that day"), default=0)

    class Meta:
        verbose_name = _("registration code")
        verbose_name_plural = _("registration codes")

    def __str__(self) -> str:
        return self.mobile

    def digest(self, code: str) -> str:
        return salted_hmac(
            "enterprises.RegistrationCode", f"{self.mobile}:{code}", algorithm="sha256"
        ).hexdigest()

    def refusal_to_send(self, now: datetime) -> str:
        """Why no code may be sent to this number now ("too_soon", "too_many"), or ""."""
        if self.sent_at and now - self.sent_at < self.RESEND_AFTER:
            return "too_soon"
        in_day = self.day_started_at and now - self.day_started_at < timedelta(days=1)
        if in_day and self.sent_that_day >= self.SENDS_PER_DAY:
            return "too_many"
        return ""

    def record_sending(self, now: datetime, *, with_code: bool) -> str:
        """Count a message sent now; with a code, the new code (the earlier one is void)."""
        if not self.day_started_at or now - self.day_started_at >= timedelta(days=1):
            self.day_started_at, self.sent_that_day = now, 0
        self.sent_at, self.sent_that_day = now, self.sent_that_day + 1
        code = f"{secrets.randbelow(10**self.LENGTH):0{self.LENGTH}d}" if with_code else ""
        self.code_hash = self.digest(code) if code else ""
        self.expires_at = now + self.VALID_FOR if code else None
        self.wrong_tries, self.used_at = 0, None
        return code

    def attempt(self, code: str, now: datetime) -> str:
        """Try `code`: "" when it proves the number (the code is then used up), else why not
        ("invalid", "expired", "void"). A wrong code counts as one of the few tries."""
        if not self.code_hash or self.used_at:
            return "invalid"
        if self.wrong_tries >= self.MAX_WRONG_TRIES:
            return "void"
        if not constant_time_compare(self.digest(code.strip()), self.code_hash):
            self.wrong_tries += 1
            return "invalid"
        if self.expires_at is None or now >= self.expires_at:
            return "expired"
        self.used_at = now
        return ""
