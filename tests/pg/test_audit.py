"""On a real PostgreSQL server: the audit triggers record every change, whoever makes it and however,
and nobody (the superuser running these tests included) can change or remove an audit row."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from decimal import Decimal

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
from labdesk.services.audit import AUDIT_TRIGGER, audited_tables, record_bulk, record_history
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database
from labdesk.services.migrations import alembic_config, upgrade


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


def test_binary_numeric_and_link_shapes_match_the_sqlite_writer(
    database: Database, engine: Engine
) -> None:
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


def test_every_business_table_has_the_trigger(engine: Engine) -> None:
    with engine.connect() as conn:
        triggered = set(
            conn.execute(
                text(
                    "select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid "
                    "where t.tgname = :n"
                ),
                {"n": AUDIT_TRIGGER},
            ).scalars()
        )
        definer = conn.execute(
            text("select prosecdef from pg_proc where proname = 'labdesk_audit'")
        ).scalar_one()
    assert triggered == {t.name for t in audited_tables(Base.metadata)}
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
                text("select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid "
                     "where not t.tgisinternal and c.relnamespace = 'public'::regnamespace")
            ).scalar_one()
            functions = conn.execute(text("select count(*) from pg_proc where proname like 'labdesk_audit%'"))
            assert left == 0 and functions.scalar_one() == 0
            conn.execute(text("insert into customers (code, name) values ('KH1', 'z')"))
            assert conn.execute(text("select count(*) from audit_log")).scalar_one() == 0
    finally:
        engine.dispose()
