"""The fee ledger's finance tools: a selection's summary, the batch edit, the footer totals.

Finance selects many orders' fee rows and sets, in one go, whether they are charged, what was
received and a note. The edit is set-based so that 10,000 rows take well under a second: the rows
are locked and their versions compared in one SELECT, then changed by UPDATE … FROM (VALUES (id,
version), …) whose WHERE repeats the version check — if any row changed since the summary was read
(a colleague saved it), nothing is applied and :class:`FeeConflict` names the orders. Every change
is uniform across the rows (one value for all, or each row's own final price), so the statement
carries only (id, version) pairs.

Core statements bypass the ORM's session hooks, so this module checks the permission itself (the
``fee.batch_edit`` step and the columns) and, on SQLite, writes the audit rows with
:func:`labdesk.services.audit.record_bulk`; on PostgreSQL the triggers audit and the server's
GRANTs refuse what the login may not write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Final, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    any_,
    bindparam,
    column,
    func,
    select,
    text,
    update,
    values,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.base import utcnow
from labdesk.models.orders import Order, OrderFee
from labdesk.services import audit
from labdesk.services.database import Database
from labdesk.services.ledgers.business import FEES
from labdesk.services.ledgers.paging import LedgerQuery, filtered_select
from labdesk.services.permissions import PermissionDenied, may_write, require_step
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import reading, writing

STEP: Final = "fee.batch_edit"
NOTE_MAX: Final = 500
MONEY_MAX: Final = Decimal("999999999999.99")  # Numeric(14, 2)
# Rows per statement: two bind values a row stays under PostgreSQL's 65,535 and SQLite's 32,766.
CHUNK: Final = 10_000
_TABLE: Final = cast(Table, OrderFee.__table__)


class Keep(Enum):
    """Leave the field as each row has it."""

    UNCHANGED = "unchanged"


class Received(Enum):
    """Set the amount received to each row's own final price ("received in full")."""

    IN_FULL = "in full"


UNCHANGED: Final = Keep.UNCHANGED
IN_FULL: Final = Received.IN_FULL

FeeSelection = Sequence[int] | LedgerQuery  # fee row ids, or every row of a ledger query


@dataclass(frozen=True)
class FeeTotals:
    count: int
    final_price: Decimal
    received: Decimal

    @property
    def outstanding(self) -> Decimal:
        return self.final_price - self.received


@dataclass(frozen=True)
class FeeSummary(FeeTotals):
    """What a batch edit would touch, read just before it: apply with ``versions``."""

    versions: tuple[tuple[int, int], ...]  # (fee id, version) as read


@dataclass(frozen=True)
class BatchEdited:
    count: int  # fee rows changed


class FeeConflict(ProblemError):
    """Some rows changed (or vanished) after the summary was read; nothing was applied."""

    def __init__(self, problem: Problem, fee_ids: Sequence[int], order_numbers: Sequence[str]) -> None:
        super().__init__(problem)
        self.fee_ids = tuple(fee_ids)
        self.order_numbers = tuple(order_numbers)


class FeeInputError(ProblemError):
    """The dialog's input cannot be applied (amount, note, nothing chosen)."""


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _totals_select(inner: Any) -> Any:
    sub = inner.subquery()
    return select(func.count(), func.coalesce(func.sum(sub.c.final_price), 0),
                  func.coalesce(func.sum(sub.c.amount_received), 0))


def _money(value: Any) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def fee_totals(database: Database, query: LedgerQuery) -> FeeTotals:
    """Count, final price and received summed over the fee ledger's rows under ``query`` (the
    footer): the same filtered SELECT the pages use, summed by the database."""
    with reading(database) as session:
        inner = filtered_select(FEES, query, session.get_bind().dialect.name).order_by(None)
        count, final, received = session.execute(_totals_select(inner)).one()
    return FeeTotals(int(count), _money(final), _money(received))


def fee_selection_summary(database: Database, selection: FeeSelection) -> FeeSummary:
    """The selection's count and totals and each row's version, read now (before the dialog's Apply)."""
    picked = select(OrderFee.id, OrderFee.version, OrderFee.final_price, OrderFee.amount_received)
    with reading(database) as session:
        dialect = session.get_bind().dialect.name
        if isinstance(selection, LedgerQuery):  # every row under the ledger's filter, in one query
            inner = filtered_select(FEES, selection, dialect).order_by(None).subquery()
            rows = list(session.execute(picked.where(OrderFee.id.in_(select(inner.c.id)))))
        else:
            rows = []
            for chunk in _id_chunks(sorted(set(selection)), dialect == "postgresql"):
                rows += session.execute(picked.where(_among(chunk, dialect == "postgresql")))
    rows.sort(key=lambda r: int(r[0]))
    return FeeSummary(len(rows), _money(sum((r[2] for r in rows), Decimal(0))),
                      _money(sum((r[3] for r in rows), Decimal(0))),
                      tuple((int(r[0]), int(r[1])) for r in rows))


def clean_amount(value: Any) -> Decimal:
    """An amount finance typed: ≥ 0, at most 2 decimals, within the column; else FeeInputError."""
    try:
        amount = Decimal(str(value).strip().replace(",", "").lstrip("¥￥"))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise FeeInputError(Problem(N("Problem", "The amount {value} is not a number; type it like 1200.50."),
                                    {"value": str(value)[:40]}))
    if amount < 0 or amount > MONEY_MAX:
        raise FeeInputError(Problem(N("Problem", "The amount must be between 0 and {max}."),
                                    {"max": f"{MONEY_MAX:,}"}))
    if amount != amount.quantize(Decimal("0.01")):
        raise FeeInputError(Problem(N("Problem", "The amount {value} has more than two decimals; "
                                                 "round it to fen."), {"value": str(value)[:40]}))
    return amount.quantize(Decimal("0.01"))


def clean_note(note: str) -> str | None:
    """The note kept verbatim (hostile text included); empty means none; over 500 or NUL refused."""
    if "\x00" in note:
        raise FeeInputError(Problem(N("Problem", "The note contains a NUL character, which cannot be "
                                                 "stored; remove it."), {}))
    if len(note) > NOTE_MAX:
        raise FeeInputError(Problem(N("Problem", "The note has {length} characters; at most {max} fit."),
                                    {"length": str(len(note)), "max": str(NOTE_MAX)}))
    return note if note.strip() else None


def _set_clause(charged: bool | Keep | None, amount: Decimal | Received | Keep,
                note: str | Keep | None, database: Database, now: dt.datetime) -> dict[str, Any]:
    table = _TABLE
    changes: dict[str, Any] = {}
    if charged is not UNCHANGED:
        changes["charged"] = charged
    if amount is IN_FULL:
        changes["amount_received"] = table.c.final_price
    elif amount is not UNCHANGED:
        changes["amount_received"] = amount
    if note is not UNCHANGED:
        changes["note"] = note
    if not changes:
        raise FeeInputError(Problem(N("Problem", "Choose at least one field to change."), {}))
    changes["confirmed_by_id"] = database.actor.person_id
    changes["confirmed_at"] = now
    return changes


def _refuse(database: Database, columns: Sequence[str]) -> None:
    require_step(database.actor, STEP)
    if not may_write(database.actor.roles, "order_fees", "update", columns):
        raise PermissionDenied(Problem(N("Problem", "{who} may not change the fee ledger."),
                                       {"who": database.actor.display_name}))


def _conflict(session: Session, fee_ids: Sequence[int], total: int) -> FeeConflict:
    numbers = list(session.scalars(select(func.coalesce(Order.order_no, ""))
                                   .join(OrderFee, OrderFee.order_id == Order.id)
                                   .where(OrderFee.id.in_(fee_ids[:CHUNK])).order_by(Order.order_no)))
    shown = ", ".join(numbers[:10]) + ("…" if len(numbers) > 10 else "")
    problem = Problem(N("Problem", "{count} of the {total} orders were changed by someone else since the "
                                   "summary was read ({orders}), so nothing was changed; "
                                   "refresh and try again."),
                      {"count": str(len(fee_ids)), "total": str(total), "orders": shown or "?"})
    return FeeConflict(problem, fee_ids, numbers)


def batch_edit_fees(
    database: Database,
    versions: Sequence[tuple[int, int]],
    *,
    charged: bool | Keep | None = UNCHANGED,
    amount_received: Decimal | Received | Keep = UNCHANGED,
    note: str | Keep = UNCHANGED,
) -> BatchEdited:
    """Apply the same change to every (fee id, version), all or nothing, stamping who confirmed it.

    ``charged``: True / False / None (back to unconfirmed) or UNCHANGED. ``amount_received``: an
    amount for every row, IN_FULL (each row's final price) or UNCHANGED. ``note``: replaces the note
    ("" clears it) or UNCHANGED. Raises FeeInputError, PermissionDenied, FeeConflict (nothing
    applied) or DatabaseUnavailable.
    """
    cleaned_amount = clean_amount(amount_received) if isinstance(amount_received, (Decimal, int, str)) \
        else amount_received
    cleaned_note = clean_note(note) if isinstance(note, str) else note
    now = utcnow()
    changes = _set_clause(charged, cleaned_amount, cleaned_note, database, now)
    _refuse(database, list(changes))
    expected = dict(versions)
    ids = sorted(expected)
    login = database.actor.login or None
    with writing(database) as session:
        return _apply(session, expected, ids, changes, login, now)


def _apply(session: Session, expected: dict[int, int], ids: list[int], changes: dict[str, Any],
           login: str | None, now: dt.datetime) -> BatchEdited:
    table = _TABLE
    server = session.get_bind().dialect.name == "postgresql"
    # PostgreSQL audits by trigger, so only the versions are read there; SQLite needs the old values.
    audited = [] if server else [*changes, "final_price", "updated_by", "updated_at"]
    read_columns = [table.c.id, table.c.version, *(table.c[c] for c in dict.fromkeys(audited))]
    old: dict[int, Any] = {}
    for chunk in _id_chunks(ids, server):
        # Locked in id order (FOR UPDATE; SQLite's IMMEDIATE transaction already holds the file),
        # so two batches over overlapping rows queue instead of deadlocking.
        stmt = select(*read_columns).where(_among(chunk, server)).order_by(table.c.id).with_for_update()
        old.update({int(row.id): row for row in session.execute(stmt)})
    stale = [i for i in ids if i not in old or old[i].version != expected[i]]
    if stale:
        raise _conflict(session, stale, len(ids))
    if server:
        # The statement's estimated cost crosses jit_above_cost; compiling it took longer than running it.
        session.execute(text("SET LOCAL jit = off"))
    stamped = {**changes, "version": table.c.version + 1, "updated_by": login, "updated_at": now}
    touched = 0
    for chunk in _id_chunks(ids, server):
        rows = _expected_versions(chunk, expected, server)
        changed = session.execute(update(table).where(table.c.id == rows.c.fee_id,
                                                      table.c.version == rows.c.expected)
                                  .values(stamped).returning(table.c.id))
        touched += len(changed.all())
    if touched != len(ids):  # cannot happen under the locks; if it does, roll back rather than half-apply
        now_versions = dict(session.execute(select(table.c.id, table.c.version)
                                            .where(table.c.id.in_(ids[:CHUNK]))).all())
        raise _conflict(session, [i for i in ids if now_versions.get(i) != expected[i] + 1], len(ids))
    if not server:
        audit.record_bulk(session, "order_fees", _audit_rows(old, changes, login, now), action="update")
    return BatchEdited(len(ids))


def _id_chunks(ids: list[int], server: bool) -> Iterator[list[int]]:
    """PostgreSQL takes the ids as one array parameter; SQLite as chunks of bind values."""
    if server:
        yield ids
    else:
        yield from (list(c) for c in _chunks(ids))


def _among(ids: list[int], server: bool) -> ColumnElement[bool]:
    if server:
        return _TABLE.c.id == any_(bindparam("fee_ids", ids, type_=ARRAY(Integer)))
    return _TABLE.c.id.in_(ids)


def _expected_versions(ids: list[int], expected: dict[int, int], server: bool) -> Any:
    """(fee_id, expected) rows to join the UPDATE to: unnest() of two arrays on PostgreSQL (two
    parameters whatever the count; 20,000 bind values cost more to send than the update), a VALUES
    CTE on SQLite (which takes no column list on a VALUES alias). Changed ids come back by
    RETURNING, as Python's sqlite3 reports no rowcount for a statement that begins WITH."""
    if server:
        return func.unnest(bindparam("ids", ids, type_=ARRAY(Integer)),
                           bindparam("versions", [expected[i] for i in ids], type_=ARRAY(Integer))
                           ).table_valued("fee_id", "expected").render_derived()
    pairs = values(column("fee_id", Integer), column("expected", Integer), name="expected_versions")
    return pairs.data([(i, expected[i]) for i in ids]).cte()


def _audit_rows(old: dict[int, Any], changes: dict[str, Any], login: str | None,
                now: dt.datetime) -> list[dict[str, Any]]:
    in_full = changes.get("amount_received") is _TABLE.c.final_price
    rows = []
    for fee_id, before in old.items():
        row: dict[str, Any] = {"id": fee_id, "version": (before.version, before.version + 1),
                               "updated_by": (before.updated_by, login),
                               "updated_at": (before.updated_at, now)}
        for name, value in changes.items():
            new = before.final_price if in_full and name == "amount_received" else value
            if getattr(before, name) != new:
                row[name] = (getattr(before, name), new)
        rows.append(row)
    return rows
