import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from wagtail.models import PageQuerySet


class PolicyPageQuerySet(PageQuerySet):
    def by_relevance_on(self, day: datetime.date):
        """In force first, then not yet effective, then expired; newest first within each."""
        rank = Case(
            When(effective_date__gt=day, then=Value(1)),
            When(expiry_date__lt=day, then=Value(2)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return self.annotate(status_rank=rank).order_by("status_rank", "-publish_date", "-id")

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
