"""Audit trigger cost on PostgreSQL: 10,000 instruments written in bulk and one at a time, audit on and off.

    python benchmarks/audit_trigger.py [--rows 10000] [--runs 3] [--single 300] [--pg-url postgresql://postgres@127.0.0.1:5432/test]

A database of its own (created, migrated to head, dropped). Each case runs three ways in this one run,
on the same (shared, loaded) machine: "off" with the instruments table's audit triggers disabled
(``ALTER TABLE ... DISABLE TRIGGER``: the table owner's right, fine on a benchmark database) is the
anchor, the same work without the audit; "on" as migrated; "on, no SET" with the trigger function's
``SET search_path`` / ``SET TimeZone`` removed (``SET jit = off`` kept: it is a performance setting),
to show what those cost once per statement. Bulk
figures are the best of ``--runs`` (each on an emptied table, or on 10,000 rows loaded with the audit
off for UPDATE and DELETE), commit included; single-row figures are the median of ``--single``
autocommitted statements. Every "on" run is checked to have written one audit row per row.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal

import psycopg
from sqlalchemy.engine import make_url

from labdesk.services.audit import AUDIT_TRIGGERS
from labdesk.services.connection import make_engine, normalize_url
from labdesk.services.migrations import upgrade

COLUMNS = ("code", "name", "model", "manufacturer", "location", "purchase_price",
           "calibration_interval_months", "notes")  # fmt: skip
NAMES = ("数字压力计 0-60 MPa", "电子天平 220 g/0.1 mg", "恒温恒湿养护箱", "万能材料试验机 WAW-1000B")
INSERT = f"INSERT INTO instruments ({', '.join(COLUMNS)}) VALUES "
ONE_ROW = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
CHUNK = 1000  # rows per multi-VALUES statement, as the instrument import sends them
Row = tuple[object, ...]
Prepare = Callable[["psycopg.Connection[Row]", str], None]  # readies the table for a run, audit in a mode


def rows(n: int, prefix: str = "AT") -> list[Row]:
    return [
        (f"{prefix}-{i:06d}", NAMES[i % len(NAMES)], f"M{i % 97}", "上海仪器厂", f"A{i % 30:03d} 室",
         Decimal(f"{1000 + i}.50"), 12, None)
        for i in range(n)
    ]  # fmt: skip


def libpq(url: str) -> str:
    return make_url(normalize_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A new database migrated to head, dropped afterwards."""
    admin = make_url(normalize_url(admin_url))
    name = f"labdesk_bench_audit_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = admin.set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        with psycopg.connect(libpq(admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def set_audit(conn: psycopg.Connection[Row], mode: str) -> None:
    """Audit "on", "off" (triggers disabled) or "no-set" (on, the function without its SET clauses)."""
    verb = "DISABLE" if mode == "off" else "ENABLE"
    for trigger in AUDIT_TRIGGERS.values():
        conn.execute(f"ALTER TABLE instruments {verb} TRIGGER {trigger}")
    if mode == "no-set":
        conn.execute("ALTER FUNCTION labdesk_audit() RESET search_path")
        conn.execute("ALTER FUNCTION labdesk_audit() RESET TimeZone")
    else:  # as migration 0004 sets them (the benchmark database uses the public schema)
        conn.execute("ALTER FUNCTION labdesk_audit() SET search_path = pg_catalog, public, pg_temp")
        conn.execute("ALTER FUNCTION labdesk_audit() SET TimeZone = 'UTC'")
    conn.commit()


def empty(conn: psycopg.Connection[Row], _mode: str) -> None:
    conn.execute("TRUNCATE instruments CASCADE")  # TRUNCATE is not audited: no trigger fires
    conn.commit()


def loaded(n: int) -> Callable[[psycopg.Connection[Row], str], None]:
    """Empty the table and COPY ``n`` rows in with the audit off (not timed), then back to ``mode``."""

    def load(conn: psycopg.Connection[Row], mode: str) -> None:
        empty(conn, mode)
        set_audit(conn, "off")
        copy_rows(conn, n)
        conn.commit()
        set_audit(conn, mode)

    return load


def copy_rows(conn: psycopg.Connection[Row], n: int) -> None:
    with conn.cursor().copy(f"COPY instruments ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in rows(n):
            copy.write_row(row)


def multi_values(conn: psycopg.Connection[Row], n: int) -> None:
    data = rows(n)
    for start in range(0, n, CHUNK):
        chunk = data[start : start + CHUNK]
        conn.execute(INSERT + ", ".join([ONE_ROW] * len(chunk)), [v for row in chunk for v in row])


def executemany(conn: psycopg.Connection[Row], n: int) -> None:
    conn.cursor().executemany(INSERT + ONE_ROW, rows(n))  # psycopg's pipeline: n statements


def update_all(conn: psycopg.Connection[Row], _n: int) -> None:
    conn.execute("UPDATE instruments SET location = location || ' 2', calibration_interval_months = 24")


def delete_all(conn: psycopg.Connection[Row], _n: int) -> None:
    conn.execute("DELETE FROM instruments")


def audit_count(conn: psycopg.Connection[Row]) -> int:
    found = conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'instruments'").fetchone()
    conn.commit()
    return int(str(found[0])) if found else 0


def bulk_seconds(
    conn: psycopg.Connection[Row],
    work: Callable[[psycopg.Connection[Row], int], None],
    before: Prepare,
    n: int,
    runs: int,
    mode: str,
) -> float:
    best = float("inf")
    for _ in range(runs):
        before(conn, mode)
        logged = audit_count(conn)
        started = time.perf_counter()
        work(conn, n)
        conn.commit()
        best = min(best, time.perf_counter() - started)
        written = audit_count(conn) - logged
        if written != (0 if mode == "off" else n):
            raise AssertionError(f"{work.__name__}: {written} audit rows for {n} rows")
    return best


def single_ms(url: str, statement: str, params: Callable[[int], Sequence[object]], count: int) -> float:
    """Median milliseconds of ``count`` autocommitted single-row statements."""
    times = []
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        for i in range(count):
            started = time.perf_counter()
            conn.execute(statement, params(i))
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


MODES = ("off", "on", "no-set")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--single", type=int, default=300)
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    n = args.rows
    bulk: list[tuple[str, Callable[[psycopg.Connection[Row], int], None], Prepare]] = [
        (f"COPY {n:,} rows", lambda c, k: copy_rows(c, k), empty),
        (f"INSERT, {CHUNK:,}-row VALUES x{n // CHUNK}", multi_values, empty),
        (f"executemany INSERT ({n:,} stmts)", executemany, empty),
        (f"UPDATE {n:,} rows, one statement", update_all, loaded(n)),
        (f"DELETE {n:,} rows, one statement", delete_all, loaded(n)),
    ]
    with pg_database(args.pg_url) as url, psycopg.connect(libpq(url)) as conn:
        version = conn.execute("SHOW server_version").fetchone()
        print(f"PostgreSQL {version[0] if version else '?'}; bulk: best of {args.runs}, single: median of "
              f"{args.single}\n")  # fmt: skip
        print(f"{'case':38} {'off':>9} {'on':>9} {'on, no SET':>11} {'audit/row':>10}")
        for title, work, before in bulk:
            figures = {}
            for mode in MODES:
                set_audit(conn, mode)
                figures[mode] = bulk_seconds(conn, work, before, n, args.runs, mode)
            per_row = (figures["on"] - figures["off"]) / n * 1e6
            print(f"{title:38} {figures['off']:8.3f}s {figures['on']:8.3f}s {figures['no-set']:10.3f}s "
                  f"{per_row:7.1f} µs")  # fmt: skip
        loaded(1)(conn, "on")
        single: list[tuple[str, str, Callable[[int], Sequence[object]]]] = [
            ("single-row INSERT", INSERT + ONE_ROW, lambda i: rows(1, f"S{i}")[0]),
            ("single-row UPDATE", "UPDATE instruments SET notes = %s WHERE code = 'AT-000000'",
             lambda i: (f"note {i}",)),
        ]  # fmt: skip
        for title, statement, params in single:
            figures = {}
            for mode in MODES:
                set_audit(conn, mode)
                figures[mode] = single_ms(url, statement, params if mode == "off" else _fresh(params, mode),
                                          args.single)  # fmt: skip
            extra = (figures["on"] - figures["off"]) * 1000
            print(f"{title:38} {figures['off']:7.3f}ms {figures['on']:7.3f}ms {figures['no-set']:8.3f}ms "
                  f"{extra:7.1f} µs")  # fmt: skip
        set_audit(conn, "on")


def _fresh(params: Callable[[int], Sequence[object]], mode: str) -> Callable[[int], Sequence[object]]:
    """Other values per mode, so single-row inserts never collide on the unique code."""
    offset = 1_000_000 * (MODES.index(mode) + 1)
    return lambda i: params(offset + i)


if __name__ == "__main__":
    main()
