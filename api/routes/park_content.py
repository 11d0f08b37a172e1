"""Routes of this part of the JSON API (mounted under /api/v1/)."""

urlpatterns: list = []
