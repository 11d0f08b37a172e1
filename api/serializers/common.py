"""Serializers every part of the API shares: the one error shape, for the schema."""

from rest_framework import serializers


class FieldErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine code, e.g. `wrong_status`, `not_found`.")
    message = serializers.CharField(
        help_text="For people: Chinese, or English on Accept-Language: en."
    )
    fields = serializers.DictField(
        child=FieldErrorSerializer(many=True), required=False, help_text="Input errors per field."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


# Spread into `extend_schema(responses={200: X, **ERRORS})`: what any endpoint may answer.
ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404, 405, 413, 415, 429)}
READ_ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404, 405, 429)}
