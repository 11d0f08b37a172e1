"""The park's public content as JSON: the park, policies, services, news, notifications and the
public progress of an appeal. Rich text is given as the HTML the site renders (Wagtail keeps an
editor's rich text to its allowed tags), with a plain summary beside it."""

from django.conf import settings
from django.utils.html import strip_tags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from cms.models.policies import EnterpriseSize, PolicyLevel, PolicyStatus
from cms.models.services import ServiceCategory
from cms.selectors import pages_public


def _absolute(context: dict, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None and path else path


def _page_url(context: dict, page) -> str:
    request = context.get("request")
    return _absolute(context, page.get_url(request=getattr(request, "_request", None)) or "")


def _stream_html(value) -> str:
    """A StreamField as the site renders it (each block with its own template)."""
    return str(value) if value else ""


# --- The park ------------------------------------------------------------------------------


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ParkSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="The park's Chinese name.")
    name_en = serializers.CharField(help_text="The park's English name (may be empty).")
    featured_focus = serializers.CharField(help_text="What the park's platform is known for.")
    theme_colour = serializers.CharField(help_text="A colour like #0b5fa5.")
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    service_hours = serializers.CharField()
    languages = LanguageSerializer(many=True)

    @staticmethod
    def build(park, site_settings) -> dict:
        """The park row with its site settings (the settings' colour wins, as on the site)."""

        def setting(name: str) -> str:
            return getattr(site_settings, name, "") or ""

        return {
            "slug": park.slug,
            "name": park.name,
            "name_en": park.name_en,
            "featured_focus": park.featured_focus,
            "theme_colour": setting("theme_colour") or park.theme_colour,
            "address": setting("address"),
            "phone": setting("phone"),
            "email": setting("email"),
            "service_hours": setting("service_hours"),
            "languages": [{"code": code, "name": str(name)} for code, name in settings.LANGUAGES],
        }


# --- Policies ------------------------------------------------------------------------------


class SearchTextField(serializers.CharField):
    """Free text of a filter or search: NUL characters dropped (the site's search drops every
    non-word character), not refused."""

    def to_internal_value(self, data):
        return super().to_internal_value(data).replace("\x00", "")


class PolicyQuerySerializer(serializers.Serializer):
    """The policy library's filters, as on the site's policy library page."""

    level = serializers.ChoiceField(choices=PolicyLevel.choices, required=False)
    topic = SearchTextField(required=False, allow_blank=True, max_length=50)
    in_force = serializers.BooleanField(required=False, default=False)
    open = serializers.BooleanField(
        required=False, default=False, help_text="Only policies open for applications today."
    )
    q = SearchTextField(
        required=False, allow_blank=True, max_length=100, help_text="Chinese-aware search."
    )

    def params(self) -> dict:
        """The filters as the site's selector reads a query string."""
        data = self.validated_data
        return {
            "level": data.get("level", ""),
            "topic": data.get("topic", ""),
            "in_force": "1" if data["in_force"] else "",
            "open": "1" if data["open"] else "",
            "q": data.get("q", ""),
        }


class PolicySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    issuing_authority = serializers.CharField()
    document_number = serializers.CharField()
    level = serializers.ChoiceField(choices=PolicyLevel.choices)
    level_label = serializers.CharField(source="get_level_display")
    publish_date = serializers.DateField()
    effective_date = serializers.DateField()
    expiry_date = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=PolicyStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    application_opens = serializers.DateField(allow_null=True)
    application_closes = serializers.DateField(allow_null=True)
    application_open = serializers.BooleanField(help_text="Open for applications today.")
    topics = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="The policy's page on the park's site.")

    def get_topics(self, page) -> list[str]:
        return sorted(tag.name for tag in page.tags.all())

    def get_url(self, page) -> str:
        return _page_url(self.context, page)


class KeyPointSerializer(serializers.Serializer):
    title = serializers.CharField()
    detail = serializers.CharField()


class ChoiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class EligibilitySerializer(serializers.Serializer):
    industries = serializers.ListField(child=serializers.CharField())
    enterprise_sizes = ChoiceSerializer(many=True)
    min_years_since_founding = serializers.IntegerField(allow_null=True)
    max_years_since_founding = serializers.IntegerField(allow_null=True)
    qualifications = serializers.ListField(child=serializers.CharField())


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    file_extension = serializers.CharField()


def _documents(context: dict, stream) -> list[dict]:
    return [
        {
            "title": block.value.title,
            "url": _absolute(context, block.value.url),
            "file_extension": block.value.file_extension,
        }
        for block in stream
        if block.value is not None
    ]


class PolicyDetailSerializer(PolicySerializer):
    interpretation_html = serializers.SerializerMethodField()
    key_points = serializers.SerializerMethodField()
    eligibility = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()

    def get_interpretation_html(self, page) -> str:
        return expand_db_html(page.interpretation) if page.interpretation else ""

    @extend_schema_field(KeyPointSerializer(many=True))
    def get_key_points(self, page) -> list[dict]:
        return [
            {"title": block.value["title"], "detail": block.value["detail"] or ""}
            for block in page.key_points
        ]

    @extend_schema_field(EligibilitySerializer)
    def get_eligibility(self, page) -> dict:
        return {
            "industries": [industry.name for industry in page.industries.all()],
            "enterprise_sizes": [
                {"code": size, "label": str(EnterpriseSize(size).label)}
                for size in page.enterprise_sizes
                if size in EnterpriseSize.values
            ],
            "min_years_since_founding": page.min_years_since_founding,
            "max_years_since_founding": page.max_years_since_founding,
            "qualifications": [item.name for item in page.qualifications.all()],
        }

    @extend_schema_field(DocumentSerializer(many=True))
    def get_attachments(self, page) -> list[dict]:
        return _documents(self.context, page.attachments)


# --- Services (一园一策) and news -----------------------------------------------------------


class ServiceQuerySerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=ServiceCategory.choices, required=False)


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    category = serializers.ChoiceField(choices=ServiceCategory.choices)
    category_label = serializers.CharField(source="get_category_display")
    provider_name = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_provider_name(self, page) -> str:
        return page.provider.name if page.provider is not None else ""

    def get_url(self, page) -> str:
        return _page_url(self.context, page)


class ProviderSerializer(serializers.Serializer):
    name = serializers.CharField()
    contact_person = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    address = serializers.CharField()
    description = serializers.CharField()


class PageLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class ServiceDetailSerializer(ServiceSerializer):
    audience = serializers.CharField()
    how_to_get_html = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()
    provider = ProviderSerializer(allow_null=True)
    related_policies = serializers.SerializerMethodField(
        help_text="Only live policies anyone may see."
    )

    def get_how_to_get_html(self, page) -> str:
        return expand_db_html(page.how_to_get) if page.how_to_get else ""

    def get_body_html(self, page) -> str:
        return _stream_html(page.body)

    @extend_schema_field(PageLinkSerializer(many=True))
    def get_related_policies(self, page) -> list[dict]:
        chosen = pages_public(block.value for block in page.related_policies)
        return [{"id": policy.pk, "title": policy.title} for policy in chosen]


class NewsSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, page) -> str:
        return _page_url(self.context, page)


class NewsDetailSerializer(NewsSerializer):
    body_html = serializers.SerializerMethodField()
    body_text = serializers.SerializerMethodField()
    image_url = serializers.SerializerMethodField()

    def get_body_html(self, page) -> str:
        return _stream_html(page.body)

    def get_body_text(self, page) -> str:
        return strip_tags(_stream_html(page.body)).strip()

    @extend_schema_field(OpenApiTypes.STR)
    def get_image_url(self, page) -> str | None:
        if page.image is None:
            return None
        try:
            rendition = page.image.get_rendition("fill-800x400")
        except SourceImageIOError:  # the file is gone: the news item without its picture
            return None
        return _absolute(self.context, rendition.url)


# --- Notifications -------------------------------------------------------------------------


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    body = serializers.CharField()
    url = serializers.CharField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class ReadAllSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notices were unread and are now read.")
    unread = serializers.IntegerField()


# --- Public progress of an appeal ------------------------------------------------------------


class ProgressQuerySerializer(serializers.Serializer):
    """Documents the query; the site's LookupForm validates it."""

    tracking_number = serializers.RegexField(
        r"^[A-Za-z]{2,6}-[0-9]{8}-[0-9]{4,6}$", help_text="E.g. TAYG-20261127-0042."
    )
    # The number ranges the site's mobile check (phonenumbers) accepts as mainland mobiles.
    mobile = serializers.RegexField(
        r"^1(3[0-9]|4[57]|5[0-35-9]|6[2567]|7[0-35-8]|8[0-9]|9[0-35-9])[0-9]{8}$",
        help_text="The enterprise's registered mainland mobile number.",
    )


class ProgressEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField(source="action_text")
    actor_name = serializers.CharField()
    to_status = serializers.CharField()
    to_label = serializers.CharField()


class ProgressSerializer(serializers.Serializer):
    tracking_number = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    submitted_at = serializers.DateTimeField()
    department_due = serializers.DateField(allow_null=True)
    events = serializers.SerializerMethodField(help_text="The public steps, oldest first.")

    @extend_schema_field(ProgressEventSerializer(many=True))
    def get_events(self, appeal) -> list[dict]:
        return ProgressEventSerializer(self.context["events"], many=True).data
