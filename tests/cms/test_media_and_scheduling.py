"""Images stay in their park; scheduled pages go live from beat."""

import datetime
import io

import time_machine
from django.core.files.images import ImageFile
from django.utils import timezone
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from tests.cms import content


def png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#0b5fa5").save(buffer, "PNG")
    return ImageFile(buffer, name="logo.png")


def test_an_image_of_park_a_is_not_listed_on_park_b(park_a, park_a_client, park_b_client):
    from wagtail.images.models import Image

    with schema_context(park_a.schema_name):
        Image.objects.create(title="阿尔法园区航拍图", file=png())
    assert "阿尔法园区航拍图" in park_a_client.get("/api/v2/images/").content.decode()
    assert "阿尔法园区航拍图" not in park_b_client.get("/api/v2/images/").content.decode()


def test_a_scheduled_page_goes_live_when_beat_runs_the_publisher(park_a, park_a_client):
    from wagtail.models import Revision

    from cms.tasks import publish_scheduled_pages

    with schema_context(park_a.schema_name):
        page = content.news("定时发布的动态")
        url = page.url
        page.unpublish()
        page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        page.save_revision().publish()  # a future go-live time only schedules it
        assert Revision.objects.filter(approved_go_live_at__isnull=False).count() == 1
    assert park_a_client.get(url).status_code == 404

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2), tick=False):
        publish_scheduled_pages()  # beat, once the go-live time has passed
    assert park_a_client.get(url).status_code == 200
