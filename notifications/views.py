from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import services
from .models import Notification


@login_required
def notification_list(request):
    page = Paginator(Notification.objects.for_user(request.user), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page": page})


@require_POST
@login_required
def notification_read(request, pk: int | None = None):
    services.notification_mark_read(user=request.user, pk=pk)
    return redirect("notifications:list")
