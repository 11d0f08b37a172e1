"""The park's proactive-service figures (主动精准服务): profiles, matches, outreach, visits.

The park's dashboard counts them live (`park_figures`); every hour each park writes them into
the hub's `onewindow.ParkProactiveFigures` (`figures_report`), which the district dashboard
reads, so no request visits the parks' schemas.
"""

import dataclasses
import datetime

from django.db.models import Count, Q
from django.utils import timezone

from onewindow.models import ParkProactiveFigures
from tenants.selectors import park_current

from ..models import (
    EnterpriseProfile,
    Outreach,
    OutreachOutcome,
    PolicyMatch,
    Verdict,
    Visit,
    VisitItem,
)
from .visits import visit_coverage


@dataclasses.dataclass(frozen=True)
class ProactiveFigures:
    """A park's figures now; the visit figures are of the current visit period."""

    profiles: int
    matches: int
    enterprises_matched: int
    outreach_done: int
    applied: int
    granted: int
    visits: int
    visits_due: int
    visited: int
    visit_appeals: int
    period_start: datetime.date
    period_end: datetime.date


def park_figures(today: datetime.date | None = None) -> ProactiveFigures:
    """Count the current park's figures (a handful of aggregate queries)."""
    coverage = visit_coverage(today or timezone.localdate())
    start, end = coverage.period_start, coverage.period_end
    matches = PolicyMatch.objects.filter(verdict=Verdict.MATCH).aggregate(
        matches=Count("pk"), enterprises_matched=Count("enterprise", distinct=True)
    )
    outreach = Outreach.objects.aggregate(
        outreach_done=Count("pk", filter=~Q(outcome=OutreachOutcome.PENDING)),
        applied=Count(
            "pk", filter=Q(outcome__in=[OutreachOutcome.APPLIED, OutreachOutcome.GRANTED])
        ),
        granted=Count("pk", filter=Q(outcome=OutreachOutcome.GRANTED)),
    )
    in_period = {"visited_on__gte": start, "visited_on__lte": end}
    return ProactiveFigures(
        profiles=EnterpriseProfile.objects.count(),
        **matches,
        **outreach,
        visits=Visit.objects.filter(**in_period).count(),
        visits_due=coverage.due,
        visited=coverage.visited,
        visit_appeals=VisitItem.objects.filter(
            appeal__isnull=False, **{f"visit__{name}": day for name, day in in_period.items()}
        ).count(),
        period_start=start,
        period_end=end,
    )


# The columns of ParkProactiveFigures, in the order the district table shows them.
REPORTED = (
    "profiles",
    "matches",
    "enterprises_matched",
    "outreach_done",
    "applied",
    "granted",
    "visits",
    "visits_due",
    "visited",
    "visit_appeals",
)


def figures_report() -> ParkProactiveFigures:
    """Write the current park's figures into the hub's row for the park (beat, hourly)."""
    figures = park_figures()
    row, _created = ParkProactiveFigures.objects.update_or_create(
        park=park_current(),
        defaults={
            **{name: getattr(figures, name) for name in REPORTED},
            "counted_at": timezone.now(),
        },
    )
    return row
