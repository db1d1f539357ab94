"""``labdesk import samples FILE.xlsx --order ORDER_NO [--dry-run] [--url URL]``: a customer's sample list.

``labdesk import samples --template OUT.xlsx [--lang zh_CN|en] [--url URL]`` writes a blank one instead,
with the instrument import's template writer (headers in the chosen language, a sample type pick list).

A kind of :mod:`labdesk.cli_import` (registered in its ``KINDS``). Exit codes: 0 imported (or, with
``--dry-run``, every row checked); 1 the file's content or the order refused it (each problem on stderr
as ``row N, column C: reason``); 2 usage or a file that cannot be read as a workbook; 3 the database
cannot be reached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_DATABASE = 3
SHOWN_ROWS = 5  # rows a dry run lists


def add_samples_kind(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "samples",
        help="import a customer's sample list onto a draft order",
        description="Register the samples of the first sheet of FILE.xlsx on draft order ORDER_NO. Headers: "
        "name, quantity, specification and optionally sample_type, storage_condition, test_items "
        "(catalogue codes separated by ';'), or their Chinese titles (样品名称/名称, 数量, 规格型号/规格, "
        "样品类型, 储存条件/存放条件, 检测项目). All or nothing: any problem is printed as "
        "'row N, column C: reason' and nothing is written. With --template OUT.xlsx instead of FILE.xlsx, "
        "write a blank sample list in the --lang language.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE.xlsx", help="the workbook to import")
    # Required unless --template; checked in run_samples_import with this parser's own usage error.
    parser.add_argument("--order", metavar="ORDER_NO", help="the draft order to add them to")
    parser.set_defaults(samples_parser=parser)
    parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    from labdesk.cli_import import add_template_options  # here: cli_import imports this module

    add_template_options(parser, "write a blank sample list instead, the database's sample types to pick")
    # SUPPRESS, as in cli_import: an unset subcommand --url must not hide a top-level --url.
    parser.add_argument(
        "--url",
        default=argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def _printable(text: str) -> str:
    """Hostile text echoed to a terminal: control characters shown as escapes, never obeyed."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def run_samples_import(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.template is None):
        print("labdesk: give either FILE.xlsx to import or --template OUT.xlsx", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.template is not None:
        return _write_template(args)
    if args.order is None:
        args.samples_parser.error("the following arguments are required: --order")  # exits 2
    return _import(args)


def _write_template(args: argparse.Namespace) -> int:
    from labdesk.cli_import import translator
    from labdesk.services.sample_sheet import write_template

    names = _sample_type_names(args)
    write_template(args.template, translator(args), names)
    print(f"{args.template}: blank sample list template")
    return EXIT_OK


def _sample_type_names(args: argparse.Namespace) -> list[str] | None:
    """The pick list's sample types; None (said on stderr) when the database cannot give them, since
    a template without the pick list is still worth having: the import checks the types anyway."""
    from sqlalchemy.exc import DBAPIError

    from labdesk.services.connection import connection_problem, resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.migrations import SchemaError
    from labdesk.services.orders import sample_types
    from labdesk.services.units import DatabaseUnavailable

    target = resolve_target(getattr(args, "url", None))
    try:
        database = open_database(target)
    except DBAPIError as error:
        reason = str(connection_problem(error, target.url))
    except SchemaError as error:
        reason = str(error)
    else:
        try:
            return [t.name for t in sample_types(database)]
        except DatabaseUnavailable as error:
            reason = str(error)
        finally:
            database.dispose()
    print(f"labdesk: {reason}", file=sys.stderr)
    print(
        "labdesk: the template was written without the sample type pick list; type the sample types by hand",
        file=sys.stderr,
    )
    return None


def _import(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from labdesk.services.connection import connection_problem, resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.instrument_cells import shown
    from labdesk.services.problems import ProblemError
    from labdesk.services.sample_import import ImportRejected, import_samples
    from labdesk.services.spreadsheets import WorkbookError
    from labdesk.services.units import DatabaseUnavailable

    file: Path = args.file
    target = resolve_target(getattr(args, "url", None))
    try:
        database = open_database(target)
    except DBAPIError as error:
        print(f"labdesk: {connection_problem(error, target.url)}", file=sys.stderr)
        return EXIT_DATABASE
    try:
        result = import_samples(database, file, args.order, dry_run=args.dry_run)
    except WorkbookError as error:
        print(f"labdesk: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ImportRejected as rejected:
        for problem in rejected.report.problems:
            print(_printable(problem.text()), file=sys.stderr)
        print(f"labdesk: {rejected}", file=sys.stderr)
        return EXIT_INVALID
    except DatabaseUnavailable as error:
        print(f"labdesk: {error}", file=sys.stderr)
        return EXIT_DATABASE
    except ProblemError as error:  # no such order, not a draft, not allowed, refused by the order service
        for problem in getattr(error, "problems", None) or [error.problem]:
            print(f"labdesk: {_printable(str(problem))}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.dispose()
    if result.dry_run:
        print(
            f"{file}: {len(result.rows)} samples and {result.lines} test lines checked for order "
            f"{result.order_no}, no problems; nothing written (dry run)"
        )
        for row in result.rows[:SHOWN_ROWS]:
            s = row.sample
            fields = [s.name, str(s.quantity), s.specification, s.sample_type, ";".join(row.test_item_codes)]
            print(f"  row {row.row}: " + " | ".join(_printable(shown(f)) for f in fields))
        if len(result.rows) > SHOWN_ROWS:
            print(f"  … and {len(result.rows) - SHOWN_ROWS} more")
    else:
        numbers = result.sample_numbers
        span = f" ({numbers[0]} … {numbers[-1]})" if numbers else ""
        added = f"{len(numbers)} samples{span} and {result.lines} test lines"
        print(f"{file}: {added} added to order {result.order_no}")
    return EXIT_OK
