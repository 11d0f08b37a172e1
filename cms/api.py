"""Wagtail API v2 for phone and mini-program clients, with the same Chinese search as the site."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .segment import segment_query


class SegmentedSearchFilter(SearchFilter):
    """`?search=` segmented with jieba, all words required (as on the site)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        params = request.GET.copy()
        words = segment_query(params["search"])
        if not words:
            return queryset.none()
        params["search"] = words
        params.setdefault("search_operator", "and")
        request._request.GET = params  # DRF reads GET from the Django request
        return super().filter_queryset(request, queryset, view)


class ParkPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        SegmentedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ParkPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
