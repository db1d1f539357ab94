"""The sample-list import on PostgreSQL: the shared scenarios, and four workstations importing into
four draft orders at once (separate processes) getting unique, gapless sample numbers."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from labdesk.models import Order, Sample
from labdesk.models.numbering import CodingCounter, CodingRule
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.sample_import import import_samples
from tests.custody_cases import as_user
from tests.instrument_sheets import write_book
from tests.sample_lists import (
    HEADERS,
    add_draft_order,
    check_import_prices_and_keeps_text,
    check_refusal_writes_nothing,
    demo_with_sample_types,
    item_codes,
)


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    database = demo_with_sample_types(pg_url)
    yield database
    database.dispose()


@pytest.fixture
def engine(pg_url: str, db: Database) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


def test_import_prices_and_keeps_hostile_text(db: Database, engine: Engine, tmp_path: Path) -> None:
    check_import_prices_and_keeps_text(db, engine, tmp_path)


def test_every_problem_is_listed_and_nothing_written(db: Database, engine: Engine, tmp_path: Path) -> None:
    check_refusal_writes_nothing(db, engine, tmp_path)


def _sample_counter(engine: Engine) -> int:
    """The sample counter of today's period (the demo may have numbered samples this year already)."""
    with Session(engine) as session:
        value = session.scalar(
            select(CodingCounter.last_value)
            .join(CodingRule, CodingCounter.rule_id == CodingRule.id)
            .where(CodingRule.doc_type == "sample", CodingCounter.period == f"{dt.date.today().year:04d}")
        )
    return value or 0


def _import_in_process(url: str, path: str, order_no: str, barrier: Any) -> None:
    """One workstation: open the database as the front desk, wait for the others, import."""
    database = as_user(open_database(DatabaseTarget(url, UrlSource.CLI)), "zhangwei")
    try:
        barrier.wait(timeout=60)
        import_samples(database, Path(path), order_no)
    finally:
        database.dispose()


def test_concurrent_imports_get_unique_gapless_numbers(
    pg_url: str, db: Database, engine: Engine, tmp_path: Path
) -> None:
    workers, rows = 4, 150
    code = item_codes(engine, 1)[0]
    jobs = []
    for w in range(workers):
        add_draft_order(engine, f"WS-{w}")
        sheet: list[list[object]] = [
            HEADERS,
            *[[f"ws{w}-{i}", 1 + i % 3, "", "", "", code] for i in range(rows)],
        ]
        jobs.append((str(write_book(tmp_path / f"ws{w}.xlsx", sheet)), f"WS-{w}"))
    before = _sample_counter(engine)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(workers)
    processes = [
        context.Process(target=_import_in_process, args=(pg_url, path, no, barrier)) for path, no in jobs
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
    assert [p.exitcode for p in processes] == [0] * workers
    with Session(engine) as session:
        found = session.execute(
            select(Order.order_no, Sample.name, Sample.sample_no)
            .join(Order, Sample.order_id == Order.id)
            .where(Order.order_no.like("WS-%"))
        ).all()
        finals = list(session.scalars(select(Order.final_price).where(Order.order_no.like("WS-%"))))
    assert len(found) == workers * rows
    assert all(
        name.startswith(f"ws{str(order_no)[3:]}-") for order_no, name, _ in found
    )  # each on its own order
    numbers = [str(sample_no) for _, _, sample_no in found]
    assert len(set(numbers)) == len(numbers)
    sequence = sorted(int(no.rsplit("-", 1)[-1]) for no in numbers)
    assert sequence == list(range(before + 1, before + workers * rows + 1))  # unique and gapless
    assert _sample_counter(engine) == before + workers * rows
    assert all(price > 0 for price in finals)
