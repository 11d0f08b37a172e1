from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import routing
from .models import Domain, Park


@receiver([post_save, post_delete], sender=Park)
@receiver([post_save, post_delete], sender=Domain)
def forget_cached_routes(**kwargs) -> None:
    routing.invalidate()
