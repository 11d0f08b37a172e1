from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from .models import ParkSettings
from .selectors import search_pages


@cache_control(max_age=300, public=True)
def theme_css(request):
    """The park's theme colour as a CSS variable (keeps templates free of inline styles)."""

    chosen = ParkSettings.objects.filter(site__is_default_site=True).values_list(
        "theme_colour", flat=True
    )
    colour = next((c for c in chosen if c), request.tenant.theme_colour)
    return HttpResponse(f":root {{ --pp-theme: {colour}; }}\n", content_type="text/css")


def search(request):
    """Site-wide search of the park's live pages (Chinese-aware, see cms.segment)."""

    query = request.GET.get("q", "").strip()
    results = search_pages(query) if query else []
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": page})
