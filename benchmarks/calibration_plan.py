"""The calibration plan and reminders on a large instruments ledger, beside an anchor in the same run.

    python benchmarks/calibration_plan.py --url postgresql://postgres@127.0.0.1:5432/labdesk_bench

Prints: the app's plan view (capped at calibration_desk.VIEW_LIMIT rows) for 1, 3 and 12 months; the
reminder counts; the same plan query with index scans switched off (the anchor: what it costs without
``ix_instruments_next_due_date_id``); and the streamed Excel export of a 1-month plan (rows, seconds,
peak memory growth). Run it on a database filled by ``labdesk demo --instruments 1000000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from labdesk.services import calibration_export, calibration_plan
from labdesk.services.calibration_desk import VIEW_LIMIT
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import open_database


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    database = open_database(DatabaseTarget(args.url, UrlSource.CLI))
    today = args.today
    with database.read_session() as session:
        total = session.execute(text("select count(*) from instruments")).scalar_one()
        print(f"instruments: {total:,}")
        for months in (1, 3, 12):
            start = time.perf_counter()
            plan = calibration_plan.plan(session, months, today, limit=VIEW_LIMIT)
            print(f"plan view, {months:>2} months: {len(plan.rows):,} rows"
                  f"{' (capped)' if plan.truncated else ''} in {_ms(start)}")
        start = time.perf_counter()
        found = calibration_plan.reminders(session, today, 30)
        print(f"reminders: {found.overdue:,} overdue, {found.due_soon:,} due soon in {_ms(start)}")
        session.execute(text("set enable_indexscan = off"))
        session.execute(text("set enable_bitmapscan = off"))
        start = time.perf_counter()
        anchor = calibration_plan.plan(session, 1, today, limit=VIEW_LIMIT)
        print(f"anchor, plan view 1 month without the index: {len(anchor.rows):,} rows in {_ms(start)}")
        session.rollback()
    with tempfile.TemporaryDirectory() as folder, database.read_session() as session:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        rows = calibration_export.export_plan(session, 1, today, Path(folder) / "plan.xlsx",
                                              lambda _c, t: t)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"export, 1 month: {rows:,} rows in {_ms(start)}, peak memory +{grown:,.0f} MB")
    database.dispose()


if __name__ == "__main__":
    main()
