"""The in-process host → park cache follows changes made by other processes."""

from django_redis import get_redis_connection

from tenants import routing
from tenants.models import Domain
from tests.conftest import host_client


def test_a_domain_moved_by_another_process_is_followed_after_the_recheck(park_a, park_b):
    Domain.objects.create(domain="moving.localhost", tenant=park_a)
    assert "阿尔法科技园" in host_client("moving.localhost").get("/").content.decode()

    # Another process moves the domain: no signal fires here, only the shared counter moves.
    Domain.objects.filter(domain="moving.localhost").update(tenant=park_b)
    get_redis_connection("default").set(routing.GENERATION_KEY, "changed-elsewhere")
    routing._state["checked_at"] = 0.0  # the recheck interval has passed

    assert "贝塔创新园" in host_client("moving.localhost").get("/").content.decode()


def test_a_deleted_domain_stops_routing_at_once(park_a):
    Domain.objects.create(domain="gone.localhost", tenant=park_a)
    assert host_client("gone.localhost").get("/").status_code == 200
    Domain.objects.get(domain="gone.localhost").delete()
    assert host_client("gone.localhost").get("/").status_code == 404
