"""Where an enterprise's verification stands, as the pages ask it."""

import pytest

from enterprises.models import Enterprise

S = Enterprise.Status


@pytest.mark.parametrize(
    ("status", "pending", "verified", "rejected"),
    [
        (S.PENDING, True, False, False),
        (S.VERIFIED, False, True, False),
        (S.REJECTED, False, False, True),
    ],
)
def test_an_enterprise_is_in_exactly_one_verification_state(status, pending, verified, rejected):
    enterprise = Enterprise(status=status)
    assert enterprise.is_pending == pending
    assert enterprise.is_verified == verified
    assert enterprise.is_rejected == rejected
