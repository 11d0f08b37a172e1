"""The park windows' handling of appeals (窗口办理要素), as the parks tell the hub.

A park sends the window facts of an appeal (`onewindow.protocol.ToHub.WINDOW_FACTS`) whenever
the appeal moves, so the district can appraise the windows and their staff from the public
schema alone: appeals the window answered, returned or rejected never become cases.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WindowRecord(models.Model):
    """One appeal at its park window: its outcome there, who handled it, how fast."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting acceptance")  # 待受理
        RETURNED = "returned", _("Returned for more information")  # 退回补正
        REJECTED = "rejected", _("Not accepted")  # 不予受理
        ACCEPTED = "accepted", _("Accepted and dispatched")  # 受理派单
        ANSWERED = "answered", _("Answered at the window")  # 窗口直接办结

    park = models.ForeignKey("tenants.Park", on_delete=models.PROTECT, related_name="+")
    appeal_id = models.PositiveBigIntegerField()
    tracking_number = models.CharField(_("tracking number"), max_length=30)
    category = models.ForeignKey(
        "onewindow.AppealCategory", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_on = models.DateField(_("submitted on"))
    window_due = models.DateField(_("window due date"))
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    acted_at = models.DateTimeField(null=True, blank=True)
    # Accepted on or before the window due date; None until accepted.
    on_time = models.BooleanField(null=True)
    hours_to_accept = models.FloatField(null=True, blank=True)
    returned_count = models.PositiveSmallIntegerField(default=0)
    # The park account of the window staff member who last acted on it (no constraint: it
    # lives in the park's schema), with the name as it was then.
    staff_id = models.PositiveBigIntegerField(null=True, blank=True)
    staff_name = models.CharField(max_length=60, blank=True)
    # Answered by the window at least once (it may have been dispatched after all).
    answered_at_window = models.BooleanField(default=False, db_default=False)
    # The enterprise's last rating of a window answer.
    resolved = models.BooleanField(null=True)
    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["park", "appeal_id"], name="one_window_record")
        ]
        indexes = [models.Index(fields=["submitted_on", "park"], name="window_period")]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.outcome}"
