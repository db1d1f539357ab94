"""Keyset paging on PostgreSQL over many rows agrees with a plain ORDER BY under the server's collation."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from labdesk.services.connection import make_engine
from labdesk.services.ledgers.paging import LedgerQuery, Page, count_rows, fetch_after, plan_page, run_page
from labdesk.services.ledgers.registry import get_ledger
from tests.ledger_data import insert_instruments

ROWS = 20_000
PAGE = 100
INSTRUMENTS = get_ledger("instruments")


@pytest.mark.parametrize(
    ("sort_key", "descending"),
    [("code", False), ("name", True), ("manufacturer", False), ("next_due_date", True)],
)
def test_walks_and_jumps_match_order_by(pg_url: str, sort_key: str, descending: bool) -> None:
    engine = make_engine(pg_url)
    insert_instruments(engine, ROWS)
    direction = "DESC NULLS FIRST" if descending else "ASC NULLS LAST"
    id_direction = "DESC" if descending else "ASC"
    with engine.connect() as conn:
        expected = [
            r[0]
            for r in conn.execute(
                text(f"SELECT id FROM instruments ORDER BY {sort_key} {direction}, id {id_direction}")
            )
        ]
    query = LedgerQuery(sort_key=sort_key, descending=descending)
    with Session(engine) as session:
        total = count_rows(session, INSTRUMENTS, query)
        assert total == ROWS
        walked: list[int] = []
        after = None
        for _ in range(ROWS // PAGE):
            page = fetch_after(session, INSTRUMENTS, query, after, PAGE)
            walked.extend(r[0] for r in page.rows)
            after = page.last
        assert walked == expected
        cache: dict[int, Page] = {}
        last = ROWS // PAGE - 1
        for k in (last, last - 1, 57, 58, 56, 0):  # end, backward neighbour, offset, both neighbours, top
            cache[k] = run_page(session, INSTRUMENTS, query, plan_page(k, PAGE, total, cache))
            assert [r[0] for r in cache[k].rows] == expected[k * PAGE : (k + 1) * PAGE], k
    engine.dispose()
