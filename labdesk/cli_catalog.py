"""``labdesk import catalog FILE.xlsx [--dry-run] [--url URL]``: add test items to the catalogue.

A kind of :mod:`labdesk.cli_import` (registered in its ``KINDS``); same conventions: all or nothing,
each problem on stderr as ``row N, column C: reason``, exit code 1 when anything is refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_catalog_kind(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "catalog",
        help="import test items into the catalogue from an Excel workbook",
        description="Add the test items of the first sheet of FILE.xlsx to the catalogue. Headers: code, "
        "name, standard, parameter, unit_price, pricing_unit (per_sample / per_parameter / per_point, or "
        "按样品 / 按参数 / 按点), turnaround_days, required_qualification, department, or their Chinese "
        "titles (see docs/pricing.md). Prices must have at most two decimals. All or nothing: any problem "
        "is printed as 'row N, column C: reason' and nothing is written.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.xlsx", help="the workbook to import")
    parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    # SUPPRESS, as in cli_import: an unset subcommand --url must not hide a top-level --url.
    parser.add_argument(
        "--url",
        default=argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def run_catalog_import(args: argparse.Namespace) -> int:
    from labdesk.services.catalog_import import CatalogImportRejected, import_catalog
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.problems import ProblemError

    file: Path = args.file
    database = open_database(resolve_target(getattr(args, "url", None)))
    try:
        report, added = import_catalog(database, file, dry_run=args.dry_run)
    except CatalogImportRejected as rejected:
        for problem in rejected.report.problems:
            print(problem.text(), file=sys.stderr)
        print(f"labdesk: {rejected}", file=sys.stderr)
        return 1
    except ProblemError as error:  # an unreadable workbook, a refused permission, a lost server
        print(f"labdesk: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if args.dry_run:
        print(f"{file}: {len(report.rows)} rows checked, no problems; nothing written (dry run)")
    else:
        print(f"{file}: {added} test items imported")
    return 0
