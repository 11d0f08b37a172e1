"""Property-based testing of the whole OpenAPI schema (schemathesis): every operation of the park
and hub APIs, called with generated input by each kind of caller, never answers a server error and
always answers what the schema documents (status, content type, body shape)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_tenants.utils import schema_context
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from notifications.services import notify

from ..appeals import files
from ..appeals.helpers import dispatched_case
from ..cms import content
from ..servicedays.helpers import book, day_create, first_slot, persona_enterprise
from .conftest import issue_token

pytestmark = pytest.mark.django_db

HOSTS = {"alpha": "alpha.localhost", "public": "localhost"}
# The callers every operation is fuzzed as: (schema, persona; None: anonymous).
CALLERS = {
    "park-enterprise": ("alpha", "enterprise_user"),
    "park-window": ("alpha", "window_staff"),
    "park-anonymous": ("alpha", None),
    "hub-liaison": ("public", "liaison"),
    "hub-district-admin": ("public", "district_admin"),
}


# The checks about input the schema cannot fully describe: a request valid by the schema may
# still be refused by a rule (an unknown category, a slot already full: 400), and one invalid
# by it may still be taken (unknown fields are ignored). What is asserted is the rest: no server
# error, and every answer (status, content type, headers, body) as the schema documents it.
BUSINESS_RULE_CHECKS = [positive_data_acceptance, negative_data_rejection]


def _load(site: str) -> tuple[schemathesis.schemas.BaseSchema, dict]:
    schema_name, username = CALLERS[site]
    host = HOSTS[schema_name]
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/schema/?format=json", get_wsgi_application(), base_url=f"http://{host}"
    )
    headers = {"Authorization": f"Bearer {issue_token(schema_name, username)}"} if username else {}
    return schema, {"base_url": f"http://{host}", "headers": headers}


@pytest.fixture(autouse=True)
def _connection_kept_across_requests():
    """Inside a test the WSGI app must not close the test's connection after each request (it
    would end the test's transaction); Django's test client does the same."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _fuzz(site: str) -> list[str]:
    """Every operation of the site's schema, each with generated cases; the failures found."""
    schema, call = _load(site)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @_settings
        @given(case=operation.as_strategy())
        def run(case):
            case.call_and_validate(**call, excluded_checks=BUSINESS_RULE_CHECKS)

        try:
            run()
        except Exception as exc:
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:2000])
    return failures


_settings = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


@pytest.fixture
def world(settings, tmp_path):
    """Objects in every list the callers can read, so lists answer with real rows to check
    against the schema: the enterprise's appeal (a case at the hub, with a file), a policy, a
    service, news, a service day with the enterprise's booking, a notification."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    dispatched_case("alpha", uploads=[files.pdf("材料.pdf")], title="模糊测试：融资对接")
    with schema_context("alpha"):
        content.policy("模糊测试政策")
        content.service("模糊测试服务")
        content.news("模糊测试动态")
        mine = persona_enterprise()
        book(first_slot(day_create()), mine)
        notify(recipients=[mine.account], title="模糊测试通知")


@pytest.mark.parametrize("caller", CALLERS)
def test_api_conforms_to_its_schema(caller, world):
    assert _fuzz(caller) == []
