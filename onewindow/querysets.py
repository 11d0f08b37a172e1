import datetime

from django.db import models


class CaseQuerySet(models.QuerySet):
    def for_department(self, department):
        return self.filter(department=department)

    def open(self):
        status = self.model.Status
        return self.exclude(status__in=[status.ANSWERED, status.CLOSED])

    def with_department_clock(self):
        """Cases whose department clock is running (not paused, not answered)."""
        status = self.model.Status
        return self.filter(status__in=[status.DISPATCHED, status.IN_PROGRESS])

    def due_by(self, day: datetime.date):
        return self.with_department_clock().filter(due_date__lte=day)

    def overdue(self, today: datetime.date):
        return self.with_department_clock().filter(due_date__lt=today)
