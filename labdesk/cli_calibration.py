"""``labdesk calibration plan``: the calibration plan for the next N months as an Excel workbook.

Wired into ``labdesk/cli.py`` with ``add_calibration_parser(sub)`` and the ``run_calibration``
handler. A wrong option is one line on stderr and exit 1; database errors are left to ``cli.main``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILURE = 1


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_calibration_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``calibration`` and its actions to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    calibration: argparse.ArgumentParser = subparsers.add_parser(
        "calibration", help="the calibration plan of the instruments"
    )
    actions = calibration.add_subparsers(dest="calibration_command", metavar="ACTION", required=True)
    plan = actions.add_parser(
        "plan",
        help="write the calibration plan to Excel",
        description="Write every instrument due for calibration within the next N calendar months "
        "(this month included), overdue ones first, grouped by month, to an Excel workbook.",
    )
    plan.add_argument("--months", type=int, default=3, metavar="N", help="1 to 24 (default 3)")
    plan.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    plan.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="plan as of this day (default today)")
    plan.add_argument("--url", default=argparse.SUPPRESS,
                      help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)")
    return calibration


def run_calibration(args: argparse.Namespace) -> int:
    from labdesk.i18n import load_catalog, resolve_language
    from labdesk.services import calibration_plan as cp
    from labdesk.services.calibration_export import export_plan
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database
    from labdesk.services.problems import ProblemError
    from labdesk.settings import load_settings

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        print(f"labdesk: --out must name an .xlsx file, not {out}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        cp.check_months(args.months)
    except ProblemError as error:
        print(f"labdesk: {error}", file=sys.stderr)
        return EXIT_FAILURE
    settings = load_settings()
    translate = load_catalog(resolve_language(args.lang or settings.language)).translate
    today = args.today or dt.date.today()
    database = open_database(resolve_target(getattr(args, "url", None)))
    try:
        with database.read_session() as session:
            rows = export_plan(session, args.months, today, out, translate,
                                  warn_days=max(0, settings.reminder_days))
    finally:
        database.dispose()
    print(f"{out}: {rows} instruments due by {cp.plan_horizon(today, args.months).isoformat()}")
    return EXIT_OK
