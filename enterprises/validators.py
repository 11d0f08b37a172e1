"""Identity numbers, validated with well-kept libraries (python-stdnum, phonenumbers)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError


def clean_uscc(value: str) -> str:
    """The compact USCC (统一社会信用代码, GB 32100-2015), or a ValidationError."""
    try:
        return stdnum_uscc.validate(value)
    except InvalidChecksum as exc:
        raise ValidationError(
            _("The unified social credit code's check character is wrong; please check it."),
            code="uscc_checksum",
        ) from exc
    except StdnumError as exc:
        raise ValidationError(
            _("Enter a valid 18-character unified social credit code."), code="uscc_invalid"
        ) from exc


def clean_mobile(value: str) -> str:
    """A mainland China mobile number as 11 digits, or a ValidationError."""
    try:
        number = phonenumbers.parse(value, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a valid mainland China mobile number."), code="mobile"
        ) from exc
    mobile_types = {phonenumbers.PhoneNumberType.MOBILE}
    if (
        number.country_code != 86
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in mobile_types
    ):
        raise ValidationError(_("Enter a valid mainland China mobile number."), code="mobile")
    return str(number.national_number)
