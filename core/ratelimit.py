"""Rate-limit keys for django-ratelimit in the shared cache (keys without the schema).

Accounts are per schema, so django-ratelimit's own `user_or_ip` (the user's pk alone) made user 7
of one park and user 7 of another spend one budget. `account_or_ip` names the account with its
schema; anonymous callers are still counted by address, across parks and the hub.
"""

from django.http import HttpRequest
from django_ratelimit.core import user_or_ip

from .tasks import schema_current


def account_or_ip(_group: str, request: HttpRequest) -> str:
    """`<schema>:<pk>` for a signed-in account, else the client's address (as `user_or_ip`)."""
    if request.user.is_authenticated:
        return f"{schema_current()}:{request.user.pk}"
    return str(user_or_ip(request))
