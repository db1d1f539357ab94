"""``labdesk users``: add people and their logins, list, disable, enable, grant, revoke, passwd.

Wired into ``labdesk/cli.py`` with ``add_users_parser(sub)`` and ``run_users``. Passwords are read
from standard input only (``--password-stdin``: one line), never from the command line where other
users and shell history would see them; they are sent to the server as a SCRAM verifier and kept
in this computer's keyring only when you change your own password.

On the embedded file there are no logins: ``users`` manages the people rows and their job roles,
and ``--password-stdin`` / ``passwd`` are refused with a clear message.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from labdesk.models.people import JobRoleKey

EXIT_OK = 0
ROLE_CHOICES = tuple(role.value for role in JobRoleKey)


def _add_url(parser: argparse.ArgumentParser) -> None:
    # Same as cli._add_url: SUPPRESS keeps an unset subcommand --url from hiding a top-level --url.
    parser.add_argument(
        "--url",
        default=argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def _add_roles(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--role", dest="roles", action="append", choices=ROLE_CHOICES, required=required, default=[],
        metavar="ROLE", help=f"a job role, repeatable ({', '.join(ROLE_CHOICES)})",
    )


def add_users_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``users`` and its actions to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    users: argparse.ArgumentParser = subparsers.add_parser(
        "users", help="people, their job roles and their server logins",
        description="Manage who may use LabDesk. On a PostgreSQL server each person gets a login role "
        "of their own in the labdesk_<job> group roles; run `labdesk db secure` once first. On the "
        "embedded file (one seat) only the people and their job roles are kept; it has no passwords.",
    )
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a person and their login")
    add.add_argument("login")
    _add_roles(add, required=True)
    add.add_argument("--full-name", metavar="NAME")
    add.add_argument("--department", metavar="NAME")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin (one line)")
    _add_url(add)

    _add_url(actions.add_parser("list", help="list people, roles and whether they can log in"))
    for name, text in (("disable", "stop a user from logging in"), ("enable", "let a user log in again")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("login")
        _add_url(parser)
    for name, text in (("grant", "give a user job roles"), ("revoke", "take job roles from a user")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("login")
        _add_roles(parser, required=True)
        _add_url(parser)
    passwd = actions.add_parser("passwd", help="set a server login's password (read from stdin)")
    passwd.add_argument("login")
    passwd.add_argument("--password-stdin", action="store_true", required=True,
                        help="read the password from stdin (one line)")
    _add_url(passwd)
    return users


def _read_password() -> str:
    line = sys.stdin.readline()
    return line[:-1] if line.endswith("\n") else line


def run_users(args: argparse.Namespace) -> int:
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.problems import ProblemError

    target = resolve_target(getattr(args, "url", None))
    wants_password = bool(getattr(args, "password_stdin", False))
    if wants_password and target.is_embedded:
        from labdesk.cli import CliError

        raise CliError(
            f"{target.display} is an embedded database (one seat): it has no logins and no passwords"
        )
    password = _read_password() if wants_password else None
    database = open_database(target)
    try:
        with database.session() as session:
            message = _dispatch(session, args, password)
    except ProblemError as error:  # UserError, PermissionDenied on the embedded file
        from labdesk.cli import CliError

        raise CliError(str(error)) from error
    finally:
        database.dispose()
    if message:
        print(message)
    if args.users_command == "passwd" and password is not None and args.login == database.user_name:
        _remember(target.url, args.login, password)
    return EXIT_OK


def _dispatch(session: Any, args: argparse.Namespace, password: str | None) -> str:
    from labdesk.services import users

    command = args.users_command
    if command == "add":
        users.add_user(session, args.login, args.roles, full_name=args.full_name,
                       department=args.department, password=password)
        return f"added {args.login} ({', '.join(sorted(set(args.roles)))})"
    if command == "list":
        lines = []
        for user in users.list_users(session):
            state = "active" if user.active else "disabled"
            if user.can_login is False:
                state += ", cannot log in"
            lines.append(f"{user.login}\t{user.full_name}\t{','.join(user.roles) or '-'}\t{state}")
        return "\n".join(lines) or "no users"
    if command in ("disable", "enable"):
        users.set_active(session, args.login, command == "enable")
        return f"{command}d {args.login}"
    if command == "grant":
        users.grant_roles(session, args.login, args.roles)
        return f"granted {', '.join(sorted(set(args.roles)))} to {args.login}"
    if command == "revoke":
        users.revoke_roles(session, args.login, args.roles)
        return f"revoked {', '.join(sorted(set(args.roles)))} from {args.login}"
    assert command == "passwd" and password is not None
    users.set_password(session, args.login, password)
    return f"password of {args.login} changed"


def _remember(url: str, login: str, password: str) -> None:
    from sqlalchemy.engine import make_url

    from labdesk.services.connection import store_password

    own = make_url(url).set(username=login).render_as_string(hide_password=False)
    if store_password(own, password):
        print("the new password is kept in this computer's keyring")
    else:
        print("this computer has no keyring that keeps passwords: LabDesk will ask for it", file=sys.stderr)
