"""What each Open311 resource says, as plain data for `open311.formats`.

Text is in the caller's language (Accept-Language; Chinese by default); dates are W3C with the
park's offset (+08:00).
"""

import datetime

from django.utils.translation import gettext as _

from appeals.models import Appeal, AppealEvent
from cms.selectors import park_settings_get
from onewindow.models import AppealCategory
from tenants.models import Park

from .formats import MEDIA_TYPES, end_of_day, w3c
from .forms import service_attributes
from .selectors import OPEN311_STATUS, service_code

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this endpoint last changed (the discovery document's changeset).
CHANGESET = datetime.datetime(2026, 12, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


def discovery(*, park: Park, endpoint_url: str) -> dict:
    site = park_settings_get()
    reach = (site.phone, site.email) if site else ()
    contact = " ".join(part for part in (park.name, *reach) if part)
    return {
        "changeset": w3c(CHANGESET),
        "contact": contact,
        "key_service": _("API keys are issued by the park's operators: ask %(park)s for one.")
        % {"park": park.name},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": endpoint_url,
                "changeset": w3c(CHANGESET),
                "type": "production",
                "formats": list(MEDIA_TYPES),
            }
        ],
    }


def service(category: AppealCategory) -> dict:
    department = category.default_department
    return {
        "service_code": service_code(category),
        "service_name": category.name,
        "description": category.description,
        "metadata": bool(service_attributes(category)),
        "type": "realtime",
        "keywords": ", ".join([category.name, department.short_name]),
        "group": department.name,
    }


def service_definition(category: AppealCategory) -> dict:
    return {
        "service_code": service_code(category),
        "attributes": [
            {
                "variable": True,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": attribute.datatype_description or None,
                "order": attribute.order,
                "description": attribute.description,
                "values": [],
            }
            for attribute in service_attributes(category)
        ],
    }


def service_notice(category: AppealCategory) -> str:
    return _(
        "The park window reviews the appeal within %(window)d working day(s); once accepted, "
        "the department answers within %(department)d working day(s)."
    ) % {
        "window": category.window_deadline_days,
        "department": category.department_deadline_days,
    }


def created(appeal: Appeal) -> dict:
    """The answer to POST requests: the request is filed at once (no token needed)."""
    return {
        "service_request_id": appeal.tracking_number,
        "service_notice": service_notice(appeal.category),
        "account_id": appeal.enterprise.uscc,
    }


def service_request(appeal: Appeal) -> dict:
    """A request as GET requests shows it (`appeal` from open311.selectors.requests_for)."""
    submission = appeal.open311_submission
    is_open = OPEN311_STATUS[appeal.status] == "open"
    updated = getattr(appeal, "last_public_step_at", None) or appeal.submitted_at
    return {
        "service_request_id": appeal.tracking_number,
        "status": OPEN311_STATUS[appeal.status],
        "status_notes": str(appeal.get_status_display()),
        "service_name": appeal.category.name,
        "service_code": service_code(appeal.category),
        "description": appeal.description,
        "agency_responsible": appeal.department.name if appeal.department else None,
        "service_notice": service_notice(appeal.category),
        "requested_datetime": w3c(appeal.submitted_at),
        "updated_datetime": w3c(updated),
        "expected_datetime": end_of_day(appeal.department_due or appeal.window_due)
        if is_open
        else None,
        "address": submission.address or None,
        "address_id": submission.address_id or None,
        "zipcode": None,
        "lat": submission.lat,
        "long": submission.long,
        "media_url": submission.media_url or None,
    }


def token(*, token: str, appeal: Appeal) -> dict:
    return {"service_request_id": appeal.tracking_number, "token": token}


def update(event: AppealEvent) -> dict:
    """A public step of a request's timeline (the servicerequestupdates extension). The
    window's and the department's words are shown; the enterprise's own (its replies, its
    rating comment) are its business with the park, not the integrator's."""
    text = event.action_text
    if event.note and event.actor != AppealEvent.Actor.ENTERPRISE:
        text = f"{text}\n{event.note}"
    return {
        "update_id": str(event.pk),
        "service_request_id": event.appeal.tracking_number,
        "status": OPEN311_STATUS.get(event.status_after, "open"),  # type: ignore[attr-defined]
        "updated_datetime": w3c(event.at),
        "description": text,
        "media_url": None,
    }
