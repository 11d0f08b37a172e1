"""StreamField blocks. Each renders with its own template under templates/cms/blocks/."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from servicedays.selectors import service_days_upcoming

from .cache import shared


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        template = "cms/blocks/rich_text.html"
        icon = "pilcrow"


class SharedRenderingMixin:
    """A block whose HTML is the same for every visitor of the park (no user, no path): rendered
    once per content generation, language and Shanghai date (cms.cache.shared), so a signed-in
    visitor's page does not query its pages again. Keyed by the block's own value too: a
    preview or a second block of the same kind has its own rendering."""

    name: str  # the block's, from Wagtail's Block

    def render(self, value, context=None):
        request = context.get("request") if context is not None else None
        prep = json.dumps(self.get_prep_value(value), sort_keys=True, cls=DjangoJSONEncoder)  # type: ignore[attr-defined]
        digest = hashlib.sha256(prep.encode()).hexdigest()[:32]
        # A SafeString, kept as one (pickled with its class): the block template's own output.
        return shared(
            f"block:{self.name}:{digest}",
            lambda: super(SharedRenderingMixin, self).render(value, context),  # type: ignore[misc]
            request=request,
        )


class HighlightedServicesBlock(SharedRenderingMixin, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Featured services"))
    services = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="cms.ServicePage"), label=_("Services")
    )

    class Meta:
        template = "cms/blocks/highlighted_services.html"
        icon = "list-ul"
        label = _("Highlighted services")

    def get_context(self, value, parent_context=None):
        # Imported here: cms.selectors imports the page models, which import these blocks.
        from cms.selectors import services_shown  # noqa: PLC0415 - an import cycle

        context = super().get_context(value, parent_context=parent_context)
        context["services"] = services_shown(value["services"])
        return context


class LatestPoliciesBlock(SharedRenderingMixin, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Latest policies"))
    count = blocks.IntegerBlock(label=_("How many"), default=5, min_value=1, max_value=20)

    class Meta:
        template = "cms/blocks/latest_policies.html"
        icon = "doc-full"
        label = _("Latest policies")

    def get_context(self, value, parent_context=None):
        from cms.selectors import latest_policies  # noqa: PLC0415 - an import cycle (see above)

        context = super().get_context(value, parent_context=parent_context)
        context["policies"] = latest_policies(count=value["count"])
        return context


class LatestNewsBlock(SharedRenderingMixin, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Park news"))
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=20)

    class Meta:
        template = "cms/blocks/latest_news.html"
        icon = "doc-empty"
        label = _("Latest news")

    def get_context(self, value, parent_context=None):
        from cms.selectors import latest_news  # noqa: PLC0415 - an import cycle (see above)

        context = super().get_context(value, parent_context=parent_context)
        context["news"] = latest_news(count=value["count"])
        return context


class ServiceDaysBlock(SharedRenderingMixin, blocks.StructBlock):
    """Upcoming enterprise service days (企业服务日), linking to the park's calendar page.
    Seat counts are left to the day pages: the block is shared by every visitor of the park."""

    heading = blocks.CharBlock(label=_("Heading"), default=_("Upcoming service days"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["days"] = service_days_upcoming()[:3]
        return context

    class Meta:
        template = "cms/blocks/service_days.html"
        icon = "date"
        label = _("Upcoming service days")


class AppealEntryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Need help from the government?"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), default=_("Submit an appeal"))

    class Meta:
        template = "cms/blocks/appeal_entry.html"
        icon = "help"
        label = _("Submit-an-appeal entry")


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), default=_("Contact and service hours"))

    class Meta:
        template = "cms/blocks/contact.html"
        icon = "mail"
        label = _("Contact and service hours")


class KeyPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Point"))
    detail = blocks.TextBlock(label=_("Detail"), required=False)

    class Meta:
        template = "cms/blocks/key_point.html"
        icon = "tick"
        label = _("Key point")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    detail = blocks.RichTextBlock(label=_("Detail"), required=False)

    class Meta:
        template = "cms/blocks/step.html"
        icon = "list-ol"
        label = _("Step")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"))

    class Meta:
        template = "cms/blocks/question.html"
        icon = "help"
        label = _("Question and answer")


class DocumentBlock(DocumentChooserBlock):
    class Meta:
        template = "cms/blocks/document.html"
        icon = "doc-full"
        label = _("Attachment")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    alt_text = blocks.CharBlock(label=_("Alternative text"))

    class Meta:
        template = "cms/blocks/image.html"
        icon = "image"
        label = _("Image")


HOME_BLOCKS = [
    ("highlighted_services", HighlightedServicesBlock()),
    ("latest_policies", LatestPoliciesBlock()),
    ("service_days", ServiceDaysBlock()),
    ("latest_news", LatestNewsBlock()),
    ("appeal_entry", AppealEntryBlock()),
    ("contact", ContactBlock()),
    ("rich_text", RichTextBlock()),
]
BODY_BLOCKS = [
    ("rich_text", RichTextBlock()),
    ("image", ImageBlock()),
    ("document", DocumentBlock()),
]
