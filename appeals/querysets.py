import datetime

from django.db import models


class AppealQuerySet(models.QuerySet):
    def for_enterprise(self, enterprise):
        return self.filter(enterprise=enterprise)

    def at_window(self):
        return self.filter(status=self.model.Status.SUBMITTED)

    def window_overdue(self, today: datetime.date):
        return self.at_window().filter(window_due__lt=today)

    def window_due_soon(self, today: datetime.date, last_day: datetime.date):
        return self.at_window().filter(window_due__gte=today, window_due__lte=last_day)

    def awaiting_rating_since(self, before):
        return self.filter(status=self.model.Status.ANSWERED, answered_at__lt=before)
