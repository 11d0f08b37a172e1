"""The park window's own figures, including appeals it answered itself."""

import datetime

from django.utils import timezone
from django_tenants.utils import schema_context

from appeals.models import Appeal
from appeals.selectors import window_figures
from appeals.services.window import appeal_answer_at_window, appeal_reject

from ..personas import user_in
from .helpers import accept, submit


def test_window_figures_count_window_answers_and_lateness(park_a):
    with schema_context("alpha"):
        Appeal.objects.all().delete()  # appeals committed by server tests; rolled back after
    accept("alpha", submit("alpha"))  # accepted on time
    late = accept("alpha", submit("alpha"))
    answered = submit("alpha")
    rejected = submit("alpha")
    submit("alpha")  # still waiting: not accepted, not counted in the rate
    staff = user_in("alpha", "window_staff")
    with schema_context("alpha"):
        appeal_answer_at_window(appeal=answered, by=staff, text="窗口已解答")
        appeal_reject(appeal=rejected, by=staff, reason="不属于受理范围")
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        Appeal.objects.filter(pk=late.pk).update(window_due=yesterday)
        figures = window_figures()
    # accepted: on_time, late, answered (3); on time: on_time, answered (2)
    assert figures["received"] == 5
    assert figures["dispatched"] == 2
    assert figures["answered_at_window"] == 1
    assert figures["rejected"] == 1
    assert (figures["window_on_time"].numerator, figures["window_on_time"].denominator) == (2, 3)
