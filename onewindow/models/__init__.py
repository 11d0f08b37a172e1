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
from .policies import DistrictPolicy, ParkProactiveFigures
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
    "DistrictPolicy",
    "ExtensionRequest",
    "HubBooking",
    "HubServiceDay",
    "Liaison",
    "ParkMessage",
    "ParkProactiveFigures",
    "ReceivedMessage",
    "RoutingRule",
    "WindowRecord",
]
