from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from servicedays.signals import service_days_changed

from .cache import content_changed
from .models import Industry, ParkSettings, Qualification, ServiceProvider

page_published.connect(content_changed, dispatch_uid="cms-cache-published")
page_unpublished.connect(content_changed, dispatch_uid="cms-cache-unpublished")
post_page_move.connect(content_changed, dispatch_uid="cms-cache-moved")
post_delete.connect(content_changed, sender=Page, dispatch_uid="cms-cache-deleted")
for model in (ParkSettings, ServiceProvider, Industry, Qualification):
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cms-cache-{model.__name__}")
post_save.connect(content_changed, sender=PageViewRestriction, dispatch_uid="cms-cache-restrict")
post_delete.connect(content_changed, sender=ParkSettings, dispatch_uid="cms-cache-settings-deleted")
post_delete.connect(
    content_changed, sender=PageViewRestriction, dispatch_uid="cms-cache-unrestrict"
)
# The navigation's URLs are built from the site's host and root page.
post_save.connect(content_changed, sender=Site, dispatch_uid="cms-cache-site")
post_delete.connect(content_changed, sender=Site, dispatch_uid="cms-cache-site-deleted")
# The home page lists upcoming service days.
service_days_changed.connect(content_changed, dispatch_uid="cms-cache-service-days")
