from django.db import models


class EnterpriseQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status="pending")

    def verified(self):
        return self.filter(status="verified")
