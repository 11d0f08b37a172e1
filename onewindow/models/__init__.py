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
    "Liaison",
    "ParkMessage",
    "ReceivedMessage",
    "RoutingRule",
]
