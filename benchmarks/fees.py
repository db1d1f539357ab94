"""Batch fee edit of 10,000 orders on PostgreSQL: the fee service beside plain ORM loops, same run.

    python benchmarks/fees.py [--rows 10000] [--runs 3] [--pg-url postgresql://postgres@127.0.0.1:5432/test]

A database of its own (created, migrated to head, filled with ``--rows`` orders and their fee rows by
direct inserts, dropped afterwards). Each round edits every fee row — charged, amount received, note —
three ways, audit triggers on as migrated, commit included:

- ``service``: ``fees.fee_selection_summary`` (the read the dialog does before Apply, timed on its
  own) then ``fees.batch_edit_fees`` (lock and compare versions, one UPDATE … FROM VALUES, RETURNING);
- ``ORM, get per row``: the plain loop — ``session.get`` each row, compare its version, set the
  fields, flush once at the end (one UPDATE per row, version-checked by ``version_id_col``);
- ``ORM, one SELECT``: every row loaded by one SELECT … FOR UPDATE, then set and flushed (what
  ``card_editing.batch_update`` does);
- ``service, audit triggers off``: the service's edit with the table's audit triggers disabled
  (``ALTER TABLE … DISABLE TRIGGER USER``, the owner's right on a benchmark database), to show
  what of its time is the audit trail's.

Rounds alternate the three, so load on the machine hits all of them; the best and the median are shown.
The target is the service's batch edit ≤ 1 s for 10,000 rows.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

import psycopg
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url

from labdesk.models.customers import Customer
from labdesk.models.orders import Order, OrderFee
from labdesk.models.people import Person
from labdesk.services import fees
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine, normalize_url
from labdesk.services.database import Database, open_database
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.migrations import upgrade


def libpq(url: str) -> str:
    return make_url(normalize_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A new database migrated to head, dropped afterwards."""
    name = f"labdesk_bench_fees_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = make_url(normalize_url(admin_url)).set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with psycopg.connect(libpq(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(database: Database, n: int) -> int:
    """``n`` orders with fee rows, and the finance person; returns the person's id."""
    with database.sessions.begin() as session:
        person = Person(login="luojuan", full_name="罗娟")
        session.add(person)
        customer = Customer(code="KH0001", name="上海建工检测中心")
        session.add(customer)
        session.flush()
        prices = [Decimal(f"{800 + i % 4000}.00") for i in range(n)]
        session.execute(insert(Order), [
            {"order_no": f"WT2026-{i + 1:06d}", "customer_id": customer.id, "final_price": prices[i],
             "list_price": prices[i], "received_date": dt.date(2026, 1, 1) + dt.timedelta(days=i % 300)}
            for i in range(n)])
        order_ids = session.scalars(select(Order.id).order_by(Order.id)).all()
        session.execute(insert(OrderFee), [
            {"order_id": oid, "list_price": prices[i], "final_price": prices[i],
             "discount_amount": Decimal(0)}
            for i, oid in enumerate(order_ids)])
        return int(person.id)


def run_service(database: Database, note: str) -> tuple[float, float]:
    start = time.perf_counter()
    summary = fees.fee_selection_summary(database, LedgerQuery())
    read = time.perf_counter()
    done = fees.batch_edit_fees(database, summary.versions, charged=True, amount_received=fees.IN_FULL,
                                note=note)
    end = time.perf_counter()
    assert done.count == summary.count
    return read - start, end - read


def run_service_unaudited(database: Database, note: str) -> float:
    with database.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE order_fees DISABLE TRIGGER USER")
    try:
        return run_service(database, note)[1]
    finally:
        with database.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE order_fees ENABLE TRIGGER USER")


def versions(database: Database) -> list[tuple[int, int]]:
    with database.read_session() as session:
        return [(int(i), int(v)) for i, v in session.execute(select(OrderFee.id, OrderFee.version))]


def run_orm_get(database: Database, note: str) -> float:
    expected = versions(database)  # the summary's read, not timed (as for the service's apply)
    start = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    with database.session() as session:
        for fee_id, version in expected:
            row = session.get(OrderFee, fee_id)
            assert row is not None and row.version == version
            row.charged, row.amount_received, row.note = True, row.final_price, note
            row.confirmed_by_id, row.confirmed_at = database.actor.person_id, now
    return time.perf_counter() - start


def run_orm_select(database: Database, note: str) -> float:
    expected = dict(versions(database))
    start = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    with database.session() as session:
        rows = session.scalars(select(OrderFee).where(OrderFee.id.in_(expected)).with_for_update()).all()
        for row in rows:
            assert row.version == expected[row.id]
            row.charged, row.amount_received, row.note = True, row.final_price, note
            row.confirmed_by_id, row.confirmed_at = database.actor.person_id, now
    return time.perf_counter() - start


def edited(database: Database, note: str) -> int:
    with database.read_session() as session:
        found = session.scalar(select(func.count()).select_from(OrderFee).where(OrderFee.note == note))
        return int(found or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with pg_database(args.pg_url) as url:
        opened = open_database(DatabaseTarget(url, UrlSource.CLI))
        try:
            person_id = fill(opened, args.rows)
            database = dataclasses.replace(opened, actor=Actor("luojuan", frozenset({"finance"}), person_id))
            figures: dict[str, list[float]] = {"summary (read before Apply)": [], "service batch edit": [],
                                               "ORM, get per row": [], "ORM, one SELECT": [],
                                               "service, audit triggers off": []}
            cases: list[tuple[str, Callable[[Database, str], float]]] = [
                ("ORM, get per row", run_orm_get), ("ORM, one SELECT", run_orm_select),
                ("service, audit triggers off", run_service_unaudited)]
            for round_no in range(args.runs):
                read, apply = run_service(database, f"round {round_no} service")
                figures["summary (read before Apply)"].append(read)
                figures["service batch edit"].append(apply)
                for name, case in cases:
                    figures[name].append(case(database, f"round {round_no} {name}"))
            assert edited(database, f"round {args.runs - 1} service, audit triggers off") == args.rows
            print(f"{args.rows:,} fee rows, {args.runs} rounds, {database.server_version}")
            print(f"{'case':<30}{'best':>10}{'median':>10}")
            for name, seconds in figures.items():
                print(f"{name:<30}{min(seconds):>9.3f}s{statistics.median(seconds):>9.3f}s")
        finally:
            opened.dispose()


if __name__ == "__main__":
    main()
