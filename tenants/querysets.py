from django.db import models


class ParkQuerySet(models.QuerySet):
    def parks(self):
        """Real parks, without the public (hub) row."""
        return self.exclude(schema_name="public")

    def active(self):
        return self.filter(is_active=True)
