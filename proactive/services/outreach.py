"""Outreach (主动对接) by the park's staff: per policy, the enterprises that qualify or nearly
do, who contacts each and with what outcome; the 免申即享 list exported for the department."""

import csv
import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.models import User
from cms.models import PolicyPage
from enterprises.models import Enterprise

from ..models import (
    EnterpriseProfile,
    Outreach,
    OutreachContact,
    OutreachOutcome,
    PolicyMatch,
    ProfileQualification,
    Verdict,
)
from ..rules import criterion_label
from .visits import OFFICE_ROLES, office_require

# The outcomes a contact records (not "pending", which only means no contact yet).
CONTACT_OUTCOMES = [choice for choice in OutreachOutcome if choice != OutreachOutcome.PENDING]
# An application that was granted was applied for too.
APPLIED = (OutreachOutcome.APPLIED, OutreachOutcome.GRANTED)


@dataclass(frozen=True)
class PolicyOutreach:
    """One policy's line in the outreach overview."""

    policy: PolicyPage
    qualifying: int
    near: int
    contacted: int
    applied: int
    granted: int


def outreach_policies() -> list[PolicyOutreach]:
    """The park's live policies that have matches, with their outreach counts: most
    qualifying enterprises first. Three queries whatever the number of policies."""
    matches = {
        row["policy_id"]: row
        for row in PolicyMatch.objects.values("policy_id").annotate(
            qualifying=Count("pk", filter=Q(verdict=Verdict.MATCH)),
            near=Count("pk", filter=Q(verdict=Verdict.NEAR)),
        )
    }
    done = {
        row["policy_id"]: row
        for row in Outreach.objects.filter(policy_id__in=matches)
        .values("policy_id")
        .annotate(
            contacted=Count("pk", filter=~Q(outcome=OutreachOutcome.PENDING)),
            applied=Count("pk", filter=Q(outcome__in=APPLIED)),
            granted=Count("pk", filter=Q(outcome=OutreachOutcome.GRANTED)),
        )
    }
    empty = {"contacted": 0, "applied": 0, "granted": 0}
    rows = [
        PolicyOutreach(
            policy=policy,
            qualifying=matches[policy.pk]["qualifying"],
            near=matches[policy.pk]["near"],
            **{key: done.get(policy.pk, empty)[key] for key in empty},
        )
        for policy in PolicyPage.objects.live().filter(pk__in=matches)
    ]
    return sorted(rows, key=lambda row: (-row.qualifying, -row.near, row.policy.title))


def policy_get_for_office(*, policy_id: int) -> PolicyPage:
    """A live policy of this park, or 404."""
    return get_object_or_404(PolicyPage.objects.live(), pk=policy_id)


def outreach_list(
    *, policy: PolicyPage, user: User, verdict: str = "", outcome: str = "", assigned: str = ""
) -> QuerySet[PolicyMatch]:
    """The policy's matches, qualifying first then near misses, by name; each annotated with
    its outreach (`outcome`, `assigned_to_id`, `last_contact_at`, `outreach_note`): no row
    yet reads "pending". `assigned`: "me" or "none"."""
    outreach = Outreach.objects.filter(policy=policy, enterprise=OuterRef("enterprise_id"))
    last_contact = OutreachContact.objects.filter(
        outreach__policy=policy, outreach__enterprise=OuterRef("enterprise_id")
    ).order_by("-at", "-id")
    rows = (
        PolicyMatch.objects.filter(policy=policy)
        .select_related("enterprise")
        .annotate(
            outcome=Coalesce(
                Subquery(outreach.values("outcome")[:1]), Value(OutreachOutcome.PENDING.value)
            ),
            assigned_to_id=Subquery(outreach.values("assigned_to_id")[:1]),
            outreach_note=Coalesce(Subquery(outreach.values("note")[:1]), Value("")),
            last_contact_at=Subquery(last_contact.values("at")[:1]),
        )
        .order_by("verdict", "enterprise__name", "pk")
    )
    if verdict:
        rows = rows.filter(verdict=verdict)
    if outcome:
        rows = rows.filter(outcome=outcome)
    if assigned == "me":
        rows = rows.filter(assigned_to_id=user.pk)
    elif assigned == "none":
        rows = rows.filter(assigned_to_id__isnull=True)
    return rows


def outreach_rows_decorate(rows: list[PolicyMatch]) -> list[Any]:
    """Add what the list shows and the query cannot say: the assignee, the missing criterion's
    label, the outcome's label (two queries for a page)."""
    annotated: list[Any] = rows
    assignees = {row.assigned_to_id for row in annotated}
    staff = {user.pk: user for user in User.objects.filter(pk__in=assignees)}
    labels = dict(OutreachOutcome.choices)
    for decorated in annotated:
        decorated.assigned_to = staff.get(decorated.assigned_to_id)
        decorated.missing_label = criterion_label(decorated.missing) if decorated.missing else ""
        decorated.outcome_label = labels.get(decorated.outcome, decorated.outcome)
    return annotated


def outreach_history(*, policy: PolicyPage, enterprise_ids: list[int]) -> dict[int, list]:
    """Each enterprise's contacts about the policy, newest first."""
    history: dict[int, list] = {pk: [] for pk in enterprise_ids}
    contacts = (
        OutreachContact.objects.filter(
            outreach__policy=policy, outreach__enterprise_id__in=enterprise_ids
        )
        .select_related("by")
        .annotate(enterprise_id=F("outreach__enterprise_id"))
    )
    for contact in contacts:
        history[contact.enterprise_id].append(contact)
    return history


def _outreach_locked(policy: PolicyPage, enterprise: Enterprise) -> Outreach:
    """The outreach row, made the first time someone works on it: only for an enterprise that
    qualifies for the policy or nearly does. Outreach already under way goes on when the match
    ends (a qualification lapsed after the enterprise applied: its grant is still recorded)."""
    started = Outreach.objects.filter(policy=policy, enterprise=enterprise).exists()
    if (
        not started
        and not PolicyMatch.objects.filter(policy=policy, enterprise=enterprise).exists()
    ):
        raise ValidationError(
            _("%(enterprise)s neither qualifies for this policy nor nearly does.")
            % {"enterprise": enterprise.name},
            code="not_matched",
        )
    Outreach.objects.get_or_create(policy=policy, enterprise=enterprise)
    return Outreach.objects.select_for_update().get(policy=policy, enterprise=enterprise)


def outreach_assign(
    *, policy: PolicyPage, enterprise: Enterprise, assignee: User | None, by: User
) -> Outreach:
    """Give the outreach to a member of the park's staff (None: to no one)."""
    office_require(by)
    if assignee is not None and not (assignee.is_active and assignee.role in OFFICE_ROLES):
        raise ValidationError(
            {
                "assignee": ValidationError(
                    _("Outreach is assigned to the park's window staff or operators."),
                    code="not_staff",
                )
            }
        )
    with transaction.atomic():
        outreach = _outreach_locked(policy, enterprise)
        outreach.assigned_to = assignee
        outreach.save(update_fields=["assigned_to", "updated_at"])
    return outreach


def outreach_record(
    *, policy: PolicyPage, enterprise: Enterprise, outcome: str, note: str, by: User
) -> OutreachContact:
    """Record a contact and its outcome; the outreach takes that outcome. Unassigned outreach
    goes to whoever made the contact."""
    office_require(by)
    if outcome not in CONTACT_OUTCOMES:
        raise ValidationError(
            {"outcome": ValidationError(_("Choose an outcome."), code="invalid_outcome")}
        )
    with transaction.atomic():
        outreach = _outreach_locked(policy, enterprise)
        contact = OutreachContact.objects.create(
            outreach=outreach, by=by, outcome=outcome, note=note
        )
        outreach.outcome = outcome
        outreach.note = note
        fields = ["outcome", "note", "updated_at"]
        if outreach.assigned_to_id is None:
            outreach.assigned_to = by
            fields.append("assigned_to")
        outreach.save(update_fields=fields)
    return contact


# --- 免申即享: the qualifying enterprises, for the department --------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula: such text gets an
# apostrophe and stays text (CSV injection), as analytics.exports does for the dashboards.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _inert(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def no_application_headers() -> list[str]:
    return [
        _("Company name"),
        _("Unified social credit code"),
        _("Contact name"),
        _("Mobile number"),
        _("Industry"),
        _("Size class"),
        _("Qualifications"),
    ]


def no_application_rows(*, policy: PolicyPage, today: datetime.date) -> list[list[str]]:
    """The enterprises that qualify for a policy granted without application, by name, with
    what the department needs to grant it (qualifications valid today, with certificates)."""
    qualifying = PolicyMatch.objects.filter(policy=policy, verdict=Verdict.MATCH).values(
        "enterprise_id"
    )
    profiles = {
        profile.enterprise_id: profile
        for profile in EnterpriseProfile.objects.filter(enterprise_id__in=qualifying)
        .select_related("industry")
        .prefetch_related(
            Prefetch(
                "qualifications",
                queryset=ProfileQualification.objects.select_related("qualification"),
            )
        )
    }
    rows = []
    for enterprise in Enterprise.objects.filter(pk__in=qualifying).order_by("name", "pk"):
        profile = profiles.get(enterprise.pk)
        held = (
            [
                f"{item.qualification.name}（{item.certificate_number}）"
                for item in profile.qualifications.all()
                if item.expires_on is None or item.expires_on >= today
            ]
            if profile
            else []
        )
        rows.append(
            [
                enterprise.name,
                enterprise.uscc,
                enterprise.contact_name,
                enterprise.mobile,
                profile.industry.name if profile and profile.industry else "",
                profile.get_size_class_display() if profile and profile.size_class else "",
                "、".join(held),
            ]
        )
    return rows


def table_csv(headers: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in [headers, *rows]:
        writer.writerow([_inert(value) for value in row])
    # With a byte-order mark, Excel opens the Chinese text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(headers: list[str], rows: list[list[str]], *, title: str) -> bytes:
    # Imported when a spreadsheet is asked for: web processes need not carry openpyxl.
    from openpyxl import Workbook  # noqa: PLC0415 - see above
    from openpyxl.styles import Font  # noqa: PLC0415 - see above

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # nosec B101 - narrows the type; a new workbook has a sheet
    sheet.title = XLSX_ILLEGAL.sub("", title)[:31] or "-"
    for row in [headers, *rows]:
        # Cleaned before it is made inert: a dropped control character must not uncover a formula.
        sheet.append([_inert(XLSX_ILLEGAL.sub("", value)) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
