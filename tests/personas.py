"""Persona accounts for tests: the same personas in park alpha, park beta and the hub."""

from django_tenants.utils import schema_context

from accounts.models import Role, User
from accounts.services import user_create
from demo.parks import demo_uscc
from enterprises.models import Enterprise
from onewindow.models import AppealCategory, Department, Liaison
from tenants.models import Park
from tenants.services import ParkSpec, hub_ensure, park_create

PASSWORD = "Correct-Horse-42"

TEST_PARKS = [
    ParkSpec(
        "alpha", "阿尔法科技园", "alpha.localhost", "ALFA", "Alpha Park", "智慧服务", "#0b5fa5"
    ),
    ParkSpec("beta", "贝塔创新园", "beta.localhost", "BETA", "Beta Park", "股权融资", "#6a2c91"),
]

PARK_PERSONAS = {
    "enterprise_user": Role.ENTERPRISE,
    "other_enterprise_user": Role.ENTERPRISE,
    "window_staff": Role.WINDOW_STAFF,
    "park_operator": Role.PARK_OPERATOR,
    "content_manager": Role.CONTENT_MANAGER,
}


def seed_test_parks() -> None:
    hub_ensure(domain="localhost", name="龙岗区政企服务中心")
    for spec in TEST_PARKS:
        if not Park.objects.filter(slug=spec.slug).exists():
            park_create(spec=spec)


def seed_personas() -> None:
    for number, spec in enumerate(TEST_PARKS, start=1):
        with schema_context(spec.slug):
            for offset, (username, role) in enumerate(PARK_PERSONAS.items()):
                user = user_create(
                    username=username,
                    password=PASSWORD,
                    role=role,
                    full_name=username,
                    email=f"{username}@{spec.slug}.example.cn",
                )
                if role == Role.ENTERPRISE:
                    Enterprise.objects.create(
                        account=user,
                        name=f"{spec.name}{username}公司",
                        uscc=demo_uscc(900 + number * 10 + offset),
                        contact_name=username,
                        mobile=f"139{number:04d}{offset:04d}",
                        status=Enterprise.Status.VERIFIED,
                    )
    first = Department.objects.create(name="工业和信息化局", short_name="工信局")
    second = Department.objects.create(name="科技创新局", short_name="科创局")
    AppealCategory.objects.create(name="融资服务", default_department=first)
    for username, department in (("liaison", first), ("other_liaison", second)):
        user = user_create(username=username, password=PASSWORD, role=Role.LIAISON)
        Liaison.objects.create(user=user, department=department)
    user_create(username="district_admin", password=PASSWORD, role=Role.DISTRICT_ADMIN)


def user_in(schema: str, username: str) -> User:
    with schema_context(schema):
        return User.objects.get(username=username)
