from django.contrib import admin

from .models import Domain, Park


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "short_code", "is_active")
    readonly_fields = ("schema_name", "slug")
    inlines = [DomainInline]

    def has_add_permission(self, request):
        return False  # parks are provisioned with create_park, which clones the template
