"""What a ledger is, declaratively: its columns (SQL expressions), joins, statuses and card sections.

One ``LedgerSpec`` per ledger drives everything generic: the table view's pages, sorting, quick
search, column filters, the Excel export and the read-only card. Titles are English source
strings; the UI and exports translate them through the translation catalog (context ``Ledger``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, select
from sqlalchemy.orm import Session

# A SELECT of any number of columns (SQLAlchemy 2.1 types Select by its column types).
AnySelect = Select[*tuple[Any, ...]]


class ColumnKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"
    STATUS = "status"  # a key with a translated label and a colour (see LedgerSpec.statuses)
    CODE = "code"  # another enumeration's key, shown by its label (formatting.CODE_LABELS)


@dataclass(frozen=True)
class StatusStyle:
    """How one status key is shown: an English label (translated) and a colour (#rrggbb)."""

    label: str
    color: str


@dataclass(frozen=True)
class LedgerColumn:
    """One column of a ledger: a key, a title, the SQL expression that yields its value."""

    key: str
    title: str
    expr: SQLColumnExpression[Any]
    kind: ColumnKind = ColumnKind.TEXT
    searchable: bool = False  # included in the quick search
    visible: bool = True  # shown by default (the column chooser can change it)
    nullable: bool = True  # False lets keyset paging skip the NULL segment
    width: int = 120


@dataclass(frozen=True)
class DetailSection:
    """A list on a record's card (e.g. an instrument's calibrations): title, column titles, rows."""

    title: str
    headers: tuple[str, ...]
    rows: Callable[[Session, int], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class RowFlagRule:
    """Flags whole rows from some of their values (e.g. an overdue or out-of-service instrument).

    ``flag(*values of columns)`` returns None or an object with ``color`` (#rrggbb) and ``reasons``
    (English, context ``CalibrationPlan``); the table tints the row and explains it in a tooltip.
    """

    columns: tuple[str, ...]
    flag: Callable[..., Any]


@dataclass(frozen=True)
class LedgerSpec:
    """A ledger tab: the table it lists, its columns (first = number or code) and its card."""

    name: str  # CLI name, e.g. "instruments"
    title: str  # English tab title, translated in the UI
    record_title: str  # English noun for one record's card, e.g. "Instrument"
    id_column: SQLColumnExpression[int]
    columns: tuple[LedgerColumn, ...]
    source: Any  # the main table/model to select from
    joins: tuple[tuple[Any, Any], ...] = ()  # (target, onclause), all LEFT OUTER JOIN
    statuses: Mapping[str, StatusStyle] = field(default_factory=dict)
    details: tuple[DetailSection, ...] = ()
    # PostgreSQL's bigram search index covers exactly these columns, in this order (migration 0002);
    # they must include every searchable column (see ledgers/search.py).
    bigram_columns: tuple[SQLColumnExpression[Any], ...] = ()
    row_flag: RowFlagRule | None = None
    # Job roles that may see this ledger (None: everyone); the UI shows its tab only to them.
    roles: frozenset[str] | None = None
    # Rows of the source the ledger leaves out altogether (None: none), e.g. samples not yet received.
    where: ColumnElement[bool] | None = None

    def visible_to(self, roles: Iterable[str]) -> bool:
        """Whether someone with these job roles may see this ledger."""
        return self.roles is None or not self.roles.isdisjoint(roles)

    def column(self, key: str) -> LedgerColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"ledger {self.name!r} has no column {key!r}")

    def column_index(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)

    def base_select(self) -> AnySelect:
        """SELECT id, every column FROM the source with its joins; rows are (id, *values)."""
        stmt: AnySelect = select(self.id_column, *(c.expr.label(c.key) for c in self.columns)).select_from(
            self.source
        )
        for target, onclause in self.joins:
            stmt = stmt.outerjoin(target, onclause)
        return stmt if self.where is None else stmt.where(self.where)
