from .cases import (
    Case,
    CaseAnswer,
    CaseArrival,
    CaseAttachment,
    CaseEvent,
    ExtensionRequest,
    ParkMessage,
    ReceivedMessage,
)
from .directory import AppealCategory, CalendarOverride, Department, Liaison, RoutingRule
from .servicedays import HubBooking, HubServiceDay

__all__ = [
    "AppealCategory",
    "CalendarOverride",
    "Case",
    "CaseAnswer",
    "CaseArrival",
    "CaseAttachment",
    "CaseEvent",
    "Department",
    "ExtensionRequest",
    "HubBooking",
    "HubServiceDay",
    "Liaison",
    "ParkMessage",
    "ReceivedMessage",
    "RoutingRule",
]
