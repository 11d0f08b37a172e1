"""District policies (区级政策): written and published once at the hub, copied into every park.

At the hub (public schema) a district admin saves, publishes and withdraws an
`onewindow.DistrictPolicy`; publishing or withdrawing raises its `version` and, after commit,
sends `proactive.tasks.district_policies_fanout`, which runs `district_policies_sync` in every
active park (beat runs it as a sweep too, so a lost task or a new park catches up).

In a park, `district_policies_sync` brings the park's copies (`cms.PolicyPage` with
`district_key`) up to the hub's versions: a published policy the park lacks becomes a published
page in its policy library; a newer version rewrites the district's fields in a new revision;
a withdrawn one is unpublished. The park's own interpretation, key points, attachments, topics
and slug are the park's and are never touched. A copy already at the hub's version is left as it
is, so the sync can run any number of times.
"""

import datetime
import logging
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from accounts.models import Role, User
from cms.industries import classes, unknown_codes
from cms.models import Industry, PolicyIndexPage, PolicyPage, Qualification
from cms.models.policies import EnterpriseSize, PolicyLevel, QualificationRule
from core.tasks import enqueue_on_commit, schema_current
from onewindow.models import DistrictPolicy
from tenants.models import Park

logger = logging.getLogger(__name__)

FANOUT_TASK = "proactive.tasks.district_policies_fanout"

# What a district admin writes; the service takes exactly these.
POLICY_FIELDS = (
    "title",
    "issuing_authority",
    "document_number",
    "publish_date",
    "effective_date",
    "expiry_date",
    "summary",
    "interpretation",
    "industry_codes",
    "enterprise_sizes",
    "min_years_since_founding",
    "max_years_since_founding",
    "qualification_names",
    "qualification_rule",
    "application_opens",
    "application_closes",
    "no_application_needed",
)

_DATES = (
    "publish_date",
    "effective_date",
    "expiry_date",
    "application_opens",
    "application_closes",
)


def published_version(policy: DistrictPolicy) -> SimpleNamespace:
    """The policy as it was last published (its `published` snapshot, dates parsed)."""
    fields = dict(policy.published)
    for name in _DATES:
        if isinstance(fields.get(name), str):  # as stored; a row just published holds dates
            fields[name] = datetime.date.fromisoformat(fields[name])
    return SimpleNamespace(**fields)


# The park copy's fields the district owns, with the same value on both sides.
_COPIED = (
    "issuing_authority",
    "document_number",
    "publish_date",
    "effective_date",
    "expiry_date",
    "summary",
    "enterprise_sizes",
    "min_years_since_founding",
    "max_years_since_founding",
    "qualification_rule",
    "application_opens",
    "application_closes",
    "no_application_needed",
)


# --- At the hub -----------------------------------------------------------------------------


def district_policies_overview(*, by: User) -> dict[str, Any]:
    """The hub's list: every district policy, newest first, and how many active parks a
    publication is sent to (counted from the parks' rows: no park schema is visited)."""
    _require_admin(by)
    return {
        "policies": DistrictPolicy.objects.select_related("updated_by"),
        "active_parks": Park.objects.parks().active().count(),
    }


def district_policy_get_for_user(*, user: User, pk: int) -> DistrictPolicy:
    _require_admin(user)
    return get_object_or_404(DistrictPolicy, pk=pk)


def _require_admin(by: User) -> None:
    if not (by.is_authenticated and by.is_active and by.role == Role.DISTRICT_ADMIN):
        raise PermissionDenied


def district_policy_save(
    *, by: User, policy: DistrictPolicy | None = None, **fields: Any
) -> DistrictPolicy:
    """Create a district policy (a draft) or change one. A published policy's changes reach
    the parks when it is published again."""
    _require_admin(by)
    unknown = set(fields) - set(POLICY_FIELDS)
    if unknown:
        raise TypeError(f"not a district policy field: {', '.join(sorted(unknown))}")
    if policy is None:
        policy = DistrictPolicy()
    for name, value in fields.items():
        setattr(policy, name, value)
    district_policy_check(policy)
    policy.updated_by = by
    policy.save()
    return policy


def district_policy_check(policy: DistrictPolicy) -> None:
    """The rules a park's policy page follows (cms.PolicyPage.clean), and the shared
    vocabulary: GB/T 4754 codes, the size classes, all/any."""
    errors: dict[str, ValidationError] = {}
    if policy.expiry_date and policy.effective_date and policy.expiry_date < policy.effective_date:
        errors["expiry_date"] = ValidationError(
            _("The expiry date cannot be before the effective date."),
            code="expiry_before_effective",
        )
    opens, closes = policy.application_opens, policy.application_closes
    if opens and closes and closes < opens:
        errors["application_closes"] = ValidationError(
            _("Applications cannot close before they open."), code="closes_before_opens"
        )
    if closes and not opens:
        errors["application_opens"] = ValidationError(
            _("Give the date applications open."), code="opens_missing"
        )
    least, most = policy.min_years_since_founding, policy.max_years_since_founding
    if least is not None and most is not None and most < least:
        errors["max_years_since_founding"] = ValidationError(
            _("The most years cannot be fewer than the least."), code="years_order"
        )
    errors.update(_vocabulary_errors(policy))
    if errors:
        raise ValidationError(errors)


def _vocabulary_errors(policy: DistrictPolicy) -> dict[str, ValidationError]:
    errors = {}
    unknown = unknown_codes(policy.industry_codes)
    if unknown:
        errors["industry_codes"] = ValidationError(
            _("Not a GB/T 4754 code: %(codes)s") % {"codes": ", ".join(unknown)},
            code="unknown_code",
        )
    if set(policy.enterprise_sizes) - set(EnterpriseSize.values):
        errors["enterprise_sizes"] = ValidationError(
            _("Choose sizes from the list."), code="unknown_size"
        )
    if policy.qualification_rule not in QualificationRule.values:
        errors["qualification_rule"] = ValidationError(
            _("Choose all or any."), code="invalid_choice"
        )
    return errors


def district_policy_publish(*, policy: DistrictPolicy, by: User) -> DistrictPolicy:
    """Publish the policy as it is now, as a new version, for every park."""
    _require_admin(by)
    with transaction.atomic():
        locked = DistrictPolicy.objects.select_for_update().get(pk=policy.pk)
        district_policy_check(locked)
        locked.version += 1
        locked.status = DistrictPolicy.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.published = {name: getattr(locked, name) for name in POLICY_FIELDS}
        locked.updated_by = by
        locked.save(
            update_fields=[
                "version",
                "status",
                "published_at",
                "published",
                "updated_by",
                "updated_at",
            ]
        )
        enqueue_on_commit(FANOUT_TASK)
    return locked


def district_policy_withdraw(*, policy: DistrictPolicy, by: User) -> DistrictPolicy:
    """Withdraw a published policy: every park unpublishes its copy."""
    _require_admin(by)
    with transaction.atomic():
        locked = DistrictPolicy.objects.select_for_update().get(pk=policy.pk)
        if locked.status != DistrictPolicy.Status.PUBLISHED:
            raise ValidationError(
                _("Only a published policy can be withdrawn."), code="wrong_status"
            )
        locked.version += 1
        locked.withdrawn_version = locked.version
        locked.status = DistrictPolicy.Status.WITHDRAWN
        locked.updated_by = by
        locked.save(
            update_fields=["version", "withdrawn_version", "status", "updated_by", "updated_at"]
        )
        enqueue_on_commit(FANOUT_TASK)
    return locked


# --- In a park ------------------------------------------------------------------------------


def district_policies_sync() -> int:
    """Bring this park's copies of the district policies up to the hub's versions; the number
    of copies created, changed or unpublished (0 when everything was up to date)."""
    index = PolicyIndexPage.objects.first()
    if index is None:
        logger.info("park %s has no policy library: district policies not copied", schema_current())
        return 0
    changed = 0
    with transaction.atomic():
        # Two workers syncing the same park (the fan-out and the sweep) take turns, so the
        # second finds the first's copies (district_key is unique as well).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", [f"district-sync:{schema_current()}"]
            )
        policies = DistrictPolicy.objects.exclude(status=DistrictPolicy.Status.DRAFT)
        copies = {
            page.district_key: page
            for page in PolicyPage.objects.filter(
                district_key__in=[policy.key for policy in policies]
            )
        }
        for policy in policies.order_by("pk"):
            page = _sync_one(policy, copies.get(policy.key), index)
            if page is not None:
                enqueue_on_commit("proactive.tasks.policy_rematch", page.pk)
                changed += 1
    return changed


def _sync_one(
    policy: DistrictPolicy, page: PolicyPage | None, index: PolicyIndexPage
) -> PolicyPage | None:
    """The park's copy after bringing it to `policy`'s version, or None when nothing changed."""
    if page is not None and page.district_version >= policy.version:
        return None
    if policy.status == DistrictPolicy.Status.WITHDRAWN:
        if page is None:
            return None
        if page.live:
            page.unpublish()
        PolicyPage.objects.filter(pk=page.pk).update(district_version=policy.version)
        return page
    version = published_version(policy)
    if page is None:
        return _copy_create(policy, version, index)
    if page.district_version == policy.withdrawn_version:
        # The withdrawal unpublished this copy: published again, it goes live again.
        _copy_fields(page, version, policy.version)
        page.save_revision().publish()
        return page
    if page.has_unpublished_changes or page.workflow_in_progress:
        # An editor's draft (or one in moderation) stays the park's: the district's fields go
        # into a new draft built on it, and onto the live page's own row, so neither the draft
        # nor its moderation is lost and the public page shows the new version.
        draft = page.get_latest_revision_as_object()
        _copy_fields(draft, version, policy.version)
        draft.save_revision()
        _copy_fields_live(page, version, policy.version)
        return page
    _copy_fields(page, version, policy.version)
    revision = page.save_revision()
    if page.live:  # a copy the park unpublished itself stays unpublished
        revision.publish()
    return page


def _copy_create(
    policy: DistrictPolicy, version: SimpleNamespace, index: PolicyIndexPage
) -> PolicyPage | None:
    page = PolicyPage(slug=f"district-{policy.key}", district_key=policy.key)
    _copy_fields(page, version, policy.version)
    try:
        with transaction.atomic():
            index.add_child(instance=page)
            page.save_revision().publish()
    except (IntegrityError, ValidationError):
        # Another sync made the copy in the meantime (the unique key, or Wagtail's check of it
        # and of the slug once that copy is committed): it is the one.
        if not PolicyPage.objects.filter(district_key=policy.key).exists():
            raise
        logger.info("district policy %s already copied in %s", policy.key, schema_current())
        return None
    return page


def _copy_fields(page: PolicyPage, version: SimpleNamespace, number: int) -> None:
    page.title = version.title
    page.level = PolicyLevel.DISTRICT
    for name in _COPIED:
        setattr(page, name, getattr(version, name))
    # The hub writes plain text; the park's page holds rich text.
    page.interpretation = linebreaks(version.interpretation, autoescape=True)
    page.industries.set(_industries(version.industry_codes))
    page.qualifications.set(_qualifications(version.qualification_names))
    page.district_version = number


def _copy_fields_live(page: PolicyPage, version: SimpleNamespace, number: int) -> None:
    """The district's fields onto the live page's row, without a revision (its draft has them)."""
    _copy_fields(page, version, number)
    PolicyPage.objects.filter(pk=page.pk).update(
        title=page.title,
        level=page.level,
        interpretation=page.interpretation,
        district_version=number,
        **{name: getattr(page, name) for name in _COPIED},
    )
    for field, column, rows in (
        ("industries", "industry_id", page.industries.all()),
        ("qualifications", "qualification_id", page.qualifications.all()),
    ):
        through = PolicyPage._meta.get_field(field).remote_field.through
        through.objects.filter(policypage_id=page.pk).delete()
        through.objects.bulk_create(
            through(policypage_id=page.pk, **{column: row.pk}) for row in rows
        )


def _industries(codes: Iterable[str]) -> list[Industry]:
    """The park's rows of the classification, made again from the data if a park deleted one
    (a missing row would drop the policy's industry limit)."""
    rows = []
    known = classes()
    for code in codes:
        if code not in known:
            continue
        row = Industry.objects.filter(code=code).first()
        if row is None:
            name = known[code].name
            if Industry.objects.filter(name=name).exists():
                name = f"{name}（{code}）"
            row = Industry.objects.create(code=code, name=name, codes=[code])
        rows.append(row)
    return rows


def _qualifications(names: Iterable[str]) -> list[Qualification]:
    return [Qualification.objects.get_or_create(name=name)[0] for name in names]


def district_policies_on_new_park(**_signal: object) -> None:
    """tenants' `park_schema_created`, in the new park's schema: copy the district policies at
    once when the park already has a policy library (else the next sweep does). A failure here
    must not undo the park: it is logged and left to the sweep."""
    try:
        district_policies_sync()
    except Exception:
        logger.exception("district policies not copied into new park %s", schema_current())
