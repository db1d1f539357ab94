"""Editing a SQLite table's stored CREATE statement, for schema changes that leave the stored rows valid.

SQLite's ALTER TABLE cannot change a column's declared type or drop NOT NULL, and Alembic's batch mode
rebuilds the table: with foreign keys on (LabDesk always turns them on, and a PRAGMA cannot turn them off
inside a migration's transaction) the rebuild's DROP is an implicit DELETE whose ON DELETE CASCADE empties
the child tables. SQLite documents the alternative for changes that do not touch the stored rows: edit the
CREATE statement in sqlite_schema and bump schema_version (https://sqlite.org/lang_altertable.html,
"otheralter"). Used by migrations 0006 (wider text) and 0008 (nullable numbers).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text


def edit_create_statement(bind: Connection, table: str, edit: Callable[[str], str]) -> None:
    """Replace ``table``'s CREATE statement by ``edit(statement)``; fails if the edit changed nothing or
    the database does not pass SQLite's quick check afterwards."""
    sql = bind.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": table}
    ).scalar_one()
    edited = edit(sql)
    if edited == sql:
        raise RuntimeError(f"the CREATE statement of {table} did not match the expected declaration")
    version = int(bind.exec_driver_sql("PRAGMA schema_version").scalar_one())
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.execute(
            text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :name"),
            {"sql": edited, "name": table},
        )
        # Every connection re-reads the schema when the version moves.
        bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = bind.exec_driver_sql("PRAGMA quick_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"the {table} table failed SQLite's check after the edit: {problems}")
