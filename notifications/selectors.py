from django.http import Http404

from .models import Notification


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.for_user(user).unread().count()


def notifications_for_user(*, user):
    """The user's own notices, newest first."""
    return Notification.objects.for_user(user)


def notification_get_for_user(*, user, pk: int) -> Notification:
    """The user's own notice, or 404 (another account's looks like none)."""
    notice = Notification.objects.for_user(user).filter(pk=pk).first()
    if notice is None:
        raise Http404
    return notice
