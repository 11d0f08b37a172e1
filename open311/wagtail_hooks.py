"""Open311 in Wagtail's back office: the API keys page and its menu item (park operators)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class OperatorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.may_manage_keys(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("open311/keys/", admin_views.key_index, name="open311_keys"),
        path("open311/keys/new/", admin_views.key_create, name="open311_key_create"),
        path("open311/keys/<int:pk>/revoke/", admin_views.key_revoke, name="open311_key_revoke"),
    ]


@hooks.register("register_settings_menu_item")
def register_keys_menu_item():
    return OperatorMenuItem(
        _("Open311 API keys"), reverse("open311_keys"), icon_name="key", order=900
    )
