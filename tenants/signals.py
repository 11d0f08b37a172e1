"""Park and domain changes, and what provisioning tells the apps above it.

`park_schema_created` (kwargs park, hostname) is sent inside a new park's schema: the apps above
set up their part there (cms: site, groups and moderation workflow). An exception undoes the
park. `hub_created` (kwarg hub) is sent when the hub row is ensured (onewindow: the district
admins' group).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from . import routing
from .models import Domain, Park

park_schema_created = Signal()
hub_created = Signal()


@receiver([post_save, post_delete], sender=Park)
@receiver([post_save, post_delete], sender=Domain)
def forget_cached_routes(**kwargs) -> None:
    routing.invalidate()  # this process, at once (the change is visible to it already)
    # Other processes must reload only once the change is committed, or they re-cache the old row.
    transaction.on_commit(routing.invalidate)
