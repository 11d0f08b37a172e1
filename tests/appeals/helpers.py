"""Building blocks for appeal tests: file, accept, deliver — as the services do it."""

import uuid

from django_tenants.utils import schema_context

from accounts.models import User
from appeals.models import Appeal, OutboxMessage
from appeals.services.intake import appeal_submit
from appeals.services.outbox import outbox_deliver
from appeals.services.window import appeal_accept
from onewindow.models import AppealCategory, Case, ParkMessage
from onewindow.services.outbox import park_message_deliver


def category(name: str = "融资服务", department=None, **fields) -> AppealCategory:
    from onewindow.models import Department

    department = department or Department.objects.get(short_name="工信局")
    found, _created = AppealCategory.objects.get_or_create(
        name=name, defaults={"default_department": department, **fields}
    )
    return found


def submit(schema: str, username: str = "enterprise_user", **fields) -> Appeal:
    with schema_context(schema):
        user = User.objects.get(username=username)
        defaults = {
            "category": category(),
            "title": "贷款贴息申请进度咨询",
            "description": "我司于十月提交了贷款贴息申请，想了解审核进度。",
            "contact_name": "李明",
            "contact_mobile": "13800138001",
            "uploads": [],
            "submission_key": uuid.uuid4(),
        }
        defaults.update(fields)
        return appeal_submit(enterprise=user.enterprise, by=user, **defaults)


def accept(schema: str, appeal: Appeal, **fields) -> Appeal:
    with schema_context(schema):
        staff = User.objects.get(username="window_staff")
        return appeal_accept(appeal=appeal, by=staff, **fields)


def deliver_to_hub(schema: str) -> int:
    """What the worker does after commit: deliver every pending park → hub message."""
    with schema_context(schema):
        ids = list(
            OutboxMessage.objects.filter(delivered_at__isnull=True).values_list("pk", flat=True)
        )
        return sum(outbox_deliver(message_id=pk) for pk in ids)


def deliver_to_parks() -> int:
    ids = ParkMessage.objects.filter(delivered_at__isnull=True).values_list("pk", flat=True)
    return sum(park_message_deliver(message_id=pk) for pk in list(ids))


def dispatched_case(schema: str, **fields) -> tuple[Appeal, Case]:
    appeal = accept(schema, submit(schema, **fields))
    deliver_to_hub(schema)
    deliver_to_parks()
    return appeal, Case.objects.get(tracking_number=appeal.tracking_number)


def reload(schema: str, appeal: Appeal) -> Appeal:
    with schema_context(schema):
        return Appeal.objects.get(pk=appeal.pk)
