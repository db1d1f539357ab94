"""PostgreSQL: labdesk_take_number(), so a record's own INSERT takes its document number

The counter row is locked from the moment a number is taken until COMMIT. Called inside the record's
INSERT (``numbering.number_for_insert``), the lock covers that statement and the commit only, not the
client's round trips and ORM work in between; with eight workstations numbering at once, that lock is
what they queue on. A plain SQL function (not SECURITY DEFINER): it runs with the caller's own rights on
coding_counters, and pg_security grants EXECUTE on plain functions to every job.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# lpad would cut a value longer than the width; Python's zero padding lets it grow, and so does this.
FUNCTION = """
CREATE OR REPLACE FUNCTION labdesk_take_number(
    p_rule_id integer, p_period text, p_type_code text, p_left text, p_right text, p_width integer
) RETURNS text LANGUAGE sql VOLATILE AS $$
  INSERT INTO coding_counters AS c (rule_id, period, type_code, last_value)
  VALUES (p_rule_id, p_period, p_type_code, 1)
  ON CONFLICT (rule_id, period, type_code) DO UPDATE SET last_value = c.last_value + 1
  RETURNING p_left
         || CASE WHEN length(c.last_value::text) >= p_width THEN c.last_value::text
                 ELSE lpad(c.last_value::text, p_width, '0') END
         || p_right
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS labdesk_take_number(integer, text, text, text, text, integer)")
