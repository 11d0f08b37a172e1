import datetime

from django.db.models import Q
from wagtail.models import PageQuerySet


class PolicyPageQuerySet(PageQuerySet):
    def in_force(self, day: datetime.date):
        return self.filter(effective_date__lte=day).filter(
            Q(expiry_date__isnull=True) | Q(expiry_date__gte=day)
        )

    def expired(self, day: datetime.date):
        return self.filter(expiry_date__lt=day)

    def not_yet_effective(self, day: datetime.date):
        return self.filter(effective_date__gt=day)

    def application_open(self, day: datetime.date):
        return self.filter(application_opens__lte=day).filter(
            Q(application_closes__isnull=True) | Q(application_closes__gte=day)
        )
