from django.shortcuts import render

from .selectors import park_list_for_hub, park_url


def hub_home(request):
    parks = [
        {"park": park, "url": park_url(domain, request)} for park, domain in park_list_for_hub()
    ]
    return render(request, "tenants/hub_home.html", {"parks": parks})
