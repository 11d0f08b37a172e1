import datetime

from django.db import models


class CaseQuerySet(models.QuerySet):
    def for_department(self, department):
        return self.filter(department=department)

    def open(self):
        return self.exclude(status__in=["answered", "closed"])

    def with_department_clock(self):
        """Cases whose department clock is running (not paused, not answered)."""
        return self.filter(status__in=["dispatched", "in_progress"])

    def due_by(self, day: datetime.date):
        return self.with_department_clock().filter(due_date__lte=day)

    def overdue(self, today: datetime.date):
        return self.with_department_clock().filter(due_date__lt=today)
