"""Quick search: every word must occur in some searchable column, matched literally and case-blind.

On SQLite that is ``ILIKE`` on each searchable column. On PostgreSQL a large ledger also has a GIN
index over the character bigrams of its searchable columns (migration 0002, function
``labdesk_bigrams``), because Chinese search terms are mostly two characters long, too short for a
trigram index. A word's bigrams must all occur in one of the row's columns:

- a two-character word is then matched exactly by the index (its one bigram *is* the word);
- a longer word is narrowed by the index and confirmed by ``ILIKE``;
- a one-character word falls back to ``ILIKE`` alone.

The ledger's sort index and the search index compete: walking the sort index finds the first page
of a common word fast, but a word whose rows sort late (all "压力试验机" sort together by name) makes
that walk read 100,000 entries. When PostgreSQL estimates the matches to be few enough to sort,
``sort_matches_instead`` says so, and the pager orders by an expression no index serves, which
makes PostgreSQL take the matches from the search index and sort just those.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    String,
    Text,
    cast,
    func,
    literal_column,
    or_,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from labdesk.services.ledgers.spec import ColumnKind, LedgerSpec

BIGRAM_FUNCTION = "labdesk_bigrams"
# Above this many estimated matches, walking the sort index is the better plan (measured on
# 1,000,000 instruments: sorting 50,000 matches takes ~150 ms; 200,000 take longer than a walk).
SORT_MATCHES_LIMIT = 100_000


def escape_like(text: str) -> str:
    """Escape LIKE wildcards so user text matches literally (``\\`` is the escape character)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(expr: SQLColumnExpression[Any], text: str) -> ColumnElement[bool]:
    return cast(expr, String).ilike(f"%{escape_like(text)}%", escape="\\")


def uses_bigrams(spec: LedgerSpec, word: str, dialect: str) -> bool:
    return dialect == "postgresql" and bool(spec.bigram_columns) and len(word) >= 2


def word_condition(spec: LedgerSpec, word: str, dialect: str) -> ColumnElement[bool]:
    """Rows where ``word`` occurs in some searchable column."""
    searchable = [c.expr for c in spec.columns if c.searchable]
    literal = or_(*(contains(e, word) for e in searchable))
    if not uses_bigrams(spec, word, dialect):
        return literal
    bigrams = ARRAY(Text)
    row_bigrams = func.labdesk_bigrams(*spec.bigram_columns, type_=bigrams)
    indexed: ColumnElement[bool] = row_bigrams.contains(func.labdesk_bigrams(word, type_=bigrams))  # @>
    return indexed if len(word) == 2 else indexed & literal


def sort_matches_instead(session: Session, search_only: Select[Any]) -> bool:
    """True when PostgreSQL expects few enough rows of ``search_only`` to sort them (module doc)."""
    connection = session.connection()
    compiled = search_only.compile(dialect=connection.dialect)
    explained = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params)
    plan = explained.scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"]) <= SORT_MATCHES_LIMIT


def unindexed(expr: SQLColumnExpression[Any], kind: ColumnKind) -> SQLColumnExpression[Any]:
    """The same order as ``expr``, by an expression no index serves (so the planner sorts matches)."""
    if kind in (ColumnKind.TEXT, ColumnKind.STATUS, ColumnKind.CODE):
        return expr.concat(literal_column("''"))
    if kind in (ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.MONEY, ColumnKind.DATE):
        return expr + literal_column("0")
    return expr
