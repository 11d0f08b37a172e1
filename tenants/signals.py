from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import routing
from .models import Domain, Park


@receiver([post_save, post_delete], sender=Park)
@receiver([post_save, post_delete], sender=Domain)
def forget_cached_routes(**kwargs) -> None:
    routing.invalidate()  # this process, at once (the change is visible to it already)
    # Other processes must reload only once the change is committed, or they re-cache the old row.
    transaction.on_commit(routing.invalidate)
