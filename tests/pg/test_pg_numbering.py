"""Numbers taken by several OS processes at once: no duplicate and no gap, rollbacks included.

Each process opens the database as the app does and, per transaction, takes a customer number and
inserts the customer with it; every fifth transaction is rolled back after its insert, as a user
cancelling a form would. The committed numbers must be exactly 1..N.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from labdesk.models import Customer
from labdesk.models.numbering import DocType
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import open_database
from labdesk.services.numbering import allocate_number, number_for_insert

ROLLBACK_EVERY = 5


def allocate_in_process(
    url: str, client: int, transactions: int, in_insert: bool = False
) -> tuple[list[str], int, int]:
    """Run in a spawned process: (numbers it committed, transactions rolled back, busy retries)."""
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    committed: list[str] = []
    rolled_back = retries = 0
    try:
        for i in range(1, transactions + 1):
            while True:
                session = database.sessions()
                session.info["actor"] = database.actor
                try:
                    take = number_for_insert if in_insert else allocate_number
                    customer = Customer(code=take(session, DocType.CUSTOMER), name=f"client {client} #{i}")
                    session.add(customer)
                    session.flush()
                    number = customer.code  # taken by the INSERT itself when in_insert: read back
                    if i % ROLLBACK_EVERY == 0:
                        session.rollback()
                        rolled_back += 1
                    else:
                        session.commit()
                        committed.append(number)
                    break
                except OperationalError as error:
                    # SQLite only: a read transaction cannot become a writer once another process has
                    # committed since it began ("database is locked" at once, whatever the busy
                    # timeout); the transaction is retried whole, so nothing is lost or doubled.
                    if "locked" not in str(error) or database.is_embedded is False:
                        raise
                    session.rollback()
                    retries += 1
                    time.sleep(0.005 * (client + 1))
                finally:
                    session.close()
    finally:
        database.dispose()
    return committed, rolled_back, retries


def run_clients(
    url: str, clients: int, transactions: int, in_insert: bool = False
) -> tuple[list[str], int, int]:
    context = mp.get_context("spawn")  # fresh interpreters: no engine or connection inherited
    with context.Pool(clients) as pool:
        results = pool.starmap(
            allocate_in_process, [(url, c, transactions, in_insert) for c in range(clients)]
        )
    numbers = [n for committed, _, _ in results for n in committed]
    return numbers, sum(r for _, r, _ in results), sum(t for _, _, t in results)


def assert_unique_and_gapless(url: str, numbers: list[str], expected: int) -> None:
    duplicates = [n for n, count in Counter(numbers).items() if count > 1]
    assert duplicates == []
    assert len(numbers) == expected
    # The default customer rule is "KH" + a 4-digit sequence that never resets.
    assert sorted(numbers) == [f"KH{seq:04d}" for seq in range(1, expected + 1)]
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    try:
        with database.read_session() as session:
            stored = sorted(session.scalars(select(Customer.code).where(Customer.name.like("client %"))))
    finally:
        database.dispose()
    assert stored == sorted(numbers)


@pytest.mark.parametrize("in_insert", [False, True], ids=["allocate_number", "number_for_insert"])
def test_eight_processes_on_postgresql_get_no_duplicate_and_no_gap(pg_url: str, in_insert: bool) -> None:
    clients, transactions = 8, 40
    numbers, rolled_back, retries = run_clients(pg_url, clients, transactions, in_insert)
    assert rolled_back == clients * (transactions // ROLLBACK_EVERY)
    assert retries == 0
    assert_unique_and_gapless(pg_url, numbers, clients * transactions - rolled_back)


def test_three_processes_on_one_sqlite_file_get_no_duplicate_and_no_gap(sqlite_url: str) -> None:
    clients, transactions = 3, 25
    numbers, rolled_back, _retries = run_clients(sqlite_url, clients, transactions)
    assert rolled_back == clients * (transactions // ROLLBACK_EVERY)
    assert_unique_and_gapless(sqlite_url, numbers, clients * transactions - rolled_back)
