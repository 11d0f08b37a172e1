from django.contrib import admin

from .models import AppealCategory, CalendarOverride, Department, Liaison, RoutingRule


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "contact_phone", "is_active")
    search_fields = ("name", "short_name")


@admin.register(Liaison)
class LiaisonAdmin(admin.ModelAdmin):
    list_display = ("user", "department")
    list_filter = ("department",)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "is_working_day", "note")
    list_filter = ("is_working_day",)
    date_hierarchy = "date"


class RoutingRuleInline(admin.TabularInline):
    model = RoutingRule
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(AppealCategory)
class AppealCategoryAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "default_department",
        "window_deadline_days",
        "department_deadline_days",
        "is_active",
    )
    list_filter = ("is_active", "default_department")
    inlines = [RoutingRuleInline]

    def has_delete_permission(self, request, obj=None):
        # Park appeals refer to categories across schemas, where no constraint can protect
        # them: a category is retired by unticking "active", never deleted.
        return False
