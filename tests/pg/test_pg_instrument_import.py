"""The instrument import on PostgreSQL: the whole path, audit by triggers, and several workstations
importing at once (separate processes) getting unique, gapless numbers."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labdesk.models import AuditLog, Instrument
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.import_desk import (
    ImportCancelled,
    ImportRejected,
    check_file,
    import_checked,
    import_file,
)
from tests.instrument_sheets import add_person, counter_values, instrument_count, write_book

HOSTILE = ["Robert'); DROP TABLE instruments;--", 'emoji 🔬 中文 "quotes"', "tab\tand\nnewline", "z" * 500]


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    database = open_database(DatabaseTarget(pg_url, UrlSource.CLI))
    yield database
    database.dispose()


def test_import_on_postgres(db: Database, engine: Engine, tmp_path: Path) -> None:
    person = add_person(engine, "li", "李雷")
    headers = "code name model custodian last_calibration_date calibration_interval_months status"
    rows: list[list[Any]] = [headers.split()]
    rows += [
        [f"PG-{i}", text, text, "李雷", dt.date(2026, 1, 31), "1", "借出"] for i, text in enumerate(HOSTILE)
    ]
    rows += [[None, "numbered", None, "li", "2026年1月31日", 12, None]]
    path = write_book(tmp_path / "pg.xlsx", rows)
    _, result = import_file(db, path)
    assert result is not None and result.imported == 5 and result.numbered == 1
    with Session(engine) as session:
        got = {i.code: i for i in session.scalars(select(Instrument))}
        audited = session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "instruments")
        )
    assert [got[f"PG-{i}"].name for i in range(len(HOSTILE))] == HOSTILE
    assert {i.custodian_id for i in got.values()} == {person}
    assert got["PG-0"].next_due_date == dt.date(2026, 2, 28) and got["PG-0"].status == "loaned"
    assert audited == 5  # written by the triggers


def test_refused_and_cancelled_imports_write_nothing(db: Database, engine: Engine, tmp_path: Path) -> None:
    bad = write_book(tmp_path / "bad.xlsx", [["name", "status"], ["a", None], ["b", "unknown"]])
    with pytest.raises(ImportRejected):
        import_file(db, bad)
    big = write_book(tmp_path / "big.xlsx", [["name"], *[[f"n{i}"] for i in range(1500)]])
    report = check_file(db, big)
    seen: list[int] = []
    with pytest.raises(ImportCancelled):  # after the first chunk: numbers taken, rows inserted
        import_checked(
            db, report, progress=lambda done, total: seen.append(done), cancelled=lambda: bool(seen)
        )
    assert seen == [1000]
    assert instrument_count(engine) == 0 and counter_values(engine) == []


def _import_in_process(url: str, path: str, barrier: Any, cancel: bool) -> None:
    """One workstation: open the database, wait for the others, import (or cancel after a chunk)."""
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    try:
        report = check_file(database, Path(path))
        chunks: list[int] = []
        barrier.wait(timeout=60)
        try:
            import_checked(
                database,
                report,
                progress=lambda done, total: chunks.append(done),
                cancelled=(lambda: bool(chunks)) if cancel else None,
            )
        except ImportCancelled:
            if not cancel:
                raise
    finally:
        database.dispose()


def test_concurrent_imports_get_unique_gapless_numbers(pg_url: str, engine: Engine, tmp_path: Path) -> None:
    workers, rows = 4, 1200  # each import spans two chunks, so they interleave mid-import
    files = []
    for w in range(workers + 1):
        files.append(write_book(tmp_path / f"ws{w}.xlsx", [["name"], *[[f"ws{w}-{i}"] for i in range(rows)]]))
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(workers + 1)
    # The last workstation cancels after its first chunk: its numbers must come back, leaving no gap.
    processes = [
        context.Process(target=_import_in_process, args=(pg_url, str(path), barrier, w == workers))
        for w, path in enumerate(files)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
    assert [p.exitcode for p in processes] == [0] * (workers + 1)
    with Session(engine) as session:
        codes = list(session.scalars(select(Instrument.code)))
    assert len(codes) == workers * rows and len(set(codes)) == len(codes)
    numbers = sorted(int(code.rsplit("-", 1)[-1]) for code in codes)
    assert numbers == list(range(1, workers * rows + 1))  # unique and gapless
    assert counter_values(engine) == [workers * rows]
