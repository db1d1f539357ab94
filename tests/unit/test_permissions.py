"""The permission matrix as data, its document, and its enforcement on the embedded file.

Every "may not" cell of the matrix is attempted through a SQLite session of a person holding only
that job role, and must raise PermissionDenied before any SQL runs: objects for updates and deletes
are made persistent without a row (``make_transient_to_detached``), so the guard is the only thing
that can stop the flush, and a missing check shows up as a database error instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from labdesk.models import Base, JobRole, OrderFee, Person, Sample, Task
from labdesk.services import users
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import make_sessions, open_database
from labdesk.services.permissions import (
    MATRIX,
    ROLES,
    STEPS,
    PermissionDenied,
    denied_cells,
    may_read,
    may_step,
    may_write,
    require_step,
    table_columns,
    writable_columns,
)
from labdesk.services.permissions_doc import render_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
CLASSES: dict[str, type[Any]] = {
    str(mapper.class_.__tablename__): mapper.class_ for mapper in Base.registry.mappers
}

STEP_KEYS = [
    "instrument.request_repair",
    "instrument.start_repair",
    "instrument.finish_repair",
    "instrument.send_for_calibration",
    "instrument.record_calibration",
    "instrument.take_out_of_service",
    "instrument.return_to_service",
    "instrument.lend",
    "instrument.return_loan",
    "instrument.retire",
    "sample.receive",
    "sample.store",
    "sample.take",
    "sample.return",
    "sample.retain",
    "sample.dispose",
    "order.submit",
    "order.confirm_fee",
    "order.accept",
    "order.reject",
    "order.start_testing",
    "order.complete",
    "order.report",
    "order.cancel",
    "fee.batch_edit",
    "report.submit",
    "report.review",
    "report.issue",
    "report.seal",
    "contract.submit",
    "contract.approve",
    "users.manage",
    "coding_rules.edit",
    "audit.read",
]


def test_the_matrix_covers_every_table_and_names_only_real_columns() -> None:
    assert set(MATRIX) == set(Base.metadata.tables)
    for table, rule in MATRIX.items():
        for role, rights in rule.writers.items():
            assert role in ROLES
            for columns in (rights.insert, rights.update):
                assert columns == {"*"} or columns <= table_columns(table), (table, role)


def test_every_workflow_step_has_its_roles() -> None:
    assert sorted(STEPS) == sorted(STEP_KEYS)
    assert all(STEPS[step] for step in STEPS)


def test_the_document_is_generated_from_the_matrix() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), "run: python docs/make_permissions.py"


def test_what_the_issue_asks_for() -> None:
    tech, finance, equipment = (
        frozenset({"technician"}),
        frozenset({"finance"}),
        frozenset({"equipment_manager"}),
    )
    assert not may_write(tech, "order_fees", "update", ["charged"])
    assert may_write(finance, "order_fees", "update", ["charged", "amount_received", "note", "version"])
    assert not may_write(frozenset({"admin"}), "instruments", "update", ["name"])
    assert may_write(equipment, "instruments", "update", ["name", "status"])
    assert all(not may_step(frozenset({role}), "report.issue") for role in ROLES if role != "signatory")
    assert all(
        not may_write(frozenset(ROLES), "audit_log", action) for action in ("insert", "update", "delete")
    )
    assert may_read(frozenset({"admin"}), "audit_log") and not may_read(tech, "audit_log")
    assert writable_columns(tech, "order_fees") == frozenset()
    assert "charged" in writable_columns(finance, "order_fees") and "version" not in writable_columns(
        finance, "order_fees"
    )
    # Rights add up over roles, even column by column.
    assert may_write(frozenset({"finance", "front_desk"}), "orders", "update", ["status", "notes"])


def test_require_step_names_the_step_and_the_roles() -> None:
    require_step(Actor("eve", frozenset({"signatory"})), "report.issue")
    with pytest.raises(PermissionDenied, match=r"report\.issue.*signatory"):
        require_step(Actor("tom", frozenset({"technician"}), full_name="Tom"), "report.issue")
    with pytest.raises(KeyError):
        may_step(frozenset({"admin"}), "no.such_step")


def _grouped() -> dict[tuple[str, str, str], list[str | None]]:
    cells: dict[tuple[str, str, str], list[str | None]] = defaultdict(list)
    for role, table, action, column in denied_cells():
        # Association rows are only ever added or removed, and reading is not limited on one seat.
        if action != "select" and not (table == "person_roles" and action == "update"):
            cells[(role, table, action)].append(column)
    return cells


DENIED = _grouped()


@pytest.fixture
def guarded(sqlite_engine: Engine) -> Iterator[Any]:
    sessions = make_sessions(sqlite_engine)

    def session_for(role: str) -> Session:
        session = sessions()
        session.info["actor"] = Actor(f"{role}-user", frozenset({role}), person_id=1)
        return session

    yield session_for


def _persistent(session: Session, cls: type[Any]) -> Any:
    obj = cls()
    for column in cls.__table__.primary_key.columns:
        setattr(obj, column.key, 1)
    if "version" in cls.__table__.columns:
        obj.version = 1
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


def _try(session: Session, table: str, action: str, column: str | None) -> None:
    if table == "person_roles":
        person = _persistent(session, Person)
        role = _persistent(session, JobRole)
        set_committed_value(person, "roles", [] if action == "insert" else [role])
        if action == "insert":
            person.roles.append(role)
        else:
            person.roles.remove(role)
        session.flush()
        return
    cls = CLASSES[table]
    any_column = column or sorted(table_columns(table))[0]
    if action == "insert":
        obj = cls()
        if column is not None:
            setattr(obj, column, "x")
        session.add(obj)
    elif action == "update":
        obj = _persistent(session, cls)
        setattr(obj, any_column, "x")
    else:
        session.delete(_persistent(session, cls))
    session.flush()


@pytest.mark.parametrize(
    ("role", "table", "action"), sorted(DENIED), ids=["-".join(key) for key in sorted(DENIED)]
)
def test_every_forbidden_cell_is_refused_on_the_embedded_file(
    guarded: Any, role: str, table: str, action: str
) -> None:
    for column in DENIED[(role, table, action)]:
        session = guarded(role)
        try:
            with pytest.raises(PermissionDenied) as refused:
                _try(session, table, action, column)
            assert table in str(refused.value) and (column is None or column in str(refused.value))
        finally:
            session.close()


def test_core_statements_are_checked_too(guarded: Any) -> None:
    with guarded("technician") as session, pytest.raises(PermissionDenied, match="order_fees"):
        session.execute(update(OrderFee).where(OrderFee.id == 1).values(charged=True))
    with guarded("technician") as session, pytest.raises(PermissionDenied, match="field name of samples"):
        session.execute(update(Sample).values(name="x", status="stored"))
    with guarded("technician") as session:
        session.execute(update(Sample).values(status="stored"))
    with guarded("finance") as session:
        session.execute(update(OrderFee).where(OrderFee.id == 1).values(charged=True))


def test_non_equipment_managers_may_only_report_a_fault(guarded: Any) -> None:
    with guarded("technician") as session:
        instrument = _persistent(session, CLASSES["instruments"])
        instrument.status = "in_service"
        with pytest.raises(PermissionDenied, match=r"status.*in_service"):
            session.flush()


def test_technicians_change_only_their_own_tasks(guarded: Any) -> None:
    with guarded("technician") as session:
        task = _persistent(session, Task)
        set_committed_value(task, "assignee_id", 2)
        task.feedback = "done"
        with pytest.raises(PermissionDenied, match="own records"):
            session.flush()


def test_an_embedded_database_enforces_the_person_s_roles(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    with database.session() as session:  # a fresh file: the seat user holds every role
        users.add_user(session, "tom", ["technician"], full_name="Tom")
    database.dispose()
    monkeypatch.setenv("LABDESK_USER", "tom")
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    try:
        assert database.actor.roles == {"technician"}
        with pytest.raises(PermissionDenied, match="Tom may not add records to people"):  # noqa: SIM117
            with database.session() as session:
                users.add_user(session, "mallory", ["admin"])
        with database.session() as session:
            assert [u.login for u in users.list_users(session)] == ["tom"]
    finally:
        database.dispose()
