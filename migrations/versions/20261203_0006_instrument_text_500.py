"""instruments: free-text columns take 500 characters (issue 4: "text fields take at least 500")

name, model, serial_number, manufacturer, category, location and calibration_provider were
String(200). Widening a varchar is a catalog-only change on PostgreSQL (no table rewrite, the
bigram index stays valid).

SQLite never enforces a VARCHAR length, but `alembic check` compares the declared types, so the
declaration must change there too. Not in batch mode: a batch rebuild drops the old table, and with
foreign keys on (LabDesk always turns them on, and a PRAGMA cannot turn them off inside the
migration's transaction) that DROP is an implicit DELETE whose ON DELETE CASCADE empties
calibration_records and repair_records (measured on a demo file: 53 calibrations -> 0). SQLite's
own documented procedure for a change that leaves the stored rows as they are (VARCHAR(200) and
VARCHAR(500) have the same TEXT affinity) is to edit the table's CREATE statement in sqlite_schema
and bump schema_version (https://sqlite.org/lang_altertable.html, "otheralter").

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labdesk.models.sqlite_ddl import edit_create_statement

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("name", "model", "serial_number", "manufacturer", "category", "location", "calibration_provider")


def _retype(old: int, new: int) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _retype_sqlite(bind, old, new)
        return
    for column in COLUMNS:
        op.alter_column(
            "instruments",
            column,
            existing_type=sa.String(old),
            type_=sa.String(new),
            existing_nullable=column != "name",
        )


def _retype_sqlite(bind: sa.Connection, old: int, new: int) -> None:
    def edit(sql: str) -> str:
        for column in COLUMNS:
            # A column definition starts a line or follows "(" or ","; the name may be quoted.
            pattern = rf'((?:^|[\s(,])"?{column}"?\s+)VARCHAR\({old}\)'
            sql, found = re.subn(pattern, rf"\g<1>VARCHAR({new})", sql, count=1, flags=re.IGNORECASE)
            if found != 1:
                raise RuntimeError(f"instruments.{column} is not declared VARCHAR({old}); the schema has drifted")
        return sql

    edit_create_statement(bind, "instruments", edit)


def upgrade() -> None:
    _retype(200, 500)


def downgrade() -> None:
    # Refuse rather than cut text: a value longer than 200 characters would not fit any more
    # (PostgreSQL would fail the ALTER anyway; SQLite would keep it silently over-long).
    bind = op.get_bind()
    conditions = " OR ".join(f"length({c}) > 200" for c in COLUMNS)
    if bind.execute(sa.text(f"SELECT 1 FROM instruments WHERE {conditions} LIMIT 1")).first():
        raise RuntimeError("instruments hold text longer than 200 characters; shorten it before downgrading")
    _retype(500, 200)
