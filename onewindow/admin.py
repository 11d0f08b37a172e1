from django.contrib import admin

from .models import Department, Liaison


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "contact_phone", "is_active")
    search_fields = ("name", "short_name")


@admin.register(Liaison)
class LiaisonAdmin(admin.ModelAdmin):
    list_display = ("user", "department")
    list_filter = ("department",)
