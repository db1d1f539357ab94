"""The embedded file's stand-in for PostgreSQL's GRANTs: every flush is checked against the matrix.

On a server the database refuses what a login may not do. An embedded SQLite file has no logins,
so a session hook (attached by ``labdesk.services.permissions`` to every SQLite session factory)
checks, before each flush, every new, changed and deleted row against the acting person's job
roles, column by column, and raises :class:`PermissionDenied` naming the refused field. ORM-enabled
``insert()`` / ``update()`` / ``delete()`` statements are checked too, on their table and columns.

A session without an actor (migrations, demo filling, tests that build data) is not checked: only
sessions a :class:`~labdesk.services.database.Database` opened for a person carry one.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Table, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql.dml import Delete, Insert, Update, UpdateBase

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.actor import Actor, session_actor
from labdesk.services.permissions import (
    BOOKKEEPING,
    LIMITED_VALUES,
    Action,
    PermissionDenied,
    may_write,
    own_rows_only,
)
from labdesk.services.problems import Problem

_GUARDED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def attach_guard(sessions: sessionmaker[Session]) -> None:
    """Check every flush and ORM DML statement of ``sessions``' sessions (idempotent)."""
    # Not event.contains(): SQLAlchemy's event registry keys targets by id(), and a new factory can
    # reuse a collected one's id and be taken for already guarded.
    if sessions in _GUARDED:
        return
    _GUARDED.add(sessions)
    event.listen(sessions, "before_flush", _check_flush)
    event.listen(sessions, "do_orm_execute", _check_statement)


def _denied(template: str, actor: Actor, table: str, field: str = "", value: str = "") -> PermissionDenied:
    return PermissionDenied(
        Problem(template, {"who": actor.display_name, "table": table, "field": field, "value": value})
    )


def _refuse(actor: Actor, table: str, action: Action, columns: set[str]) -> None:
    roles = actor.roles
    if not may_write(roles, table, action):
        if action == "insert":
            raise _denied(N("Problem", "{who} may not add records to {table}."), actor, table)
        if action == "update":
            raise _denied(N("Problem", "{who} may not change records of {table}."), actor, table)
        raise _denied(N("Problem", "{who} may not delete records from {table}."), actor, table)
    for column in sorted(columns - BOOKKEEPING):
        if not may_write(roles, table, action, [column]):
            raise _denied(
                N("Problem", "{who} may not write the field {field} of {table}."), actor, table, column
            )


def _check_values(actor: Actor, table: str, values: dict[str, Any]) -> None:
    for (limited_table, column), (free_roles, allowed) in LIMITED_VALUES.items():
        if limited_table != table or column not in values or not actor.roles.isdisjoint(free_roles):
            continue
        value = values[column]
        if value is not None and str(value) not in allowed:
            raise _denied(
                N("Problem", "{who} may not set the field {field} of {table} to {value}."),
                actor,
                table,
                column,
                str(value),
            )


def _check_own_row(actor: Actor, table: str, obj: object) -> None:
    column = own_rows_only(actor.roles, table)
    if column is not None and getattr(obj, column) != actor.person_id:
        raise _denied(N("Problem", "{who} may change only their own records of {table}."), actor, table)


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor = session_actor(session)
    if actor is None:
        return
    for obj in session.new:
        state = inspect(obj)
        table = state.mapper.local_table
        values = {
            attr.columns[0].name: getattr(obj, attr.key)
            for attr in state.mapper.column_attrs
            if getattr(obj, attr.key) is not None
        }
        name = _name(table)
        _refuse(actor, name, "insert", set(values))
        _check_values(actor, name, values)
        _check_secondaries(actor, obj)
    for obj in session.dirty:
        state = inspect(obj)
        name = _name(state.mapper.local_table)
        changed: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.has_changes():
                changed[attr.columns[0].name] = history.added[0] if history.added else None
        if changed:
            _refuse(actor, name, "update", set(changed))
            _check_values(actor, name, changed)
            _check_own_row(actor, name, obj)
        _check_secondaries(actor, obj)
    for obj in session.deleted:
        _refuse(actor, _name(inspect(obj).mapper.local_table), "delete", set())


def _check_secondaries(actor: Actor, obj: object) -> None:
    """Changes to a many-to-many collection insert or delete rows of its association table."""
    state = inspect(obj)
    for relationship in state.mapper.relationships:
        if relationship.secondary is None or not isinstance(relationship.secondary, Table):
            continue
        history = state.attrs[relationship.key].history
        if history.added:
            _refuse(actor, relationship.secondary.name, "insert", set())
        if history.deleted:
            _refuse(actor, relationship.secondary.name, "delete", set())


def _name(table: Any) -> str:
    return str(table.name)


def _check_statement(state: ORMExecuteState) -> None:
    actor = session_actor(state.session)
    statement = state.statement
    if actor is None or not isinstance(statement, UpdateBase):
        return
    table = _name(statement.table)
    if isinstance(statement, Delete):
        _refuse(actor, table, "delete", set())
        return
    action: Action = "insert" if isinstance(statement, Insert) else "update"
    # Statement values are keyed by column or column name; executemany parameters by name.
    values: dict[str, Any] = {}
    for key, value in (getattr(statement, "_values", None) or {}).items():
        values[str(getattr(key, "key", key))] = getattr(value, "value", value)
    parameters: Any = state.parameters
    rows: list[Any] = parameters if isinstance(parameters, list) else [parameters] if parameters else []
    for row in rows:
        values.update({str(k): v for k, v in row.items()})
    _refuse(actor, table, action, set(values))
    if isinstance(statement, Update | Insert):
        _check_values(actor, table, values)
