"""The data rules of DESIGN.md hold on the embedded database: Decimal money, UTC times, optimistic locking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from labdesk.models import Base, Customer, Order


def test_every_table_carries_the_ledger_columns() -> None:
    exempt = {"person_roles", "coding_counters", "workflow_events", "audit_log"}  # history, counters, links
    for table in Base.metadata.sorted_tables:
        if table.name in exempt:
            continue
        assert {"created_at", "created_by", "updated_at", "updated_by", "version"} <= set(table.c.keys()), (
            table.name
        )


def test_money_is_decimal_and_exact(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        customer = Customer(code="KH0001", name="中建八局第一建设有限公司", status="active")
        order = Order(
            order_no="WT2026-000001",
            customer=customer,
            status="draft",
            list_price=Decimal("1234567890.12"),
            final_price=Decimal("0.10") + Decimal("0.20"),
        )
        session.add(order)
        session.commit()
    with Session(sqlite_engine) as session:
        stored = session.scalars(select(Order)).one()
        assert stored.list_price == Decimal("1234567890.12") and isinstance(stored.list_price, Decimal)
        assert stored.final_price == Decimal("0.30")


def test_times_are_aware_utc_and_naive_is_refused(sqlite_engine: Engine) -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    with Session(sqlite_engine) as session:
        customer = Customer(code="KH0002", name="x", status="active")
        customer.created_at = dt.datetime(2026, 3, 1, 9, 30, tzinfo=beijing)
        session.add(customer)
        session.commit()
        session.expire_all()
        assert customer.created_at == dt.datetime(2026, 3, 1, 1, 30, tzinfo=dt.UTC)
        assert customer.created_at.tzinfo is dt.UTC
        customer.updated_at = dt.datetime(2026, 3, 1, 9, 30)  # naive: a bug upstream
        with pytest.raises(Exception, match="naive datetime"):
            session.commit()


def test_second_workstation_saving_a_stale_record_is_refused(sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as setup:
        setup.add(Customer(code="KH0003", name="原名", status="active"))
        setup.commit()
    first, second = Session(sqlite_engine), Session(sqlite_engine)
    mine = first.scalars(select(Customer)).one()
    theirs = second.scalars(select(Customer)).one()
    mine.name = "第一台工作站"
    first.commit()
    theirs.name = "第二台工作站"
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    assert second.scalars(select(Customer)).one().name == "第一台工作站"
    assert second.scalars(select(Customer.version)).one() == 2
    first.close()
    second.close()
