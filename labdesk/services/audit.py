"""The audit trail: who changed which row, when, from what to what.

On PostgreSQL the triggers of migration 0004 write ``audit_log`` (a client cannot skip them); this
module only tells them the application user (``labdesk.app_user``, transaction-local). On SQLite
(one seat, nobody to defend against) the session writes the same rows after each flush, in the same
JSON shapes, so the card and the Audit ledger read both alike:

- insert / delete: ``{column: value}``, the whole row;
- update: ``{column: [old, new]}``, only the columns whose value changed (no row if none did);
- values: JSON null / bool / integer / string; non-integer numbers (Decimal, float) as strings,
  timestamps as ISO 8601 in UTC, dates as ``YYYY-MM-DD``, binary as ``{"size": n, "sha256": hex}``;
- ``record_id``: the primary key, key columns joined by ``/`` (``person_roles``: ``"3/5"``).

What the SQLite writer cannot see (changes that bypass the ORM: Core statements, ON DELETE CASCADE
done by the database) is recorded by services through :func:`record_bulk`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, Text, event, insert, inspect, select, text
from sqlalchemy.orm import RelationshipProperty, Session, SessionTransaction, sessionmaker
from sqlalchemy.orm.state import InstanceState
from sqlalchemy.orm.unitofwork import UOWTransaction
from sqlalchemy.types import LargeBinary

from labdesk.models import Base
from labdesk.models.audit import AuditLog
from labdesk.services.actor import embedded_login, session_actor
from labdesk.services.database import SESSION_HOOKS

# Not audited: the log itself, and the document-number counters, which change with every numbered
# document (whose own insert is audited) and would only double the log. Changing this set needs a
# migration that adds or drops the table's triggers (see add_audit_trigger).
UNAUDITED_TABLES = frozenset({"audit_log", "coding_counters", "alembic_version"})
# The trigger function of migration 0004, and each business table's triggers calling it.
AUDIT_FUNCTION = "labdesk_audit"
AUDIT_TRIGGERS = {action: f"labdesk_audit_{action}" for action in ("insert", "update", "delete")}
_TRANSITION_TABLES = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}
# Who may read the audit trail (the Audit ledger, and on PostgreSQL SELECT on audit_log).
AUDIT_ROLES = frozenset({"admin", "signatory"})

_AUDIT_TABLE: Table = AuditLog.__table__  # type: ignore[assignment]
# The same table with ``changes`` as plain text: the writer serializes the JSON itself, keeping
# Chinese unescaped (searchable, readable) and the work in one executemany.
_AUDIT_WRITE = Table(
    "audit_log",
    MetaData(),
    *(Column(c.name, Text() if c.name == "changes" else c.type, primary_key=c.primary_key)
      for c in _AUDIT_TABLE.columns),
)
_MISSING = object()
_OLD_VALUES = "audit_old_values"
_TXID = "audit_txid"
_txids = itertools.count(time.time_ns() // 1000)  # per-transaction ids, increasing across restarts


def audited_tables(metadata: MetaData) -> list[Table]:
    """Every business table of ``metadata``: each must carry the audit trigger on PostgreSQL."""
    return [t for t in metadata.sorted_tables if t.name not in UNAUDITED_TABLES]


def audit_visible(roles: Iterable[str]) -> bool:
    """Whether someone with these job roles may see the Audit ledger (admins and signatories)."""
    return not AUDIT_ROLES.isdisjoint(roles)


# -- PostgreSQL: the triggers on one table -------------------------------------------------------


def audit_trigger_ddl(table: str, keys: Sequence[str], binaries: Sequence[str] = ()) -> list[str]:
    """CREATE TRIGGER statements for ``table``: the key columns name the record, binary columns are hashed.

    One AFTER ... FOR EACH STATEMENT trigger per action, each seeing the statement's rows as
    transition tables, so a COPY or a multi-row INSERT / UPDATE / DELETE is audited by one
    INSERT ... SELECT instead of a function call per row. Three triggers, not one: PostgreSQL (15)
    takes transition tables only on AFTER triggers of a single event without an UPDATE OF column
    list. Other triggers on the table (pg_security's BEFORE UPDATE OF status row trigger) are not
    affected: the transition tables hold the rows as those left them. The key and binary columns
    travel as trigger arguments.
    """
    for name in (table, *keys, *binaries):
        if not name.replace("_", "").isalnum():
            raise ValueError(f"unexpected identifier {name!r}")
    call = f"EXECUTE FUNCTION {AUDIT_FUNCTION}('{','.join(keys)}', '{','.join(binaries)}')"
    return [
        f'CREATE TRIGGER {trigger} AFTER {action.upper()} ON "{table}" '
        f"REFERENCING {_TRANSITION_TABLES[action]} FOR EACH STATEMENT {call}"
        for action, trigger in AUDIT_TRIGGERS.items()
    ]


def add_audit_trigger(bind: Connection, table: str) -> None:
    """Give ``table`` its audit triggers (PostgreSQL; nothing on SQLite).

    A migration that creates a business table calls this after creating it; the PostgreSQL tests
    fail for any table of the models that lacks the triggers. A column added later needs no call:
    the trigger function reads the table's columns from the catalog (only a new bytea column
    needs one, to be hashed instead of logged).
    """
    if bind.dialect.name != "postgresql":
        return
    inspector = inspect(bind)
    keys = inspector.get_pk_constraint(table)["constrained_columns"]
    if not keys:
        raise ValueError(f"table {table} has no primary key to name its audit records by")
    binaries = [c["name"] for c in inspector.get_columns(table) if isinstance(c["type"], LargeBinary)]
    drop_audit_trigger(bind, table)
    for statement in audit_trigger_ddl(table, keys, binaries):
        bind.execute(text(statement))


def drop_audit_trigger(bind: Connection, table: str) -> None:
    """Remove ``table``'s audit triggers (PostgreSQL), the per-row one of earlier builds included."""
    if bind.dialect.name != "postgresql":
        return
    for trigger in (AUDIT_FUNCTION, *AUDIT_TRIGGERS.values()):
        bind.execute(text(f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"'))


# -- session hooks -------------------------------------------------------------------------------


def install_audit(sessions: sessionmaker[Session], dialect: str) -> None:
    """Attach the audit hooks to a session factory (registered in ``database.SESSION_HOOKS``)."""
    if dialect == "postgresql":
        event.listen(sessions, "after_begin", _tell_app_user)
    elif dialect == "sqlite":
        event.listen(sessions, "after_begin", _new_txid)
        event.listen(sessions, "before_flush", _remember_old_values)
        event.listen(sessions, "after_flush", _write_flushed)


if install_audit not in SESSION_HOOKS:
    SESSION_HOOKS.append(install_audit)


def _app_login(session: Session) -> str | None:
    actor = session_actor(session)
    return actor.login if actor is not None and actor.login else None


def _tell_app_user(session: Session, _transaction: SessionTransaction, connection: Connection) -> None:
    login = _app_login(session)
    if login is not None:
        # Transaction-local, so a pooled connection never carries one person's name into another's work.
        connection.execute(text("select set_config('labdesk.app_user', :login, true)"), {"login": login})


def _new_txid(session: Session, _transaction: SessionTransaction, _connection: Connection) -> None:
    session.info[_TXID] = next(_txids)


# Values json_value returns unchanged (exact types: bool is an int, enums are str subclasses).
_PLAIN_TYPES = frozenset({str, int, type(None)})


def json_value(value: Any) -> Any:
    """A column value as the PostgreSQL trigger writes it (see the module docstring)."""
    if value is None or isinstance(value, bool | int | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if isinstance(value, Enum):
        return json_value(value.value)
    if isinstance(value, dict | list):
        return value
    return str(value)


def _audited_mapper(state: InstanceState[Any]) -> Table | None:
    table = state.mapper.local_table
    return table if isinstance(table, Table) and table.name not in UNAUDITED_TABLES else None


def _column_values(state: InstanceState[Any], *, committed: bool) -> dict[str, Any]:
    """{column name: value} of the loaded columns: committed (before this flush) or current."""
    values: dict[str, Any] = {}
    for prop in state.mapper.column_attrs:
        column = prop.columns[0]
        if not isinstance(column.table, Table) or column.table is not state.mapper.local_table:
            continue
        if committed:
            history = state.attrs[prop.key].history
            if history.deleted:
                values[column.name] = history.deleted[0]
            elif history.unchanged:
                values[column.name] = history.unchanged[0]
            elif prop.key in state.dict and not history.added:
                values[column.name] = state.dict[prop.key]
        elif prop.key in state.dict:
            values[column.name] = state.dict[prop.key]
        elif column.server_default is None and not column.primary_key:
            values[column.name] = None
    return values


def _remember_old_values(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    # Taken before the flush: the flush itself bumps version and updated_at in place.
    old: dict[InstanceState[Any], dict[str, Any]] = {}
    for obj in itertools.chain(session.dirty, session.deleted):
        state = inspect(obj)
        if _audited_mapper(state) is not None:
            old[state] = _column_values(state, committed=True)
    session.info[_OLD_VALUES] = old


def _record_id(table: Table, row: Mapping[str, Any]) -> str:
    return "/".join("" if row.get(c.name) is None else str(row[c.name]) for c in table.primary_key.columns)


def _audit_row(session: Session, table: str, record_id: str, action: str, changes: Any) -> dict[str, Any]:
    login = _app_login(session)
    return {
        "table_name": table,
        "record_id": record_id[:64],
        "action": action,
        # Pre-serialized: SQLite stores JSON as text, and unescaped Chinese keeps it searchable.
        "changes": json.dumps(changes, ensure_ascii=False),
        "db_user": (login or embedded_login())[:64],
        "app_user": login,
        "at": dt.datetime.now(dt.UTC),
        "txid": session.info.get(_TXID),
    }


def _write_flushed(session: Session, flush: UOWTransaction) -> None:
    old_values: dict[InstanceState[Any], dict[str, Any]] = session.info.pop(_OLD_VALUES, {})
    rows: list[dict[str, Any]] = []
    links: dict[tuple[str, str, str], dict[str, Any]] = {}
    for obj in session.new:
        state = inspect(obj)
        table = _audited_mapper(state)
        if table is not None:
            row = {k: json_value(v) for k, v in _column_values(state, committed=False).items()}
            rows.append(_audit_row(session, table.name, _record_id(table, row), "insert", row))
        _collect_links(session, state, links, deleted=False)
    for obj in session.dirty:
        state = inspect(obj)
        table = _audited_mapper(state)
        if table is not None and state in old_values:
            old = old_values[state]
            new = _column_values(state, committed=False)
            changes = {}
            for name, value in new.items():
                before, after = json_value(old.get(name)), json_value(value)
                if before != after:
                    changes[name] = [before, after]
            if changes:
                rows.append(_audit_row(session, table.name, _record_id(table, new), "update", changes))
        _collect_links(session, state, links, deleted=False)
    # The flush's own list, not session.deleted: it also holds orphans and cascaded deletes.
    deleted = [s for s, (isdelete, listonly) in flush.states.items() if isdelete and not listonly]
    for state in deleted:
        table = _audited_mapper(state)
        if table is not None:
            values = old_values.get(state) or _column_values(state, committed=True)
            row = {k: json_value(v) for k, v in values.items()}
            rows.append(_audit_row(session, table.name, _record_id(table, row), "delete", row))
        _collect_links(session, state, links, deleted=True)
    rows.extend(links.values())
    if rows:
        session.connection().execute(insert(_AUDIT_WRITE), rows)


def _collect_links(
    session: Session,
    state: InstanceState[Any],
    links: dict[tuple[str, str, str], dict[str, Any]],
    *,
    deleted: bool,
) -> None:
    """Rows added to or removed from many-to-many association tables through a collection.

    Both sides of a relationship report the same link; keying by (table, record, action) keeps one.
    A deleted object's links go with it (the ORM deletes them), so all its loaded links are removals.
    """
    for rel in state.mapper.relationships:
        secondary = rel.secondary
        if not isinstance(secondary, Table) or secondary.name in UNAUDITED_TABLES:
            continue
        history = state.attrs[rel.key].history
        added = [] if deleted else list(history.added)
        removed = list(history.deleted) + (list(history.unchanged) if deleted else [])
        for action, others in (("insert", added), ("delete", removed)):
            for other in others:
                row = _link_row(rel, state, inspect(other))
                record_id = _record_id(secondary, row)
                links[(secondary.name, record_id, action)] = _audit_row(
                    session, secondary.name, record_id, action, row
                )


def _link_row(
    rel: RelationshipProperty[Any], parent: InstanceState[Any], child: InstanceState[Any]
) -> dict[str, Any]:
    """The association row linking ``parent`` and ``child`` (their keys, known after the flush)."""
    row: dict[str, Any] = {}
    for side, pairs in ((parent, rel.synchronize_pairs), (child, rel.secondary_synchronize_pairs or ())):
        for source, target in pairs:
            key = side.mapper.get_property_by_column(source).key
            row[target.name] = json_value(side.dict.get(key))
    return row


# -- bulk writes that bypass the ORM ------------------------------------------------------------


def row_of(record: Any) -> dict[str, Any]:
    """A mapped record as ``record_bulk`` takes it: every column by its column name."""
    mapper = inspect(record).mapper
    return {column.name: getattr(record, attr.key) for attr in mapper.column_attrs for column in attr.columns}


def record_bulk(
    session: Session, table: str, rows: Sequence[Mapping[str, Any]], action: str = "insert"
) -> None:
    """Audit rows written by a Core statement (an import), in one executemany; SQLite only.

    On PostgreSQL the triggers have already recorded them, so this does nothing. ``rows`` must carry
    the primary key. For ``insert`` and ``delete`` each row is the whole record; for ``update`` the
    key columns hold plain values and every changed column an ``(old, new)`` pair.
    """
    if session.get_bind().dialect.name != "sqlite" or not rows:
        return
    if action not in ("insert", "update", "delete"):
        raise ValueError(f"unknown audit action {action!r}")
    target = Base.metadata.tables[table]
    keys = {c.name for c in target.primary_key.columns}
    if table in UNAUDITED_TABLES:
        return
    # An import audits thousands of rows: who, when and the transaction are the same for all of them,
    # and the rows go straight to the driver (SQLAlchemy's per-value type processing doubled the time).
    template = _audit_row(session, table, "", action, None)
    at = template["at"].astimezone(dt.UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    fixed = (table, action, template["db_user"], template["app_user"], at, template["txid"])
    plain = _PLAIN_TYPES
    audit_rows = []
    for row in rows:
        if not keys <= row.keys():
            raise ValueError(f"audit rows of {table} need their key columns {sorted(keys)}")
        if action == "update":
            changes: Any = {
                k: [json_value(v[0]), json_value(v[1])] for k, v in row.items() if k not in keys
            }
        else:
            changes = {k: v if type(v) in plain else json_value(v) for k, v in row.items()}
        record_id = _record_id(target, row)[:64]
        text_changes = json.dumps(changes, ensure_ascii=False)
        audit_rows.append((fixed[0], record_id, fixed[1], text_changes, *fixed[2:]))
    session.connection().exec_driver_sql(
        "INSERT INTO audit_log (table_name, record_id, action, changes, db_user, app_user, at, txid) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        audit_rows,
    )


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One column of an audit entry: old is None for an insert, new is None for a delete."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class AuditEntry:
    """One audited row change, as the card's History shows it."""

    at: dt.datetime
    action: str
    db_user: str
    app_user: str | None
    changes: tuple[FieldChange, ...]
    table: str = ""
    record_id: str = ""
    txid: int | None = None


def field_changes(action: str, changes: Any) -> tuple[FieldChange, ...]:
    """The stored JSON of one entry as a list of field changes (shapes in the module docstring)."""
    if not isinstance(changes, dict):
        return ()
    result = []
    for name, value in changes.items():
        if action == "update" and isinstance(value, list) and len(value) == 2:
            result.append(FieldChange(str(name), value[0], value[1]))
        elif action == "delete":
            result.append(FieldChange(str(name), value, None))
        else:
            result.append(FieldChange(str(name), None, value))
    return tuple(result)


def record_history(session: Session, table: str, record_id: str, limit: int = 500) -> list[AuditEntry]:
    """The audit entries of one record, newest first."""
    log = AuditLog
    stmt = (
        select(log.at, log.action, log.db_user, log.app_user, log.changes, log.txid)
        .where(log.table_name == table, log.record_id == str(record_id))
        .order_by(log.at.desc(), log.id.desc())
        .limit(limit)
    )
    return [
        AuditEntry(at, action, db_user, app_user, field_changes(action, changes), table, str(record_id), txid)
        for at, action, db_user, app_user, changes, txid in session.execute(stmt)
    ]


def changes_summary(action: str, changes: Any, limit: int = 200) -> str:
    """One line for a list: ``field: old → new; …`` for updates, the fields for inserts and deletes."""
    parts = []
    for change in field_changes(action, changes):
        if action == "update":
            parts.append(f"{change.field}: {_short(change.old)} → {_short(change.new)}")
        else:
            parts.append(f"{change.field}={_short(change.new if action == 'insert' else change.old)}")
    line = "; ".join(parts)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _short(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, dict) and "sha256" in value:
        return f"<{value.get('size')} B {str(value['sha256'])[:12]}>"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
