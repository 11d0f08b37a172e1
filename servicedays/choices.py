"""The statuses of a booking and of a waitlist entry, apart from the models because the
querysets (which the models import) and the models' constraints filter on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BookingStatus(models.TextChoices):
    """Where a booking (预约) stands: `Booking.Status`."""

    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


# A booking in one of these states holds a seat: cancelling is the only way to give it back.
SEAT_HOLDING = (BookingStatus.CONFIRMED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW)


class WaitlistStatus(models.TextChoices):
    """Where a place on a waitlist (候补) stands: `WaitlistEntry.Status`."""

    WAITING = "waiting", _("Waiting")
    PROMOTED = "promoted", _("Promoted to a booking")
    EXPIRED = "expired", _("Expired")
    LEFT = "left", _("Left the waitlist")
