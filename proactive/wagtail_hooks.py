"""Wagtail admin hooks: an industry or a qualification that enterprise profiles name cannot be
deleted as a snippet (the profiles keep them), nor can a row of the national classification."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from cms.models import Industry, Qualification

from .models import EnterpriseProfile, ProfileQualification


def _kept(item) -> bool:
    if isinstance(item, Industry):
        return bool(item.code) or EnterpriseProfile.objects.filter(industry=item).exists()
    if isinstance(item, Qualification):
        return ProfileQualification.objects.filter(qualification=item).exists()
    return False


@hooks.register("before_delete_snippet")
def keep_what_profiles_use(request, instances):
    names = [str(item) for item in instances if _kept(item)]
    if not names:
        return None
    messages.error(
        request,
        _(
            "Not deleted: %(names)s is part of the national industry classification or is "
            "named in enterprise profiles."
        )
        % {"names": "、".join(names)},
    )
    meta = instances[0]._meta
    return redirect(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
