"""User administration: people, their job roles and, on a server, their own PostgreSQL logins.

On PostgreSQL a user is a LOGIN role that is a member of the ``labdesk_<job>`` group roles, plus a
``people`` row with the same job roles (the app reads them to hide what the server would refuse).
Passwords never reach the server in clear text: a SCRAM-SHA-256 verifier is computed here with
libpq's ``PQencryptPasswordConn`` and ``ALTER ROLE ... PASSWORD`` is sent with the verifier only,
so neither the server log (``log_statement``) nor ``pg_stat_activity`` ever shows the password.

On the embedded SQLite file (one seat) there are no logins and no passwords: only the ``people``
rows, whose job roles the services enforce.

Creating logins needs a superuser or a login with CREATEROLE (the database administrator).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.people import JobRole, JobRoleKey, Person
from labdesk.services.pg_security import group_role, security_applied
from labdesk.services.problems import Problem, ProblemError

LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{0,62}$")
RESERVED_PREFIXES = ("pg_", "labdesk_")
# Used only when a database was made before the job roles were seeded (migration 0005 seeds them).
JOB_ROLE_NAMES = {
    "front_desk": "收样/业务受理",
    "technician": "检测员",
    "equipment_manager": "设备管理员",
    "finance": "财务",
    "signatory": "授权签字人",
    "sales": "销售/客服",
    "admin": "系统管理员",
}


class UserError(ProblemError):
    """A user-administration request that cannot be done; the message says why."""


@dataclass(frozen=True)
class UserInfo:
    login: str
    full_name: str
    roles: tuple[str, ...]
    active: bool
    can_login: bool | None  # None on the embedded file, which has no logins


def _is_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def check_login(login: str) -> None:
    if not LOGIN_PATTERN.match(login) or login.startswith(RESERVED_PREFIXES):
        raise UserError(
            Problem(
                N("Problem", "'{login}' cannot be a login: use lower-case letters, digits, '_', '.' or '-', "
                             "start with a letter, and do not start with pg_ or labdesk_."),
                {"login": login},
            )
        )


def check_roles(roles: Iterable[str]) -> list[str]:
    known = {role.value for role in JobRoleKey}
    wanted = sorted(set(roles))
    for role in wanted:
        if role not in known:
            raise UserError(
                Problem(N("Problem", "There is no job role '{role}'; the roles are: {roles}."),
                        {"role": role, "roles": ", ".join(sorted(known))})
            )
    return wanted


def _person(session: Session, login: str) -> Person:
    person = session.scalars(
        select(Person).where(Person.login == login).options(selectinload(Person.roles))
    ).one_or_none()
    if person is None:
        raise UserError(Problem(N("Problem", "There is no user '{login}'."), {"login": login}))
    return person


def _job_roles(session: Session, keys: Iterable[str]) -> list[JobRole]:
    keys = list(keys)
    found = {role.key: role for role in session.scalars(select(JobRole).where(JobRole.key.in_(keys)))}
    for key in keys:
        if key not in found:
            found[key] = JobRole(key=key, name=JOB_ROLE_NAMES[key])
            session.add(found[key])
    return [found[key] for key in keys]


def _driver(session: Session) -> Any:
    """The psycopg connection under the session's transaction (for composed, quoted statements)."""
    return session.connection().connection.driver_connection


def _server(session: Session, statement: str, *names: str, literal: str | None = None) -> None:
    from psycopg import sql

    parts: list[Any] = [sql.Identifier(name) for name in names]
    if literal is not None:
        parts.append(sql.Literal(literal))
    with _driver(session).cursor() as cursor:
        cursor.execute(sql.SQL(statement).format(*parts))


def _role_exists(session: Session, login: str) -> bool:
    return bool(session.execute(text("select exists (select 1 from pg_roles where rolname = :n)"),
                                {"n": login}).scalar_one())


def _require_security(session: Session) -> None:
    """Group roles and grants come from `labdesk db secure`; a login made before it could do nothing."""
    if not security_applied(session.connection()):
        no_roles = N("Problem", "This server has no LabDesk roles yet: an administrator must run "
                                "`labdesk db secure` on it first.")
        raise UserError(Problem(no_roles))


def password_verifier(session: Session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login``, computed on this machine."""
    if not password:
        raise UserError(Problem(N("Problem", "The password is empty.")))
    verifier: bytes = _driver(session).pgconn.encrypt_password(
        password.encode(), login.encode(), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def add_user(
    session: Session,
    login: str,
    roles: Iterable[str],
    *,
    full_name: str | None = None,
    department: str | None = None,
    password: str | None = None,
) -> None:
    """Add a person with job roles and, on a server, their own login in the job's group roles."""
    check_login(login)
    keys = check_roles(roles)
    if session.scalars(select(Person.id).where(Person.login == login)).first() is not None:
        raise UserError(Problem(N("Problem", "The user '{login}' exists already."), {"login": login}))
    if password is not None and not _is_server(session):
        raise UserError(Problem(N("Problem", "The embedded database has no passwords: it is one seat, "
                                             "used by whoever is signed in to this computer.")))
    session.add(Person(login=login, full_name=full_name or login, department=department, active=True,
                       roles=_job_roles(session, keys)))
    if _is_server(session):
        _require_security(session)
        if not _role_exists(session, login):
            _server(session, "CREATE ROLE {} LOGIN", login)
        else:
            _server(session, "ALTER ROLE {} LOGIN", login)
        for key in keys:
            _server(session, "GRANT {} TO {}", group_role(key), login)
        if password is not None:
            set_password(session, login, password)
    session.flush()


def list_users(session: Session) -> list[UserInfo]:
    people = session.scalars(select(Person).options(selectinload(Person.roles)).order_by(Person.login)).all()
    can_login: dict[str, bool] = {}
    if _is_server(session):
        logins = [person.login for person in people]
        rows = session.execute(
            text("select rolname, rolcanlogin from pg_roles where rolname = any(:names)"), {"names": logins}
        ).all()
        can_login = {str(name): bool(flag) for name, flag in rows}
    return [
        UserInfo(
            person.login,
            person.full_name,
            tuple(sorted(role.key for role in person.roles)),
            person.active,
            can_login.get(person.login, False) if _is_server(session) else None,
        )
        for person in people
    ]


def set_active(session: Session, login: str, active: bool) -> None:
    """Enable or disable a user: the person row and, on a server, the login's right to log in.

    A disabled login keeps its roles and history; connections it has open now end at their next
    reconnect (terminating them would need a superuser and lose their unsaved work).
    """
    person = _person(session, login)
    person.active = active
    if _is_server(session) and _role_exists(session, login):
        _server(session, "ALTER ROLE {} LOGIN" if active else "ALTER ROLE {} NOLOGIN", login)
    session.flush()


def grant_roles(session: Session, login: str, roles: Iterable[str]) -> None:
    person = _person(session, login)
    keys = check_roles(roles)
    held = {role.key for role in person.roles}
    person.roles.extend(role for role in _job_roles(session, keys) if role.key not in held)
    if _is_server(session):
        _require_security(session)
        for key in keys:
            _server(session, "GRANT {} TO {}", group_role(key), login)
    session.flush()


def revoke_roles(session: Session, login: str, roles: Iterable[str]) -> None:
    person = _person(session, login)
    keys = set(check_roles(roles))
    person.roles = [role for role in person.roles if role.key not in keys]
    if _is_server(session):
        for key in sorted(keys):
            _server(session, "REVOKE {} FROM {}", group_role(key), login)
    session.flush()


def set_password(session: Session, login: str, password: str) -> None:
    """Set a server login's password; only its SCRAM verifier is sent (see the module docstring)."""
    if not _is_server(session):
        raise UserError(Problem(N("Problem", "The embedded database has no passwords: it is one seat, "
                                             "used by whoever is signed in to this computer.")))
    check_login(login)
    if not _role_exists(session, login):
        raise UserError(Problem(N("Problem", "There is no user '{login}'."), {"login": login}))
    _server(session, "ALTER ROLE {} PASSWORD {}", login, literal=password_verifier(session, login, password))
