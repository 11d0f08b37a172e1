"""Beat work of the analytics app."""

from celery import shared_task

from .report import monthly_report_send


@shared_task(ignore_result=True, acks_late=True)
def monthly_report() -> bool:
    """Daily: on the first working day of a month, e-mail last month's report (once)."""
    return monthly_report_send()
