from django.db.models import QuerySet
from wagtail.models import PageViewRestriction

from cms.cache import shared


class SharedViewRestrictionsMixin:
    """Wagtail asks for a page's view restrictions (its own, its ancestors', their aliases'
    sources') each time it serves the page: two queries. Which restrictions apply is kept per
    content generation (saving or deleting a restriction, moving or deleting a page bumps it);
    the restrictions themselves are read only when there are some."""

    pk: int | None  # the page's, from Wagtail's Page

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        restrictions = super().get_view_restrictions  # type: ignore[misc]
        if self.pk is None:
            return restrictions()
        ids = shared(
            f"view-restrictions:{self.pk}",
            lambda: list(restrictions().values_list("pk", flat=True)),
        )
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
