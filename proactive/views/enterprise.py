"""The enterprise's side of proactive service: its profile (一企一档), the profile's history,
the policies that suit it (适合我的政策); and the window's list of profiles, where it verifies them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.permissions import role_required
from cms.models import shanghai_today
from core.forms import form_add_errors
from enterprises.models import Enterprise

from .. import selectors
from ..forms_profile import (
    OfficeProfileFilterForm,
    ProfileForm,
    QualificationFormSet,
    qualification_initial,
)
from ..models import ASSETS_BANDS, REVENUE_BANDS, EnterpriseProfile
from ..services.profiles import profile_of, profile_save, profile_seen, profile_verify

QUALIFICATIONS_PREFIX = "qualifications"


def _enterprise(request) -> Enterprise:
    """The signed-in account's enterprise, verified or awaiting verification."""
    enterprise = getattr(request.user, "enterprise", None)
    if enterprise is None or enterprise.is_rejected:
        raise PermissionDenied
    return enterprise


def _profile_context(profile: EnterpriseProfile) -> dict:
    sizing = selectors.sizing_of(profile)
    return {
        "profile": profile,
        "sizing": sizing,
        "sizing_reason": selectors.sizing_reason_text(sizing.reason),
        "held": selectors.qualifications_shown(profile, shanghai_today()),
        "revenue": selectors.band_shown(REVENUE_BANDS, profile.revenue_band),
        "assets": selectors.band_shown(ASSETS_BANDS, profile.assets_band),
    }


@role_required(Role.ENTERPRISE)
def profile(request):
    enterprise = _enterprise(request)
    profile = profile_of(enterprise)
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        formset = QualificationFormSet(request.POST, prefix=QUALIFICATIONS_PREFIX)
        if form.is_valid() and formset.is_valid():
            try:
                change = profile_save(
                    profile=profile,
                    by=request.user,
                    qualifications=formset.held(),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                form_add_errors(form, exc)
            else:
                if change is None:
                    messages.info(request, _("Nothing was changed."))
                else:
                    messages.success(request, _("Your profile was saved."))
                return redirect("proactive:profile")
        status = 400
    else:
        form = ProfileForm(initial=ProfileForm.initial_from(profile))
        formset = QualificationFormSet(
            initial=qualification_initial(profile), prefix=QUALIFICATIONS_PREFIX
        )
    context = {"form": form, "formset": formset, **_profile_context(profile)}
    return render(request, "proactive/profile.html", context, status=status)


@role_required(Role.ENTERPRISE)
def profile_history(request):
    profile = profile_of(_enterprise(request))
    page = Paginator(selectors.history_of(profile), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "proactive/profile_history.html",
        {"page": page, "changes": selectors.changes_shown(page.object_list)},
    )


@role_required(Role.ENTERPRISE)
def for_me(request):
    enterprise = _enterprise(request)
    profile = profile_of(enterprise)
    return render(
        request,
        "proactive/for_me.html",
        {
            "enterprise": enterprise,
            "filled": selectors.profile_filled(profile),
            "matches": selectors.matches_for_enterprise(enterprise, shanghai_today()),
        },
    )


@role_required(Role.WINDOW_STAFF, Role.PARK_OPERATOR)
def office_profiles(request):
    filters = OfficeProfileFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    profiles = selectors.profiles_for_office(
        unverified=bool(criteria.get("unverified")), query=criteria.get("q") or ""
    )
    page = Paginator(profiles, 25).get_page(request.GET.get("page"))
    return render(request, "proactive/office_profiles.html", {"filters": filters, "page": page})


@role_required(Role.WINDOW_STAFF, Role.PARK_OPERATOR)
def office_profile(request, enterprise_id: int):
    enterprise = selectors.enterprise_get_for_office(enterprise_id=enterprise_id)
    profile = profile_of(enterprise)
    if request.method == "POST":
        # Park operators may look; only the window vouches for a profile.
        if not request.user.is_window_staff:
            raise PermissionDenied
        try:
            seen = int(request.POST.get("seen", ""))
        except ValueError:
            seen = -1  # not a state any page showed: refused below
        try:
            profile_verify(profile=profile, by=request.user, seen=seen)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The profile is verified."))
        return redirect("proactive:office_profile", enterprise_id=enterprise.pk)
    page = Paginator(selectors.history_of(profile), 20).get_page(request.GET.get("page"))
    context = {
        "enterprise": enterprise,
        "page": page,
        "changes": selectors.changes_shown(page.object_list),
        "may_verify": request.user.is_window_staff,
        "seen": profile_seen(profile),
        **_profile_context(profile),
    }
    return render(request, "proactive/office_profile.html", context)
