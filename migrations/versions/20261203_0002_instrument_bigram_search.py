"""PostgreSQL: a bigram search index on the instruments' searchable columns.

Chinese search terms are mostly two characters, too short for pg_trgm, so LabDesk indexes character
bigrams itself: ``labdesk_bigrams(VARIADIC text[])`` gives the distinct lower-cased bigrams within each
argument, and a GIN index over it on (code, name, model, serial_number) answers "which rows contain
these bigrams". See labdesk/services/ledgers/search.py. Nothing on SQLite (one seat, small data).

The index is not in the models (SQLAlchemy cannot declare an index over a function of several
columns portably); `alembic check` skips indexes named ``ixsearch_*`` (migrations/env.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIGRAMS = """
CREATE OR REPLACE FUNCTION labdesk_bigrams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(t.p, i, 2)), '{}')
  FROM (SELECT lower(x) AS p FROM unnest(parts) AS x WHERE x IS NOT NULL) AS t,
       generate_series(1, char_length(t.p) - 1) AS i
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(BIGRAMS)
    op.execute(
        "CREATE INDEX ixsearch_instruments ON instruments "
        "USING gin (labdesk_bigrams(code, name, model, serial_number))"
    )
    # More most-common-element statistics: the planner's estimate of a search's matches decides
    # between walking the sort index and sorting the matches (search.py, SORT_MATCHES_LIMIT).
    op.execute("ALTER INDEX ixsearch_instruments ALTER COLUMN 1 SET STATISTICS 1000")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ixsearch_instruments")
    op.execute("DROP FUNCTION IF EXISTS labdesk_bigrams(VARIADIC text[])")
