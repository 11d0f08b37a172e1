"""The demo content: enough of everything in every park, and each park reads differently."""

from django.utils import timezone
from django_tenants.utils import schema_context

from cms.models import GuidePage, NewsPage, PolicyPage, ServicePage
from cms.models.policies import PolicyLevel
from demo.content import content_seed
from demo.parks import PARKS

# Minimums on purpose: a park may gain content; what matters is that none falls short.
AT_LEAST = {PolicyPage: 8, ServicePage: 6, NewsPage: 3, GuidePage: 2}


def test_every_demo_park_has_its_own_full_content(park_a):
    today = timezone.localdate()
    policy_titles = {}
    # Each park's content is seeded into one test park in turn, emptied after each check.
    with schema_context(park_a.schema_name):
        for spec in PARKS:
            content_seed(park_slug=spec.slug)
            counts = [model.objects.count() for model in AT_LEAST]
            content_seed(park_slug=spec.slug)
            assert [model.objects.count() for model in AT_LEAST] == counts  # idempotent
            for model, minimum in AT_LEAST.items():
                assert model.objects.live().count() >= minimum, (spec.slug, model)
            policies = PolicyPage.objects.live()
            assert {p.status_on(today) for p in policies} >= {"in_force", "expired"}
            assert policies.application_open(today).exists()
            assert set(policies.values_list("level", flat=True)) == set(PolicyLevel.values)
            policy_titles[spec.slug] = set(policies.values_list("title", flat=True))
            for model in AT_LEAST:
                for page in model.objects.all():
                    page.delete()
    assert set.intersection(*policy_titles.values()) == {"国家高新技术企业认定管理办法解读"}
