from django.http import Http404

from .models import Enterprise


def enterprise_list_pending():
    return Enterprise.objects.pending().select_related("account")


def enterprise_get_for_window(*, pk: int) -> Enterprise:
    try:
        return Enterprise.objects.get(pk=pk)
    except Enterprise.DoesNotExist as exc:
        raise Http404 from exc
