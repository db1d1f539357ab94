"""The permission matrix on a real PostgreSQL server, through each job's own login (not the app).

Every "may not" cell of ``labdesk.services.permissions`` is one attempt in its own transaction on
the connection of a login holding only that job role, and must fail with "permission denied". Logins
are named uniquely per run and dropped at the end (roles are cluster-wide); the ``labdesk_*`` group
roles stay, as on any server that was secured once.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from alembic import command
from psycopg import sql
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labdesk.services import users
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import open_database
from labdesk.services.ledgers.paging import LedgerQuery, PageRequest
from labdesk.services.ledgers.registry import ledgers_for
from labdesk.services.migrations import alembic_config, upgrade
from labdesk.services.permissions import ROLES, denied_cells, table_columns
from labdesk.services.pg_security import GROUPS, OWNER, apply_security
from labdesk.services.workspace import count, page

pytestmark = pytest.mark.pg

RUN = uuid.uuid4().hex[:8]
SUPERUSER = "postgres"


def login_of(role: str) -> str:
    return f"ldt{RUN}.{role}"


def libpq(url: str, user: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if user is not None:
        parsed = parsed.set(username=user)
    return parsed.render_as_string(hide_password=False)


@dataclass
class Server:
    url: str
    engine: Engine
    conns: dict[str, psycopg.Connection[tuple[object, ...]]]
    logins: list[str]


def drop_logins(url: str, logins: list[str]) -> None:
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        for login in logins:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


@pytest.fixture(scope="module")
def server(pg_module_url: str) -> Iterator[Server]:
    engine = make_engine(pg_module_url)
    apply_security(engine)
    apply_security(engine)  # idempotent: a second run changes nothing and fails on nothing
    logins = [login_of(role) for role in ROLES]
    conns: dict[str, psycopg.Connection[tuple[object, ...]]] = {}
    try:
        with Session(engine) as session, session.begin():
            for role in ROLES:
                users.add_user(session, login_of(role), [role], full_name=f"Test {role}")
        for role in ROLES:
            conns[role] = psycopg.connect(libpq(pg_module_url, login_of(role)), autocommit=True)
        yield Server(pg_module_url, engine, conns, logins)
    finally:
        for conn in conns.values():
            conn.close()
        engine.dispose()
        drop_logins(pg_module_url, logins)


def attempt(table: str, action: str, column: str | None) -> sql.Composed:
    """A statement that touches no row, so only the privilege check can make it fail."""
    target = sql.Identifier(table)
    any_column = column or sorted(table_columns(table))[0]
    statements = {
        "select": "SELECT 1 FROM {t} LIMIT 0",
        "insert": "INSERT INTO {t} DEFAULT VALUES"
        if column is None
        else "INSERT INTO {t} ({c}) VALUES (NULL)",
        "update": "UPDATE {t} SET {c} = NULL WHERE false",
        "delete": "DELETE FROM {t} WHERE false",
    }
    return sql.SQL(statements[action]).format(t=target, c=sql.Identifier(any_column))


def _grouped() -> dict[tuple[str, str, str], list[str | None]]:
    cells: dict[tuple[str, str, str], list[str | None]] = defaultdict(list)
    for role, table, action, column in denied_cells():
        cells[(role, table, action)].append(column)
    return cells


DENIED = _grouped()


def assert_denied(conn: psycopg.Connection[tuple[object, ...]], statement: sql.SQL | sql.Composed) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=r"permission denied|must be owner"):  # noqa: SIM117
        with conn.transaction():
            conn.execute(statement)


@pytest.mark.parametrize(
    ("role", "table", "action"), sorted(DENIED), ids=["-".join(key) for key in sorted(DENIED)]
)
def test_every_forbidden_cell_is_refused_by_the_server(
    server: Server, role: str, table: str, action: str
) -> None:
    for column in DENIED[(role, table, action)]:
        assert_denied(server.conns[role], attempt(table, action, column))


def test_granted_columns_are_accepted(server: Server) -> None:
    """The grants are not tighter than the matrix: every allowed update and insert column passes."""
    from labdesk.services.permissions import MATRIX, granted_columns

    for table, rule in MATRIX.items():
        for role, rights in rule.writers.items():
            conn = server.conns[role]
            for action in ("insert", "update"):
                columns = sorted(granted_columns(rights, action, table) - {"id"})
                if not columns:
                    continue
                names = sql.SQL(", ").join(map(sql.Identifier, columns))
                statement = (
                    sql.SQL("INSERT INTO {} ({}) SELECT {} WHERE false").format(
                        sql.Identifier(table), names, sql.SQL(", ").join(sql.SQL("NULL") for _ in columns)
                    )
                    if action == "insert"
                    else sql.SQL("UPDATE {} SET ({}) = (SELECT {}) WHERE false").format(
                        sql.Identifier(table), names, names
                    )
                )
                with conn.transaction():
                    conn.execute(statement)
            if rights.delete:
                with conn.transaction():
                    conn.execute(sql.SQL("DELETE FROM {} WHERE false").format(sql.Identifier(table)))


def test_technician_cannot_touch_fee_fields(server: Server) -> None:
    for column in ("charged", "amount_received", "note", "confirmed_by_id", "final_price"):
        assert_denied(server.conns["technician"], attempt("order_fees", "update", column))


@pytest.mark.parametrize("role", ROLES)
def test_nobody_changes_the_audit_trail(server: Server, role: str) -> None:
    conn = server.conns[role]
    for statement in (
        "UPDATE audit_log SET action = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "INSERT INTO audit_log (table_name, record_id, action, changes, db_user) "
        "VALUES ('orders', '1', 'insert', '{}', 'me')",
    ):
        assert_denied(conn, sql.SQL(statement))


@pytest.mark.parametrize("role", ROLES)
def test_nobody_alters_or_drops_tables(server: Server, role: str) -> None:
    conn = server.conns[role]
    for statement in (
        "ALTER TABLE orders ADD COLUMN x integer",
        "DROP TABLE samples",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "CREATE TABLE mine (x integer)",
        "TRUNCATE instruments",
    ):
        assert_denied(conn, sql.SQL(statement))


def test_schema_belongs_to_the_owner_role(server: Server) -> None:
    with server.engine.connect() as conn:
        owners = set(
            conn.execute(
                text("select tableowner from pg_tables where schemaname = current_schema()")
            ).scalars()
        )
        functions = set(
            conn.execute(
                text(
                    "select pg_get_userbyid(proowner) from pg_proc p "
                    "join pg_namespace n on n.oid = p.pronamespace "
                    "where n.nspname = current_schema()"
                )
            ).scalars()
        )
        groups = conn.execute(
            text("select rolname, rolcanlogin from pg_roles where rolname = any(:names)"),
            {"names": [OWNER, *GROUPS]},
        ).all()
    assert owners == {OWNER} and functions == {OWNER}
    assert len(groups) == len(GROUPS) + 1 and not any(can_login for _, can_login in groups)


def test_the_app_works_as_a_personal_login_not_a_superuser(server: Server) -> None:
    for role in ("technician", "finance", "admin"):
        url = make_url(server.url).set(username=login_of(role)).render_as_string(hide_password=False)
        database = open_database(DatabaseTarget(url, UrlSource.CLI))
        try:
            assert database.actor.login == login_of(role) and database.actor.roles == {role}
            with database.engine.connect() as conn:
                assert (
                    conn.execute(text("select rolsuper from pg_roles where rolname = current_user")).scalar()
                    is False
                )
            for spec in ledgers_for(database.actor.roles):
                rows = page(database, spec, LedgerQuery(), PageRequest(0, 500)).rows
                assert count(database, spec, LedgerQuery()) == len(rows)
        finally:
            database.dispose()


def test_a_disabled_user_cannot_log_in(server: Server) -> None:
    login = f"ldt{RUN}.gone"
    server.logins.append(login)
    with Session(server.engine) as session, session.begin():
        users.add_user(session, login, ["front_desk"])
    psycopg.connect(libpq(server.url, login)).close()
    with Session(server.engine) as session, session.begin():
        users.set_active(session, login, False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(libpq(server.url, login))
    with Session(server.engine) as session, session.begin():
        assert [u.active for u in users.list_users(session) if u.login == login] == [False]
        users.set_active(session, login, True)
    psycopg.connect(libpq(server.url, login)).close()


def test_passwords_reach_the_server_as_scram_verifiers(server: Server) -> None:
    login = login_of("sales")
    with Session(server.engine) as session, session.begin():
        users.set_password(session, login, "s3cret-密码")
        stored = session.execute(text("select rolpassword from pg_authid where rolname = :n"), {"n": login})
        verifier = str(stored.scalar_one())
    assert verifier.startswith("SCRAM-SHA-256$") and "s3cret" not in verifier


def _seed_tasks(engine: Engine) -> tuple[int, int]:
    with engine.begin() as conn:
        tech = conn.execute(
            text("select id from people where login = :l"), {"l": login_of("technician")}
        ).scalar_one()
        other = conn.execute(
            text("select id from people where login = :l"), {"l": login_of("signatory")}
        ).scalar_one()
        customer = conn.execute(
            text("insert into customers (code, name) values ('RLS1', 'RLS') returning id")
        ).scalar_one()
        project = conn.execute(
            text(
                "insert into projects (project_no, name, customer_id) "
                "values ('P-RLS', 'RLS', :c) returning id"
            ),
            {"c": customer},
        ).scalar_one()
        ids = [
            conn.execute(
                text(
                    "insert into tasks (task_no, project_id, title, assignee_id) "
                    "values (:n, :p, 't', :a) returning id"
                ),
                {"n": f"T-RLS-{who}", "p": project, "a": who},
            ).scalar_one()
            for who in (tech, other)
        ]
    return ids[0], ids[1]


def test_technicians_see_and_change_only_their_own_tasks(server: Server) -> None:
    own, others = _seed_tasks(server.engine)
    tech = server.conns["technician"]
    assert [row[0] for row in tech.execute("select id from tasks order by id")] == [own]
    with tech.transaction():
        assert tech.execute("update tasks set feedback = 'done' where id = %s", (own,)).rowcount == 1
        assert tech.execute("update tasks set feedback = 'x' where id = %s", (others,)).rowcount == 0
    seen = {row[0] for row in server.conns["signatory"].execute("select id from tasks")}
    assert {own, others} <= seen


def test_anyone_reports_a_fault_but_only_equipment_managers_set_other_states(server: Server) -> None:
    with server.engine.begin() as conn:
        instrument = conn.execute(
            text("insert into instruments (code, name) values ('YQ-RLS', 'scale') returning id")
        ).scalar_one()
    tech = server.conns["technician"]
    with tech.transaction():
        tech.execute(
            "insert into repair_records (instrument_id, reported_at, fault) values (%s, now(), 'broken')",
            (instrument,),
        )
        tech.execute("update instruments set status = 'under_repair' where id = %s", (instrument,))
    assert_denied(
        tech, sql.SQL("update instruments set status = 'in_service' where id = {}").format(instrument)
    )
    with server.conns["equipment_manager"].transaction():
        server.conns["equipment_manager"].execute(
            "update instruments set status = 'in_service' where id = %s", (instrument,)
        )


def test_migrations_run_as_the_owner_and_regrant(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        apply_security(engine)
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        upgrade(engine)
        with engine.connect() as conn:
            owners = set(
                conn.execute(
                    text("select tableowner from pg_tables where schemaname = current_schema()")
                ).scalars()
            )
            may_insert = conn.execute(
                text("select has_table_privilege('labdesk_front_desk', 'label_templates', 'INSERT')")
            ).scalar()
            audit_owner = conn.execute(
                text("select pg_get_userbyid(proowner) from pg_proc where proname = 'labdesk_audit'")
            ).scalar()
        assert owners == {OWNER} and may_insert is True and audit_owner == OWNER
    finally:
        engine.dispose()


def test_the_users_command_on_a_server(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from labdesk.cli import main

    login = f"ldt{RUN}.cli"
    try:
        assert main(["users", "add", login, "--role", "finance", "--url", pg_url]) == 1
        assert "run `labdesk db secure`" in capsys.readouterr().err
        assert main(["db", "secure", "--url", pg_url]) == 0
        monkeypatch.setattr("sys.stdin", io.StringIO("pa55-word\n"))
        assert (
            main(
                [
                    "users",
                    "add",
                    login,
                    "--role",
                    "finance",
                    "--full-name",
                    "Fei",
                    "--password-stdin",
                    "--url",
                    pg_url,
                ]
            )
            == 0
        )
        assert main(["users", "grant", login, "--role", "sales", "--url", pg_url]) == 0
        assert main(["users", "revoke", login, "--role", "finance", "--url", pg_url]) == 0
        assert main(["users", "disable", login, "--url", pg_url]) == 0
        capsys.readouterr()
        assert main(["users", "list", "--url", pg_url]) == 0
        out, err = capsys.readouterr()
        assert f"{login}\tFei\tsales\tdisabled, cannot log in" in out and "pa55" not in out + err
        with psycopg.connect(libpq(pg_url), autocommit=True) as conn:
            groups = {
                row[0]
                for row in conn.execute(
                    "select b.rolname from pg_auth_members m join pg_roles a on a.oid = m.member "
                    "join pg_roles b on b.oid = m.roleid where a.rolname = %s",
                    (login,),
                )
            }
            verifier = conn.execute(
                "select rolpassword from pg_authid where rolname = %s", (login,)
            ).fetchone()
        assert groups == {"labdesk_sales"}
        assert verifier is not None and str(verifier[0]).startswith("SCRAM-SHA-256$")
    finally:
        drop_logins(pg_url, [login])
