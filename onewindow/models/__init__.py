from .cases import (
    Case,
    CaseAnswer,
    CaseArrival,
    CaseAttachment,
    CaseEvent,
    CasePause,
    ExtensionRequest,
    ParkMessage,
    ReceivedMessage,
)
from .directory import AppealCategory, CalendarOverride, Department, Liaison, RoutingRule
from .servicedays import HubBooking, HubServiceDay
from .window import WindowRecord

__all__ = [
    "AppealCategory",
    "CalendarOverride",
    "Case",
    "CaseAnswer",
    "CaseArrival",
    "CaseAttachment",
    "CaseEvent",
    "CasePause",
    "Department",
    "ExtensionRequest",
    "HubBooking",
    "HubServiceDay",
    "Liaison",
    "ParkMessage",
    "ReceivedMessage",
    "RoutingRule",
    "WindowRecord",
]
