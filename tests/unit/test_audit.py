"""The SQLite audit writer: the same JSON shapes as the PostgreSQL triggers, bulk rows, history and
the Audit ledger's pages and filters."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Table, insert, select, text

from labdesk.models import Base, Customer, Instrument, JobRole, Person, RepairRecord
from labdesk.models.audit import AuditLog
from labdesk.services import workspace
from labdesk.services.audit import (
    UNAUDITED_TABLES,
    FieldChange,
    audit_visible,
    audited_tables,
    changes_summary,
    record_bulk,
    record_history,
)
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database
from labdesk.services.ledgers.export import export_ledger
from labdesk.services.ledgers.paging import (
    ColumnFilter,
    FilterOp,
    LedgerQuery,
    count_rows,
    date_range,
    fetch_after,
)
from labdesk.services.ledgers.registry import get_ledger, ledgers_for
from tests.xlsx import read_sheet

AUDIT = get_ledger("audit")


@pytest.fixture
def database(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "alice")
    opened = workspace.connect(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield opened
    opened.dispose()


def rows(database: Database, table: str) -> list[AuditLog]:
    with database.read_session() as session:
        stmt = select(AuditLog).where(AuditLog.table_name == table).order_by(AuditLog.id)
        return list(session.scalars(stmt))


def test_insert_update_delete_leave_rows_shaped_like_the_triggers(database: Database) -> None:
    with database.session() as session:
        customer = Customer(code="KH0001", name="华龙检测")
        session.add(customer)
    with database.session() as session:
        found = session.get(Customer, customer.id)
        assert found is not None
        found.name = "华龙检测有限公司"
        found.next_follow_up_date = dt.date(2027, 1, 5)
    with database.session() as session:
        session.delete(session.get(Customer, customer.id))
    logged = rows(database, "customers")
    assert [r.action for r in logged] == ["insert", "update", "delete"]
    assert {r.record_id for r in logged} == {str(customer.id)}
    assert all(r.db_user == "alice" and r.app_user == "alice" for r in logged)
    inserted = logged[0].changes
    assert inserted["name"] == "华龙检测" and inserted["version"] == 1 and inserted["notes"] is None
    assert inserted["created_at"].endswith("+00:00") and inserted["id"] == customer.id
    updated = logged[1].changes
    assert updated["name"] == ["华龙检测", "华龙检测有限公司"]
    assert updated["next_follow_up_date"] == [None, "2027-01-05"]
    assert updated["version"] == [1, 2]  # the optimistic-lock bump is a change too
    assert "code" not in updated
    assert logged[2].changes["name"] == "华龙检测有限公司" and logged[2].changes["version"] == 2
    assert logged[0].txid != logged[1].txid


def test_an_update_that_changes_nothing_leaves_no_row(database: Database) -> None:
    with database.session() as session:
        customer = Customer(code="KH0002", name="Same")
        session.add(customer)
    with database.session() as session:
        found = session.get(Customer, customer.id)
        assert found is not None
        found.name = "Same"
    assert [r.action for r in rows(database, "customers")] == ["insert"]


def test_binary_is_recorded_as_size_and_digest_and_money_as_text(database: Database) -> None:
    photo = b"\x89PNG" + bytes(5000)
    with database.session() as session:
        instrument = Instrument(code="YQ-1", name="天平")
        session.add(instrument)
        session.flush()
        repair = RepairRecord(instrument_id=instrument.id, fault="坏了", photo=photo, cost=Decimal("12.50"))
        session.add(repair)
    with database.session() as session:
        found = session.get(RepairRecord, repair.id)
        assert found is not None
        found.photo = b"new"
    logged = rows(database, "repair_records")
    assert logged[0].changes["photo"] == {"size": 5004, "sha256": hashlib.sha256(photo).hexdigest()}
    assert logged[0].changes["cost"] == "12.50"
    old, new = logged[1].changes["photo"]
    assert old["size"] == 5004 and new == {"size": 3, "sha256": hashlib.sha256(b"new").hexdigest()}


def test_role_links_are_audited_with_a_composite_record_id(database: Database) -> None:
    with database.session() as session:
        person = Person(login="bob", full_name="Bob")
        role = session.scalars(select(JobRole).where(JobRole.key == "signatory")).one()
        person.roles.append(role)
        session.add(person)
    with database.session() as session:
        found = session.get(Person, person.id)
        assert found is not None
        found.roles.clear()
    logged = rows(database, "person_roles")
    assert [(r.action, r.record_id) for r in logged] == [
        ("insert", f"{person.id}/{role.id}"),
        ("delete", f"{person.id}/{role.id}"),
    ]
    assert logged[0].changes == {"person_id": person.id, "role_id": role.id}


def test_cascaded_orphans_are_audited(database: Database) -> None:
    from labdesk.models import Contact

    with database.session() as session:
        customer = Customer(code="KH0003", name="C", contacts=[Contact(name="张三")])
        session.add(customer)
    with database.session() as session:
        session.delete(session.get(Customer, customer.id))
    assert [r.action for r in rows(database, "contacts")] == ["insert", "delete"]


def test_bulk_rows_in_one_statement(database: Database) -> None:
    table = Instrument.__table__
    assert isinstance(table, Table)
    data = [{"id": 100 + n, "code": f"YQ-{n}", "name": f"仪器{n}"} for n in range(500)]
    with database.session() as session:
        session.execute(insert(table), data)
        record_bulk(session, "instruments", data)
        record_bulk(session, "instruments", [{"id": 100, "name": ("仪器0", "改")}], action="update")
    logged = rows(database, "instruments")
    assert len(logged) == 501
    assert logged[0].changes == {"id": 100, "code": "YQ-0", "name": "仪器0"}
    assert logged[-1].changes == {"name": ["仪器0", "改"]} and logged[-1].record_id == "100"
    with database.session() as session, pytest.raises(ValueError, match="key columns"):
        record_bulk(session, "instruments", [{"code": "x"}])


def test_history_is_newest_first(database: Database) -> None:
    with database.session() as session:
        customer = Customer(code="KH0004", name="A")
        session.add(customer)
    for name in ("B", "C"):
        with database.session() as session:
            found = session.get(Customer, customer.id)
            assert found is not None
            found.name = name
    with database.read_session() as session:
        history = record_history(session, "customers", str(customer.id))
    assert [e.action for e in history] == ["update", "update", "insert"]
    assert FieldChange("name", "B", "C") in history[0].changes
    assert history[0].app_user == "alice"
    assert "name: B → C" in changes_summary("update", {"name": ["B", "C"]})
    served = workspace.record_history(database, "customers", customer.id)
    assert served is not None and [e.action for e in served] == ["update", "update", "insert"]
    assert workspace.record_history(database, "audit", 1) is None  # the log has no history of its own


def test_audit_ledger_filters_by_person_table_and_time(database: Database, tmp_path: Path) -> None:
    with database.session() as session:
        session.add_all([Customer(code="KH0005", name="A"), Instrument(code="YQ-9", name="秤")])
    with database.engine.begin() as conn:  # an older entry (the services refuse audit_log writes)
        conn.execute(
            insert(AuditLog),
            [{"table_name": "orders", "record_id": "1", "action": "update", "changes": {"x": [1, 2]},
              "db_user": "carol", "app_user": "carol", "at": dt.datetime(2025, 3, 9, 12, tzinfo=dt.UTC)}],
        )
    with database.read_session() as session:
        assert count_rows(session, AUDIT, LedgerQuery()) == 3

        def count(*filters: ColumnFilter) -> int:
            return count_rows(session, AUDIT, LedgerQuery(filters=filters))

        assert count(ColumnFilter("app_user", "carol")) == 1
        assert count(ColumnFilter("table_name", "instruments")) == 1
        assert count(ColumnFilter("action", "update", FilterOp.EQUALS)) == 1
        assert count(ColumnFilter("at", "2025-03", FilterOp.BETWEEN)) == 1
        assert count(ColumnFilter("at", "..2025-12-31", FilterOp.BETWEEN)) == 1
        assert count(ColumnFilter("at", "2026-01-01..", FilterOp.BETWEEN)) == 2
        assert count(ColumnFilter("changes", "秤")) == 1  # searchable: Chinese kept unescaped
        page = fetch_after(session, AUDIT, LedgerQuery(sort_key="at", descending=True), None, 10)
        assert page.rows[-1][AUDIT.column_index("db_user") + 1] == "carol"
        path = tmp_path / "audit.xlsx"
        assert export_ledger(session, AUDIT, LedgerQuery(), path, lambda _c, s: s) == 3
    title, sheet = read_sheet(path)
    assert title == "Audit trail" and sheet[0][:4] == ("Time", "Table", "Record ID", "Action")
    assert len(sheet) == 4


def test_date_ranges() -> None:
    assert date_range("2026") == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert date_range("2026-12") == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert date_range("2026-02-03..2026-02-05") == (dt.date(2026, 2, 3), dt.date(2026, 2, 6))
    assert date_range("..2026-02") == (None, dt.date(2026, 3, 1))
    assert date_range("华龙") is None and date_range("2026-13") is None and date_range("..") is None


def test_who_sees_the_audit_ledger() -> None:
    assert audit_visible({"admin"}) and audit_visible({"signatory", "finance"})
    assert not audit_visible({"technician"}) and not audit_visible(())
    assert AUDIT in ledgers_for({"admin"}) and AUDIT not in ledgers_for({"front_desk"})
    assert len(ledgers_for({"front_desk"})) == len(ledgers_for({"admin"})) - 1


def test_every_business_table_is_audited() -> None:
    names = {t.name for t in audited_tables(Base.metadata)}
    assert "person_roles" in names and "instruments" in names
    assert not names & UNAUDITED_TABLES
    assert names | {"audit_log", "coding_counters"} == set(Base.metadata.tables)


def test_sessions_without_an_actor_record_the_seat_user(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labdesk.services.connection import make_engine
    from labdesk.services.database import make_sessions

    monkeypatch.setenv("LABDESK_USER", "seat")
    engine = make_engine(sqlite_url)
    with make_sessions(engine).begin() as session:
        session.add(Customer(code="KH0009", name="N"))
    with engine.connect() as conn:
        assert conn.execute(text("select db_user, app_user from audit_log")).one() == ("seat", None)
    engine.dispose()
