"""Sample custody scenarios shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from labdesk.models import CustodyEvent, Sample, WorkflowEvent
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.permissions import PermissionDenied
from labdesk.services.sample_custody import CustodyRefused
from labdesk.services.sample_desk import custody_action, sample_summary, undo_custody
from labdesk.services.workflow import TransitionNotAllowed

HOSTILE = "架\x1b^XZ'; DROP TABLE samples;--🙂"


def demo_database(url: str, login: str) -> Database:
    """A small demo database opened as ``login`` (a demo staff login)."""
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    try:
        fill_demo(database.engine, DemoSizes(customers=5, instruments=5, orders=8, samples=20))
    finally:
        database.dispose()
    reopened = open_database(DatabaseTarget(url, UrlSource.CLI))
    with reopened.read_session() as session:
        from labdesk.services.actor import resolve_actor

        actor = resolve_actor(session, login, embedded=False)
    return dataclasses.replace(reopened, actor=actor)


def sample_in(database: Database, status: str) -> str:
    with database.read_session() as session:
        return session.scalars(
            select(func.coalesce(Sample.sample_no, ""))
            .where(Sample.status == status)
            .order_by(Sample.id)
            .limit(1)
        ).one()


def as_user(database: Database, login: str) -> Database:
    from labdesk.services.actor import resolve_actor

    with database.read_session() as session:
        return dataclasses.replace(database, actor=resolve_actor(session, login, embedded=False))


def check_take_store_and_history(technician: Database) -> None:
    sample_no = sample_in(technician, "stored")
    summary = sample_summary(technician, sample_no)
    assert summary is not None and "take" in summary.actions
    done = custody_action(technician, sample_no, "take", comment=HOSTILE)
    after = sample_summary(technician, sample_no)
    assert after is not None
    assert (after.status, after.holder) == ("in_testing", technician.actor.full_name)
    custody_action(technician, sample_no, "store", location=HOSTILE)
    with technician.read_session() as session:
        sample = session.scalars(select(Sample).where(Sample.sample_no == sample_no)).one()
        assert (sample.status, sample.location, sample.holder_id) == ("stored", HOSTILE, None)
        events = session.scalars(
            select(CustodyEvent).where(CustodyEvent.sample_id == sample.id).order_by(CustodyEvent.id)
        ).all()
        assert [e.action for e in events[-2:]] == ["take", "store"]
        assert events[-2].comment == HOSTILE and events[-2].to_person_id == technician.actor.person_id
        flow = session.scalars(
            select(WorkflowEvent)
            .where(WorkflowEvent.doc_type == "sample", WorkflowEvent.record_id == sample.id)
            .order_by(WorkflowEvent.id)
        ).all()
        assert [(e.action, e.from_state, e.to_state, e.actor) for e in flow[-2:]] == [
            ("take", "stored", "in_testing", technician.actor.login),
            ("store", "in_testing", "stored", technician.actor.login),
        ]
    assert done.before.status == "stored"


def check_undo(technician: Database) -> None:
    sample_no = sample_in(technician, "stored")
    before = sample_summary(technician, sample_no)
    done = custody_action(technician, sample_no, "take")
    undone = undo_custody(technician, done)
    after = sample_summary(technician, sample_no)
    assert after is not None and before is not None
    assert (after.status, after.location, after.holder) == (before.status, before.location, before.holder)
    assert undone.action == "undo"
    # Undoing twice, or after someone else moved it, is refused.
    with pytest.raises(CustodyRefused):
        undo_custody(technician, done)


def check_refusals(technician: Database, finance: Database) -> None:
    sample_no = sample_in(technician, "stored")
    with pytest.raises(CustodyRefused, match="location"):
        custody_action(technician, sample_no, "store", location="  ")
    with pytest.raises(TransitionNotAllowed):
        custody_action(technician, sample_no, "store", location="A-1")
    with pytest.raises(PermissionDenied):
        custody_action(finance, sample_no, "take")
    with pytest.raises(PermissionDenied):
        custody_action(technician, sample_no, "dispose")
    with pytest.raises(CustodyRefused, match="no sample"):
        custody_action(technician, "YP-NOPE", "take")
    unchanged = sample_summary(technician, sample_no)
    assert unchanged is not None and unchanged.status == "stored"
    # A finance clerk sees the sample but no action.
    seen = sample_summary(finance, sample_no)
    assert seen is not None and seen.actions == ()
