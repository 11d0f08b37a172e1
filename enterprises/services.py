"""Enterprise registration and verification at the park window."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import user_create

from .models import Enterprise


def enterprise_register(
    *,
    company_name: str,
    uscc: str,
    contact_name: str,
    mobile: str,
    password: str,
    email: str = "",
) -> Enterprise:
    """Self-registration: an account that stays unverified until the window approves it."""
    if Enterprise.objects.filter(uscc=uscc).exists():
        raise ValidationError(
            {
                "uscc": ValidationError(
                    _("This enterprise is already registered on this park."), code="duplicate"
                )
            }
        )
    if User.objects.filter(username=mobile).exists():
        raise ValidationError(
            {
                "mobile": ValidationError(
                    _("This mobile number is already registered."), code="duplicate"
                )
            }
        )
    try:
        with transaction.atomic():
            account = user_create(
                username=mobile,
                password=password,
                role=Role.ENTERPRISE,
                full_name=contact_name,
                mobile=mobile,
                email=email,
            )
            return Enterprise.objects.create(
                account=account,
                name=company_name,
                uscc=uscc,
                contact_name=contact_name,
                mobile=mobile,
            )
    except IntegrityError as exc:  # a concurrent registration won the race
        raise ValidationError(
            _("This enterprise is already registered on this park."), code="duplicate"
        ) from exc


def enterprise_verify(
    *, enterprise: Enterprise, by: User, approve: bool, note: str = ""
) -> Enterprise:
    """The window approves or rejects a registration; a rejection needs a reason."""
    if not approve and not note.strip():
        raise ValidationError(
            {
                "note": ValidationError(
                    _("Give the enterprise a reason for the rejection."), code="required"
                )
            }
        )
    enterprise.status = Enterprise.Status.VERIFIED if approve else Enterprise.Status.REJECTED
    enterprise.status_note = note.strip()
    enterprise.verified_by = by
    enterprise.verified_at = timezone.now()
    enterprise.save(update_fields=["status", "status_note", "verified_by", "verified_at"])
    return enterprise
