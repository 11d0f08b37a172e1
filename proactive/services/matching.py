"""Background matching: the rules engine (proactive.rules) over a park's profiles and policies,
written to PolicyMatch.

Only matches and near misses are stored. Every write takes the park's matching lock and reads
after taking it, so a full refresh and a single re-match never interleave; rows are replaced by
difference (new ones COPYed in), keeping `since` and `notified_at` of a row whose verdict did
not change — so the digest tells an enterprise of each new match once.
"""

import datetime
import logging
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from cms.models import PolicyPage
from cms.models.policies import shanghai_today
from cms.selectors import public

from ..models import PolicyMatch
from ..rules import Criteria, facts_load, match_all, policies_load

logger = logging.getLogger(__name__)


def matchable(policies: list[PolicyPage], today: datetime.date) -> list[PolicyPage]:
    """Live policies not yet expired on `today` (the caller loads live ones)."""
    return [p for p in policies if p.expiry_date is None or p.expiry_date >= today]


def policy_rematch(*, policy_id: int, today: datetime.date | None = None) -> int:
    """A policy was published, changed or unpublished: its matches again (all profiles)."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        policies = matchable(
            policies_load(public(PolicyPage.objects.live()).filter(pk=policy_id)), today
        )
        facts = facts_load() if policies else []
        rows = match_all([Criteria.of(p) for p in policies], facts, today)
        return _replace(rows, scope=("policy_id", policy_id))


def enterprise_rematch(*, enterprise_id: int, today: datetime.date | None = None) -> int:
    """An enterprise's profile (or verification) changed: its matches against every policy."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        facts = facts_load(enterprise_id=enterprise_id)
        policies = matchable(policies_load(), today) if facts else []
        rows = match_all([Criteria.of(p) for p in policies], facts, today)
        return _replace(rows, scope=("enterprise_id", enterprise_id))


def matches_refresh(today: datetime.date | None = None) -> int:
    """Every profile against every policy (beat, daily: what depends on the date changes)."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        policies = matchable(policies_load(), today)
        facts = facts_load()
        rows = match_all([Criteria.of(p) for p in policies], facts, today)
        changed = _replace(rows, scope=None)
    logger.info("policy matches refreshed: %s changed", changed)
    return changed


def _lock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':matching'))")


def _replace(rows: Iterable[tuple[int, int, str, str]], *, scope: tuple[str, int] | None) -> int:
    """Make the stored matches in `scope` exactly `rows`; how many rows were added or changed.

    The difference is worked out here from the stored rows (read under the lock): new rows are
    COPYed in, rows whose verdict or missing criterion changed are updated (a new verdict starts
    again: `since` now, not yet told), rows no longer matching are deleted. A refresh that
    changes nothing writes nothing."""
    stored = (
        PolicyMatch.objects.all()
        if scope is None
        else PolicyMatch.objects.filter(**{scope[0]: scope[1]})
    )
    existing = {
        (policy_id, enterprise_id): (pk, verdict, missing)
        for pk, policy_id, enterprise_id, verdict, missing in stored.values_list(
            "pk", "policy_id", "enterprise_id", "verdict", "missing"
        )
    }
    now = timezone.now()
    new, changed, verdict_changed = [], [], []
    for policy_id, enterprise_id, verdict, missing in rows:
        old = existing.pop((policy_id, enterprise_id), None)
        if old is None:
            new.append((policy_id, enterprise_id, verdict, missing, now))
        elif old[1] != verdict:
            verdict_changed.append((old[0], verdict, missing))
        elif old[2] != missing:
            changed.append((old[0], verdict, missing))
    gone = [pk for pk, _verdict, _missing in existing.values()]
    table = PolicyMatch._meta.db_table
    with connection.cursor() as cursor:
        if gone:
            cursor.execute(f"DELETE FROM {table} WHERE id = ANY(%s)", [gone])  # noqa: S608  # nosec B608 - the model's table
        if new:
            with cursor.copy(
                f"COPY {table} (policy_id, enterprise_id, verdict, missing, since) FROM STDIN"
            ) as copy:
                for row in new:
                    copy.write_row(row)
    for pk, verdict, missing in verdict_changed:
        PolicyMatch.objects.filter(pk=pk).update(
            verdict=verdict, missing=missing, since=now, notified_at=None
        )
    for pk, verdict, missing in changed:
        PolicyMatch.objects.filter(pk=pk).update(verdict=verdict, missing=missing)
    return len(new) + len(changed) + len(verdict_changed)
