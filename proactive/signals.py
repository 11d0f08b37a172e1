"""Receivers: what makes matches recompute (connected when the app is ready).

A policy published, changed (a new published revision) or unpublished re-matches that policy;
an enterprise verified re-matches its profile. Profile saves enqueue their own re-match
(proactive.services.profiles). Deleting a policy or an enterprise deletes its matches (cascade).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms.models import PolicyPage
from core.tasks import enqueue_on_commit
from enterprises.models import Enterprise


@receiver(page_published, sender=PolicyPage, dispatch_uid="proactive.policy_published")
@receiver(page_unpublished, sender=PolicyPage, dispatch_uid="proactive.policy_unpublished")
def policy_changed(sender, instance: PolicyPage, **kwargs) -> None:
    enqueue_on_commit("proactive.tasks.policy_rematch", instance.pk)


@receiver(post_save, sender=Enterprise, dispatch_uid="proactive.enterprise_saved")
def enterprise_saved(sender, instance: Enterprise, created: bool, **kwargs) -> None:
    update_fields = kwargs.get("update_fields")
    if created or (update_fields is not None and "status" not in update_fields):
        return
    enqueue_on_commit("proactive.tasks.profile_rematch", instance.pk)
