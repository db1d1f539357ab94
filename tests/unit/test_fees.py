"""The fee ledger's batch edit, summary and footer totals on the embedded file (SQLite)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from labdesk.models.audit import AuditLog
from labdesk.models.orders import Order, OrderFee
from labdesk.models.people import Person
from labdesk.services import fees
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.fees import IN_FULL, UNCHANGED, FeeConflict, FeeInputError
from labdesk.services.ledgers.paging import ColumnFilter, LedgerQuery
from labdesk.services.permissions import PermissionDenied

HOSTILE = "x'; DROP TABLE order_fees; -- \"q\" 100% _ \\ 😀 \x1b[31m \t\r\n 收费"


def demo_database(url: str) -> Database:
    engine = make_engine(url)
    fill_demo(engine, DemoSizes(customers=8, instruments=5, orders=40, samples=10))
    engine.dispose()
    return open_database(DatabaseTarget(url, UrlSource.CLI))


def as_login(database: Database, login: str, roles: set[str]) -> Database:
    with database.read_session() as session:
        person_id = session.scalar(select(Person.id).where(Person.login == login))
    return dataclasses.replace(database, actor=Actor(login, frozenset(roles), person_id=person_id))


def stored(database: Database) -> dict[int, tuple[int, bool | None, Decimal, str | None, int | None]]:
    with database.read_session() as session:
        rows = session.execute(select(OrderFee.id, OrderFee.version, OrderFee.charged,
                                      OrderFee.amount_received, OrderFee.note, OrderFee.confirmed_by_id))
        return {r[0]: tuple(r[1:]) for r in rows}  # type: ignore[misc]


@pytest.fixture
def finance(sqlite_url: str) -> Iterator[Database]:
    database = demo_database(sqlite_url)
    yield as_login(database, "luojuan", {"finance"})
    database.dispose()


def test_summary_counts_and_sums_the_selection(finance: Database) -> None:
    before = stored(finance)
    ids = sorted(before)[:7]
    summary = fees.fee_selection_summary(finance, [*ids, ids[0]])  # a repeated id counts once
    with finance.read_session() as session:
        sums = select(func.sum(OrderFee.final_price), func.sum(OrderFee.amount_received))
        final, received = session.execute(sums.where(OrderFee.id.in_(ids))).one()
    assert summary.count == 7 and summary.final_price == final and summary.received == received
    assert summary.outstanding == final - received
    assert summary.versions == tuple((i, before[i][0]) for i in ids)


def test_batch_edit_received_in_full_stamps_and_audits(finance: Database) -> None:
    ids = sorted(stored(finance))[:5]
    summary = fees.fee_selection_summary(finance, ids)
    result = fees.batch_edit_fees(finance, summary.versions, charged=True, amount_received=IN_FULL,
                                  note=HOSTILE)
    assert result.count == 5
    after = stored(finance)
    person = finance.actor.person_id
    assert person is not None
    for fee_id, version in summary.versions:
        assert after[fee_id][0] == version + 1
        assert after[fee_id][1:] == (True, after[fee_id][2], HOSTILE, person)
    with finance.read_session() as session:
        outstanding = session.scalar(select(func.sum(OrderFee.final_price - OrderFee.amount_received))
                                     .where(OrderFee.id.in_(ids)))
        confirmed = session.scalars(select(OrderFee.confirmed_at).where(OrderFee.id.in_(ids))).all()
        entries = session.scalars(select(AuditLog).where(AuditLog.table_name == "order_fees",
                                                         AuditLog.action == "update")).all()
    assert outstanding == 0 and all(c is not None for c in confirmed)
    assert sorted(int(e.record_id) for e in entries) == ids
    assert all(e.app_user == "luojuan" and e.changes["note"][1] == HOSTILE for e in entries)
    assert all(e.changes["version"][1] == e.changes["version"][0] + 1 for e in entries)


def test_explicit_amount_and_unchanged_fields(finance: Database) -> None:
    before = stored(finance)
    ids = sorted(before)[5:9]
    summary = fees.fee_selection_summary(finance, ids)
    fees.batch_edit_fees(finance, summary.versions, amount_received=Decimal("120.5"))
    after = stored(finance)
    for fee_id in ids:
        assert after[fee_id][2] == Decimal("120.50")
        assert after[fee_id][1] == before[fee_id][1] and after[fee_id][3] == before[fee_id][3]
    fees.batch_edit_fees(finance, fees.fee_selection_summary(finance, ids).versions, charged=None, note="")
    assert all(stored(finance)[i][1] is None and stored(finance)[i][3] is None for i in ids)


def test_a_change_between_summary_and_apply_is_a_conflict_and_nothing_is_applied(finance: Database) -> None:
    ids = sorted(stored(finance))[:6]
    summary = fees.fee_selection_summary(finance, ids)
    with finance.session() as session:  # another workstation saves one of the rows
        row = session.get(OrderFee, ids[3])
        assert row is not None
        row.note = "changed at the front desk"
        order_no = session.scalar(select(Order.order_no).where(Order.id == row.order_id))
    before = stored(finance)
    with pytest.raises(FeeConflict) as conflict:
        fees.batch_edit_fees(finance, summary.versions, charged=True, amount_received=IN_FULL, note="batch")
    assert conflict.value.fee_ids == (ids[3],) and conflict.value.order_numbers == (order_no,)
    assert str(order_no) in conflict.value.text()
    assert stored(finance) == before


def test_only_finance_may_batch_edit(finance: Database) -> None:
    front = as_login(finance, "zhangwei", {"front_desk"})
    before = stored(front)
    summary = fees.fee_selection_summary(front, sorted(before)[:3])
    with pytest.raises(PermissionDenied):
        fees.batch_edit_fees(front, summary.versions, charged=True)
    assert stored(front) == before


@pytest.mark.parametrize("amount", ["-1", "1.005", "abc", "NaN", "1e20", ""])
def test_bad_amounts_are_refused(finance: Database, amount: str) -> None:
    with pytest.raises(FeeInputError):
        fees.clean_amount(amount)


def test_bad_input_is_refused_before_anything_is_read(finance: Database) -> None:
    versions = fees.fee_selection_summary(finance, sorted(stored(finance))[:2]).versions
    before = stored(finance)
    for kwargs in ({}, {"note": "x" * 501}, {"note": "nul\x00"}, {"amount_received": Decimal("-0.01")}):
        with pytest.raises(FeeInputError):
            fees.batch_edit_fees(finance, versions, **kwargs)
    fees.batch_edit_fees(finance, versions, note="长" * 500, amount_received=UNCHANGED)
    assert stored(finance)[versions[0][0]][3] == "长" * 500 and before != stored(finance)
    assert fees.clean_amount("¥1,200.50") == Decimal("1200.50")


def test_footer_totals_follow_the_filter_and_a_query_selects_the_same_rows(finance: Database) -> None:
    everything = fees.fee_totals(finance, LedgerQuery())
    with finance.read_session() as session:
        count, final, received = session.execute(select(func.count(), func.sum(OrderFee.final_price),
                                                        func.sum(OrderFee.amount_received))).one()
        order_no = session.scalar(select(Order.order_no).join(OrderFee).order_by(Order.order_no).limit(1))
    assert (everything.count, everything.final_price, everything.received) == (count, final, received)
    one = fees.fee_totals(finance, LedgerQuery(filters=(ColumnFilter("order_no", str(order_no)),)))
    assert one.count == 1
    assert fees.fee_totals(finance, LedgerQuery(search="no-such-order-anywhere")) == fees.FeeTotals(
        0, Decimal("0.00"), Decimal("0.00"))
    query = LedgerQuery(search=str(order_no))
    assert fees.fee_selection_summary(finance, query).count == fees.fee_totals(finance, query).count == 1
