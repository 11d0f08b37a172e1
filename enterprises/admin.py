from django.contrib import admin

from .models import Enterprise


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ("name", "uscc", "contact_name", "mobile", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("name", "uscc", "mobile")
