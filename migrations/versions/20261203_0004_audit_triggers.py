"""PostgreSQL: the audit trail is written by triggers, and audit_log is append-only.

Every business table (every table but ``labdesk.services.audit.UNAUDITED_TABLES``: audit_log,
coding_counters, alembic_version) gets three triggers, ``labdesk_audit_insert`` / ``_update`` /
``_delete``: AFTER ... FOR EACH STATEMENT with transition tables (``new_rows`` / ``old_rows``), all
calling ``labdesk_audit``, which writes one audit row per changed row with a single INSERT ... SELECT
per statement (a 10,000-row COPY is one trigger call, not 10,000; docs/performance.md, "Audit
trigger cost", has the figures). Statements of up to FEW_ROWS rows use static SQL generic over the
columns (planned once per session: single-row statements cost what the per-row trigger did); larger
ones SQL built for the table's columns, read from the catalog at each statement. UPDATE pairs
OLD TABLE and NEW TABLE rows by position, so an update of a key column is recorded too. The
function is SECURITY DEFINER (users need no INSERT on audit_log, so they cannot forge rows)
with its search_path and time zone pinned; it records ``session_user`` (the login: inside SECURITY
DEFINER ``current_user`` is the function's owner), the application user the client put in
``labdesk.app_user`` (informational: a client may set it to anything) and ``txid_current()``.
JSON shapes (same as the SQLite writer in labdesk/services/audit.py): insert/delete the whole row,
update ``{column: [old, new]}`` for changed columns only (an update that changes nothing is not
recorded); non-integer numbers as strings; bytea as ``{"size", "sha256"}``, never the bytes.

Guard triggers refuse UPDATE, DELETE and TRUNCATE of audit_log for everyone, the owner and superusers
included: rewriting history then needs ALTER TABLE ... DISABLE TRIGGER or DROP TRIGGER (owner only,
and in the server log), or superuser's session_replication_role = replica. PUBLIC loses every right
on audit_log; labdesk.services.pg_security grants SELECT to the roles that may read it.

A later migration that creates a business table calls ``labdesk.services.audit.add_audit_trigger``;
tests/pg/test_audit.py fails for any model table without the trigger. Nothing on SQLite (the
services write the trail there).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from labdesk.services.audit import UNAUDITED_TABLES, add_audit_trigger, drop_audit_trigger

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# {schema} is the schema the migration runs in (normally public); every name in the SECURITY
# DEFINER functions is qualified, and pg_temp comes last so no temporary table can stand in.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION {schema}.labdesk_audit_value(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- Non-integer numbers as strings (numeric keeps its scale: 12.50 -> "12.50"), like Python's Decimal.
  SELECT CASE WHEN jsonb_typeof(v) = 'number' AND v::text ~ '[.eE]' THEN to_jsonb(v #>> '{{}}') ELSE v END
$$;

CREATE OR REPLACE FUNCTION {schema}.labdesk_audit_blob(b bytea) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN b IS NULL THEN 'null'::jsonb
              ELSE jsonb_build_object('size', octet_length(b), 'sha256', encode(sha256(b), 'hex')) END
$$;

CREATE OR REPLACE FUNCTION {schema}.labdesk_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, {schema}, pg_temp
SET TimeZone = 'UTC'
-- One statement audits thousands of rows: JIT would spend a second compiling its long expressions.
SET jit = off
AS $$
DECLARE
  -- TG_ARGV[0]: the key columns, TG_ARGV[1]: the bytea columns, comma-separated.
  keys text[] := string_to_array(TG_ARGV[0], ',');
  binaries text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{{}}');
  -- Types that jsonb_build_object writes exactly as labdesk_audit_value would (never a non-integer
  -- number), and types whose own = agrees with comparing their jsonb; any other type (domains,
  -- json) goes through to_jsonb, as the whole row once did.
  plain oid[] :=
    '{{bool,int2,int4,int8,text,varchar,bpchar,date,timestamp,timestamptz,time,timetz,uuid}}'::regtype[];
  comparable oid[] := plain || '{{numeric,float4,float8,bytea}}'::regtype[];
  whole text;
  changes text;
  unchanged text;
  rid text;
  statement text;
  n int;
BEGIN
  -- Statement triggers also fire for statements that touched no row (an ORM update whose version
  -- check failed, ON DELETE CASCADE finding no child): those end here, before any SQL is built.
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO n FROM (SELECT FROM new_rows LIMIT {few} + 1) r;
  ELSE
    SELECT count(*) INTO n FROM (SELECT FROM old_rows LIMIT {few} + 1) r;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  ELSIF n <= {few} AND cardinality(binaries) = 0 THEN
    -- A few rows (the app's single-row statements) of a table without binary columns: static SQL,
    -- planned once per session, generic over the columns (each row as jsonb, a diff over its keys).
    IF TG_OP = 'UPDATE' THEN
      -- Paired by position, as below.
      INSERT INTO {schema}.audit_log (table_name, record_id, action, changes, db_user, app_user, at, txid)
      SELECT TG_TABLE_NAME, left(coalesce(r.rid, ''), 64), 'update', c.changes::json, left(session_user, 64),
             left(nullif(current_setting('labdesk.app_user', true), ''), 64), clock_timestamp(),
             txid_current()
        FROM (SELECT row_number() OVER () AS ord, to_jsonb(t) AS j FROM old_rows t) o
        JOIN (SELECT row_number() OVER () AS ord, to_jsonb(t) AS j FROM new_rows t) w
          ON w.ord = o.ord AND w.j <> o.j
        CROSS JOIN LATERAL (SELECT jsonb_object_agg(e.key, jsonb_build_array(
                                     {schema}.labdesk_audit_value(o.j -> e.key),
                                     {schema}.labdesk_audit_value(e.value))) AS changes
                              FROM jsonb_each(w.j) AS e WHERE (o.j -> e.key) IS DISTINCT FROM e.value) AS c
        CROSS JOIN LATERAL (SELECT string_agg(coalesce(w.j ->> k.name, ''), '/' ORDER BY k.ord) AS rid
                              FROM unnest(keys) WITH ORDINALITY AS k(name, ord)) AS r
       ORDER BY w.ord;
    ELSIF TG_OP = 'INSERT' THEN
      INSERT INTO {schema}.audit_log (table_name, record_id, action, changes, db_user, app_user, at, txid)
      SELECT TG_TABLE_NAME, left(coalesce(r.rid, ''), 64), 'insert', c.changes::json, left(session_user, 64),
             left(nullif(current_setting('labdesk.app_user', true), ''), 64), clock_timestamp(),
             txid_current()
        FROM (SELECT to_jsonb(t) AS j FROM new_rows t) w
        CROSS JOIN LATERAL (SELECT jsonb_object_agg(e.key, {schema}.labdesk_audit_value(e.value)) AS changes
                              FROM jsonb_each(w.j) AS e) AS c
        CROSS JOIN LATERAL (SELECT string_agg(coalesce(w.j ->> k.name, ''), '/' ORDER BY k.ord) AS rid
                              FROM unnest(keys) WITH ORDINALITY AS k(name, ord)) AS r;
    ELSE
      INSERT INTO {schema}.audit_log (table_name, record_id, action, changes, db_user, app_user, at, txid)
      SELECT TG_TABLE_NAME, left(coalesce(r.rid, ''), 64), 'delete', c.changes::json, left(session_user, 64),
             left(nullif(current_setting('labdesk.app_user', true), ''), 64), clock_timestamp(),
             txid_current()
        FROM (SELECT to_jsonb(t) AS j FROM old_rows t) w
        CROSS JOIN LATERAL (SELECT jsonb_object_agg(e.key, {schema}.labdesk_audit_value(e.value)) AS changes
                              FROM jsonb_each(w.j) AS e) AS c
        CROSS JOIN LATERAL (SELECT string_agg(coalesce(w.j ->> k.name, ''), '/' ORDER BY k.ord) AS rid
                              FROM unnest(keys) WITH ORDINALITY AS k(name, ord)) AS r;
    END IF;
  ELSE
    -- Many rows (an import, a batch edit), or binary columns: SQL written for this table's
    -- columns, costlier to build and plan (~2 ms) but several times cheaper per row than the
    -- generic jsonb diff, and binary values are hashed without being hex-encoded first.
    -- The columns as they are now (read per statement: a column added later is audited without
    -- touching the triggers), each with the SQL of its JSON value (%1$s: the row alias) and of
    -- "it changed" (%1$s: old, %2$s: new). jsonb_build_object takes at most 50 pairs: parts of 50.
    WITH cols AS (
      SELECT a.attnum, a.attname, (row_number() OVER (ORDER BY a.attnum) - 1) / 50 AS part,
             CASE WHEN a.attname = ANY (binaries) THEN '{schema_fmt}.labdesk_audit_blob(%1$s.%2$I)'
                  WHEN a.atttypid = ANY (plain) THEN '%1$s.%2$I'
                  ELSE '{schema_fmt}.labdesk_audit_value(to_jsonb(%1$s.%2$I))' END AS value,
             CASE WHEN a.atttypid = ANY (comparable) THEN '%1$s.%3$I IS DISTINCT FROM %2$s.%3$I'
                  ELSE 'to_jsonb(%1$s.%3$I) IS DISTINCT FROM to_jsonb(%2$s.%3$I)' END AS changed
        FROM pg_attribute a
       WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
    ), parts AS (
      SELECT part,
             string_agg(format('%L, %s', attname, format(value, 't', attname)), ', ' ORDER BY attnum)
               AS whole,
             string_agg(format('%L, CASE WHEN %s THEN jsonb_build_array(%s, %s) END', attname,
                               format(changed, 'o', 'w', attname), format(value, 'o', attname),
                               format(value, 'w', attname)), ', ' ORDER BY attnum) AS changes,
             string_agg(format('CASE WHEN %s THEN NULL ELSE %L END', format(changed, 'o', 'w', attname),
                               attname), ', ' ORDER BY attnum) AS unchanged
        FROM cols GROUP BY part
    )
    SELECT string_agg(format('jsonb_build_object(%s)', p.whole), ' || ' ORDER BY p.part),
           string_agg(format('jsonb_build_object(%s)', p.changes), ' || ' ORDER BY p.part),
           string_agg(p.unchanged, ', ' ORDER BY p.part)
      INTO whole, changes, unchanged FROM parts p;
    -- record_id: the key columns' JSON text joined by "/" (%1$s: the row alias).
    SELECT string_agg(format('coalesce(to_jsonb(%%1$s.%I) #>> ''{{}}'', '''')', k), ' || ''/'' || '
                      ORDER BY ord)
      INTO rid FROM unnest(keys) WITH ORDINALITY AS k(k, ord);
    IF TG_OP = 'UPDATE' THEN
      -- OLD and NEW TABLE hold the rows in the same order (each updated row is appended to both),
      -- so they pair by position: pairing by key would lose the updates that change the key itself.
      -- Only changed columns are kept; a row where nothing changed leaves no audit row.
      statement := format(
        'SELECT %s AS rid, (%s) - ARRAY[%s]::text[] AS changes, "labdesk audit ord" '
        'FROM (SELECT row_number() OVER () AS "labdesk audit ord", t.* FROM old_rows t) o '
        'JOIN (SELECT row_number() OVER () AS "labdesk audit ord", t.* FROM new_rows t) w '
        'USING ("labdesk audit ord")', format(rid, 'w'), changes, unchanged);
      statement := 'SELECT rid, changes FROM (' || statement || ') c '
                   'WHERE changes <> ''{{}}'' ORDER BY "labdesk audit ord"';
    ELSE
      statement := format('SELECT %s AS rid, %s AS changes FROM %s t', format(rid, 't'), whole,
                          CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END);
    END IF;
    EXECUTE
      'INSERT INTO {schema_lit}.audit_log '
      '(table_name, record_id, action, changes, db_user, app_user, at, txid) '
      'SELECT $1, left(c.rid, 64), $2, c.changes::json, $3, $4, clock_timestamp(), $5 '
      'FROM (' || statement || ') c'
      USING TG_TABLE_NAME, lower(TG_OP), left(session_user, 64),
            left(nullif(current_setting('labdesk.app_user', true), ''), 64), txid_current();
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION {schema}.labdesk_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed on the audit trail', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit rows are never changed or removed.';
END
$$;
"""

GUARDS = """
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON {schema}.audit_log
  FOR EACH ROW EXECUTE FUNCTION {schema}.labdesk_audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {schema}.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION {schema}.labdesk_audit_log_append_only();
REVOKE ALL ON {schema}.audit_log FROM PUBLIC;
REVOKE ALL ON FUNCTION {schema}.labdesk_audit() FROM PUBLIC;
"""


# Statements of up to this many rows take the static generic path (see labdesk_audit), larger ones the
# SQL built for the table's columns. Estimated from single measurements on instruments (not a measured
# crossover): building and planning that SQL costs about 2 ms, and it saves 50-100 µs a row.
FEW_ROWS = 20


def _schema() -> str:
    schema = str(op.get_bind().execute(sa.text("select current_schema()")).scalar_one())
    return '"' + schema.replace('"', '""') + '"'


def _business_tables() -> list[str]:
    names = sa.inspect(op.get_bind()).get_table_names()
    return sorted(name for name in names if name not in UNAUDITED_TABLES)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    # The function also names the schema inside its dynamic SQL's string literals (and format templates).
    literal = schema.replace("'", "''")
    op.execute(
        FUNCTIONS.format(
            schema=schema, schema_lit=literal, schema_fmt=literal.replace("%", "%%"), few=FEW_ROWS
        )
    )
    op.execute(GUARDS.format(schema=schema))
    for table in _business_tables():
        add_audit_trigger(op.get_bind(), table)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    for table in _business_tables():
        drop_audit_trigger(op.get_bind(), table)
    op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_update_delete ON {schema}.audit_log")
    op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {schema}.audit_log")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit()")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_log_append_only()")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_value(jsonb)")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_blob(bytea)")
    # PUBLIC had no rights on audit_log before 0004 either (PostgreSQL grants none by default).
