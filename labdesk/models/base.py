"""Declarative base, shared column types and the mixins every ledger table carries.

Data rules (DESIGN.md): money is ``Numeric`` read as ``Decimal``; timestamps are timezone-aware
and stored as UTC; every ledger row has created/updated at/by and a ``version`` column that
SQLAlchemy uses for optimistic locking, so a stale save raises ``StaleDataError`` instead of
silently overwriting another workstation's change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Index, Integer, MetaData, Numeric, String, func
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

# Deterministic constraint names: Alembic needs them to alter constraints on SQLite (batch mode)
# and they keep the two dialects' schemas comparable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware timestamp stored as UTC.

    PostgreSQL keeps ``timestamptz`` natively; SQLite has no time zones, so values are stored as
    naive UTC and given ``UTC`` back on load. Naive values are refused: they are a bug upstream.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: LabDesk stores timezone-aware times only")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def Money() -> Numeric[Decimal]:  # noqa: N802 - reads like a type in column declarations
    """Money in yuan with two decimals (fen), always read as ``Decimal``."""
    return Numeric(14, 2, asdecimal=True)


class Base(DeclarativeBase):
    """The declarative base of every LabDesk table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # SQLAlchemy reads this class attribute; it is never mutated.
    type_annotation_map = {dt.datetime: UTCDateTime(), Decimal: Numeric(14, 2)}  # noqa: RUF012


class IdMixin:
    """Integer surrogate primary key."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class LedgerMixin(IdMixin):
    """What every ledger row carries: who made and changed it, when, and an optimistic-lock version."""

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, server_default=func.now())
    created_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow, server_default=func.now()
    )
    updated_by: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr signature
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def sort_indexes(table: str, *columns: str) -> tuple[Index, ...]:
    """One (column, id) index per sortable column of a large ledger.

    Ledgers order by (column, id) and page by keyset on that pair; with the id in the index,
    PostgreSQL reads a page straight from the index in either direction instead of sorting every
    row that shares a value (a plain (column) index made sorting 1,000,000 instruments by name take
    ~180 ms a page: an incremental sort of each name's thousands of rows).
    """
    return tuple(Index(f"ix_{table}_{column}_id", column, "id") for column in columns)
