"""``labdesk import``: bring records in from Excel workbooks.

    labdesk import instruments FILE.xlsx [--dry-run] [--error-report OUT.xlsx] [--url URL]
    labdesk import instruments --template OUT.xlsx [--lang zh_CN|en]
    labdesk import catalog FILE.xlsx [--dry-run] [--url URL]          (labdesk/cli_catalog.py)
    labdesk import samples FILE.xlsx --order ORDER_NO [--dry-run] [--url URL]   (labdesk/cli_samples.py)
    labdesk import samples --template OUT.xlsx [--lang zh_CN|en] [--url URL]

All or nothing: if any row has a problem, nothing is written, each problem is printed on stderr as
``row N, column C: reason`` (N as Excel numbers rows, C the column letter) and the exit code is 1.
Each kind of record is one entry of ``KINDS`` (parser + handler), so ``labdesk import samples`` is
one more entry. Wired into ``labdesk/cli.py`` with ``add_import_parser(sub)`` and ``run_import``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from labdesk.cli_catalog import add_catalog_kind, run_catalog_import
from labdesk.cli_samples import add_samples_kind, run_samples_import

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def _add_url(parser: argparse.ArgumentParser) -> None:
    # Same as cli._add_url: SUPPRESS keeps an unset subcommand --url from hiding a top-level --url.
    parser.add_argument(
        "--url",
        default=argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def _add_instruments(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "instruments",
        help="import instruments from an Excel workbook",
        description="Import instruments from the first sheet of FILE.xlsx. Headers: the field names "
        "(code, name, model, serial_number, manufacturer, category, location, custodian, purchase_date, "
        "calibration_interval_months, last_calibration_date, status) or their English or Chinese "
        "titles, as in the template. Rows without a code are numbered by the coding rule. All or "
        "nothing: any problem is printed as 'row N, column C: reason' and nothing is written.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE.xlsx", help="the workbook to import")
    parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    parser.add_argument(
        "--error-report", type=Path, metavar="OUT.xlsx", help="on problems, also write them to this workbook"
    )
    add_template_options(parser, "write a blank import template instead of importing")
    _add_url(parser)


def add_template_options(parser: argparse.ArgumentParser, template_help: str) -> None:
    """``--template OUT.xlsx`` and its ``--lang``, for a kind whose FILE.xlsx is optional (either one)."""
    parser.add_argument("--template", type=Path, metavar="OUT.xlsx", help=template_help)
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=argparse.SUPPRESS,  # an unset --lang must not hide the top-level one
        help="language of the template's headers",
    )


KINDS: dict[str, tuple[Callable[[Any], None], Callable[[argparse.Namespace], int]]] = {}


def add_import_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``import`` and its record kinds to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    parser: argparse.ArgumentParser = subparsers.add_parser("import", help="import records from Excel")
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for add, _run in KINDS.values():
        add(kinds)
    return parser


def run_import(args: argparse.Namespace) -> int:
    return KINDS[args.import_kind][1](args)


def translator(args: argparse.Namespace) -> Callable[[str, str], str]:
    """Translation into ``--lang``, else the saved language, else the OS locale's."""
    from labdesk.i18n import load_catalog, resolve_language
    from labdesk.settings import load_settings

    return load_catalog(resolve_language(getattr(args, "lang", None) or load_settings().language)).translate


def _run_instruments(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.template is None):
        print("labdesk: give either FILE.xlsx to import or --template OUT.xlsx", file=sys.stderr)
        return EXIT_USAGE
    if args.template is not None:
        from labdesk.services.import_desk import save_template

        save_template(args.template, translator(args))
        print(f"{args.template}: blank instrument import template")
        return EXIT_OK
    return _import_instruments(args)


def _import_instruments(args: argparse.Namespace) -> int:
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.import_desk import ImportRejected, import_file, save_error_report
    from labdesk.services.spreadsheets import WorkbookError

    file: Path = args.file
    database = open_database(resolve_target(getattr(args, "url", None)))
    try:
        report, result = import_file(database, file, dry_run=args.dry_run, progress=_progress)
    except WorkbookError as error:
        print(f"labdesk: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except ImportRejected as rejected:
        for problem in rejected.report.problems:
            print(problem.text(), file=sys.stderr)
        if args.error_report is not None:
            save_error_report(rejected.report, args.error_report, translator(args))
            print(f"labdesk: problems written to {args.error_report}", file=sys.stderr)
        print(f"labdesk: {rejected}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        database.dispose()
        if sys.stderr.isatty():
            print(file=sys.stderr)  # end the progress line
    if result is None:
        print(f"{file}: {len(report.rows)} rows checked, no problems; nothing written (dry run)")
    else:
        numbered = f", {result.numbered} numbered by the coding rule" if result.numbered else ""
        print(f"{file}: {result.imported} instruments imported{numbered}")
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rimporting: {done}/{total}      ", end="", file=sys.stderr, flush=True)


KINDS["instruments"] = (_add_instruments, _run_instruments)
KINDS["catalog"] = (add_catalog_kind, run_catalog_import)
KINDS["samples"] = (add_samples_kind, run_samples_import)
