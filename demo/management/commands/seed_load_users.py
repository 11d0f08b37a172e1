"""`manage.py seed_load_users`: verified enterprise accounts for the load test (deploy/load/).

The appeal form allows an account 30 appeals an hour, so the load test's simulated enterprises
each sign in with an account of their own: load-ent-001 … load-ent-NNN in every park, with the
demo password, registered and verified through the enterprises services as the window would.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_tenants.utils import schema_context

from accounts.models import Role, User
from accounts.services import user_create
from demo.parks import DEMO_PASSWORD, PARKS, demo_uscc
from enterprises.models import Enterprise
from enterprises.services import enterprise_verify
from tenants.models import Park

USERNAME = "load-ent-{:03d}"
# demo_uscc numbers of the load enterprises (a credit code is unique within a park): clear of
# the demo parks' own (1-5).
USCC_BASE = 50_000


def load_username(number: int) -> str:
    return USERNAME.format(number)


def load_mobile(park_number: int, number: int) -> str:
    """The enterprise's registered mobile (the progress lookup asks for it): 137 PP NNNNNN."""
    return f"137{park_number:02d}{number:06d}"


class Command(BaseCommand):
    help = (
        "Verified enterprise accounts load-ent-001..NNN (password of the demo) in each park, "
        "for the load test (idempotent)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=40, help="accounts per park (max 999)")
        parser.add_argument(
            "--park",
            action="append",
            dest="parks",
            metavar="SLUG",
            help="a park to seed (repeatable); default: the demo parks",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["count"]
        if not 1 <= count <= 999:
            raise CommandError("--count must be between 1 and 999")
        slugs = options["parks"] or [spec.slug for spec in PARKS]
        parks = {park.slug: park for park in Park.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in parks]
        if missing:
            raise CommandError(f"no such park: {', '.join(missing)} (run seed_demo first)")
        for slug in slugs:
            created = self._seed_park(parks[slug], count)
            self.stdout.write(f"  {slug}: {created} created, {count - created} already there")
        self.stdout.write(
            self.style.SUCCESS(
                f"Load accounts ready: {load_username(1)}..{load_username(count)} in "
                f"{len(slugs)} parks, password {DEMO_PASSWORD}"
            )
        )

    def _seed_park(self, park: Park, count: int) -> int:
        with schema_context(park.schema_name), transaction.atomic():
            clerk = (
                User.objects.filter(role=Role.WINDOW_STAFF, is_active=True).order_by("pk").first()
            )
            if clerk is None:
                raise CommandError(f"{park.slug} has no window staff to verify the enterprises")
            return sum(_enterprise_ensure(park, number, clerk) for number in range(1, count + 1))


def _enterprise_ensure(park: Park, number: int, clerk: User) -> bool:
    """The verified enterprise of load-ent-<number>; True when it had to be created."""
    username = load_username(number)
    account = User.objects.filter(username=username).first()
    created = account is None
    if account is None:
        account = user_create(
            username=username,
            password=DEMO_PASSWORD,
            role=Role.ENTERPRISE,
            full_name=f"压测联系人{number:03d}",
            email=f"{username}@load.parkportal.localhost",
        )
    enterprise = Enterprise.objects.filter(account=account).first()
    if enterprise is None:
        created = True
        enterprise = Enterprise.objects.create(
            account=account,
            name=f"{park.name}压测企业{number:03d}",
            uscc=demo_uscc(USCC_BASE + number),
            contact_name=account.full_name,
            mobile=load_mobile(park.pk % 100, number),
        )
    if enterprise.is_pending:
        enterprise_verify(enterprise=enterprise, by=clerk, approve=True)
    return created
