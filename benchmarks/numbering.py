"""Number allocation with 8 concurrent clients on PostgreSQL: coding rules beside ``SELECT max()+1``.

    python benchmarks/numbering.py [--pg-url postgresql://postgres@127.0.0.1:5432/postgres]
                                   [--clients 8] [--seconds 10] [--rollback-every 10]

The benchmark creates a database of its own (dropped at the end), migrated to head. Each client is an
OS process with its own connection; each transaction takes a number and inserts a record with it, and
every ``--rollback-every``-th transaction is rolled back after its insert (a user cancelling a form).

* **LabDesk**: ``numbering.allocate_number`` + a ``customers`` row through the ORM, one transaction,
  on a Database opened like the app opens it (so the audit triggers run too).
* **naive**: ``SELECT max(seq) + 1`` + insert into a scratch table with no unique constraint, so every
  duplicate the approach makes is kept and counted instead of failing.

For both, duplicates are committed numbers that occur more than once, and gaps are the numbers between
1 and the largest committed one that no committed row carries.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from queue import Queue
from threading import Event  # what a Manager's Event proxies

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine, normalize_url
from labdesk.services.migrations import upgrade

NAIVE_TABLE = "bench_naive_numbers"


@dataclass(frozen=True)
class Outcome:
    committed: int
    rolled_back: int
    errors: int  # transactions refused by the database (e.g. a unique violation)
    started: float  # time.time() when this client's clock started and stopped
    stopped: float


def _libpq(url: str) -> str:
    return make_url(normalize_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def labdesk_client(
    url: str, ready: Queue[int], start: Event, seconds: float, rollback_every: int, client: int,
    *, asynchronous: bool = False, in_insert: bool = False,
) -> Outcome:
    from sqlalchemy.exc import IntegrityError

    from labdesk.models import Customer
    from labdesk.models.numbering import DocType
    from labdesk.services.database import open_database
    from labdesk.services.numbering import allocate_number, number_for_insert

    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    committed = rolled_back = errors = 0
    ready.put(client)
    start.wait()
    started = time.time()
    deadline = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < deadline:
        i += 1
        session = database.sessions()
        session.info["actor"] = database.actor
        try:
            if asynchronous:
                session.execute(text("SET LOCAL synchronous_commit = off"))
            take = number_for_insert if in_insert else allocate_number
            number = take(session, DocType.CUSTOMER)
            session.add(Customer(code=number, name=f"bench client {client} #{i}"))
            session.flush()
            if i % rollback_every == 0:
                session.rollback()
                rolled_back += 1
            else:
                session.commit()
                committed += 1
        except IntegrityError:
            session.rollback()
            errors += 1
        finally:
            session.close()
    stopped = time.time()
    database.dispose()
    return Outcome(committed, rolled_back, errors, started, stopped)


def naive_client(url: str, ready: Queue[int], start: Event, seconds: float, rollback_every: int, client: int
                 ) -> Outcome:
    engine = make_engine(url)
    committed = rolled_back = 0
    i = 0
    with engine.connect() as conn:
        ready.put(client)
        start.wait()
        started = time.time()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            i += 1
            transaction = conn.begin()
            seq = int(conn.execute(text(f"SELECT coalesce(max(seq), 0) + 1 FROM {NAIVE_TABLE}")).scalar_one())
            conn.execute(text(f"INSERT INTO {NAIVE_TABLE} (seq, code, name) VALUES (:seq, :code, :name)"),
                         {"seq": seq, "code": f"KH{seq:06d}", "name": f"bench client {client} #{i}"})
            if i % rollback_every == 0:
                transaction.rollback()
                rolled_back += 1
            else:
                transaction.commit()
                committed += 1
        stopped = time.time()
    engine.dispose()
    return Outcome(committed, rolled_back, 0, started, stopped)


def _run_client(args: tuple[str, str, Queue[int], Event, float, int, int]) -> Outcome:
    kind, url, ready, start, seconds, rollback_every, client = args
    if kind == "naive":
        return naive_client(url, ready, start, seconds, rollback_every, client)
    return labdesk_client(url, ready, start, seconds, rollback_every, client, asynchronous=kind == "async",
                          in_insert=kind == "in_insert")


def run(
    kind: str, url: str, clients: int, seconds: float, rollback_every: int
) -> tuple[list[Outcome], float]:
    """Start the clients, wait until every one is connected, start their clocks together."""
    context = mp.get_context("spawn")
    with context.Manager() as manager:
        ready, start = manager.Queue(), manager.Event()
        with context.Pool(clients) as pool:
            pending = pool.map_async(
                _run_client, [(kind, url, ready, start, seconds, rollback_every, c) for c in range(clients)]
            )
            for _ in range(clients):
                ready.get(timeout=120)
            start.set()
            outcomes = pending.get()
    # The window in which clients ran: from the first start to the last stop.
    elapsed = max(o.stopped for o in outcomes) - min(o.started for o in outcomes)
    return outcomes, elapsed


def duplicates_and_gaps(numbers: list[int]) -> tuple[int, int]:
    counts = Counter(numbers)
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    gaps = (max(counts) - len(counts)) if counts else 0
    return duplicates, gaps


def committed_numbers(url: str, kind: str) -> list[int]:
    with psycopg.connect(_libpq(url)) as conn:
        if kind != "naive":
            # Customer numbers are "KH" + the sequence (the default rule, reset never).
            rows = conn.execute("SELECT code FROM customers WHERE name LIKE 'bench client %'").fetchall()
            return [int(code.removeprefix("KH")) for (code,) in rows]
        return [seq for (seq,) in conn.execute(f"SELECT seq FROM {NAIVE_TABLE}").fetchall()]


def with_database(admin_url: str, body: Callable[[str], None]) -> None:
    name = f"labdesk_bench_numbering_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(normalize_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    try:
        engine = make_engine(url)
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text(f"CREATE TABLE {NAIVE_TABLE} "
                              "(id serial PRIMARY KEY, seq integer NOT NULL, code varchar(32), name text)"))
        engine.dispose()
        body(url)
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pg-url", default=os.environ.get("LABDESK_TEST_PG_URL",
                                                           "postgresql://postgres@127.0.0.1:5432/postgres"),
                        help="a server login that may CREATE DATABASE")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rollback-every", type=int, default=10)
    parser.add_argument("--async-commit", action="store_true",
                        help="also measure LabDesk with synchronous_commit off (what the WAL flush costs)")
    args = parser.parse_args()

    def body(url: str) -> None:
        with psycopg.connect(_libpq(url)) as conn:
            version = str(conn.execute("SHOW server_version").fetchone()[0]).split()[0]  # type: ignore[index]
        print(f"PostgreSQL {version}, {args.clients} client processes, {args.seconds:g} s each approach, "
              f"every {args.rollback_every}th transaction rolled back\n")
        print(f"{'approach':34} {'committed':>9} {'rolled back':>11} {'refused':>7} {'alloc/s':>8} "
              f"{'duplicates':>10} {'gaps':>5}")
        approaches = [("labdesk", "LabDesk allocate_number + insert"),
                      ("in_insert", "LabDesk number_for_insert"),
                      ("naive", "naive SELECT max()+1 + insert")]
        if args.async_commit:
            approaches.append(("async", "LabDesk, synchronous_commit off"))
        for kind, title in approaches:
            if kind in ("async", "in_insert"):  # a fresh sequence, so its duplicates and gaps are its own
                with psycopg.connect(_libpq(url)) as conn:
                    conn.execute("DELETE FROM customers WHERE name LIKE 'bench client %'")
                    conn.execute("DELETE FROM coding_counters")
            outcomes, elapsed = run(kind, url, args.clients, args.seconds, args.rollback_every)
            committed = sum(o.committed for o in outcomes)
            duplicates, gaps = duplicates_and_gaps(committed_numbers(url, kind))
            rolled_back, refused = sum(o.rolled_back for o in outcomes), sum(o.errors for o in outcomes)
            print(f"{title:34} {committed:9d} {rolled_back:11d} {refused:7d} {committed / elapsed:8.0f} "
                  f"{duplicates:10d} {gaps:5d}")

    with_database(args.pg_url, body)


if __name__ == "__main__":
    main()
