"""The people and the category the appeal benches use, created once in the bench database.

Runs in the bench process after django.setup(). Everything goes through the app's services,
the way a district admin and a park window would set it up.
"""

from dataclasses import dataclass

from . import provision

PARK_NUMBER = 2
PARK = provision.slug(PARK_NUMBER)  # bench02
HOST = provision.domain(PARK_NUMBER)
PASSWORD = "Bench-Appeal-2026"
ENTERPRISE_MOBILE = "13800138001"  # also the enterprise account's user name
WINDOW_USERNAME = "bench_window"
LIAISON_USERNAME = "bench_liaison"
QUEUE = "ppbench"  # = bench.settings_appeals.CELERY_TASK_DEFAULT_QUEUE


@dataclass(frozen=True)
class Actors:
    category_id: int
    enterprise_id: int
    window_staff_id: int


def ensure() -> Actors:
    """A department with a liaison and a category (hub); a verified enterprise and a window
    staff member (park PARK). Idempotent."""
    from django_tenants.utils import schema_context

    from accounts.models import Role, User
    from accounts.services import user_create
    from demo.parks import demo_uscc
    from enterprises.models import Enterprise
    from enterprises.services import (
        enterprise_register,
        enterprise_verify,
        registration_code_issue,
    )
    from onewindow.models import AppealCategory, Liaison
    from onewindow.services.directory import department_ensure, liaison_create

    with schema_context("public"):
        department = department_ensure(
            name="区基准测试服务局", short_name="基准局", contact_phone="0755-28900000"
        )
        if not Liaison.objects.filter(user__username=LIAISON_USERNAME).exists():
            liaison_create(
                username=LIAISON_USERNAME,
                password=PASSWORD,
                department=department,
                full_name="基准局联络员",
                email="liaison@bench.example.cn",
            )
        category, _created = AppealCategory.objects.get_or_create(
            name="基准测试：企业经营",
            defaults={
                "description": "基准测试用的诉求类别",
                "default_department": department,
                "window_deadline_days": 1,
                "department_deadline_days": 5,
            },
        )
    with schema_context(PARK):
        window = User.objects.filter(username=WINDOW_USERNAME).first()
        if window is None:
            window = user_create(
                username=WINDOW_USERNAME,
                password=PASSWORD,
                role=Role.WINDOW_STAFF,
                full_name="窗口基准",
                email="window@bench.example.cn",
            )
        enterprise = Enterprise.objects.filter(account__username=ENTERPRISE_MOBILE).first()
        if enterprise is None:
            enterprise = enterprise_register(
                company_name="深圳市基准测试科技有限公司",
                uscc=demo_uscc(9000 + PARK_NUMBER),
                contact_name="李经理",
                mobile=ENTERPRISE_MOBILE,
                # The bench holds the number: it asks for the code and types it in.
                mobile_code=registration_code_issue(mobile=ENTERPRISE_MOBILE),
                password=PASSWORD,
                email="enterprise@bench.example.cn",
            )
            enterprise = enterprise_verify(enterprise=enterprise, by=window, approve=True)
    return Actors(category_id=category.pk, enterprise_id=enterprise.pk, window_staff_id=window.pk)


def queue_purge() -> int:
    """Drop what is waiting in the bench's own Celery queue; returns how many messages."""
    from portal.celery import app

    with app.connection_for_write() as connection:
        return connection.default_channel.queue_purge(QUEUE) or 0
