"""Keyset paging gives exactly the rows of a plain ORDER BY, page after page, in both directions."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from labdesk.services.ledgers.paging import (
    ColumnFilter,
    FilterOp,
    LedgerQuery,
    Page,
    count_rows,
    fetch_after,
    fetch_at_offset,
    fetch_before,
    plan_page,
    run_page,
)
from labdesk.services.ledgers.registry import get_ledger
from labdesk.services.ledgers.search import escape_like
from tests.ledger_data import HOSTILE_NAMES, insert_instruments

INSTRUMENTS = get_ledger("instruments")
COUNT = 523  # not a multiple of the page size, so the last page is short
PAGE = 50


@pytest.fixture
def engine(sqlite_engine: Engine) -> Engine:
    insert_instruments(sqlite_engine, COUNT)
    return sqlite_engine


def reference_ids(engine: Engine, column: str, descending: bool) -> list[int]:
    """The order the ledger promises, written as one plain SQL statement."""
    direction = "DESC NULLS FIRST" if descending else "ASC NULLS LAST"
    id_direction = "DESC" if descending else "ASC"
    with engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT id FROM instruments ORDER BY {column} {direction}, id {id_direction}")
        )
        return [int(r[0]) for r in rows]


def ids(page: Page) -> list[int]:
    return [int(r[0]) for r in page.rows]


SORTS = [
    ("code", "code"),
    ("name", "name"),
    ("manufacturer", "manufacturer"),
    ("next_due_date", "next_due_date"),
]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(("sort_key", "sql_column"), SORTS)
def test_forward_keyset_walk_matches_order_by(
    engine: Engine, sort_key: str, sql_column: str, descending: bool
) -> None:
    query = LedgerQuery(sort_key=sort_key, descending=descending)
    expected = reference_ids(engine, sql_column, descending)
    walked: list[int] = []
    with Session(engine) as session:
        after = None
        while True:
            page = fetch_after(session, INSTRUMENTS, query, after, PAGE)
            walked.extend(ids(page))
            if len(page.rows) < PAGE:
                break
            after = page.last
    assert walked == expected


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(("sort_key", "sql_column"), SORTS)
def test_backward_keyset_walk_matches_order_by(
    engine: Engine, sort_key: str, sql_column: str, descending: bool
) -> None:
    query = LedgerQuery(sort_key=sort_key, descending=descending)
    expected = reference_ids(engine, sql_column, descending)
    walked: list[int] = []
    with Session(engine) as session:
        before = None
        while True:
            page = fetch_before(session, INSTRUMENTS, query, before, PAGE)
            walked[:0] = ids(page)
            if len(page.rows) < PAGE:
                break
            before = page.first
    assert walked == expected


@pytest.mark.parametrize("descending", [False, True])
def test_planned_pages_agree_whatever_the_route(engine: Engine, descending: bool) -> None:
    """Offset jumps, neighbour keysets and the from-the-end query all land on the same rows."""
    query = LedgerQuery(sort_key="manufacturer", descending=descending)
    expected = reference_ids(engine, "manufacturer", descending)
    pages = (COUNT + PAGE - 1) // PAGE
    with Session(engine) as session:
        total = count_rows(session, INSTRUMENTS, query)
        assert total == COUNT
        # Jump around with no neighbours cached: offset or from-end.
        cold = {
            k: run_page(session, INSTRUMENTS, query, plan_page(k, PAGE, total, {})) for k in (5, pages - 1, 3)
        }
        # Then fill in from neighbours, forward and backward.
        cache: dict[int, Page] = dict(cold)
        for k in (4, 6, 2, pages - 2, 0, 1, 7, 8, 9):
            request = plan_page(k, PAGE, total, cache)
            cache[k] = run_page(session, INSTRUMENTS, query, request)
    for k, page in cache.items():
        assert ids(page) == expected[k * PAGE : (k + 1) * PAGE], f"page {k}"


def test_plan_prefers_keyset_next_to_a_cached_page(engine: Engine) -> None:
    with Session(engine) as session:
        first = fetch_after(session, INSTRUMENTS, LedgerQuery(), None, PAGE)
    assert plan_page(1, PAGE, COUNT, {0: first}).after == first.last
    assert plan_page(0, PAGE, COUNT, {1: first}).after is None  # page 0 is always "from the top"
    last = plan_page(COUNT // PAGE, PAGE, COUNT, {})
    assert last.from_end and last.count == COUNT % PAGE
    middle = plan_page(5, PAGE, COUNT, {})
    assert (middle.after, middle.before, middle.from_end) == (None, None, False)


def test_offset_page_matches(engine: Engine) -> None:
    expected = reference_ids(engine, "name", False)
    with Session(engine) as session:
        page = fetch_at_offset(session, INSTRUMENTS, LedgerQuery(sort_key="name"), 200, PAGE)
    assert ids(page) == expected[200:250]


def _search(engine: Engine, text_: str) -> list[Any]:
    with Session(engine) as session:
        query = LedgerQuery(search=text_)
        rows = fetch_after(session, INSTRUMENTS, query, None, 1000).rows
        assert count_rows(session, INSTRUMENTS, query) == len(rows)
        return rows


def test_quick_search_matches_code_and_name(engine: Engine) -> None:
    rows = _search(engine, "YQ-000123")
    assert [r[1] for r in rows] == ["YQ-000123"]
    assert len(_search(engine, "仪器")) > 100


@pytest.mark.parametrize("hostile", HOSTILE_NAMES)
def test_search_text_is_literal(engine: Engine, hostile: str) -> None:
    """LIKE wildcards and SQL metacharacters in the search box match only themselves."""
    rows = _search(engine, hostile)
    name_index = 1 + INSTRUMENTS.column_index("name")
    assert rows, hostile
    assert all(hostile.split()[0] in r[name_index] for r in rows)


@pytest.mark.parametrize("text_", ["%", "_", "\\", "%%__", "x" * 10_000, "🙂🙂"])
def test_wildcards_alone_find_nothing_they_should_not(engine: Engine, text_: str) -> None:
    rows = _search(engine, text_)
    name_index = 1 + INSTRUMENTS.column_index("name")
    assert all(text_ in (r[name_index] or "") or text_ in r[1] for r in rows)


def test_escape_like() -> None:
    assert escape_like("100%_a\\b") == "100\\%\\_a\\\\b"


def test_column_filters(engine: Engine) -> None:
    with Session(engine) as session:
        repair = LedgerQuery(filters=(ColumnFilter("status", "under_repair", FilterOp.EQUALS),))
        assert count_rows(session, INSTRUMENTS, repair) == COUNT // 3
        maker = LedgerQuery(filters=(ColumnFilter("manufacturer", "华龙"),))
        rows = fetch_after(session, INSTRUMENTS, maker, None, 1000).rows
        index = 1 + INSTRUMENTS.column_index("manufacturer")
        assert rows and all(r[index] == "上海华龙" for r in rows)
        both = LedgerQuery(search="仪器", filters=repair.filters + maker.filters)
        assert 0 < count_rows(session, INSTRUMENTS, both) < len(rows)


def test_bigram_index_covers_every_searchable_column() -> None:
    """The PostgreSQL prefilter may only drop rows if every searchable column is in the index."""
    from labdesk.services.ledgers.registry import all_ledgers

    for spec in all_ledgers():
        if not spec.bigram_columns:
            continue
        indexed = [str(c) for c in spec.bigram_columns]
        assert [str(c.expr) for c in spec.columns if c.searchable] == indexed, spec.name
