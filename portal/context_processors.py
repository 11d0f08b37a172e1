from django.utils.functional import SimpleLazyObject

from core.tasks import schema_current
from notifications.selectors import unread_count


def site(request):
    """The park (or hub) being served, for layouts and the theme colour; the unread count."""

    tenant = getattr(request, "tenant", None)
    is_hub = schema_current() == "public"
    user = getattr(request, "user", None)
    return {
        "park": None if is_hub else tenant,
        "is_hub": is_hub,
        "unread_notifications": SimpleLazyObject(lambda: unread_count(user)) if user else 0,
    }
