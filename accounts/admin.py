from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .forms import AdminLoginForm
from .models import User

# The hub's Django admin logs in through the throttled form (accounts/throttle.py).
admin.site.login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "full_name", "role", "mobile", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("ParkPortal", {"fields": ("role", "full_name", "mobile")}),
    )

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated, never deleted: cases, answers and timelines keep naming
        # who acted, and park and hub tables share one search path (see onewindow.models.cases).
        return False
