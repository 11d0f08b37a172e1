"""How the OpenAPI schema describes our authentication (drf-spectacular extensions; imported
by ApiConfig.ready so they are registered before a schema is built)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (pp_…) issued at /accounts/tokens/.",
        }


# What any operation of the API may answer besides its own success, all in the one error shape
# (api/errors.py): bad input, no or a bad credential, a role or object not the caller's, a method
# the path does not take, a body too large or of a type not parsed, a rate limit.
ERROR_STATUSES = ("400", "401", "403", "404", "405", "413", "415", "429")


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema with the error answers documented on every operation, so a
    client (and schemathesis) knows every status it can get."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        from .serializers.common import ErrorSerializer  # noqa: PLC0415 - serializers need apps

        for status in ERROR_STATUSES:
            if status not in responses:
                responses[status] = self._get_response_for_code(
                    ErrorSerializer, status, direction=direction
                )
        return responses
