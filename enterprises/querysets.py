from django.db import models


class EnterpriseQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=self.model.Status.PENDING)

    def verified(self):
        return self.filter(status=self.model.Status.VERIFIED)
