"""Proactive-service background work: each task takes ids, calls one service and is idempotent;
periodic work runs in every active park from beat."""

from celery import shared_task

from core.tasks import for_each_active_park

from .services import digest, district, figures, matching


@shared_task(ignore_result=True, acks_late=True)
def policy_rematch(policy_id: int) -> None:
    """A policy was published, changed or unpublished: recompute its matches."""
    matching.policy_rematch(policy_id=policy_id)


@shared_task(ignore_result=True, acks_late=True)
def profile_rematch(enterprise_id: int) -> None:
    """An enterprise's profile changed: recompute its matches."""
    matching.enterprise_rematch(enterprise_id=enterprise_id)


@shared_task(ignore_result=True)
def matches_refresh() -> None:
    """Beat, daily after midnight: every match again, so what depends on the date (an expired
    qualification, a founding anniversary, a policy's expiry) takes effect that day."""
    for_each_active_park(matching.matches_refresh, "policy matches refresh")


@shared_task(ignore_result=True)
def digests_send() -> None:
    """Beat, daily: each enterprise with new matches gets one digest (at most one a day)."""
    for_each_active_park(digest.digests_send, "policy match digests")


@shared_task(ignore_result=True, acks_late=True)
def district_policies_fanout() -> None:
    """Sent by the hub when a district policy is published or withdrawn, and by beat as a
    sweep: every park brings its copies up to date (idempotent)."""
    for_each_active_park(district.district_policies_sync, "district policies sync")


@shared_task(ignore_result=True)
def figures_report() -> None:
    """Beat, hourly: each park writes its proactive-service figures for the district."""
    for_each_active_park(figures.figures_report, "proactive figures report")
