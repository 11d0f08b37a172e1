from django.shortcuts import render

from onewindow.selectors import hub_workload

from .selectors import park_list_for_hub, park_url


def hub_home(request):
    parks = [
        {"park": park, "url": park_url(domain, request)} for park, domain in park_list_for_hub()
    ]
    return render(
        request,
        "tenants/hub_home.html",
        {
            "parks": parks,
            "uncovered_years": _calendar_warning(request),
            "workload": hub_workload(user=request.user),
        },
    )


def _calendar_warning(request) -> list[int]:
    """Years (this and next) the official calendar package does not cover, for district admins."""
    from django.utils import timezone

    from accounts.models import Role
    from onewindow.workdays import uncovered_years

    if not request.user.is_authenticated or request.user.role != Role.DISTRICT_ADMIN:
        return []
    year = timezone.localdate().year
    return uncovered_years([year, year + 1])
