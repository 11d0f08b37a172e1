"""The kinds of park ↔ hub messages (报文类型): what each side may tell the other.

Both directions are named here, in the lower of the two apps, so the park (appeals) and the hub
spell every kind the same way without the hub importing the park.
"""

import enum


class ToHub(enum.StrEnum):
    """Park → hub: what the park window or the enterprise did to an appeal: to its case at the
    hub, or (WINDOW_FACTS) to the window facts the district appraises windows by."""

    CASE_CREATE = "case.create"  # accepted at the window (受理): a new case
    INFO_REPLY = "case.info_reply"  # the enterprise sent the information asked for
    RATED = "case.rated"  # the enterprise rated the answer
    CLOSED_UNRATED = "case.closed_unrated"  # no rating in time
    WINDOW_FACTS = "window.facts"  # the window's handling of any appeal, for appraisal


class ToPark(enum.StrEnum):
    """Hub → park: what the department did that the park's appeal must show."""

    PROGRESS = "progress"  # a step the enterprise may follow (signed, transferred, extended…)
    INFO_REQUESTED = "info_requested"  # the department asks for more information
    ANSWERED = "answered"  # the department's answer (答复)
