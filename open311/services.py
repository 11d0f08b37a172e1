"""Open311 workflows: a service request filed by an integrator becomes an appeal (诉求) of the
enterprise it names, through the same intake as the site's form, into the same window queue."""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from appeals.models import Appeal
from appeals.services.common import enterprise_notify
from appeals.services.intake import appeal_submit
from enterprises.models import Enterprise
from onewindow.models import AppealCategory

from .models import ApiKey, Submission


@transaction.atomic
def open311_request_file(
    *,
    api_key: ApiKey,
    enterprise: Enterprise,
    category: AppealCategory,
    appeal_data: dict,
    token: uuid.UUID,
    location: dict,
    email: str = "",
    device_id: str = "",
    media_url: str = "",
) -> Appeal:
    """File the appeal for `enterprise` (submitted by its account, as if on the site) from the
    cleaned appeal form `appeal_data`, and remember which key filed it. `token` is the appeal's
    submission key and the request's token; `location` holds address, address_id, lat, long."""
    appeal = appeal_submit(
        enterprise=enterprise,
        by=enterprise.account,
        category=category,
        title=appeal_data["title"],
        description=appeal_data["description"],
        contact_name=appeal_data["contact_name"],
        contact_mobile=appeal_data["contact_mobile"],
        submission_key=token,
    )
    Submission.objects.create(
        appeal=appeal,
        api_key=api_key,
        organisation=api_key.organisation,
        token=token,
        address=location.get("address", ""),
        address_id=location.get("address_id", ""),
        lat=location.get("lat"),
        long=location.get("long"),
        email=email,
        device_id=device_id,
        media_url=media_url,
    )
    # The enterprise learns at once of an appeal filed in its name by someone else's system,
    # in the park's language (not the integrator's).
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Appeal %(number)s was filed for you by %(organisation)s") % {
            "number": appeal.tracking_number,
            "organisation": api_key.organisation,
        }
    enterprise_notify(appeal, title=title)
    return appeal
