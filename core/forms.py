"""Form helpers shared by the apps: service errors on forms, file inputs, text limits."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# The longest free text a person writes in one go (an appeal's description, an answer).
DESCRIPTION_MAX = 4000


def form_add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"})
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def attachments_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Attachments"),
        # The number is in the text: a lazy string formatted here would freeze one language.
        help_text=_("Up to 5 files, 10 MB each: PDF, JPEG, PNG, DOCX or XLSX."),
    )


def form_action_run(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    done: str,
) -> bool:
    """Run a service with a valid form's data; True when it succeeded (`done` is said as a
    success message). A refusal goes on the form, and at the top of the page too: the form may
    no longer be on it once the status has moved on."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        form_add_errors(form, exc)
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, done)
    return True
