"""The Instruments ledger over many rows on PostgreSQL, beside two anchors measured in the same run.

    python benchmarks/ledger.py --url postgresql://postgres@127.0.0.1/labdesk_bench [--rows 1000000]

Creates the database if it does not exist and fills it with demo data (``--rows`` instruments) when it
has fewer instruments than asked. Then each contender runs in a fresh process (so memory figures are
its own) with a real QTableView (offscreen) of 1280x800:

- ``labdesk``: LabDesk's ledger model (keyset pages in workers, bounded row cache);
- ``qsqlquerymodel``: Qt's QSqlQueryModel on the QPSQL driver, sorting and searching by new queries;
- ``naive-orm``: ``session.scalars(select(Instrument)).all()`` into a list-backed table model, sorting
  and searching in Python.

Each measures: opening the database (LabDesk: with its schema check, once per app start); the
first painted screen of the ledger; re-sort on the name column; quick search ("压力");
jump to the last row (sorted by name, no search); resident memory growth over the process's baseline
after imports (peak RSS minus baseline). Times are wall-clock and noisy on a shared machine: compare
contenders within one run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEARCH = "压力"
CONTENDERS = ("labdesk", "qsqlquerymodel", "naive-orm")
# What the anchors show: the instruments ledger's default visible columns.
ANCHOR_COLUMNS = (
    "code",
    "name",
    "model",
    "serial_number",
    "manufacturer",
    "status",
    "location",
    "last_calibration_date",
    "next_due_date",
)
STEPS = ("open_ms", "first_screen_ms", "resort_ms", "search_ms", "jump_to_end_ms")


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# -- preparing the data ------------------------------------------------------------------------------
def prepare(url: str, rows: int) -> int:
    import psycopg
    from sqlalchemy import func, select
    from sqlalchemy.engine import make_url

    from labdesk.models import Instrument
    from labdesk.services.connection import make_engine, normalize_url
    from labdesk.services.demo import DemoSizes, fill_demo
    from labdesk.services.migrations import upgrade

    parsed = make_url(normalize_url(url))
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        if (
            conn.execute("select 1 from pg_database where datname = %s", (parsed.database,)).fetchone()
            is None
        ):
            conn.execute(f'CREATE DATABASE "{parsed.database}"')
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        have = int(conn.execute(select(func.count()).select_from(Instrument)).scalar_one())
    if have < rows:
        if have:
            raise SystemExit(
                f"{parsed.database} has {have} instruments, fewer than {rows}: drop it and rerun"
            )
        started = time.perf_counter()
        fill_demo(engine, DemoSizes(customers=200, instruments=rows, orders=500, samples=1500))
        print(f"filled {rows:,} instruments in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            have = int(conn.execute(select(func.count()).select_from(Instrument)).scalar_one())
    engine.dispose()
    return have


# -- measuring inside one process ----------------------------------------------------------------------
def wait_until(done: Callable[[], bool], timeout: float = 600.0) -> None:
    from PySide6.QtCore import QCoreApplication, QThread

    deadline = time.perf_counter() + timeout
    while not done():
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the view did not fill in time")
        QThread.msleep(1)


def timed(action: Callable[[], None], ready: Callable[[], bool], view: Any) -> float:
    """ms from ``action`` until ``ready`` holds and the viewport has been painted."""
    started = time.perf_counter()
    action()
    wait_until(ready)
    view.viewport().grab()  # forces a real paint of the visible rows
    return (time.perf_counter() - started) * 1000


def visible_rows(view: Any) -> range:
    top = max(0, view.rowAt(0))
    bottom = view.rowAt(view.viewport().height() - 1)
    if bottom < 0:
        bottom = view.model().rowCount() - 1
    return range(top, bottom + 1)


def measure_labdesk(url: str) -> dict[str, float]:
    from PySide6.QtWidgets import QTableView

    from labdesk.services.connection import DatabaseTarget, UrlSource
    from labdesk.services.ledgers.paging import LedgerQuery
    from labdesk.services.ledgers.registry import get_ledger
    from labdesk.services.workspace import connect
    from labdesk.ui.ledger_model import LedgerTableModel

    spec = get_ledger("instruments")
    view = QTableView()
    view.resize(1280, 800)
    state: dict[str, Any] = {}

    def ready() -> bool:
        # The screen is there when its rows are; the exact count may still be on its way.
        model = state["model"]
        return bool(model.total > 0 and all(model.is_loaded(r) for r in visible_rows(view)))

    def open_ledger() -> None:
        state["model"] = LedgerTableModel(spec, state["database"])
        view.setModel(state["model"])
        view.show()
        state["model"].refresh()

    baseline = rss_mb()
    started = time.perf_counter()
    state["database"] = connect(
        DatabaseTarget(url, UrlSource.CLI)
    )  # once per app start, schema check included
    result = {"open_ms": (time.perf_counter() - started) * 1000}
    result["first_screen_ms"] = timed(open_ledger, ready, view)
    model = state["model"]
    result["resort_ms"] = timed(lambda: model.set_query(LedgerQuery(sort_key="name")), ready, view)
    result["search_ms"] = timed(
        lambda: model.set_query(LedgerQuery(search=SEARCH, sort_key="name")), ready, view
    )
    model.set_query(LedgerQuery(sort_key="name"))
    wait_until(lambda: ready() and model.counted)  # the scrollbar's end is the counted end
    result["jump_to_end_ms"] = timed(view.scrollToBottom, ready, view)
    result["rows"] = model.total
    result["rss_growth_mb"] = peak_rss_mb() - baseline
    return result


def measure_qsql(url: str) -> dict[str, float]:
    from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
    from PySide6.QtWidgets import QTableView
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    columns = ", ".join(ANCHOR_COLUMNS)
    view = QTableView()
    view.resize(1280, 800)
    model = QSqlQueryModel()
    state: dict[str, Any] = {}

    def connect_db() -> None:
        db = QSqlDatabase.addDatabase("QPSQL")
        db.setHostName(parsed.host or "127.0.0.1")
        db.setPort(parsed.port or 5432)
        db.setDatabaseName(parsed.database or "")
        db.setUserName(parsed.username or "")
        db.setPassword(parsed.password or "")
        if not db.open():
            raise SystemExit(f"QPSQL: {db.lastError().text()}")
        state["db"] = db

    def open_ledger() -> None:
        model.setQuery(f"SELECT {columns} FROM instruments ORDER BY code, id", state["db"])
        view.setModel(model)
        view.show()

    def ready() -> bool:
        return model.rowCount() > 0 and model.data(model.index(visible_rows(view)[-1], 0)) is not None

    def run(sql: str) -> None:
        model.setQuery(sql, state["db"])
        if model.lastError().isValid():
            raise SystemExit(f"QPSQL: {model.lastError().text()}")

    def to_end() -> None:
        while model.canFetchMore():  # the model only knows rows it has fetched
            model.fetchMore()
        view.scrollToBottom()

    baseline = rss_mb()
    started = time.perf_counter()
    connect_db()
    result = {"open_ms": (time.perf_counter() - started) * 1000}
    result["first_screen_ms"] = timed(open_ledger, ready, view)
    result["resort_ms"] = timed(
        lambda: run(f"SELECT {columns} FROM instruments ORDER BY name, id"), ready, view
    )
    result["search_ms"] = timed(
        lambda: run(
            f"SELECT {columns} FROM instruments WHERE code ILIKE '%{SEARCH}%' OR name ILIKE '%{SEARCH}%' "
            f"OR model ILIKE '%{SEARCH}%' OR serial_number ILIKE '%{SEARCH}%' ORDER BY name, id"
        ),
        ready,
        view,
    )
    run(f"SELECT {columns} FROM instruments ORDER BY name, id")
    wait_until(ready)
    result["jump_to_end_ms"] = timed(to_end, lambda: ready() and not model.canFetchMore(), view)
    result["rows"] = model.rowCount()
    result["rss_growth_mb"] = peak_rss_mb() - baseline
    return result


def measure_naive(url: str) -> dict[str, float]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from labdesk.models import Instrument
    from labdesk.services.connection import make_engine

    fields = ANCHOR_COLUMNS

    class ListModel(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[Instrument] = []

        def set_rows(self, rows: list[Instrument]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return len(self.rows)

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return len(fields)

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            value = getattr(self.rows[index.row()], fields[index.column()])
            return None if value is None else str(value)

    view = QTableView()
    view.resize(1280, 800)
    model = ListModel()
    state: dict[str, Any] = {}

    def connect_db() -> None:
        engine = make_engine(url)
        state["session"] = Session(engine)
        state["session"].connection()

    def open_ledger() -> None:
        session = state["session"]
        state["all"] = list(
            session.scalars(select(Instrument).order_by(Instrument.code, Instrument.id)).all()
        )
        model.set_rows(state["all"])
        view.setModel(model)
        view.show()

    def ready() -> bool:
        return model.rowCount() > 0

    def by_name() -> None:
        model.set_rows(sorted(state["all"], key=lambda i: (i.name, i.id)))

    def search() -> None:
        text = SEARCH.lower()
        model.set_rows(
            [
                i
                for i in model.rows
                if any(
                    text in (getattr(i, f) or "").lower() for f in ("code", "name", "model", "serial_number")
                )
            ]
        )

    baseline = rss_mb()
    started = time.perf_counter()
    connect_db()
    result = {"open_ms": (time.perf_counter() - started) * 1000}
    result["first_screen_ms"] = timed(open_ledger, ready, view)
    result["resort_ms"] = timed(by_name, ready, view)
    result["search_ms"] = timed(search, ready, view)
    by_name()
    result["jump_to_end_ms"] = timed(view.scrollToBottom, ready, view)
    result["rows"] = len(state["all"])
    result["rss_growth_mb"] = peak_rss_mb() - baseline
    return result


def warm_up_painting() -> None:
    """Paint one table with text first: font loading is paid once per process, not by a contender."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(3, 3)
    for row in range(3):
        model.setItem(row, 0, QStandardItem("YQ-000001 压力试验机 2026-01-01"))
    view = QTableView()
    view.setModel(model)
    view.show()
    view.viewport().grab()
    view.close()


MEASURES = {"labdesk": measure_labdesk, "qsqlquerymodel": measure_qsql, "naive-orm": measure_naive}


def measure(contender: str, url: str) -> None:
    # Code is not data: every contender's modules are imported before the baseline is taken.
    import psycopg  # noqa: F401
    import sqlalchemy.orm  # noqa: F401
    from PySide6 import QtSql  # noqa: F401
    from PySide6.QtWidgets import QApplication

    import labdesk.models
    import labdesk.services.ledgers.registry
    import labdesk.services.workspace
    import labdesk.ui.ledger_model  # noqa: F401

    app = QApplication.instance() or QApplication([])
    warm_up_painting()
    result = MEASURES[contender](url)
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    print(json.dumps(result))
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/labdesk_bench")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--contenders", default=",".join(CONTENDERS))
    parser.add_argument("--measure", choices=CONTENDERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.url)
        return 0
    rows = prepare(args.url, args.rows)
    print(f"Instruments ledger, {rows:,} rows on PostgreSQL; view 1280x800 offscreen; one process each\n")
    header = f"{'contender':<16}" + "".join(f"{s:>17}" for s in (*STEPS, "rss_growth_mb"))
    print(header)
    print("-" * len(header))
    for contender in args.contenders.split(","):
        done = subprocess.run(
            [sys.executable, __file__, "--measure", contender, "--url", args.url],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(f"{contender:<16} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{contender:<16}" + "".join(f"{result[s]:>17.0f}" for s in (*STEPS, "rss_growth_mb")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
