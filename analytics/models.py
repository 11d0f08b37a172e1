"""What the analytics app stores itself: which monthly reports were sent."""

from django.db import models
from django.utils import timezone


class MonthlyReport(models.Model):
    """A monthly appraisal report e-mailed to the district admins (one row per month: sent
    once, however often beat asks)."""

    month = models.DateField(unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"
