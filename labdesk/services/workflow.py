"""Workflows as small declarative state machines (DESIGN.md "Workflows").

A :class:`Workflow` lists its transitions: the action's name, the states it may start from, the
state it leads to and the permission step (``labdesk.services.permissions``) that says which job
roles may take it. :func:`take` checks both, moves the record and writes the history row (who,
when, from, to, comment) in the caller's transaction; nothing else changes a document's state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.models.people import Person
from labdesk.models.workflow import WorkflowEvent
from labdesk.services.actor import Actor
from labdesk.services.permissions import may_step, require_step
from labdesk.services.problems import Problem, ProblemError

MAX_COMMENT = 2000


class Stateful(Protocol):
    """A record a workflow moves: an ``id`` and a ``status``."""

    id: int
    status: str


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    step: str  # the permission step, e.g. "instrument.send_for_calibration"


@dataclass(frozen=True)
class Workflow:
    doc_type: str
    transitions: tuple[Transition, ...]

    def transition(self, action: str) -> Transition:
        for candidate in self.transitions:
            if candidate.action == action:
                return candidate
        raise KeyError(f"{self.doc_type} has no action {action!r}")

    def available(self, status: str, roles: frozenset[str]) -> list[Transition]:
        """The actions a holder of ``roles`` may take from ``status``, in declaration order."""
        return [t for t in self.transitions if status in t.sources and may_step(roles, t.step)]


def transition(action: str, sources: Iterable[str], target: str, step: str) -> Transition:
    return Transition(action, frozenset(sources), target, step)


class TransitionNotAllowed(ProblemError):
    """The record is not in a state this action starts from (someone else may have moved it)."""


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    action: str
    from_state: str | None
    to_state: str
    actor: str
    comment: str | None


def take(
    session: Session,
    workflow: Workflow,
    record: Stateful,
    action: str,
    actor: Actor,
    comment: str | None = None,
) -> WorkflowEvent:
    """Move ``record`` by ``action`` as ``actor`` and record it; raises PermissionDenied or
    TransitionNotAllowed without changing anything."""
    step = workflow.transition(action)
    require_step(actor, step.step)
    if record.status not in step.sources:
        raise TransitionNotAllowed(
            Problem(
                "This {doc} is {state}; {action} is not possible from there. "
                "Reload to see its current state.",
                {"doc": workflow.doc_type, "state": record.status, "action": action},
            )
        )
    if comment is not None and len(comment) > MAX_COMMENT:
        raise TransitionNotAllowed(
            Problem("The comment is {length} characters long; at most {max} fit.",
                    {"length": str(len(comment)), "max": str(MAX_COMMENT)})
        )
    event = WorkflowEvent(
        doc_type=workflow.doc_type,
        record_id=record.id,
        action=action,
        from_state=record.status,
        to_state=step.target,
        actor=actor.login,
        comment=comment or None,
    )
    record.status = step.target
    session.add(event)
    return event


def history(session: Session, doc_type: str, record_id: int) -> list[HistoryEntry]:
    """The record's transitions, oldest first."""
    rows = session.scalars(
        select(WorkflowEvent)
        .where(WorkflowEvent.doc_type == doc_type, WorkflowEvent.record_id == record_id)
        .order_by(WorkflowEvent.at, WorkflowEvent.id)
    )
    return [HistoryEntry(r.at, r.action, r.from_state, r.to_state, r.actor, r.comment) for r in rows]


def people_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    """login -> the person's name, for the logins that have a person (history outlives people)."""
    wanted = set(logins)
    if not wanted:
        return {}
    people = select(Person.login, Person.full_name).where(Person.login.in_(wanted))
    return {login: name for login, name in session.execute(people)}


def history_by_name(session: Session, doc_type: str, record_id: int) -> list[HistoryEntry]:
    """:func:`history` with each actor shown by name where the login still has a person."""
    entries = history(session, doc_type, record_id)
    names = people_names(session, (e.actor for e in entries))
    return [replace(e, actor=names.get(e.actor, e.actor)) for e in entries]
