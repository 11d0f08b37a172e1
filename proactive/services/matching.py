"""Background matching: the rules engine (proactive.rules) over a park's profiles and policies,
written to PolicyMatch.

Only matches and near misses are stored. Every write takes the park's matching lock and reads
after taking it, so a full refresh and a single re-match never interleave; rows are replaced
through a temporary table (COPY), keeping `since` and `notified_at` of a row whose verdict did
not change — so the digest tells an enterprise of each new match once.
"""

import datetime
import logging

from django.db import connection, transaction
from django.utils import timezone

from cms.models import PolicyPage
from cms.models.policies import shanghai_today

from ..models import PolicyMatch
from ..rules import Criteria, Facts, match_all, policies_load, profiles_load

logger = logging.getLogger(__name__)


def matchable(policies: list[PolicyPage], today: datetime.date) -> list[PolicyPage]:
    """Live policies not yet expired on `today` (the caller loads live ones)."""
    return [p for p in policies if p.expiry_date is None or p.expiry_date >= today]


def policy_rematch(*, policy_id: int, today: datetime.date | None = None) -> int:
    """A policy was published, changed or unpublished: its matches again (all profiles)."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        policies = matchable(policies_load(PolicyPage.objects.live().filter(pk=policy_id)), today)
        facts = [Facts.of(profile) for profile in profiles_load()] if policies else []
        rows = match_all([Criteria.of(p) for p in policies], facts, today)
        return _replace(rows, scope=("policy_id", policy_id))


def enterprise_rematch(*, enterprise_id: int, today: datetime.date | None = None) -> int:
    """An enterprise's profile (or verification) changed: its matches against every policy."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        profiles = profiles_load(enterprise_id=enterprise_id)
        policies = matchable(policies_load(), today) if profiles else []
        rows = match_all([Criteria.of(p) for p in policies], [Facts.of(p) for p in profiles], today)
        return _replace(rows, scope=("enterprise_id", enterprise_id))


def matches_refresh(today: datetime.date | None = None) -> int:
    """Every profile against every policy (beat, daily: what depends on the date changes)."""
    today = today or shanghai_today()
    with transaction.atomic():
        _lock()
        policies = matchable(policies_load(), today)
        facts = [Facts.of(profile) for profile in profiles_load()]
        rows = match_all([Criteria.of(p) for p in policies], facts, today)
        changed = _replace(rows, scope=None)
    logger.info("policy matches refreshed: %s changed", changed)
    return changed


def _lock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':matching'))")


def _replace(rows, *, scope: tuple[str, int] | None) -> int:
    """Make the stored matches in `scope` exactly `rows`; how many rows were added or changed."""
    table = PolicyMatch._meta.db_table
    where = "TRUE" if scope is None else f"m.{scope[0]} = %s"
    params = [] if scope is None else [scope[1]]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE proactive_new_match (policy_id integer, enterprise_id integer,"
            " verdict varchar(5), missing varchar(20)) ON COMMIT DROP"
        )
        with cursor.copy(
            "COPY proactive_new_match (policy_id, enterprise_id, verdict, missing) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"DELETE FROM {table} m WHERE {where} AND NOT EXISTS (SELECT 1 FROM"  # noqa: S608 - names only
            " proactive_new_match n WHERE n.policy_id = m.policy_id"
            " AND n.enterprise_id = m.enterprise_id)",
            params,
        )
        cursor.execute(
            f"INSERT INTO {table} AS m (policy_id, enterprise_id, verdict, missing, since,"  # noqa: S608 - names only
            " notified_at) SELECT policy_id, enterprise_id, verdict, missing, %s, NULL"
            " FROM proactive_new_match ON CONFLICT (policy_id, enterprise_id) DO UPDATE SET"
            " verdict = EXCLUDED.verdict, missing = EXCLUDED.missing,"
            " since = CASE WHEN m.verdict = EXCLUDED.verdict THEN m.since ELSE EXCLUDED.since END,"
            " notified_at = CASE WHEN m.verdict = EXCLUDED.verdict THEN m.notified_at END"
            " WHERE m.verdict <> EXCLUDED.verdict OR m.missing <> EXCLUDED.missing",
            [timezone.now()],
        )
        changed = cursor.rowcount
        cursor.execute("DROP TABLE proactive_new_match")
    return changed
