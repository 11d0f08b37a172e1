"""The daily digest of new policy matches: at most one notice a day per enterprise, carrying
the matches it has not been told of yet."""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.models import PolicyPage, shanghai_today
from cms.selectors import public
from enterprises.models import Enterprise
from notifications.services import notify
from tenants.selectors import park_current, park_link

from ..models import MatchDigest, PolicyMatch, Verdict

# The titles a digest's text lists; more are on the page it links to.
TITLES_LISTED = 5


def _untold() -> QuerySet[PolicyMatch]:
    return PolicyMatch.objects.filter(
        verdict=Verdict.MATCH,
        notified_at__isnull=True,
        policy__in=public(PolicyPage.objects.live()),
    )


def digests_send(today: datetime.date | None = None) -> int:
    """In the current park: one digest for each enterprise with matches it has not been told
    of, unless it already had one `today` (Shanghai date). Returns how many were sent."""
    today = today or shanghai_today()
    waiting = _untold().values("enterprise_id").distinct()
    enterprises = Enterprise.objects.filter(
        pk__in=waiting, status=Enterprise.Status.VERIFIED
    ).select_related("account")
    return sum(_digest_send(enterprise, today) for enterprise in enterprises)


def _digest_send(enterprise: Enterprise, today: datetime.date) -> bool:
    with transaction.atomic():
        # The matches first, locked: a rematch running now waits, or has already run.
        matches = list(
            _untold()
            .filter(enterprise=enterprise)
            .select_for_update(of=("self",))
            .order_by("-since", "-id")
        )
        if not matches:
            return False
        # The unique (enterprise, day) decides a race between two senders: one creates it.
        _digest, created = MatchDigest.objects.get_or_create(
            enterprise=enterprise, sent_on=today, defaults={"policies": len(matches)}
        )
        if not created:
            return False
        PolicyMatch.objects.filter(pk__in=[m.pk for m in matches]).update(
            notified_at=timezone.now()
        )
        titles = dict(
            PolicyPage.objects.filter(pk__in=[m.policy_id for m in matches]).values_list(
                "pk", "title"
            )
        )
        notify(
            recipients=[enterprise.account],
            title=_title(len(matches)),
            body=_body([titles[m.policy_id] for m in matches if m.policy_id in titles]),
            url=park_link(park_current(), "proactive:for_me"),
        )
    return True


def _title(count: int) -> str:
    return ngettext(
        "%(count)d policy matches your enterprise",
        "%(count)d policies match your enterprise",
        count,
    ) % {"count": count}


def _body(titles: list[str]) -> str:
    listed = "\n".join(f"· {title}" for title in titles[:TITLES_LISTED])
    more = len(titles) - TITLES_LISTED
    if more > 0:
        listed += "\n" + ngettext("and %(count)d more", "and %(count)d more", more) % {
            "count": more
        }
    return _("New policies you qualify for:") + "\n" + listed
