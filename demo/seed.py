"""`manage.py seed_demo`: the hub, the five parks and their content, then a year of appeals and
service days (which need the parks' enterprises and the hub's departments), then proactive
service (profiles, matches, outreach, visits, a district policy). Idempotent."""

from django.conf import settings

from tenants.models import Park
from tenants.services import hub_ensure, in_public_schema

from .appeals import demo_appeals_seed
from .appeals.texts import APPEALS_PER_PARK
from .parks import PARKS, seed_hub, seed_park
from .proactive import demo_proactive_seed
from .servicedays import demo_service_days_seed


@in_public_schema
def seed(progress=print, appeals_per_park: int = APPEALS_PER_PARK) -> list[Park]:
    """The whole demo; fewer appeals per park (at least one per scenario: 20) seed faster."""
    progress("district hub")
    hub = hub_ensure(domain=settings.HUB_DOMAIN, name="龙岗区政企服务中心")
    if settings.HUB_DOMAIN != "127.0.0.1":
        hub.domains.get_or_create(domain="127.0.0.1", defaults={"is_primary": False})
    seed_hub()
    parks = []
    for number, spec in enumerate(PARKS, start=1):
        progress(f"park {number}/{len(PARKS)}: {spec.name}")
        parks.append(seed_park(spec, number))
    demo_appeals_seed(parks=parks, progress=progress, count=appeals_per_park)
    demo_service_days_seed(parks=parks, progress=progress)
    demo_proactive_seed(parks=parks, progress=progress)
    return parks
