"""Instrument Excel import of 10,000 rows, validated and committed, beside the readers alone.

    python benchmarks/instrument_import.py [--rows 10000] [--runs 3] [--pg-url postgresql://postgres@127.0.0.1:5432/test]

One workbook is written with openpyxl (half the rows with a code, half numbered by the coding rule;
dates as Excel dates and as text; intervals as numbers and as text; custodians by name and login;
Chinese statuses), then timed in this one run: calamine reading it alone, openpyxl's read-only mode
reading it alone, and the whole import (read + one validation pass + numbering + bulk insert + audit +
commit) on a fresh SQLite file and on a PostgreSQL database this script creates and drops. Each figure
is the best of ``--runs``; between import runs the instruments and counters are emptied. Without a
reachable server the PostgreSQL row says why it was skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
from sqlalchemy import delete, insert
from sqlalchemy.engine import make_url

from labdesk.models import CodingCounter, Instrument, Person
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine, normalize_url
from labdesk.services.database import Database, open_database
from labdesk.services.import_desk import import_file
from labdesk.services.migrations import upgrade
from labdesk.services.spreadsheets import read_sheet

HEADERS = ("设备编号", "设备名称", "型号", "出厂编号", "生产厂家", "类别", "存放位置", "保管人", "购置日期",
           "校准周期（月）", "上次校准日期", "状态")  # fmt: skip
NAMES = ("数字压力计 0-60 MPa", "电子天平 220 g/0.1 mg", "恒温恒湿养护箱", "万能材料试验机 WAW-1000B")
STATUSES = ("在用", "维修", "校准中", "停用", "借出", "报废")
PEOPLE = 40


def write_workbook(path: Path, rows: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("仪器设备")
    sheet.append(HEADERS)
    for i in range(rows):
        last = dt.date(2025, 1 + i % 12, 1 + i % 28)
        sheet.append(
            (
                f"BM-{i:06d}" if i % 2 else None,
                NAMES[i % len(NAMES)],
                f"M{i % 97}",
                f"SN{i:08d}",
                "上海仪器厂",
                "力学",
                f"A{i % 30:03d} 室",
                f"测试员{i % PEOPLE}" if i % 3 else f"bench{i % PEOPLE}",
                dt.date(2018, 1 + i % 12, 1) if i % 2 else f"2018/{1 + i % 12}/1",
                12 if i % 2 else "24",
                last if i % 4 else f"{last.year}年{last.month}月{last.day}日",
                STATUSES[i % len(STATUSES)],
            )
        )
    book.save(path)


def read_calamine(path: Path) -> int:
    return len(read_sheet(path).rows)


def read_openpyxl(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def best(fn: Callable[[], object], runs: int, before: Callable[[], None] = lambda: None) -> float:
    seconds = float("inf")
    for _ in range(runs):
        before()
        started = time.perf_counter()
        fn()
        seconds = min(seconds, time.perf_counter() - started)
    return seconds


def prepare(url: str) -> Database:
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(Person),
            [{"login": f"bench{i}", "full_name": f"测试员{i}", "version": 1} for i in range(PEOPLE)],
        )
    engine.dispose()
    return open_database(DatabaseTarget(url, UrlSource.CLI))


def emptied(database: Database) -> Callable[[], None]:
    def empty() -> None:
        with database.engine.begin() as conn:
            conn.execute(delete(Instrument))
            conn.execute(delete(CodingCounter))

    return empty


def import_seconds(url: str, path: Path, runs: int, rows: int) -> float:
    database = prepare(url)
    try:

        def run() -> None:
            _, result = import_file(database, path)
            assert result is not None and result.imported == rows

        return best(run, runs, emptied(database))
    finally:
        database.dispose()


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    import psycopg

    admin = make_url(normalize_url(admin_url))
    libpq = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"labdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("LABDESK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"),
        help="a PostgreSQL server to create (and drop) a scratch database on",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "instruments.xlsx"
        write_workbook(path, args.rows)
        size = path.stat().st_size / 2**20
        print(f"{args.rows} rows, {size:.1f} MiB workbook, best of {args.runs} runs\n")
        print(f"{'case':52} {'time s':>8} {'ms/1000 rows':>13}")
        results: list[tuple[str, float | str]] = [
            ("read: python-calamine alone", best(lambda: read_calamine(path), args.runs)),
            ("read: openpyxl read-only alone", best(lambda: read_openpyxl(path), args.runs)),
            (
                "import on SQLite (target <= 1.5 s)",
                import_seconds(f"sqlite:///{Path(scratch) / 'bench.sqlite3'}", path, args.runs, args.rows),
            ),
        ]
        try:
            with pg_database(args.pg_url) as url:
                results.append(
                    (
                        "import on PostgreSQL (target <= 1.5 s)",
                        import_seconds(url, path, args.runs, args.rows),
                    )
                )
        except Exception as error:  # noqa: BLE001 - a missing server skips the row, saying why
            results.append(("import on PostgreSQL", f"skipped: {type(error).__name__}: {error}"))
        for title, seconds in results:
            if isinstance(seconds, str):
                print(f"{title:52} {seconds}")
            else:
                print(f"{title:52} {seconds:8.3f} {seconds / args.rows * 1e6:13.1f}")


if __name__ == "__main__":
    main()
