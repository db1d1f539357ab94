"""Pages of a ledger, straight from SQL: filter, sort and keyset paging, never all rows at once.

Ordering is by the sort column then the id, so it is total. NULLs sort last ascending and first
descending (PostgreSQL's own default, so its b-tree indexes serve both directions); keyset
predicates cannot cross NULLs, so each order is split into *segments* — the non-NULL values and
the NULLs — and a page that runs out of one segment continues in the next. A position in the
ledger is a ``RowKey``: (segment, sort value, id).

A page far from any cached page (a dragged scrollbar) uses OFFSET, the only way to land on an
arbitrary row number; next to a cached page or at either end it is a keyset query, whose cost
does not grow with the row count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, false, func, select, true, tuple_
from sqlalchemy.orm import Session

from labdesk.services.ledgers.search import (
    contains,
    sort_matches_instead,
    unindexed,
    uses_bigrams,
    word_condition,
)
from labdesk.services.ledgers.spec import AnySelect, ColumnKind, LedgerColumn, LedgerSpec

Row = tuple[Any, ...]  # (id, *column values in the spec's order)


class FilterOp(StrEnum):
    CONTAINS = "contains"
    EQUALS = "equals"
    BETWEEN = "between"  # a date or datetime column within a date range (see date_range)


@dataclass(frozen=True)
class ColumnFilter:
    key: str
    value: str
    op: FilterOp = FilterOp.CONTAINS


@dataclass(frozen=True)
class LedgerQuery:
    """What the user asked to see: quick search, column filters, sort column and direction."""

    search: str = ""
    filters: tuple[ColumnFilter, ...] = ()
    sort_key: str | None = None  # None: the first column (the record's number or code)
    descending: bool = False


@dataclass(frozen=True)
class RowKey:
    segment: int
    value: Any
    id: int


def _period(text: str, *, end: bool) -> dt.date | None:
    """The first day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or the day after it ends."""
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            start, after = dt.date(numbers[0], 1, 1), dt.date(numbers[0] + 1, 1, 1)
        elif len(numbers) == 2:
            start = dt.date(numbers[0], numbers[1], 1)
            after = (start + dt.timedelta(days=32)).replace(day=1)
        elif len(numbers) == 3:
            start = dt.date(numbers[0], numbers[1], numbers[2])
            after = start + dt.timedelta(days=1)
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return after if end else start


def date_range(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """``FROM..TO`` (either side may be empty; each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or one
    period, as [start, end) days; None if the text is not a date range."""
    text = text.strip()
    first, dots, last = text.partition("..")
    if not dots:
        first = last = text
    start = _period(first, end=False) if first.strip() else None
    end = _period(last, end=True) if last.strip() else None
    if (first.strip() and start is None) or (last.strip() and end is None) or (start is None and end is None):
        return None
    return start, end


def _in_range(column: LedgerColumn, start: dt.date | None, end: dt.date | None) -> ColumnElement[bool]:
    """The column within [start, end): days of the workstation's time zone for a timestamp column."""
    bounds: list[Any] = [start, end]
    if column.kind is ColumnKind.DATETIME:
        zone = dt.datetime.now().astimezone().tzinfo
        bounds = [None if d is None else dt.datetime.combine(d, dt.time(), zone) for d in bounds]
    condition: ColumnElement[bool] = true()
    if bounds[0] is not None:
        condition = condition & (column.expr >= bounds[0])
    if bounds[1] is not None:
        condition = condition & (column.expr < bounds[1])
    return condition


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def searched_select(spec: LedgerSpec, query: LedgerQuery, dialect: str) -> AnySelect:
    """The spec's base SELECT with the quick search applied (see ledgers/search.py)."""
    stmt = spec.base_select()
    searchable = any(c.searchable for c in spec.columns)
    for word in query.search.split():  # every word must match some searchable column
        stmt = stmt.where(word_condition(spec, word, dialect) if searchable else false())
    return stmt


def filtered_select(spec: LedgerSpec, query: LedgerQuery, dialect: str = "") -> AnySelect:
    """The spec's base SELECT with the quick search and the column filters applied."""
    stmt = searched_select(spec, query, dialect)
    for flt in query.filters:
        column = spec.column(flt.key)
        period = date_range(flt.value) if flt.op is FilterOp.BETWEEN else None
        if period is not None and column.kind in (ColumnKind.DATE, ColumnKind.DATETIME):
            stmt = stmt.where(_in_range(column, *period))
        elif flt.op is FilterOp.EQUALS or column.kind is ColumnKind.STATUS:
            stmt = stmt.where(column.expr == flt.value)
        elif flt.value.strip():
            stmt = stmt.where(contains(column.expr, flt.value.strip()))
    return stmt


_sort_decisions: dict[tuple[str, str, str], bool] = {}


def _sorts_matches(session: Session, spec: LedgerSpec, query: LedgerQuery) -> bool:
    """Whether this search's matches are few enough to sort rather than walk the sort index for."""
    dialect = _dialect(session)
    words = query.search.split()
    if not words or not all(uses_bigrams(spec, word, dialect) for word in words):
        return False
    key = (str(session.get_bind().engine.url), spec.name, query.search)
    if key not in _sort_decisions:  # one EXPLAIN per search text, not per page
        if len(_sort_decisions) > 1000:
            _sort_decisions.clear()
        search_only = searched_select(spec, query, dialect).with_only_columns(spec.id_column)
        _sort_decisions[key] = sort_matches_instead(session, search_only)
    return _sort_decisions[key]


def count_rows(session: Session, spec: LedgerSpec, query: LedgerQuery) -> int:
    inner = filtered_select(spec, query, _dialect(session)).with_only_columns(spec.id_column).subquery()
    return int(session.execute(select(func.count()).select_from(inner)).scalar_one())


@dataclass(frozen=True)
class _Segment:
    nulls: bool  # True: the rows whose sort value is NULL (ordered by id alone)
    descending: bool


@dataclass(frozen=True)
class _Order:
    sort_expr: SQLColumnExpression[Any]
    sort_index: int  # position of the sort value in a Row
    id_expr: SQLColumnExpression[int]
    segments: tuple[_Segment, ...]
    by_id: bool


def _order(spec: LedgerSpec, query: LedgerQuery, session: Session) -> _Order:
    key = query.sort_key or spec.columns[0].key
    column = spec.column(key)
    desc = query.descending
    by_id = column.expr is spec.id_column
    sort_expr = unindexed(column.expr, column.kind) if _sorts_matches(session, spec, query) else column.expr
    if by_id or not column.nullable:
        segments: tuple[_Segment, ...] = (_Segment(False, desc),)
    elif desc:
        segments = (_Segment(True, True), _Segment(False, True))
    else:
        segments = (_Segment(False, False), _Segment(True, False))
    return _Order(sort_expr, 1 + spec.column_index(key), spec.id_column, segments, by_id)


def _segment_select(
    base: AnySelect, order: _Order, seg: _Segment, *, reverse: bool, boundary: RowKey | None
) -> AnySelect:
    """Rows of one segment, in display order (or reversed), strictly past ``boundary`` if given."""
    desc = seg.descending != reverse
    e, i = order.sort_expr, order.id_expr
    stmt = base
    if seg.nulls:
        # Ordering by the (all-NULL) column first is a no-op for the result but lets PostgreSQL walk
        # the (column, id) index from its NULL end instead of scanning the whole primary key.
        stmt = stmt.where(e.is_(None))
        stmt = stmt.order_by(e.desc(), i.desc()) if desc else stmt.order_by(e.asc(), i.asc())
        if boundary is not None:
            stmt = stmt.where(i < boundary.id if desc else i > boundary.id)
        return stmt
    if len(order.segments) > 1:
        stmt = stmt.where(e.is_not(None))
    if order.by_id:
        stmt = stmt.order_by(i.desc() if desc else i.asc())
        if boundary is not None:
            stmt = stmt.where(i < boundary.id if desc else i > boundary.id)
        return stmt
    stmt = stmt.order_by(e.desc(), i.desc()) if desc else stmt.order_by(e.asc(), i.asc())
    if boundary is not None:
        pair = tuple_(e, i)
        here = tuple_(boundary.value, boundary.id)
        stmt = stmt.where(pair < here if desc else pair > here)
    return stmt


def row_key(order: _Order, segment: int, row: Row) -> RowKey:
    return RowKey(segment, row[order.sort_index], int(row[0]))


@dataclass
class Page:
    """Rows in display order, with the keys of the first and last row (None when empty)."""

    rows: list[Row]
    first: RowKey | None = None
    last: RowKey | None = None
    keys: list[RowKey] = field(default_factory=list)


def fetch_after(
    session: Session, spec: LedgerSpec, query: LedgerQuery, after: RowKey | None, limit: int
) -> Page:
    """Up to ``limit`` rows following ``after`` (from the top when None)."""
    order = _order(spec, query, session)
    base = filtered_select(spec, query, _dialect(session))
    start = after.segment if after else 0
    rows: list[Row] = []
    keys: list[RowKey] = []
    for index in range(start, len(order.segments)):
        boundary = after if after is not None and index == after.segment else None
        stmt = _segment_select(base, order, order.segments[index], reverse=False, boundary=boundary)
        got = [tuple(r) for r in session.execute(stmt.limit(limit - len(rows)))]
        rows.extend(got)
        keys.extend(row_key(order, index, r) for r in got)
        if len(rows) >= limit:
            break
    return Page(rows, keys[0] if keys else None, keys[-1] if keys else None, keys)


def fetch_before(
    session: Session, spec: LedgerSpec, query: LedgerQuery, before: RowKey | None, limit: int
) -> Page:
    """Up to ``limit`` rows preceding ``before`` (the last rows when None), in display order."""
    order = _order(spec, query, session)
    base = filtered_select(spec, query, _dialect(session))
    start = before.segment if before else len(order.segments) - 1
    rows: list[Row] = []
    keys: list[RowKey] = []
    for index in range(start, -1, -1):
        boundary = before if before is not None and index == before.segment else None
        stmt = _segment_select(base, order, order.segments[index], reverse=True, boundary=boundary)
        got = [tuple(r) for r in session.execute(stmt.limit(limit - len(rows)))]
        rows.extend(got)
        keys.extend(row_key(order, index, r) for r in got)
        if len(rows) >= limit:
            break
    rows.reverse()
    keys.reverse()
    return Page(rows, keys[0] if keys else None, keys[-1] if keys else None, keys)


def fetch_at_offset(session: Session, spec: LedgerSpec, query: LedgerQuery, offset: int, limit: int) -> Page:
    """Rows ``offset`` .. ``offset + limit`` of the whole order (for jumps far from any cached page)."""
    order = _order(spec, query, session)
    e, i = order.sort_expr, order.id_expr
    stmt = filtered_select(spec, query, _dialect(session))
    if order.by_id:
        stmt = stmt.order_by(i.desc() if query.descending else i.asc())
    elif query.descending:
        stmt = stmt.order_by(e.desc().nulls_first(), i.desc())
    else:
        stmt = stmt.order_by(e.asc().nulls_last(), i.asc())
    rows = [tuple(r) for r in session.execute(stmt.offset(offset).limit(limit))]
    keys = [row_key(order, _segment_of(order, r), r) for r in rows]
    return Page(rows, keys[0] if keys else None, keys[-1] if keys else None, keys)


def _segment_of(order: _Order, row: Row) -> int:
    if len(order.segments) == 1:
        return 0
    is_null = row[order.sort_index] is None
    return next(n for n, seg in enumerate(order.segments) if seg.nulls == is_null)


@dataclass(frozen=True)
class PageRequest:
    """How to fetch page ``index`` (rows index*size ..) given what is already cached."""

    index: int
    size: int
    after: RowKey | None = None  # keyset forward from the previous page's last row
    before: RowKey | None = None  # keyset backward from the next page's first row
    from_end: bool = False  # keyset backward from the very end (the last page)
    count: int = 0  # rows wanted when fetching backward


def plan_page(index: int, size: int, total: int, cached: Mapping[int, Page]) -> PageRequest:
    """Choose the cheapest query for a page: keyset from a neighbour or an end, else OFFSET."""
    wanted = max(0, min(size, total - index * size))
    if index == 0:
        return PageRequest(index, size)
    previous = cached.get(index - 1)
    if previous is not None and previous.last is not None:
        return PageRequest(index, size, after=previous.last)
    following = cached.get(index + 1)
    if following is not None and following.first is not None:
        return PageRequest(index, size, before=following.first, count=wanted)
    if (index + 1) * size >= total:
        return PageRequest(index, size, from_end=True, count=wanted)
    return PageRequest(index, size)


def run_page(session: Session, spec: LedgerSpec, query: LedgerQuery, request: PageRequest) -> Page:
    if request.after is not None:
        return fetch_after(session, spec, query, request.after, request.size)
    if request.before is not None:
        return fetch_before(session, spec, query, request.before, request.count)
    if request.from_end:
        return fetch_before(session, spec, query, None, request.count)
    if request.index == 0:
        return fetch_after(session, spec, query, None, request.size)
    return fetch_at_offset(session, spec, query, request.index * request.size, request.size)
