"""The UI's door to sample custody: a sample's summary and its custody actions, one unit of work each.

Used by the scan dock (a scanned sample label) and by the sample card.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from labdesk.models.people import Person
from labdesk.services.database import Database
from labdesk.services.problems import Problem
from labdesk.services.sample_custody import (
    CustodyDone,
    CustodyRefused,
    act,
    available_actions,
    find_sample,
    undo,
)
from labdesk.services.units import reading, writing


@dataclass(frozen=True)
class SampleSummary:
    sample_no: str
    name: str
    sample_type: str | None
    order_no: str
    status: str
    location: str | None
    holder: str | None
    actions: tuple[str, ...]  # the custody actions the current user may take now


def _person_name(session: Session, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    return person.full_name if person is not None else None


def sample_summary(database: Database, sample_no: str) -> SampleSummary | None:
    """The sample with this number, or None if there is none."""
    with reading(database) as session:
        sample = find_sample(session, sample_no)
        if sample is None:
            return None
        return SampleSummary(
            sample_no,  # found by it
            sample.name,
            sample.sample_type,
            sample.order.order_no or "",
            sample.status,
            sample.location,
            _person_name(session, sample.holder_id),
            tuple(available_actions(sample, database.actor)),
        )


def custody_action(
    database: Database,
    sample_no: str,
    action: str,
    *,
    location: str | None = None,
    comment: str | None = None,
) -> CustodyDone:
    """Take one custody action as the current user; see ``sample_custody.act``."""
    with writing(database) as session:
        sample = find_sample(session, sample_no)
        if sample is None:
            raise CustodyRefused(Problem("There is no sample {sample}.", {"sample": sample_no}))
        return act(session, sample, action, database.actor, location=location, comment=comment)


def undo_custody(database: Database, done: CustodyDone) -> CustodyDone:
    """Undo the action ``done`` if nobody has moved the sample since; see ``sample_custody.undo``."""
    with writing(database) as session:
        return undo(session, done, database.actor)
