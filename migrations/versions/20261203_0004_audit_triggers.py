"""PostgreSQL: the audit trail is written by triggers, and audit_log is append-only.

Every business table (every table but ``labdesk.services.audit.UNAUDITED_TABLES``: audit_log,
coding_counters, alembic_version) gets ``labdesk_audit`` AFTER INSERT OR UPDATE OR DELETE FOR EACH
ROW. The function is SECURITY DEFINER (users need no INSERT on audit_log, so they cannot forge rows)
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

from labdesk.services.audit import AUDIT_TRIGGER, UNAUDITED_TABLES, add_audit_trigger

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
AS $$
DECLARE
  -- TG_ARGV[0]: the key columns, TG_ARGV[1]: the bytea columns, comma-separated.
  keys text[] := string_to_array(TG_ARGV[0], ',');
  binaries text[] := coalesce(string_to_array(nullif(TG_ARGV[1], ''), ','), '{{}}');
  old_row jsonb;
  new_row jsonb;
  whole jsonb;
  changes jsonb := '{{}}'::jsonb;
  col text;
  blob bytea;
  rid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  FOREACH col IN ARRAY binaries LOOP
    IF old_row IS NOT NULL THEN
      EXECUTE format('SELECT ($1).%I', col) USING OLD INTO blob;
      old_row := jsonb_set(old_row, ARRAY[col], {schema}.labdesk_audit_blob(blob));
    END IF;
    IF new_row IS NOT NULL THEN
      EXECUTE format('SELECT ($1).%I', col) USING NEW INTO blob;
      new_row := jsonb_set(new_row, ARRAY[col], {schema}.labdesk_audit_blob(blob));
    END IF;
  END LOOP;
  IF TG_OP = 'UPDATE' THEN
    SELECT coalesce(jsonb_object_agg(n.key, jsonb_build_array(
             {schema}.labdesk_audit_value(old_row -> n.key), {schema}.labdesk_audit_value(n.value))), '{{}}')
      INTO changes
      FROM jsonb_each(new_row) AS n
     WHERE (old_row -> n.key) IS DISTINCT FROM n.value;
    IF changes = '{{}}'::jsonb THEN
      RETURN NULL;
    END IF;
    whole := new_row;
  ELSE
    whole := coalesce(new_row, old_row);
    SELECT coalesce(jsonb_object_agg(e.key, {schema}.labdesk_audit_value(e.value)), '{{}}')
      INTO changes FROM jsonb_each(whole) AS e;
  END IF;
  SELECT string_agg(coalesce(whole ->> k.name, ''), '/' ORDER BY k.ord) INTO rid
    FROM unnest(keys) WITH ORDINALITY AS k(name, ord);
  INSERT INTO {schema}.audit_log (table_name, record_id, action, changes, db_user, app_user, at, txid)
  VALUES (TG_TABLE_NAME, left(coalesce(rid, ''), 64), lower(TG_OP), changes::json, left(session_user, 64),
          left(nullif(current_setting('labdesk.app_user', true), ''), 64), clock_timestamp(), txid_current());
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
    op.execute(FUNCTIONS.format(schema=schema))
    op.execute(GUARDS.format(schema=schema))
    for table in _business_tables():
        add_audit_trigger(op.get_bind(), table)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = _schema()
    for table in _business_tables():
        op.execute(f'DROP TRIGGER IF EXISTS {AUDIT_TRIGGER} ON {schema}."{table}"')
    op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_update_delete ON {schema}.audit_log")
    op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {schema}.audit_log")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit()")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_log_append_only()")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_value(jsonb)")
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.labdesk_audit_blob(bytea)")
    # PUBLIC had no rights on audit_log before 0004 either (PostgreSQL grants none by default).
