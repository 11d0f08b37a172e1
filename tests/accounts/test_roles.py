"""Who a person is: one property per role, which the pages ask instead of comparing the role,
and the links of the header that follow from it."""

import pytest

from accounts.models import Role, User
from tests.conftest import log_in

ROLE_PROPERTIES = {
    Role.ENTERPRISE: "is_enterprise",
    Role.WINDOW_STAFF: "is_window_staff",
    Role.PARK_OPERATOR: "is_park_operator",
    Role.LIAISON: "is_liaison",
    Role.DISTRICT_ADMIN: "is_district_admin",
}


def true_properties(person: User) -> set[str]:
    return {name for name in ROLE_PROPERTIES.values() if getattr(person, name)}


@pytest.mark.parametrize("role", list(ROLE_PROPERTIES))
def test_a_role_property_is_true_for_its_role_and_false_for_every_other(role):
    assert true_properties(User(role=role)) == {ROLE_PROPERTIES[role]}


def test_a_content_manager_has_none_of_the_role_properties():
    assert true_properties(User(role=Role.CONTENT_MANAGER)) == set()


PARK_LINKS = {
    "enterprise_user": {"/appeals/", "/service-days/mine/"},
    "window_staff": {"/office/appeals/", "/office/enterprises/", "/office/service-days/"},
    "park_operator": {"/office/service-days/"},
    "content_manager": set(),
}
ALL_PARK_LINKS = set().union(*PARK_LINKS.values())


def header(client) -> str:
    """The account links at the top of a page."""
    page = client.get("/notifications/").content.decode()
    return page.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("username", list(PARK_LINKS))
def test_the_park_header_links_what_the_role_may_open_and_nothing_else(park_a_client, username):
    log_in(park_a_client, username)
    shown = header(park_a_client)
    for link in ALL_PARK_LINKS:
        assert (f'href="{link}"' in shown) == (link in PARK_LINKS[username]), link


@pytest.mark.parametrize(
    ("username", "arbitration"), [("district_admin", True), ("liaison", False)]
)
def test_the_hub_header_links_arbitration_for_the_district_admin_only(
    hub_client, username, arbitration
):
    log_in(hub_client, username)
    shown = header(hub_client)
    assert 'href="/cases/"' in shown
    assert 'href="/service-days/"' in shown
    assert ('href="/arbitration/"' in shown) == arbitration


@pytest.mark.parametrize(
    ("username", "returned_cases"), [("district_admin", True), ("liaison", False)]
)
def test_the_hub_home_counts_returned_cases_for_the_district_admin_only(
    hub_client, username, returned_cases
):
    log_in(hub_client, username)
    home = hub_client.get("/").content.decode()
    assert ('href="/arbitration/"' in home.split("</header>", 1)[1]) == returned_cases
