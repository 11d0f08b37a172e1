"""Who is calling: the session (the site's own pages, the docs page) or a personal API token."""

from django.core.exceptions import ValidationError
from rest_framework import authentication, exceptions

from accounts.tokens import token_authenticate


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer pp_…` — a personal token issued in the account page.

    A wrong, expired or revoked token is a 401 (never a silent anonymous request), and counts
    as a failed login of the client; while locked out, 429."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(code="token_invalid")
        try:
            raw = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(code="token_invalid") from None
        try:
            user = token_authenticate(request._request, raw)
        except ValidationError as exc:
            raise exceptions.Throttled(code="throttled", detail=exc.messages[0]) from None
        if user is None:
            raise exceptions.AuthenticationFailed(code="token_invalid")
        return user, raw.split("_", 2)[1]

    def authenticate_header(self, request):
        return self.keyword
