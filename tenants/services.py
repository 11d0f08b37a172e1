"""Park provisioning (园区开通): schema, Wagtail site, home page, groups — all or nothing."""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists

from .models import Domain, Park
from .schemas import schema_clone_from_template, schema_set_public
from .signals import hub_created, park_schema_created

P = ParamSpec("P")
R = TypeVar("R")

RESERVED_SLUGS = {"public", "www", "admin", "api", "static", "media", "hub", "park_template"}


@dataclass(frozen=True)
class ParkSpec:
    slug: str
    name: str
    domain: str
    short_code: str
    name_en: str = ""
    featured_focus: str = ""
    theme_colour: str = "#0b5fa5"


def _validate(spec: ParkSpec) -> None:
    errors: dict[str, list[str]] = {}
    if spec.slug in RESERVED_SLUGS or spec.slug == settings.TENANT_BASE_SCHEMA:
        errors.setdefault("slug", []).append(_("This slug is reserved."))
    if Park.objects.filter(slug=spec.slug).exists() or schema_exists(spec.slug):
        errors.setdefault("slug", []).append(_("A park with this slug already exists."))
    if Park.objects.filter(short_code=spec.short_code).exists():
        errors.setdefault("short_code", []).append(_("This short code is already in use."))
    if Domain.objects.filter(domain=spec.domain).exists():
        errors.setdefault("domain", []).append(_("This domain already belongs to another park."))
    park = Park(
        schema_name=spec.slug,
        slug=spec.slug,
        name=spec.name,
        name_en=spec.name_en,
        short_code=spec.short_code,
        featured_focus=spec.featured_focus,
        theme_colour=spec.theme_colour,
    )
    try:
        park.full_clean(exclude=["slug", "short_code"] if errors else None)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    try:
        Domain(domain=spec.domain, tenant=park).clean_fields(exclude=["tenant"])
    except ValidationError as exc:
        errors.setdefault("domain", []).extend(exc.messages)
    if not _valid_hostname(spec.domain):
        errors.setdefault("domain", []).append(_("Enter a host name such as dayun.example.gov.cn."))
    if errors:
        raise ValidationError(errors)


def _valid_hostname(host: str) -> bool:
    labels = host.split(".")
    return (
        bool(host)
        and len(host) <= 253
        and all(
            label
            and len(label) <= 63
            and label.replace("-", "").isalnum()
            and label.isascii()
            and not label.startswith("-")
            and label == label.lower()
            for label in labels
        )
    )


def in_public_schema(service: Callable[P, R]) -> Callable[P, R]:
    """Parks and domains are rows of the public schema, whatever schema the caller is in."""

    @functools.wraps(service)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        with schema_context(get_public_schema_name()):
            return service(*args, **kwargs)

    return wrapped


@in_public_schema
def park_create(*, spec: ParkSpec) -> Park:
    """Create a park by cloning the template schema; on any failure nothing is left behind."""
    _validate(spec)
    if not schema_exists(settings.TENANT_BASE_SCHEMA):
        raise ValidationError(_("The park template schema is missing: run migrate_schemas first."))
    try:
        with transaction.atomic():
            park = Park.objects.create(
                schema_name=spec.slug,
                slug=spec.slug,
                name=spec.name,
                name_en=spec.name_en,
                short_code=spec.short_code,
                featured_focus=spec.featured_focus,
                theme_colour=spec.theme_colour,
            )
            schema_clone_from_template(park.schema_name)
            Domain.objects.create(domain=spec.domain, tenant=park, is_primary=True)
            with schema_context(park.schema_name):
                _set_up_park_schema(park=park, hostname=spec.domain)
    except Exception:
        schema_set_public()
        _drop_schema_if_left(spec.slug)
        raise
    schema_set_public()
    return park


def _drop_schema_if_left(schema_name: str) -> None:
    if (
        schema_name
        and schema_exists(schema_name)
        and not Park.objects.filter(schema_name=schema_name).exists()
    ):
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA "{schema_name}" CASCADE')  # a validated slug


def _set_up_park_schema(*, park: Park, hostname: str) -> None:
    # The apps above set up their part (site, groups, workflow); a failure undoes the park.
    park_schema_created.send(sender=Park, park=park, hostname=hostname)


@in_public_schema
def park_set_active(*, park: Park, active: bool) -> Park:
    """Suspend or resume a park. Its data stays; a suspended host shows a notice page."""
    park.is_active = active
    park.save(update_fields=["is_active"])
    return park


@in_public_schema
def hub_ensure(*, domain: str, name: str) -> Park:
    """The public-schema row that routes the hub's host name to the district hub."""
    taken = Domain.objects.filter(domain=domain).exclude(tenant__schema_name="public")
    if taken.exists():
        raise ValidationError({"domain": _("This domain already belongs to another park.")})
    hub, _created = Park.objects.update_or_create(
        schema_name="public",
        defaults={"slug": "hub", "name": name, "short_code": "HUB", "name_en": "District hub"},
    )
    Domain.objects.update_or_create(domain=domain, defaults={"tenant": hub, "is_primary": True})
    hub_created.send(sender=Park, hub=hub)
    return hub
