"""Progress lookup without logging in: by the secret link, or tracking number + mobile."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from .. import selectors
from ..forms import LookupForm


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def track_lookup(request):
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        appeal = selectors.appeal_lookup(
            tracking_number=form.cleaned_data["tracking_number"],
            mobile=form.cleaned_data["mobile"],
        )
        if appeal is not None:
            return _progress(request, appeal)
        form.add_error(None, _("No appeal matches this tracking number and mobile number."))
    return render(request, "appeals/track.html", {"form": form})


@ratelimit(key="ip", rate="30/m", block=True)
def track_secret(request, secret: str):
    appeal = selectors.appeal_by_secret(secret=secret)
    if appeal is None:
        raise Http404
    return _progress(request, appeal)


def _progress(request, appeal):
    response = render(
        request,
        "appeals/progress.html",
        {"appeal": appeal, "events": selectors.public_events(appeal)},
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
