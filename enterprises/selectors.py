from dataclasses import dataclass, field

from django.http import Http404

from .models import Enterprise


@dataclass
class CreditCodeRegistrations:
    """The registrations of one credit code the window has to decide between: the pending ones,
    oldest first, beside the one already verified if any."""

    uscc: str
    pending: list[Enterprise] = field(default_factory=list)
    verified: Enterprise | None = None

    @property
    def is_competing(self) -> bool:
        return len(self.pending) + (self.verified is not None) > 1


def enterprise_list_pending() -> list[CreditCodeRegistrations]:
    """Pending registrations grouped by credit code, the longest-waiting code first."""
    groups: dict[str, CreditCodeRegistrations] = {}
    for enterprise in Enterprise.objects.pending().order_by("created_at", "pk"):
        groups.setdefault(enterprise.uscc, CreditCodeRegistrations(enterprise.uscc))
        groups[enterprise.uscc].pending.append(enterprise)
    for enterprise in Enterprise.objects.verified().filter(uscc__in=groups):
        groups[enterprise.uscc].verified = enterprise
    return list(groups.values())


def enterprise_get_for_window(*, pk: int) -> Enterprise:
    try:
        return Enterprise.objects.get(pk=pk)
    except Enterprise.DoesNotExist as exc:
        raise Http404 from exc
