"""The park's Wagtail site: set up at provisioning time, in the park's schema."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import ParkHomePage


@transaction.atomic
def park_site_set_up(*, park, hostname: str) -> ParkHomePage:
    """Replace Wagtail's welcome page with the park home page and serve it on `hostname`."""
    root = Page.objects.get(depth=1)
    home = ParkHomePage.objects.first()
    if home is None:
        for page in root.get_children().exclude(content_type__model="parkhomepage"):
            Site.objects.filter(root_page=page).delete()
            page.delete()
        home = ParkHomePage(
            title=park.name, slug="home", featured_focus=park.featured_focus, seo_title=park.name
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": hostname,
            "port": 80,
            "site_name": park.name,
            "root_page": home,
        },
    )
    return home
