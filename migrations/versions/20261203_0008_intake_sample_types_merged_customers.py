"""orders and samples: numbers wait for intake acceptance; sample types; merged customers (issue 7)

* ``orders.order_no`` and ``samples.sample_no`` become nullable: an order submitted from outside waits
  in the intake queue without a number and is numbered when the front desk accepts it, so a refused
  request never uses up an order number (numbers are gapless, DESIGN.md). Both stay UNIQUE; NULLs
  never collide in a unique constraint on either database.
* ``sample_types``: the kinds of sample the lab receives, each with the short code that fills
  ``{type}`` when the sample coding rule numbers per type. Seeded with the usual construction-
  materials kinds; frozen copies, as in 0005.
* ``customers.merged_into_id``: a duplicate customer card folded into another keeps its row (old
  orders name it) and points at the card that replaced it.

SQLite cannot drop NOT NULL with ALTER TABLE, and a batch rebuild would cascade-delete child rows
(see 0006); the CREATE statement is edited in place the same documented way, via
``sqlite_ddl.edit_create_statement``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labdesk.models.base import UTCDateTime
from labdesk.models.sqlite_ddl import edit_create_statement
from labdesk.services.audit import add_audit_trigger, drop_audit_trigger

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUMBER_COLUMNS = (("orders", "order_no"), ("samples", "sample_no"))
# name, code, default storage condition
SAMPLE_TYPES = [
    ("混凝土", "HNT", "标准养护室 20±2℃ RH≥95%"),
    ("钢筋", "GJ", "常温干燥"),
    ("水泥", "SN", "干燥密封"),
    ("砂", "SA", "常温"),
    ("碎石", "SS", "常温"),
    ("砌体材料", "QT", "常温"),
    ("防水卷材", "FS", "阴凉通风"),
    ("外加剂", "WJJ", "密封避光"),
    ("土工", "TG", "密封保湿"),
    ("现场检测", "XC", None),
]


def _set_nullable(nullable: bool) -> None:
    bind = op.get_bind()
    for table, column in NUMBER_COLUMNS:
        if bind.dialect.name != "sqlite":
            op.alter_column(table, column, existing_type=sa.String(32), nullable=nullable)
            continue
        # A column definition starts a line or follows "(" or ","; the name may be quoted.
        declared = rf'((?:^|[\s(,])"?{column}"?\s+VARCHAR\(32\))'

        def edit(sql: str, declared: str = declared) -> str:
            if nullable:
                return re.sub(declared + r"\s+NOT NULL", r"\g<1>", sql, count=1, flags=re.IGNORECASE)
            return re.sub(declared, r"\g<1> NOT NULL", sql, count=1, flags=re.IGNORECASE)

        edit_create_statement(bind, table, edit)


def upgrade() -> None:
    _set_nullable(True)
    sample_types = op.create_table(
        "sample_types",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("storage_condition", sa.String(length=500), nullable=True),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("updated_at", UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_types")),
        sa.UniqueConstraint("code", name=op.f("uq_sample_types_code")),
        sa.UniqueConstraint("name", name=op.f("uq_sample_types_name")),
    )
    op.bulk_insert(
        sample_types, [{"name": n, "code": c, "storage_condition": s} for n, c, s in SAMPLE_TYPES]
    )
    add_audit_trigger(op.get_bind(), "sample_types")
    fk_name = op.f("fk_customers_merged_into_id_customers")
    op.add_column("customers", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    foreign_key = f"CONSTRAINT {fk_name} FOREIGN KEY(merged_into_id) REFERENCES customers (id) ON DELETE SET NULL"
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot add a constraint to an existing table; every row's new column is NULL, so
        # declaring it in the stored CREATE statement is safe (and named, as the models name it).
        edit_create_statement(op.get_bind(), "customers", lambda sql: re.sub(r"\)\s*$", f", {foreign_key})", sql))
    else:
        op.create_foreign_key(fk_name, "customers", "customers", ["merged_into_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    bind = op.get_bind()
    for table, column in NUMBER_COLUMNS:
        if bind.execute(sa.text(f"SELECT 1 FROM {table} WHERE {column} IS NULL LIMIT 1")).first():
            raise RuntimeError(f"{table} holds rows without {column} (the intake queue); accept or reject them first")
    fk_name = op.f("fk_customers_merged_into_id_customers")
    if bind.dialect.name == "sqlite":  # no DROP COLUMN while a constraint names it: unsay it first
        edit_create_statement(bind, "customers", lambda sql: re.sub(rf",\s*CONSTRAINT {fk_name} [^,]*\)\s*$", ")", sql))
    else:
        op.drop_constraint(fk_name, "customers", type_="foreignkey")
    op.drop_column("customers", "merged_into_id")
    drop_audit_trigger(op.get_bind(), "sample_types")
    op.drop_table("sample_types")
    _set_nullable(False)
