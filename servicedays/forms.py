"""Forms of the park's service-day pages (enterprises and the park's back office)."""

import uuid
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from enterprises.validators import clean_mobile
from onewindow.models import AppealCategory, Department

from .models import SHANGHAI, Booking
from .services.common import QUESTION_MAX, TOPIC_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SlotChoiceField(forms.ModelChoiceField):
    """A slot, shown with its department and the seats left."""

    def label_from_instance(self, slot):
        start, end = slot.starts_at.astimezone(SHANGHAI), slot.ends_at.astimezone(SHANGHAI)
        label = {
            "start": f"{start:%H:%M}",
            "end": f"{end:%H:%M}",
            "department": slot.department.name,
            "left": slot.seats_left,
        }
        if slot.is_full:
            return _("%(start)s–%(end)s · %(department)s · full, waitlist open") % label
        return (
            ngettext_lazy(
                "%(start)s–%(end)s · %(department)s · %(left)d seat left",
                "%(start)s–%(end)s · %(department)s · %(left)d seats left",
                "left",
            )
            % label
        )


class BookingForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Time and department"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the times on this page.")},
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=TOPIC_MAX,
        help_text=_("For example: R&D expense deduction, talent housing."),
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the department before the day, so they can prepare."),
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the day's own slots are valid choices; the service checks again under its lock.
        cast(forms.ModelChoiceField, self.fields["slot"]).queryset = slots


class MoveForm(forms.Form):
    slot = SlotChoiceField(label=_("Move to"), queryset=None)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["slot"]).queryset = slots


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Booking code"),
        max_length=32,
        help_text=_("Type the code the enterprise shows, or scan its QR code with your phone."),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Booking.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when follow-up is needed: what will be done, by whom."),
    )
    # When the outcome shown was recorded: a save over a newer one is refused, not lost.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)


def outcome_initial(booking) -> dict:
    """The outcome form for a booking (park) or its hub copy, as it stands."""
    recorded = booking.outcome_at.isoformat() if booking.outcome_at else ""
    return {"outcome": booking.outcome, "note": booking.outcome_note, "seen": recorded}


class CancelDayForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to every enterprise that booked or is waiting."),
    )


class FollowUpAppealForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=AppealCategory.objects.filter(is_active=True)
    )
    title = forms.CharField(label=_("Title"), max_length=100)
    description = forms.CharField(
        label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 8})
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=60)
    contact_mobile = forms.CharField(label=_("Contact mobile number"), max_length=20)

    def clean_contact_mobile(self):
        return clean_mobile(self.cleaned_data["contact_mobile"])


class ServiceDayForm(forms.Form):
    """A new service day, as the park's back office (or the hub) sets it up."""

    title = forms.CharField(label=_("Title"), max_length=120)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=200)
    departments = forms.ModelMultipleChoiceField(
        label=_("Hosting departments"),
        queryset=Department.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), initial=30)
    seats_per_slot = forms.IntegerField(
        label=_("Seats per slot and department"), initial=1, min_value=1, max_value=50
    )
    bookings_per_enterprise = forms.IntegerField(
        label=_("Bookings per enterprise"), initial=1, min_value=1, max_value=20
    )
    booking_opens_at = forms.DateTimeField(label=_("Booking opens at"), widget=DATETIME)
    booking_closes_at = forms.DateTimeField(label=_("Booking closes at"), widget=DATETIME)
    topics = forms.CharField(
        label=_("Topics"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    description = forms.CharField(
        label=pgettext_lazy("service day", "Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False, initial=True)
    # One-time key (as on the appeal form): a double click sets up one day, not two.
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
