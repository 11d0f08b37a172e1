"""Service-day background work. Each task takes ids, calls one service and is idempotent;
periodic work runs in every active park from beat."""

from celery import shared_task

from core.tasks import for_each_active_park

from .services import attendance, hubdays, hubsync, reminders, waitlist


@shared_task(ignore_result=True, acks_late=True)
def hub_sync_deliver(day_id: int) -> None:
    """Refresh the hub's copy of one service day (idempotent: it sends the day as it is)."""
    hubsync.day_sync_deliver(day_id=day_id)


@shared_task(ignore_result=True)
def hub_sync_sweep() -> None:
    """Beat: refresh the hub's copies that a lost task left behind."""
    for_each_active_park(hubsync.day_sync_sweep, "service-day hub sync sweep")


@shared_task(ignore_result=True)
def reminders_send() -> None:
    """Beat: remind enterprises the day before and an hour before their slot (once each)."""
    for_each_active_park(reminders.reminders_send, "service-day reminders")


@shared_task(ignore_result=True)
def waitlists_expire() -> None:
    """Beat: give seats that came free to the first in line (if a promotion had to skip
    everyone), and close the waitlists of days past their booking cutoff."""
    for_each_active_park(waitlist.waitlist_promote_free, "service-day waitlist promotion")
    for_each_active_park(waitlist.waitlist_expire, "service-day waitlist expiry")


@shared_task(ignore_result=True)
def days_complete() -> None:
    """Beat: after a day ends, record who did not come and mark the day completed."""
    for_each_active_park(attendance.days_complete, "service-day completion")


@shared_task(ignore_result=True)
def liaisons_brief() -> None:
    """Beat (hub): the day before, tell each hosting department's liaisons who is coming."""
    hubdays.hub_days_brief()
