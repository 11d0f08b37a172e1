"""Who am I: the caller as the API knows them (works on park hosts and the hub)."""

from django.db import connection
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView


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
