"""Who am I: the caller as the API knows them (works on park hosts and the hub)."""

from django.db import connection
from django.http import JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ..errors import error_body


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField()
    role = serializers.CharField()
    site = serializers.CharField(help_text="The park's slug, or `hub` on the district hub.")


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MeSerializer, summary="The signed-in caller")
    def get(self, request):
        tenant = getattr(connection, "tenant", None)
        schema = getattr(tenant, "schema_name", "public")
        site = "hub" if schema == "public" else getattr(tenant, "slug", schema)
        user = request.user
        return Response(
            MeSerializer(
                {
                    "username": user.username,
                    "full_name": user.full_name,
                    "role": user.role,
                    "site": site,
                }
            ).data
        )


def not_found(request, *args, **kwargs):
    """Any other path under /api/v1/: a 404 in the API's error shape (not the site's HTML page),
    e.g. an id that is not a number."""
    detail = exceptions.NotFound.default_detail
    return JsonResponse(error_body("not_found", str(detail)), status=404)
