"""On a real PostgreSQL server: the audit triggers record every change, whoever makes it and however,
and nobody (the superuser running these tests included) can change or remove an audit row."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from alembic import command
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labdesk.models import Base, Customer, Instrument, JobRole, Person, RepairRecord
from labdesk.models.audit import AuditLog
from labdesk.services import workspace
from labdesk.services.actor import Actor
from labdesk.services.audit import AUDIT_TRIGGERS, audited_tables, json_value, record_bulk, record_history
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database
from labdesk.services.migrations import alembic_config, upgrade
from labdesk.services.pg_security import apply_security


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    made = make_engine(pg_url)
    yield made
    made.dispose()


@pytest.fixture
def database(pg_url: str) -> Iterator[Database]:
    opened = workspace.connect(DatabaseTarget(pg_url, UrlSource.CLI))
    opened.actor = Actor("alice", frozenset({"admin"}))  # the app user, distinct from the login
    yield opened
    opened.dispose()


def audit_rows(engine: Engine, table: str) -> list[AuditLog]:
    with Session(engine) as session:
        stmt = select(AuditLog).where(AuditLog.table_name == table).order_by(AuditLog.id)
        return list(session.scalars(stmt))


def test_orm_changes_are_recorded_with_login_and_app_user(database: Database, engine: Engine) -> None:
    with database.session() as session:
        customer = Customer(code="KH0001", name="华龙检测")
        session.add(customer)
    with database.session() as session:
        found = session.get(Customer, customer.id)
        assert found is not None
        found.name = "华龙检测有限公司"
    with database.session() as session:
        found = session.get(Customer, customer.id)
        assert found is not None
        found.name = "华龙检测有限公司"  # no real change: no row
    with database.session() as session:
        session.delete(session.get(Customer, customer.id))
    logged = audit_rows(engine, "customers")
    assert [r.action for r in logged] == ["insert", "update", "delete"]
    assert all(r.db_user == "postgres" and r.app_user == "alice" for r in logged)
    assert all(r.record_id == str(customer.id) and r.txid for r in logged)
    assert logged[0].changes["name"] == "华龙检测" and logged[0].changes["notes"] is None
    assert logged[0].changes["created_at"].endswith("+00:00")
    assert logged[1].changes == {
        "name": ["华龙检测", "华龙检测有限公司"],
        "version": [1, 2],
        "updated_at": logged[1].changes["updated_at"],
    }
    assert logged[2].changes["version"] == 2
    with database.read_session() as session:
        history = record_history(session, "customers", str(customer.id))
    assert [e.action for e in history] == ["delete", "update", "insert"]
    served = workspace.record_history(database, "customers", customer.id)
    assert served is not None and len(served) == 3


def test_raw_sql_from_a_connection_that_bypasses_the_app(pg_url: str, engine: Engine) -> None:
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("insert into instruments (code, name) values ('YQ-1', '天平')")
        conn.execute("update instruments set status = 'under_repair' where code = 'YQ-1'")
        conn.execute("delete from instruments where code = 'YQ-1'")
    logged = audit_rows(engine, "instruments")
    assert [r.action for r in logged] == ["insert", "update", "delete"]
    assert logged[1].changes["status"][1] == "under_repair" and logged[1].app_user is None
    assert len({r.txid for r in logged}) == 3  # autocommit: one transaction each


def test_binary_numeric_and_link_shapes_match_the_sqlite_writer(database: Database, engine: Engine) -> None:
    photo = b"\x89PNG" + bytes(5000)
    with database.session() as session:
        instrument = Instrument(code="YQ-2", name="秤")
        person = Person(login="bob", full_name="Bob")
        person.roles.append(session.scalars(select(JobRole).where(JobRole.key == "signatory")).one())
        session.add_all([instrument, person])
        session.flush()
        repair = RepairRecord(instrument_id=instrument.id, fault="坏了", photo=photo, cost=Decimal("12.50"))
        session.add(repair)
    with database.session() as session:
        found = session.get(RepairRecord, repair.id)
        assert found is not None
        found.photo = b"new"
        found.cost = Decimal("100")
    logged = audit_rows(engine, "repair_records")
    assert logged[0].changes["photo"] == {"size": 5004, "sha256": hashlib.sha256(photo).hexdigest()}
    assert logged[0].changes["cost"] == "12.50"
    assert logged[1].changes["photo"][1] == {"size": 3, "sha256": hashlib.sha256(b"new").hexdigest()}
    assert logged[1].changes["cost"] == ["12.50", "100.00"]
    link = audit_rows(engine, "person_roles")[0]
    assert link.action == "insert" and link.record_id == f"{person.id}/{link.changes['role_id']}"
    assert link.changes == {"person_id": person.id, "role_id": link.changes["role_id"]}


@pytest.mark.parametrize(
    "statement",
    ["update audit_log set db_user = 'nobody'", "delete from audit_log", "truncate audit_log"],
)
def test_audit_log_is_append_only_even_for_the_superuser(pg_url: str, statement: str) -> None:
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("insert into customers (code, name) values ('KH9', 'x')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audit_log is append-only"):
            conn.execute(statement)
        kept = conn.execute("select count(*) from audit_log where table_name = 'customers'").fetchone()
        assert kept == (1,)


def test_a_plain_login_is_audited_but_cannot_touch_the_log(pg_url: str, engine: Engine) -> None:
    role = f"labdesk_t_clerk_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq(pg_url), autocommit=True) as admin:
        admin.execute(f"create role {role} login")
        admin.execute(f"grant select, insert, update on customers to {role}")
        admin.execute(f"grant select on alembic_version, people, person_roles, job_roles to {role}")
        admin.execute(f"grant usage on all sequences in schema public to {role}")
    clerk_url = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    try:
        with psycopg.connect(libpq(clerk_url), autocommit=True) as clerk:
            clerk.execute("insert into customers (code, name) values ('KH7', 'y')")
            forged = "insert into audit_log (table_name, record_id, action, changes, db_user) "
            forged += "values ('x', '1', 'insert', '{}', 'me')"
            for forbidden in ("select * from audit_log", forged, "select labdesk_audit()"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    clerk.execute(forbidden)
        logged = audit_rows(engine, "customers")
        assert [(r.action, r.db_user, r.app_user) for r in logged] == [("insert", role, None)]
        # The card's history is simply not offered to a login that may not read the log.
        database = workspace.connect(DatabaseTarget(clerk_url, UrlSource.CLI))
        try:
            assert workspace.record_history(database, "customers", logged[0].changes["id"]) is None
        finally:
            database.dispose()
    finally:
        with psycopg.connect(libpq(pg_url), autocommit=True) as admin:
            admin.execute(f"drop owned by {role}")
            admin.execute(f"drop role {role}")


def test_every_business_table_has_the_triggers(engine: Engine) -> None:
    with engine.connect() as conn:
        triggers = conn.execute(
            text(
                "select c.relname, t.tgname, t.tgtype, t.tgoldtable, t.tgnewtable from pg_trigger t "
                "join pg_class c on c.oid = t.tgrelid where t.tgname like 'labdesk_audit%'"
            )
        ).all()
        definer = conn.execute(
            text("select prosecdef from pg_proc where proname = 'labdesk_audit'")
        ).scalar_one()
    audited = {t.name for t in audited_tables(Base.metadata)}
    for action, name in AUDIT_TRIGGERS.items():
        assert {row.relname for row in triggers if row.tgname == name} == audited, action
    assert {row.tgname for row in triggers} == set(AUDIT_TRIGGERS.values())
    # Statement level (tgtype bit 0 clear), AFTER (bit 1 clear), one event each, transition tables.
    assert all(row.tgtype & 0b11 == 0 for row in triggers)
    transitions = {(row.tgname, row.tgoldtable, row.tgnewtable) for row in triggers}
    assert transitions == {
        (AUDIT_TRIGGERS["insert"], None, "new_rows"),
        (AUDIT_TRIGGERS["update"], "old_rows", "new_rows"),
        (AUDIT_TRIGGERS["delete"], "old_rows", None),
    }
    assert definer is True


def test_record_bulk_is_left_to_the_triggers(database: Database, engine: Engine) -> None:
    with database.session() as session:
        session.execute(text("insert into instruments (id, code, name) values (500, 'YQ-5', 'x')"))
        record_bulk(session, "instruments", [{"id": 500, "code": "YQ-5", "name": "x"}])
    assert len(audit_rows(engine, "instruments")) == 1


def test_downgrade_removes_the_triggers(pg_empty_url: str) -> None:
    engine = make_engine(pg_empty_url)
    try:
        upgrade(engine, "0004")
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
        with engine.connect() as conn:
            left = conn.execute(
                text(
                    "select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid "
                    "where not t.tgisinternal and c.relnamespace = 'public'::regnamespace"
                )
            ).scalar_one()
            functions = conn.execute(text("select count(*) from pg_proc where proname like 'labdesk_audit%'"))
            assert left == 0 and functions.scalar_one() == 0
            conn.execute(text("insert into customers (code, name) values ('KH1', 'z')"))
            assert conn.execute(text("select count(*) from audit_log")).scalar_one() == 0
    finally:
        engine.dispose()


# Multi-row statements: one trigger call per statement writes one audit row per row. Statements of up
# to 20 rows take the function's generic path, larger ones the SQL built for the table's columns
# (FEW_ROWS in migration 0004): every test runs on both sides.
SIZES = pytest.mark.parametrize("rows", [3, 40])


def pg_json(value: Any) -> Any:
    """json_value, with timestamps as PostgreSQL writes them: no trailing zeros in the fraction."""
    if isinstance(value, dt.datetime) and value.microsecond:
        text = value.astimezone(dt.UTC).replace(microsecond=0).isoformat()
        return f"{text[:19]}.{value.microsecond:06d}".rstrip("0") + text[19:]
    return json_value(value)


def stored_rows(engine: Engine, table: str) -> dict[str, dict[str, Any]]:
    """{record_id: row as the audit writes it}, read from the table itself."""
    target = Base.metadata.tables[table]
    with engine.connect() as conn:
        found = conn.execute(select(target)).mappings().all()
    keys = [c.name for c in target.primary_key.columns]
    return {"/".join(str(row[k]) for k in keys): {k: pg_json(v) for k, v in row.items()} for row in found}


def fill_instruments(pg_url: str, rows: int) -> None:
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute(
            "insert into instruments (code, name, purchase_price, purchase_date, location) "
            "select 'YQ-' || i, '天平 \"' || i || E'\\n', 1000.5 + i, date '2020-01-01' + i, 'A' || (i %% 2) "
            "from generate_series(1, %s) i",
            (rows,),
        )


@SIZES
def test_a_multi_row_insert_leaves_one_whole_row_each(pg_url: str, engine: Engine, rows: int) -> None:
    fill_instruments(pg_url, rows)
    logged = audit_rows(engine, "instruments")
    expected = stored_rows(engine, "instruments")
    assert [r.record_id for r in logged] == sorted(expected, key=int)  # in the order the rows went in
    assert {r.record_id: r.changes for r in logged} == expected
    assert logged[0].changes["purchase_price"] == "1001.50"
    assert logged[0].changes["purchase_date"] == "2020-01-02"
    assert len({r.txid for r in logged}) == 1 and all(r.action == "insert" for r in logged)


@SIZES
def test_a_multi_row_update_records_changed_rows_and_columns_only(
    pg_url: str, engine: Engine, rows: int
) -> None:
    fill_instruments(pg_url, rows)
    before = stored_rows(engine, "instruments")
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("select set_config('labdesk.app_user', 'bob', false)")
        # Odd ids get a new name; even ids are "updated" to what they hold: no audit row for those.
        conn.execute("update instruments set name = case when id % 2 = 1 then name || '!' else name end, "
                     "purchase_price = purchase_price * 1")  # fmt: skip
    updates = [r for r in audit_rows(engine, "instruments") if r.action == "update"]
    odd = sorted((k for k in before if int(k) % 2 == 1), key=int)
    assert [r.record_id for r in updates] == odd
    for row in updates:  # each old value paired with its own row's new value
        assert row.changes == {"name": [before[row.record_id]["name"], before[row.record_id]["name"] + "!"]}
        assert row.app_user == "bob" and row.db_user == "postgres"
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("update instruments set name = name where true")
    assert len([r for r in audit_rows(engine, "instruments") if r.action == "update"]) == len(odd)


@SIZES
def test_a_multi_row_delete_and_its_cascade_leave_whole_rows(pg_url: str, engine: Engine, rows: int) -> None:
    fill_instruments(pg_url, rows)
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("insert into repair_records (instrument_id, reported_at, fault, photo, cost) "
                     "select id, now(), 'f', case when id % 2 = 0 then '\\x89504e47'::bytea end, 12.5 "
                     "from instruments")  # fmt: skip
        repairs = stored_rows(engine, "repair_records")
        instruments = stored_rows(engine, "instruments")
        conn.execute("delete from instruments")  # ON DELETE CASCADE removes the repair records too
    deleted = [r for r in audit_rows(engine, "instruments") if r.action == "delete"]
    assert {r.record_id: r.changes for r in deleted} == instruments and len(deleted) == rows
    cascaded = {r.record_id: r.changes for r in audit_rows(engine, "repair_records") if r.action == "delete"}
    assert cascaded.keys() == repairs.keys()
    photo = {"size": 4, "sha256": hashlib.sha256(b"\x89PNG").hexdigest()}
    for key, row in cascaded.items():
        assert row == {**repairs[key], "photo": photo if int(row["instrument_id"]) % 2 == 0 else None}
        assert row["cost"] == "12.50"


@SIZES
def test_copy_is_audited_row_by_row(pg_url: str, engine: Engine, rows: int) -> None:
    with (
        psycopg.connect(libpq(pg_url), autocommit=True) as conn,
        conn.cursor().copy("copy instruments (code, name, purchase_price) from stdin") as copy,
    ):
        for i in range(rows):
            copy.write_row((f"CP-{i}", f'复制 {i}\t"', Decimal("7.10")))
    logged = audit_rows(engine, "instruments")
    assert {r.record_id: r.changes for r in logged} == stored_rows(engine, "instruments")
    assert [r.changes["code"] for r in logged] == [f"CP-{i}" for i in range(rows)]
    assert logged[-1].changes["purchase_price"] == "7.10"


@SIZES
def test_binary_changes_and_key_changes_in_one_statement(pg_url: str, engine: Engine, rows: int) -> None:
    fill_instruments(pg_url, rows)
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("insert into repair_records (instrument_id, reported_at, fault) "
                     "select id, now(), 'f' from instruments")  # fmt: skip
        conn.execute("update repair_records set photo = case when id % 3 = 0 then 'new'::bytea end")
        people = [conn.execute("insert into people (login, full_name) values (%s, 'x') returning id",
                               (f"p{i}",)).fetchone() for i in range(rows)]  # fmt: skip
        conn.execute("insert into person_roles (person_id, role_id) select p.id, r.id from people p, "
                     "job_roles r where r.key = 'technician'")  # fmt: skip
        role = conn.execute("select id from job_roles where key = 'admin'").fetchone()
        conn.execute("update person_roles set role_id = %s", role)  # the key itself changes
    photos = [r for r in audit_rows(engine, "repair_records") if r.action == "update"]
    assert [int(r.record_id) % 3 for r in photos] == [0] * len(photos) and photos
    new = {"size": 3, "sha256": hashlib.sha256(b"new").hexdigest()}
    assert all(r.changes == {"photo": [None, new]} for r in photos)
    moved = [r for r in audit_rows(engine, "person_roles") if r.action == "update"]
    assert sorted(r.record_id for r in moved) == sorted(f"{p[0]}/{role[0]}" for p in people if p and role)
    assert all(r.changes["role_id"][1] == (role[0] if role else None) for r in moved)


def test_the_status_guard_and_the_audit_triggers_work_together(pg_url: str, engine: Engine) -> None:
    apply_security(engine)  # adds the BEFORE UPDATE OF status row trigger on instruments
    fill_instruments(pg_url, 30)
    with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
        conn.execute("update instruments set status = 'under_repair' where id % 2 = 0")
        statuses = conn.execute("select count(*) from pg_trigger where tgrelid = 'instruments'::regclass "
                                "and tgname like 'labdesk_limit%'").fetchone()  # fmt: skip
    updates = [r for r in audit_rows(engine, "instruments") if r.action == "update"]
    assert statuses == (1,) and len(updates) == 15
    assert all(r.changes == {"status": ["in_service", "under_repair"]} for r in updates)
