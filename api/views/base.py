"""What every JSON API view shares: signed-in callers only unless a view says otherwise."""

from rest_framework.permissions import IsAuthenticated


class SignedIn:
    """Mixin for the API's views: the default permission is a signed-in caller."""

    permission_classes = [IsAuthenticated]
