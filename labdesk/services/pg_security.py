"""The permission matrix on PostgreSQL: owner role, job group roles, GRANTs, row-level security.

``apply_security`` (run by a superuser, e.g. ``labdesk db secure``) is idempotent:

* creates the NOLOGIN roles ``labdesk_owner`` and one ``labdesk_<job>`` group per job role (they
  are cluster-wide, so existing ones are reused);
* makes ``labdesk_owner`` own every table, view, sequence and function of the schema, so the
  people who use LabDesk own nothing and can ALTER, DROP or TRUNCATE nothing;
* closes the database to logins outside the LabDesk groups (CONNECT revoked from PUBLIC);
* then, as ``labdesk_owner``, applies the grants (:func:`apply_grants`).

``apply_grants`` is what migrations re-run after each upgrade (``migrations/env.py`` migrates as
``labdesk_owner`` once security has been applied), so tables added later get their grants too.
It revokes everything from PUBLIC and the groups first, so a right removed from the matrix is
removed from the server.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, text

from labdesk.services.permissions import (
    ALL,
    LIMITED_VALUES,
    MATRIX,
    OWN_ROWS,
    ROLES,
    all_table_columns,
    granted_columns,
)

OWNER = "labdesk_owner"
PREFIX = "labdesk_"


def group_role(role: str) -> str:
    """The PostgreSQL group role of a job role key (``technician`` -> ``labdesk_technician``)."""
    return PREFIX + role


GROUPS = tuple(group_role(role) for role in ROLES)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_security(bind: Engine | Connection) -> None:
    """Create the roles, hand the schema to the owner and grant per the matrix (idempotent)."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            apply_security(conn)
        return
    conn = bind
    ensure_roles(conn)
    _take_ownership(conn)
    database = _quote(str(conn.execute(text("select current_database()")).scalar_one()))
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {', '.join([OWNER, *GROUPS])}")
    conn.exec_driver_sql(f"SET LOCAL ROLE {OWNER}")
    apply_grants(conn)
    conn.exec_driver_sql("RESET ROLE")


def ensure_roles(conn: Connection) -> None:
    """Create the owner and group roles that do not exist yet (another database may have made them)."""
    for role in (OWNER, *GROUPS):
        # A DO block, because CREATE ROLE has no IF NOT EXISTS and two databases may race for it.
        conn.exec_driver_sql(
            f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )


def _take_ownership(conn: Connection) -> None:
    schema = _quote(_schema(conn))
    conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {OWNER}")
    kinds = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}
    rows = conn.execute(
        text(
            "select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "where n.nspname = current_schema() and c.relkind in ('r','p','v','m','S') "
            "and pg_get_userbyid(c.relowner) <> :owner "
            # Sequences owned by a column follow their table's owner.
            "and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid "
            "and d.deptype in ('a', 'i') and d.refobjsubid > 0))"
        ),
        {"owner": OWNER},
    ).all()
    for name, kind in rows:
        conn.exec_driver_sql(f"ALTER {kinds[kind]} {schema}.{_quote(name)} OWNER TO {OWNER}")
    functions = conn.execute(
        text(
            "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
            "where n.nspname = current_schema() and pg_get_userbyid(p.proowner) <> :owner "
            "and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')"
        ),
        {"owner": OWNER},
    ).scalars()
    for signature in list(functions):
        conn.exec_driver_sql(f"ALTER ROUTINE {signature} OWNER TO {OWNER}")


def _schema(conn: Connection) -> str:
    return str(conn.execute(text("select current_schema()")).scalar_one())


def apply_grants(conn: Connection) -> None:
    """Grant per the matrix; run as the owner of the tables (``labdesk_owner``) or a superuser."""
    schema = _quote(_schema(conn))
    everyone = ", ".join(["PUBLIC", *GROUPS])
    groups = ", ".join(GROUPS)
    for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
        conn.exec_driver_sql(f"REVOKE ALL ON ALL {kind} IN SCHEMA {schema} FROM {everyone}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {groups}")
    existing = set(
        conn.execute(
            text("select tablename from pg_tables where schemaname = current_schema()")
        ).scalars()
    )
    if "alembic_version" in existing:
        # The app reads the schema revision before it opens anything.
        conn.exec_driver_sql(f"GRANT SELECT ON {schema}.alembic_version TO {groups}")
    for table in sorted(existing & set(MATRIX)):
        for statement in table_grants(schema, table):
            conn.exec_driver_sql(statement)
        _sequence_grants(conn, schema, table)
    # Plain functions (the search's labdesk_bigrams) only; a SECURITY DEFINER function runs with
    # the owner's rights, so nobody may call one directly (trigger functions need no EXECUTE).
    functions = conn.execute(
        text(
            "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
            "where n.nspname = current_schema() and not p.prosecdef and p.prokind = 'f' "
            "and p.prorettype <> 'trigger'::regtype"
        )
    ).scalars()
    for signature in list(functions):
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {groups}")
    for table in sorted(existing & set(OWN_ROWS)):
        _row_security(conn, schema, table)
    for table, column in sorted(LIMITED_VALUES):
        if table in existing:
            _limit_values(conn, schema, table, column)


def table_grants(schema: str, table: str) -> list[str]:
    """The GRANT statements of one table (column lists where a job may write only some fields)."""
    rule = MATRIX[table]
    target = f"{schema}.{_quote(table)}"
    statements = [f"GRANT SELECT ON {target} TO {_groups(rule.readers)}"] if rule.readers else []
    for role in ROLES:
        rights = rule.writers.get(role)
        if rights is None:
            continue
        for action in ("insert", "update"):
            columns = granted_columns(rights, action, table)
            if (rights.insert if action == "insert" else rights.update) == ALL:
                statements.append(f"GRANT {action.upper()} ON {target} TO {group_role(role)}")
            elif columns:
                statements.append(
                    f"GRANT {action.upper()} ({', '.join(sorted(map(_quote, columns)))}) "
                    f"ON {target} TO {group_role(role)}"
                )
        if rights.delete:
            statements.append(f"GRANT DELETE ON {target} TO {group_role(role)}")
    return statements


def _sequence_grants(conn: Connection, schema: str, table: str) -> None:
    """Who may insert rows may draw ids from the table's serial sequence."""
    inserters = [role for role, rights in MATRIX[table].writers.items() if rights.insert]
    if not inserters or "id" not in all_table_columns(table):
        return
    sequence = conn.execute(
        text("select pg_get_serial_sequence(:table, 'id')"), {"table": f"{schema}.{_quote(table)}"}
    ).scalar_one()
    if sequence is not None:
        conn.exec_driver_sql(f"GRANT USAGE, SELECT ON SEQUENCE {sequence} TO {_groups(inserters)}")


def _groups(roles: Iterable[str]) -> str:
    return ", ".join(group_role(role) for role in sorted(roles))


def _row_security(conn: Connection, schema: str, table: str) -> None:
    """Limited roles see and change only their own rows; every other reader sees all of them."""
    column, limited = OWN_ROWS[table]
    target = f"{schema}.{_quote(table)}"
    conn.exec_driver_sql(f"ALTER TABLE {target} ENABLE ROW LEVEL SECURITY")
    for policy in ("labdesk_all_rows", "labdesk_own_rows"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {target}")
    others = (MATRIX[table].readers | set(MATRIX[table].writers)) - limited
    conn.exec_driver_sql(
        f"CREATE POLICY labdesk_all_rows ON {target} FOR ALL TO {_groups(others)} "
        "USING (true) WITH CHECK (true)"
    )
    own = f"{_quote(column)} IN (SELECT id FROM {schema}.people WHERE login = current_user)"
    conn.exec_driver_sql(
        f"CREATE POLICY labdesk_own_rows ON {target} FOR ALL TO {_groups(limited)} "
        f"USING ({own}) WITH CHECK ({own})"
    )


def _limit_values(conn: Connection, schema: str, table: str, column: str) -> None:
    """A trigger refusing values of ``column`` that the acting login's jobs may not write."""
    free, allowed = LIMITED_VALUES[(table, column)]
    name = f"labdesk_limit_{table}_{column}"
    free_check = " OR ".join(
        f"pg_has_role(current_user, {_literal(role)}, 'MEMBER')"
        for role in [OWNER, *(group_role(r) for r in sorted(free))]
    )
    values = ", ".join(_literal(value) for value in sorted(allowed))
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {schema}.{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF NEW.{_quote(column)} IS DISTINCT FROM OLD.{_quote(column)} "
        f"AND NEW.{_quote(column)} NOT IN ({values}) AND NOT ({free_check}) THEN "
        # %% : the driver reads % as a placeholder; PL/pgSQL receives a single %.
        f"RAISE EXCEPTION 'permission denied: %% may not set {table}.{column} to %%', current_user, "
        f"NEW.{_quote(column)} USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$"
    )
    target = f"{schema}.{_quote(table)}"
    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {target}")
    conn.exec_driver_sql(
        f"CREATE TRIGGER {name} BEFORE UPDATE OF {_quote(column)} ON {target} "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.{name}()"
    )


def security_applied(conn: Connection) -> bool:
    """True once ``apply_security`` has run on this database (the owner role owns the tables)."""
    return bool(
        conn.execute(
            text(
                "select exists (select 1 from pg_tables where schemaname = current_schema() "
                "and tablename = 'alembic_version' and tableowner = :owner)"
            ),
            {"owner": OWNER},
        ).scalar_one()
    )


def may_become_owner(conn: Connection) -> bool:
    """True if the current login may ``SET ROLE labdesk_owner`` (a superuser or a member)."""
    return bool(
        conn.execute(
            text(
                "select exists (select 1 from pg_roles where rolname = :owner) "
                "and pg_has_role(current_user, (select oid from pg_roles where rolname = :owner), 'MEMBER')"
            ),
            {"owner": OWNER},
        ).scalar_one()
    )
