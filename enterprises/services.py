"""Enterprise registration (with proof of the mobile number) and verification at the window."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import user_create
from notifications.channels import Channel, enabled_channels
from tenants.selectors import park_current

from .models import Enterprise, RegistrationCode
from .validators import clean_mobile


def _code_refusal(reason: str) -> ValidationError:
    """The refusal of a code (or of sending one); the text is the same for every number."""
    texts = {
        "invalid": _("The SMS code is wrong or no longer valid; check it or ask for a new one."),
        "expired": _("The SMS code has expired; ask for a new one."),
        "void": _("The SMS code was entered wrongly too many times; ask for a new one."),
        "too_soon": _("A code was sent to this number less than a minute ago; wait a moment."),
        "too_many": _("This number has had all the codes it may have today; try again tomorrow."),
    }
    field = "mobile" if reason.startswith("too_") else "mobile_code"
    return ValidationError({field: ValidationError(texts[reason], code=f"code_{reason}")})


def _sms_channel() -> Channel:
    for channel in enabled_channels():
        if channel.name == "sms":
            return channel
    raise ValidationError(
        _("Codes cannot be sent by SMS at the moment; please try again later."),
        code="sms_unavailable",
    )


def registration_code_issue(*, mobile: str) -> str:
    """A new one-time code for `mobile` within its sending budget (the earlier code is void),
    or "" when the number already has an account on this park: no code is then issued, so an
    account's number cannot register a second time. Refused with `code_too_soon` /
    `code_too_many` alike for every number. Sending it is `registration_code_send`'s."""
    try:
        mobile = clean_mobile(mobile)
    except ValidationError as exc:
        raise ValidationError({"mobile": exc}) from exc
    now = timezone.now()
    has_account = User.objects.filter(username=mobile).exists()
    with transaction.atomic():
        RegistrationCode.objects.bulk_create(
            [RegistrationCode(mobile=mobile)], ignore_conflicts=True
        )
        proof = RegistrationCode.objects.select_for_update().get(mobile=mobile)
        refusal = proof.refusal_to_send(now)
        if refusal:
            raise _code_refusal(refusal)
        code = proof.record_sending(now, with_code=not has_account)
        proof.save(
            update_fields=[
                *("code_hash", "expires_at", "wrong_tries", "used_at"),
                *("sent_at", "day_started_at", "sent_that_day"),
            ]
        )
    return code


def registration_code_send(*, mobile: str) -> None:
    """Text `mobile` a registration code; a number that already has an account is told instead
    to log in. The caller's answer is the same either way: only the number's holder learns
    whether it has an account."""
    channel = _sms_channel()
    code = registration_code_issue(mobile=mobile)
    mobile = clean_mobile(mobile)
    park = park_current().name
    if code:
        title = _("Registration code")
        body = _(
            "%(park)s: your registration code is %(code)s, valid for 10 minutes. Do not give it"
            " to anyone. If you did not ask for it, ignore this message."
        ) % {"park": park, "code": code}
    else:
        title = _("Your account")
        body = _(
            "%(park)s: someone asked to register with this number, which already has an account"
            " on this park. Log in with it, or reset its password if you have forgotten it. If"
            " it was not you, ignore this message."
        ) % {"park": park}
    channel.send(address=mobile, title=title, body=body)


def enterprise_register(
    *,
    company_name: str,
    uscc: str,
    contact_name: str,
    mobile: str,
    password: str,
    mobile_code: str,
    email: str = "",
) -> Enterprise:
    """Self-registration, once `mobile_code` proves the number: an account that stays
    unverified until the window approves it. Any credit code is accepted, even one another
    registration has (the window decides between them), and nothing in the answer tells
    whether it has: a squatter cannot block the real company, nor learn who is registered."""
    now = timezone.now()
    try:
        with transaction.atomic():
            proof = RegistrationCode.objects.select_for_update().filter(mobile=mobile).first()
            refusal = proof.attempt(mobile_code, now) if proof else "invalid"
            if proof:
                proof.save(update_fields=["wrong_tries", "used_at"])
            if not refusal:
                return _enterprise_create(
                    company_name=company_name,
                    uscc=uscc,
                    contact_name=contact_name,
                    mobile=mobile,
                    password=password,
                    email=email,
                )
    except IntegrityError as exc:  # the number's account was made meanwhile (the code proved it)
        raise _account_exists() from exc
    # Raised only now: the wrong try counted above is committed.
    raise _code_refusal(refusal)


def _account_exists() -> ValidationError:
    return ValidationError(
        {
            "mobile": ValidationError(
                _(
                    "This number already has an account on this park: log in with it, or reset"
                    " its password if you have forgotten it."
                ),
                code="account_exists",
            )
        }
    )


def _enterprise_create(
    *, company_name: str, uscc: str, contact_name: str, mobile: str, password: str, email: str
) -> Enterprise:
    if User.objects.filter(username=mobile).exists():
        # Told only to whoever just proved they hold the number.
        raise _account_exists()
    account = user_create(
        username=mobile,
        password=password,
        role=Role.ENTERPRISE,
        full_name=contact_name,
        mobile=mobile,
        email=email,
    )
    return Enterprise.objects.create(
        account=account, name=company_name, uscc=uscc, contact_name=contact_name, mobile=mobile
    )


def enterprise_verify(
    *, enterprise: Enterprise, by: User, approve: bool, note: str = ""
) -> Enterprise:
    """The window approves or rejects a pending registration; a rejection needs a reason.
    Approving one registration of a credit code rejects the other pending ones of that code,
    and is refused (`duplicate`) when another registration of it is already verified."""
    if not approve and not note.strip():
        raise ValidationError(
            {
                "note": ValidationError(
                    _("Give the enterprise a reason for the rejection."), code="required"
                )
            }
        )
    now = timezone.now()
    with transaction.atomic():
        # Every registration of the code, locked in one order: two clerks approving two rivals
        # at once are served one after the other (the constraint backs this up).
        rivals = list(
            Enterprise.objects.select_for_update().filter(uscc=enterprise.uscc).order_by("pk")
        )
        enterprise.refresh_from_db()
        if not enterprise.is_pending:
            raise ValidationError(
                _("This registration has already been decided."), code="wrong_status"
            )
        others = [rival for rival in rivals if rival.pk != enterprise.pk]
        if approve and any(rival.is_verified for rival in others):
            raise ValidationError(
                _(
                    "Another registration of this credit code is already verified; this one"
                    " can only be rejected."
                ),
                code="duplicate",
            )
        _decide(enterprise, approve=approve, note=note.strip(), by=by, now=now)
        if approve:
            beaten = _("Another registration of this credit code was verified by the park window.")
            for rival in others:
                if rival.is_pending:
                    _decide(rival, approve=False, note=beaten, by=by, now=now)
    return enterprise


def _decide(enterprise: Enterprise, *, approve: bool, note: str, by: User, now: datetime) -> None:
    enterprise.status = Enterprise.Status.VERIFIED if approve else Enterprise.Status.REJECTED
    enterprise.status_note = note
    enterprise.verified_by = by
    enterprise.verified_at = now
    enterprise.save(update_fields=["status", "status_note", "verified_by", "verified_at"])
