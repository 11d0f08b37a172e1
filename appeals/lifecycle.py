"""The life of an appeal (诉求流转): which action may move it from which status to which, who
takes it, and the one function that moves it.

Every status change of an appeal goes through `appeal_transition`: under the appeal's row lock it
checks the move against TRANSITIONS, saves the status with the fields that change with it, and
writes the step on the appeal's timeline (AppealEvent). No workflow can skip the check or forget
the step.
"""

import enum
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Role
from core.lifecycle import moves, status_move

from .facts import window_facts_send
from .models import Appeal, AppealEvent

S = Appeal.Status
Actor = AppealEvent.Actor

# The code of a refusal; the workflows refused with it before this table existed.
NOT_ALLOWED = "wrong_status"


class AppealAction(enum.StrEnum):
    """Something done to an appeal: by the park window, the enterprise, the department (through
    the hub's messages) or the system."""

    ACCEPT = "accept"  # 受理
    RETURN = "return"  # 退回补正
    REJECT = "reject"  # 不予受理
    WINDOW_ANSWER = "window_answer"  # 窗口直接办结
    RESUBMIT = "resubmit"  # 补正后重新提交
    REQUEST_INFO = "request_info"  # the department asks for more information
    REPLY = "reply"  # 补充材料
    DEPARTMENT_ANSWER = "department_answer"  # the department's answer arrives
    RATE = "rate"  # 评价
    CLOSE_UNRATED = "close_unrated"  # no rating in time


# Action → {from status → the statuses it may move the appeal to}.
TRANSITIONS: dict[AppealAction, dict[str, frozenset[str]]] = {
    AppealAction.ACCEPT: moves(S.SUBMITTED, to=S.DISPATCHED),
    AppealAction.RETURN: moves(S.SUBMITTED, to=S.RETURNED),
    AppealAction.REJECT: moves(S.SUBMITTED, to=S.REJECTED),
    AppealAction.WINDOW_ANSWER: moves(S.SUBMITTED, to=S.ANSWERED),
    AppealAction.RESUBMIT: moves(S.RETURNED, to=S.SUBMITTED),
    AppealAction.REQUEST_INFO: moves(S.DISPATCHED, to=S.INFO_REQUESTED),
    AppealAction.REPLY: moves(S.INFO_REQUESTED, to=S.DISPATCHED),
    AppealAction.DEPARTMENT_ANSWER: moves(S.DISPATCHED, S.INFO_REQUESTED, to=S.ANSWERED),
    # Satisfied: closed. Dissatisfied: re-handled (重办) by the department, or by the window
    # when the window gave the answer.
    AppealAction.RATE: {S.ANSWERED: frozenset({S.CLOSED, S.DISPATCHED, S.SUBMITTED})},
    AppealAction.CLOSE_UNRATED: moves(S.ANSWERED, to=S.CLOSED_UNRATED),
}


class Step(NamedTuple):
    """Who takes an action, and the step it writes on the timeline (a message id)."""

    actor: str
    text: str


STEPS: dict[AppealAction, Step] = {
    AppealAction.ACCEPT: Step(Actor.WINDOW, gettext_noop("Accepted and sent to the district")),
    AppealAction.RETURN: Step(Actor.WINDOW, gettext_noop("Returned for more information")),
    AppealAction.REJECT: Step(Actor.WINDOW, gettext_noop("Not accepted")),
    AppealAction.WINDOW_ANSWER: Step(Actor.WINDOW, gettext_noop("Answered at the park window")),
    AppealAction.RESUBMIT: Step(Actor.ENTERPRISE, gettext_noop("Corrected and resubmitted")),
    AppealAction.REQUEST_INFO: Step(Actor.DEPARTMENT, gettext_noop("More information requested")),
    AppealAction.REPLY: Step(Actor.ENTERPRISE, gettext_noop("Sent the information requested")),
    AppealAction.DEPARTMENT_ANSWER: Step(Actor.DEPARTMENT, gettext_noop("Answered")),
    AppealAction.RATE: Step(Actor.ENTERPRISE, gettext_noop("Rated the answer: %(level)s")),
    AppealAction.CLOSE_UNRATED: Step(Actor.SYSTEM, gettext_noop("Closed without a rating")),
}

# What each park role may do; the department's and the system's actions come by message or beat.
ROLE_ACTIONS: dict[str, frozenset[AppealAction]] = {
    Role.WINDOW_STAFF: frozenset(
        {
            AppealAction.ACCEPT,
            AppealAction.RETURN,
            AppealAction.REJECT,
            AppealAction.WINDOW_ANSWER,
        }
    ),
    Role.ENTERPRISE: frozenset({AppealAction.RESUBMIT, AppealAction.REPLY, AppealAction.RATE}),
}


def appeal_lock(appeal: Appeal) -> Appeal:
    """The appeal's row, locked until the end of the transaction, as it is now."""
    return Appeal.objects.select_for_update().get(pk=appeal.pk)


def appeal_can(appeal: Appeal, action: AppealAction) -> bool:
    """Whether `action` may be taken in the appeal's current status."""
    return appeal.status in TRANSITIONS[action]


def appeal_require(appeal: Appeal, action: AppealAction) -> None:
    """Refuse (ValidationError, code NOT_ALLOWED) unless `action` may be taken now."""
    if not appeal_can(appeal, action):
        raise _refusal(appeal)


def _refusal(appeal: Appeal) -> ValidationError:
    return ValidationError(
        _("This appeal is now “%(status)s”; nothing was changed.")
        % {"status": appeal.get_status_display()},
        code=NOT_ALLOWED,
    )


def appeal_transition(
    appeal: Appeal,
    *,
    action: AppealAction,
    to: str,
    actor_name: str = "",
    note: str = "",
    params: dict | None = None,
    fields: dict | None = None,
    locked: bool = False,
) -> Appeal:
    """Move the appeal by `action` to `to`, with `fields` (name → value) changing with it, write
    the step on its timeline and send its window facts to the hub; returns the appeal as saved. Locks the row first unless the
    caller already holds the lock (`locked`). Refused moves change nothing."""
    if not locked:
        appeal = appeal_lock(appeal)
    before = status_move(
        appeal,
        allowed=TRANSITIONS[action],
        to=to,
        fields=fields,
        refusal=lambda: _refusal(appeal),
        also_saved=["updated_at"],
    )
    step = STEPS[action]
    AppealEvent.objects.create(
        appeal=appeal,
        actor=step.actor,
        actor_name=actor_name[:60],
        action=step.text,
        params=params or {},
        from_status=before,
        to_status=to,
        note=note,
    )
    window_facts_send(appeal)
    return appeal


def appeal_allowed_actions(appeal: Appeal, user) -> frozenset[AppealAction]:
    """What this person may do to the appeal now: by role and status, and for an enterprise
    only on its own appeals. The workflows check again under the row lock."""
    if not user.is_authenticated:
        return frozenset()
    if user.role == Role.ENTERPRISE and appeal.enterprise.account_id != user.pk:
        return frozenset()
    actions = ROLE_ACTIONS.get(user.role, frozenset())
    return frozenset(action for action in actions if appeal_can(appeal, action))
