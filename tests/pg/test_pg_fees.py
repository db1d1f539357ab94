"""The fee ledger's batch edit on PostgreSQL: triggers audit it, and a concurrent save is a conflict."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labdesk.models.audit import AuditLog
from labdesk.models.orders import Order, OrderFee
from labdesk.services import fees, users
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.fees import IN_FULL, FeeConflict
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.pg_security import apply_security
from tests.unit.test_fees import HOSTILE, as_login, demo_database, stored


@pytest.fixture
def finance(pg_url: str) -> Iterator[Database]:
    database = demo_database(pg_url)
    yield as_login(database, "luojuan", {"finance"})
    database.dispose()


def test_batch_edit_is_applied_and_audited_by_the_triggers(finance: Database) -> None:
    ids = sorted(stored(finance))[:8]
    summary = fees.fee_selection_summary(finance, ids)
    assert fees.batch_edit_fees(finance, summary.versions, charged=False, amount_received=Decimal("0"),
                                note=HOSTILE).count == 8
    after = stored(finance)
    assert all(after[i] == (v + 1, False, Decimal("0.00"), HOSTILE, finance.actor.person_id)
               for i, v in summary.versions)
    with finance.read_session() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.table_name == "order_fees",
                                                         AuditLog.action == "update")).all()
    assert sorted(int(e.record_id) for e in entries) == ids
    assert all(e.changes["note"][1] == HOSTILE for e in entries)


def test_received_in_full_and_footer_totals(finance: Database) -> None:
    summary = fees.fee_selection_summary(finance, LedgerQuery())
    fees.batch_edit_fees(finance, summary.versions, charged=True, amount_received=IN_FULL)
    totals = fees.fee_totals(finance, LedgerQuery())
    assert totals.count == summary.count and totals.final_price == summary.final_price
    assert totals.outstanding == 0


def test_a_save_between_summary_and_apply_is_a_conflict_and_nothing_is_applied(finance: Database) -> None:
    ids = sorted(stored(finance))[:10]
    summary = fees.fee_selection_summary(finance, ids)
    with finance.session() as session:  # another workstation saves one order's fee meanwhile
        row = session.get(OrderFee, ids[4])
        assert row is not None
        row.discount_amount += Decimal("10.00")
        order_no = session.scalar(select(Order.order_no).where(Order.id == row.order_id))
    before = stored(finance)
    with pytest.raises(FeeConflict) as conflict:
        fees.batch_edit_fees(finance, summary.versions, charged=True, amount_received=IN_FULL, note="batch")
    assert conflict.value.fee_ids == (ids[4],) and conflict.value.order_numbers == (order_no,)
    assert stored(finance) == before


def test_a_save_racing_the_batch_is_waited_for_then_a_conflict(finance: Database) -> None:
    """The other save holds the row while the batch starts: the batch waits for its lock, then sees
    the new version and applies nothing (READ COMMITTED re-reads a row locked FOR UPDATE)."""
    ids = sorted(stored(finance))[:20]
    summary = fees.fee_selection_summary(finance, ids)
    before = stored(finance)
    outcome: list[object] = []
    with finance.engine.connect() as other:
        other.execute(text("UPDATE order_fees SET note = 'front desk', version = version + 1 WHERE id = :i"),
                      {"i": ids[-1]})

        def batch() -> None:
            try:
                outcome.append(fees.batch_edit_fees(finance, summary.versions, charged=True, note="batch"))
            except FeeConflict as conflict:
                outcome.append(conflict)

        worker = threading.Thread(target=batch)
        worker.start()
        time.sleep(0.5)
        assert worker.is_alive(), "the batch should wait for the other transaction's row lock"
        other.commit()
    worker.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], FeeConflict)
    assert outcome[0].fee_ids == (ids[-1],)
    after = stored(finance)
    assert after[ids[-1]][3] == "front desk"
    assert {i: after[i] for i in ids[:-1]} == {i: before[i] for i in ids[:-1]}
    with finance.read_session() as session:
        assert session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.table_name == "order_fees", AuditLog.action == "update")) == 1


def test_a_finance_login_of_its_own_runs_the_batch_edit_under_the_servers_grants(pg_url: str) -> None:
    """The set-based path (FOR UPDATE, UPDATE … FROM unnest, RETURNING, SET LOCAL) within the GRANTs
    of a personal finance login on a secured server; the triggers record that login."""
    demo_database(pg_url).dispose()
    engine = make_engine(pg_url)
    apply_security(engine)
    login = f"ldt{uuid.uuid4().hex[:8]}.finance"
    try:
        with Session(engine) as session, session.begin():
            users.add_user(session, login, ["finance"], full_name="财务 测试")
        database = open_database(DatabaseTarget(make_url(pg_url).set(username=login).render_as_string(
            hide_password=False), UrlSource.CLI))
        try:
            assert database.actor.roles == {"finance"}
            summary = fees.fee_selection_summary(database, LedgerQuery())
            assert fees.batch_edit_fees(database, summary.versions, charged=True,
                                        amount_received=IN_FULL).count == summary.count > 0
            assert fees.fee_totals(database, LedgerQuery()).outstanding == 0
        finally:
            database.dispose()
        with engine.connect() as conn:
            users_seen = conn.execute(text("SELECT DISTINCT db_user FROM audit_log WHERE table_name = "
                                           "'order_fees' AND action = 'update'")).scalars().all()
        assert users_seen == [login]
    finally:
        engine.dispose()
        with psycopg.connect(make_url(pg_url).set(drivername="postgresql").render_as_string(
                hide_password=False), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {} CASCADE").format(sql.Identifier(login)))
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
