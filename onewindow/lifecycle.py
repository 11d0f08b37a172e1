"""The life of a case (工单流转): which action may move it from which status to which, who may
take it, and the one function that moves it.

Every status change of a case goes through `case_transition`: under the case's row lock it checks
the move against TRANSITIONS, saves the status with the fields that change with it, and writes
the step on the case's timeline (CaseEvent). No workflow can skip the check or forget the step.
"""

import enum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Role
from core.lifecycle import moves, status_move

from .facts import case_facts_store
from .models import Case, CaseEvent

S = Case.Status

# The code of a refusal; the workflows refused with it before this table existed.
NOT_ALLOWED = "wrong_status"


class CaseAction(enum.StrEnum):
    """Something done to a case: by its department's liaison, a district admin, or the park."""

    SIGN = "sign"  # 签收
    ANSWER = "answer"  # 答复
    REQUEST_INFO = "request_info"  # 要求补充材料
    TRANSFER = "transfer"  # 转办
    RETURN = "return"  # 退单
    REQUEST_EXTENSION = "request_extension"  # 延期申请
    REDISPATCH = "redispatch"  # 退单后重新派单
    DECIDE_EXTENSION = "decide_extension"  # 延期审批
    INFO_REPLY = "info_reply"  # the enterprise sent the information (park message)
    RATE = "rate"  # the enterprise rated the answer (park message)
    CLOSE_UNRATED = "close_unrated"  # no rating in time (park message)


# Action → {from status → the statuses it may move the case to}.
TRANSITIONS: dict[CaseAction, dict[str, frozenset[str]]] = {
    CaseAction.SIGN: moves(S.DISPATCHED, to=S.IN_PROGRESS),
    # An unsigned case may be answered: the workflow signs it for the liaison first.
    CaseAction.ANSWER: moves(S.DISPATCHED, S.IN_PROGRESS, to=S.ANSWERED),
    CaseAction.REQUEST_INFO: moves(S.IN_PROGRESS, to=S.INFO_REQUESTED),
    CaseAction.TRANSFER: moves(S.DISPATCHED, S.IN_PROGRESS, to=S.DISPATCHED),
    CaseAction.RETURN: moves(S.DISPATCHED, S.IN_PROGRESS, to=S.RETURNED),
    CaseAction.REDISPATCH: moves(S.RETURNED, to=S.DISPATCHED),
    CaseAction.INFO_REPLY: moves(S.INFO_REQUESTED, to=S.IN_PROGRESS),
    # Dissatisfied: re-handled (重办) by the department; satisfied: closed.
    CaseAction.RATE: {S.ANSWERED: frozenset({S.CLOSED, S.IN_PROGRESS})},
    CaseAction.CLOSE_UNRATED: moves(S.ANSWERED, to=S.CLOSED),
}

# Actions that move no status, and the statuses they may be taken in: an extension only makes
# sense while the department still has the case.
_HANDLING = frozenset({S.DISPATCHED, S.IN_PROGRESS, S.INFO_REQUESTED})
STEPS: dict[CaseAction, frozenset[str]] = {
    CaseAction.REQUEST_EXTENSION: _HANDLING,
    CaseAction.DECIDE_EXTENSION: _HANDLING,
}

# The step each transition writes on the timeline (a message id, translated when shown).
EVENT_TEXT: dict[CaseAction, str] = {
    CaseAction.SIGN: gettext_noop("Signed for"),
    CaseAction.ANSWER: gettext_noop("Answered"),
    CaseAction.REQUEST_INFO: gettext_noop("Asked for more information"),
    CaseAction.TRANSFER: gettext_noop("Transferred from %(source)s to %(target)s"),
    CaseAction.RETURN: gettext_noop("Returned as misrouted"),
    CaseAction.REDISPATCH: gettext_noop("Re-dispatched to %(department)s"),
    CaseAction.INFO_REPLY: gettext_noop("The enterprise sent more information"),
    CaseAction.RATE: gettext_noop("Rated by the enterprise"),
    CaseAction.CLOSE_UNRATED: gettext_noop("Closed without a rating"),
}

LIAISON_ACTIONS = frozenset(
    {
        CaseAction.SIGN,
        CaseAction.ANSWER,
        CaseAction.REQUEST_INFO,
        CaseAction.TRANSFER,
        CaseAction.RETURN,
        CaseAction.REQUEST_EXTENSION,
    }
)
DISTRICT_ADMIN_ACTIONS = frozenset({CaseAction.REDISPATCH, CaseAction.DECIDE_EXTENSION})


def case_lock(case: Case) -> Case:
    """The case's row, locked until the end of the transaction, as it is now."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("park", "department", "category")
        .get(pk=case.pk)
    )


def case_can(case: Case, action: CaseAction) -> bool:
    """Whether `action` may be taken in the case's current status."""
    if action in STEPS:
        return case.status in STEPS[action]
    return case.status in TRANSITIONS.get(action, {})


def case_require(case: Case, action: CaseAction) -> None:
    """Refuse (ValidationError, code NOT_ALLOWED) unless `action` may be taken now."""
    if not case_can(case, action):
        raise _refusal(case)


def _refusal(case: Case) -> ValidationError:
    return ValidationError(
        _("This case is now “%(status)s”; nothing was changed.")
        % {"status": case.get_status_display()},
        code=NOT_ALLOWED,
    )


def case_transition(
    case: Case,
    *,
    action: CaseAction,
    to: str,
    by=None,
    note: str = "",
    params: dict | None = None,
    fields: dict | None = None,
    locked: bool = False,
) -> Case:
    """Move the case by `action` to `to`, with `fields` (name → value) changing with it, write
    the step on its timeline and keep its appraisal facts (`onewindow.facts`); returns the case
    as saved. Locks the row first unless the caller already holds the lock (`locked`). Refused
    moves change nothing. The rows the facts read (arrivals, answers, pauses) are written by the
    caller before the move."""
    if not locked:
        case = case_lock(case)
    before = status_move(
        case,
        allowed=TRANSITIONS.get(action, {}),
        to=to,
        fields=fields,
        refusal=lambda: _refusal(case),
    )
    CaseEvent.objects.create(
        case=case,
        actor=by if by is not None and by.pk else None,
        actor_name=str(by)[:60] if by is not None else "",
        action=EVENT_TEXT[action],
        params=params or {},
        from_status=before,
        # A move that keeps the status (a transfer before sign-for) shows no "→ status".
        to_status=to if to != before else "",
        note=note,
    )
    case_facts_store(case)
    return case


def case_allowed_actions(case: Case, user) -> frozenset[CaseAction]:
    """What this person may do to the case now: by role and status, and for a liaison only
    while the case is at their department. The workflows check again under the row lock."""
    return frozenset(action for action in _actions_for(case, user) if case_can(case, action))


def _actions_for(case: Case, user) -> frozenset[CaseAction]:
    if not user.is_authenticated:
        return frozenset()
    if user.role == Role.DISTRICT_ADMIN:
        return DISTRICT_ADMIN_ACTIONS
    liaison = getattr(user, "liaison", None)
    if user.role == Role.LIAISON and liaison and liaison.department_id == case.department_id:
        return LIAISON_ACTIONS
    return frozenset()
