"""Sample custody (样品流转): who holds each sample, where it is, and its status, one event at a time.

Each action is a workflow transition (status history in ``workflow_events``) and a custody event
(the chain of custody: from whom, to whom, where, by whom). The front desk registers a sample as
received; from there:

==========  ==========================  ============  =========================================
action      from                        to            holder / location
==========  ==========================  ============  =========================================
take        received, stored            in_testing    the acting technician takes it (领取人)
store       received, in_testing        stored        nobody; the storage location is required
receive     in_testing                  received      the acting front-desk person
return      received, stored            returned      nobody (given back to the customer)
retain      received, stored            retained      nobody; the retention location is required
dispose     received, stored, retained  disposed      nobody
==========  ==========================  ============  =========================================

Bench work scans one sample after another, so the last action can be undone: :func:`undo`
restores the state before it if nobody has moved the sample since, and records the undo too
(history is never deleted).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.models.samples import CustodyAction, CustodyEvent, Sample, SampleStatus
from labdesk.models.workflow import WorkflowEvent
from labdesk.services.actor import Actor
from labdesk.services.permissions import require_step
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.workflow import Workflow, take, transition

S = SampleStatus
SAMPLE_WORKFLOW = Workflow(
    "sample",
    (
        transition(CustodyAction.TAKE, (S.RECEIVED, S.STORED), S.IN_TESTING, "sample.take"),
        transition(CustodyAction.STORE, (S.RECEIVED, S.IN_TESTING), S.STORED, "sample.store"),
        transition(CustodyAction.RECEIVE, (S.IN_TESTING,), S.RECEIVED, "sample.receive"),
        transition(CustodyAction.RETURN, (S.RECEIVED, S.STORED), S.RETURNED, "sample.return"),
        transition(CustodyAction.RETAIN, (S.RECEIVED, S.STORED), S.RETAINED, "sample.retain"),
        transition(CustodyAction.DISPOSE, (S.RECEIVED, S.STORED, S.RETAINED), S.DISPOSED, "sample.dispose"),
    ),
)
NEEDS_LOCATION = frozenset({CustodyAction.STORE.value, CustodyAction.RETAIN.value})
MAX_LOCATION = 200
UNDO = "undo"


class CustodyRefused(ProblemError):
    """A custody action that cannot be taken as asked."""


@dataclass(frozen=True)
class SampleState:
    status: str
    location: str | None
    holder_id: int | None


@dataclass(frozen=True)
class CustodyDone:
    """What one action did: enough to show it in the bench log and to undo it."""

    sample_id: int
    sample_no: str
    action: str
    before: SampleState
    after: SampleState
    version_after: int


def _state(sample: Sample) -> SampleState:
    return SampleState(sample.status, sample.location, sample.holder_id)


def find_sample(session: Session, sample_no: str) -> Sample | None:
    return session.scalars(select(Sample).where(Sample.sample_no == sample_no)).one_or_none()


def act(
    session: Session,
    sample: Sample,
    action: str,
    actor: Actor,
    *,
    location: str | None = None,
    comment: str | None = None,
) -> CustodyDone:
    """Take ``action`` on ``sample`` as ``actor``; raises PermissionDenied, TransitionNotAllowed or
    CustodyRefused without changing anything."""
    location = (location or "").strip() or None
    if action in NEEDS_LOCATION and location is None:
        raise CustodyRefused(Problem("Say where the sample is kept: a location is required."))
    if location is not None and len(location) > MAX_LOCATION:
        raise CustodyRefused(
            Problem("The location is {length} characters long; at most {max} fit.",
                    {"length": str(len(location)), "max": str(MAX_LOCATION)})
        )
    if action in (CustodyAction.TAKE, CustodyAction.RECEIVE) and actor.person_id is None:
        raise CustodyRefused(
            Problem("{login} has no staff record, so cannot hold samples. Ask an administrator to add one.",
                    {"login": actor.login})
        )
    before = _state(sample)
    take(session, SAMPLE_WORKFLOW, sample, action, actor, comment)
    if action in (CustodyAction.TAKE, CustodyAction.RECEIVE):
        sample.holder_id = actor.person_id
        sample.location = location or sample.location
    else:
        sample.holder_id = None
        if action in NEEDS_LOCATION:
            sample.location = location
        elif action in (CustodyAction.RETURN, CustodyAction.DISPOSE):
            sample.location = None
    session.add(
        CustodyEvent(
            sample_id=sample.id,
            action=action,
            from_person_id=before.holder_id,
            to_person_id=sample.holder_id,
            location=sample.location,
            by_id=actor.person_id,
            comment=comment,
        )
    )
    session.flush()
    return CustodyDone(sample.id, sample.sample_no or "", action, before, _state(sample), sample.version)


def undo(session: Session, done: CustodyDone, actor: Actor) -> CustodyDone:
    """Put the sample back as it was before ``done``, if nobody has changed it since.

    The undo is itself a custody event and a workflow event: the history shows both.
    """
    require_step(actor, SAMPLE_WORKFLOW.transition(done.action).step)
    sample = session.get(Sample, done.sample_id)
    if sample is None or sample.version != done.version_after:
        raise CustodyRefused(
            Problem("{sample} has changed since; its last action can no longer be undone.",
                    {"sample": done.sample_no})
        )
    current = _state(sample)
    sample.status, sample.location = done.before.status, done.before.location
    sample.holder_id = done.before.holder_id
    session.add(
        WorkflowEvent(
            doc_type=SAMPLE_WORKFLOW.doc_type,
            record_id=sample.id,
            action=UNDO,
            from_state=current.status,
            to_state=sample.status,
            actor=actor.login,
            comment=done.action,
        )
    )
    session.add(
        CustodyEvent(
            sample_id=sample.id,
            action=UNDO,
            from_person_id=current.holder_id,
            to_person_id=sample.holder_id,
            location=sample.location,
            by_id=actor.person_id,
            comment=done.action,
        )
    )
    session.flush()
    return CustodyDone(sample.id, sample.sample_no or "", UNDO, current, _state(sample), sample.version)


def available_actions(sample: Sample, actor: Actor) -> list[str]:
    """The custody actions this actor may take on the sample now."""
    return [t.action for t in SAMPLE_WORKFLOW.available(sample.status, actor.roles)]
