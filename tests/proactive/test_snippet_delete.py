"""An industry or qualification that profiles name, or a row of the national classification,
cannot be deleted in the Wagtail admin; others can."""

import datetime

from django_tenants.utils import schema_context

from cms.models import Industry, Qualification
from enterprises.models import Enterprise
from proactive.services.profiles import HeldQualification, profile_for, profile_save
from tests.conftest import host_client, log_in


def manager():
    client = host_client("alpha.localhost")
    log_in(client, "content_manager")
    return client


def delete(client, model: str, pk: int):
    return client.post(f"/admin/snippets/cms/{model}/delete/{pk}/")


def test_what_profiles_use_and_the_classification_are_kept(park_a):
    with schema_context("alpha"):
        enterprise = Enterprise.objects.get(account__username="enterprise_user")
        held = Qualification.objects.create(name="测试资质")
        profile_save(
            profile=profile_for(enterprise),
            by=enterprise.account,
            industry=Industry.objects.get(code="65"),
            founded_on=datetime.date(2019, 3, 1),
            headcount=40,
            revenue_band=500,
            assets_band=None,
            tags=[],
            qualifications=[HeldQualification(held, "C-001", None)],
        )
        classified = Industry.objects.get(code="65")
        cluster = Industry.objects.create(name="测试产业集群", codes=["65"])
        unused = Qualification.objects.create(name="无人使用的资质")
    client = manager()
    refused = delete(client, "industry", classified.pk)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/snippets/cms/industry/")
    assert delete(client, "qualification", held.pk).status_code == 302
    assert delete(client, "industry", cluster.pk).status_code == 302
    assert delete(client, "qualification", unused.pk).status_code == 302
    with schema_context("alpha"):
        assert Industry.objects.filter(pk=classified.pk).exists()
        assert Qualification.objects.filter(pk=held.pk).exists()
        assert not Industry.objects.filter(pk=cluster.pk).exists()
        assert not Qualification.objects.filter(pk=unused.pk).exists()
