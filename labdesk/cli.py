"""The ``labdesk`` command: the GUI by default, and thin subcommands over the services.

Every failure the user can act on is one clear line on stderr and a non-zero exit, never a
traceback (``--debug`` shows the traceback for a developer).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from labdesk import __version__

if TYPE_CHECKING:
    from sqlalchemy import Engine

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

LEDGER_NAMES = ("customers", "contracts", "orders", "fees", "samples", "projects", "reports", "instruments")


class CliError(Exception):
    """A failure the user can act on; its message is printed as the one line of output."""


def _add_url(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Subcommands accept --url too; SUPPRESS keeps their unset default from hiding a top-level --url.
    parser.add_argument(
        "--url",
        default=None if top else argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="labdesk", description="LabDesk, the testing laboratory's workbench."
    )
    parser.add_argument("--version", action="version", version=f"LabDesk {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="user interface language")
    _add_url(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    _add_url(gui)

    db = sub.add_parser("db", help="schema upgrades and checks")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("upgrade", "migrate the database to this LabDesk's schema"),
        ("check", "exit 0 only if the database is at head and matches the models"),
        ("secure", "PostgreSQL: create the LabDesk roles and grant per docs/permissions.md (superuser)"),
    ):
        _add_url(db_sub.add_parser(name, help=text))

    demo = sub.add_parser("demo", help="fill an empty database with Chinese demo data")
    _add_url(demo)
    for option, default in (("customers", 60), ("instruments", 300), ("orders", 200), ("samples", 600)):
        demo.add_argument(f"--{option}", type=int, default=default, metavar="N", help=f"(default {default})")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")

    export = sub.add_parser("export", help="export a ledger to Excel")
    export.add_argument("ledger", choices=LEDGER_NAMES)
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    export.add_argument("--search", default="", help="quick search, as in the ledger's search box")
    _add_url(export)

    from labdesk.cli_labels import add_labels_parser

    add_labels_parser(sub)
    from labdesk.cli_calibration import add_calibration_parser

    add_calibration_parser(sub)
    from labdesk.cli_scan import add_scan_parser

    add_scan_parser(sub)
    from labdesk.cli_users import add_users_parser

    add_users_parser(sub)
    from labdesk.cli_import import add_import_parser

    add_import_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _run_gui,
        "gui": _run_gui,
        "db": _run_db,
        "demo": _run_demo,
        "export": _run_export,
        "labels": _run_labels,
        "calibration": _run_calibration,
        "scan": _run_scan,
        "users": _run_users,
        "import": _run_import,
    }
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        print("labdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            raise
        print(f"labdesk: {_describe(error, args)}", file=sys.stderr)
        return EXIT_FAILURE


def _describe(error: Exception, args: argparse.Namespace) -> str:
    from sqlalchemy.exc import DBAPIError

    from labdesk.services.connection import describe_connection_error, resolve_target

    if isinstance(error, CliError):
        return str(error)
    if isinstance(error, DBAPIError):
        try:
            url = resolve_target(args.url).url
        except Exception:  # noqa: BLE001 - a bad URL is itself described below
            return f"database error: {error.orig}"
        return describe_connection_error(error, url)
    from labdesk.services.migrations import SchemaError

    if isinstance(error, SchemaError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
    from sqlalchemy.exc import ArgumentError

    if isinstance(error, ArgumentError):
        return f"not a database URL: {args.url!r} (e.g. postgresql://user@host:5432/labdesk)"
    return f"unexpected error ({type(error).__name__}: {error}); run with --debug for details"


def _run_calibration(args: argparse.Namespace) -> int:
    from labdesk.cli_calibration import run_calibration

    return run_calibration(args)


def _run_import(args: argparse.Namespace) -> int:
    from labdesk.cli_import import run_import

    return run_import(args)


def _run_labels(args: argparse.Namespace) -> int:
    from labdesk.cli_labels import run_labels

    return run_labels(args)


def _run_users(args: argparse.Namespace) -> int:
    from labdesk.cli_users import run_users

    return run_users(args)


def _run_scan(args: argparse.Namespace) -> int:
    from labdesk.cli_scan import run_scan

    return run_scan(args)


def _run_gui(args: argparse.Namespace) -> int:
    from labdesk.ui.app import run_app  # Qt is imported only for the GUI

    return run_app(url=args.url, language=args.lang)


def _run_db(args: argparse.Namespace) -> int:
    from labdesk.services import migrations
    from labdesk.services.connection import make_engine, resolve_target

    target = resolve_target(args.url)
    engine = make_engine(target.url)
    try:
        if args.db_command == "secure":
            return _secure(engine, target.display)
        if args.db_command == "upgrade":
            before = migrations.schema_status(engine)
            if before.state is migrations.SchemaState.NEWER:
                raise CliError(f"{target.display} is at revision {before.current}, newer than this LabDesk")
            migrations.upgrade(engine)
            print(
                f"{target.display}: schema at {migrations.head_revision()} (was {before.current or 'empty'})"
            )
            return EXIT_OK
        problems = migrations.check(engine)
        for problem in problems:
            print(f"labdesk: {target.display}: {problem}", file=sys.stderr)
        if not problems:
            print(f"{target.display}: at head {migrations.head_revision()}, schema matches the models")
        return EXIT_FAILURE if problems else EXIT_OK
    finally:
        engine.dispose()


def _secure(engine: Engine, display: str) -> int:
    if engine.dialect.name != "postgresql":
        raise CliError(f"{display} is an embedded database: its permissions are checked by LabDesk itself")
    from labdesk.services.pg_security import apply_security

    apply_security(engine)
    print(f"{display}: roles and grants applied (see docs/permissions.md)")
    return EXIT_OK


def _run_demo(args: argparse.Namespace) -> int:
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.demo import DatabaseNotEmpty, DemoSizes, fill_demo

    target = resolve_target(args.url)
    database = open_database(target)
    sizes = DemoSizes(
        customers=args.customers,
        instruments=args.instruments,
        orders=args.orders,
        samples=args.samples,
        seed=args.seed,
    )
    try:
        counts = fill_demo(database.engine, sizes, progress=_print_progress)
    except DatabaseNotEmpty as error:
        raise CliError(str(error)) from error
    finally:
        database.dispose()
    print(f"\r{target.display}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return EXIT_OK


def _print_progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done}/{total}      ", end="", file=sys.stderr, flush=True)


def _run_export(args: argparse.Namespace) -> int:
    from labdesk.i18n import load_catalog, resolve_language
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.ledgers.export import export_ledger
    from labdesk.services.ledgers.paging import LedgerQuery
    from labdesk.services.ledgers.registry import get_ledger
    from labdesk.settings import load_settings

    if args.out.suffix.lower() != ".xlsx":
        raise CliError(f"--out must name an .xlsx file, not {args.out}")
    catalog = load_catalog(resolve_language(args.lang or load_settings().language))
    database = open_database(resolve_target(args.url))
    try:
        with database.read_session() as session:
            rows = export_ledger(
                session, get_ledger(args.ledger), LedgerQuery(search=args.search), args.out, catalog.translate
            )
    finally:
        database.dispose()
    print(f"{args.out}: {rows} rows")
    return EXIT_OK
