"""seed reference data: the seven job roles and a default coding rule per document type

Every database needs them before the first record is numbered or the first person is given a role;
seeding them here means no workstation needs the right to create them on the fly. The values are
frozen copies (a migration must not change when the code's defaults do later).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JOB_ROLES = [
    ("front_desk", "收样/业务受理"),
    ("technician", "检测员"),
    ("equipment_manager", "设备管理员"),
    ("finance", "财务"),
    ("signatory", "授权签字人"),
    ("sales", "销售/客服"),
    ("admin", "系统管理员"),
]
# doc_type, prefix, pattern, sequence width, reset
CODING_RULES = [
    ("customer", "KH", "{prefix}{seq}", 4, "never"),
    ("instrument", "YQ-", "{prefix}{seq}", 6, "never"),
    ("contract", "HT", "{prefix}{yyyy}-{seq}", 4, "yearly"),
    ("order", "WT", "{prefix}{yyyy}-{seq}", 6, "yearly"),
    ("sample", "YP", "{prefix}{yyyy}-{seq}", 6, "yearly"),
    ("project", "XM", "{prefix}{yyyy}-{seq}", 4, "yearly"),
    ("task", "RW", "{prefix}{yyyy}-{seq}", 6, "yearly"),
    ("report", "BG", "{prefix}{yyyy}-{seq}", 6, "yearly"),
    ("invoice", "KP", "{prefix}{yyyy}-{seq}", 4, "yearly"),
]


def upgrade() -> None:
    job_roles = sa.table("job_roles", sa.column("key", sa.String), sa.column("name", sa.String),
                         sa.column("created_by", sa.String), sa.column("updated_by", sa.String))
    rules = sa.table(
        "coding_rules",
        sa.column("doc_type", sa.String), sa.column("prefix", sa.String), sa.column("pattern", sa.String),
        sa.column("seq_width", sa.Integer), sa.column("reset", sa.String), sa.column("per_type", sa.Boolean),
        sa.column("created_by", sa.String), sa.column("updated_by", sa.String),
    )
    conn = op.get_bind()
    have_roles = set(conn.execute(sa.text("SELECT key FROM job_roles")).scalars())
    have_rules = set(conn.execute(sa.text("SELECT doc_type FROM coding_rules")).scalars())
    stamp = {"created_by": "migration", "updated_by": "migration"}
    new_roles = [{"key": k, "name": n, **stamp} for k, n in JOB_ROLES if k not in have_roles]
    new_rules = [
        {"doc_type": d, "prefix": p, "pattern": pat, "seq_width": w, "reset": r, "per_type": False, **stamp}
        for d, p, pat, w, r in CODING_RULES
        if d not in have_rules
    ]
    if new_roles:
        op.bulk_insert(job_roles, new_roles)
    if new_rules:
        op.bulk_insert(rules, new_rules)


def downgrade() -> None:
    # Only the untouched seeds go: a rule someone edited, or a role people hold, is their data now.
    op.execute(
        "DELETE FROM coding_rules WHERE version = 1 AND created_by = 'migration' "
        "AND NOT EXISTS (SELECT 1 FROM coding_counters c WHERE c.rule_id = coding_rules.id)"
    )
    op.execute(
        "DELETE FROM job_roles WHERE created_by = 'migration' "
        "AND NOT EXISTS (SELECT 1 FROM person_roles p WHERE p.role_id = job_roles.id)"
    )
