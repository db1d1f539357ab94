"""Importing a customer's sample list onto a draft order (``labdesk import samples``).

One validation pass, then everything in one transaction: the sheet (:mod:`labdesk.services.sample_sheet`),
then what the database decides — the order exists and is a draft, each sample type is known and not
retired (and given at all when samples are numbered per type), each test item code is in the catalogue
and not retired. Only a report without problems is written; every problem is reported as
``row N, column C: reason``.

Each row becomes a Sample on the order, numbered by ``orders.register_samples`` in the same
transaction as the insert (so imports from several workstations get unique, gapless numbers), and each
of its test item codes an OrderLine for that sample; the whole order is then re-priced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models import Order, TestItem
from labdesk.models.numbering import CodingRule, DocType
from labdesk.models.orders import OrderLine, OrderStatus
from labdesk.models.samples import SampleType
from labdesk.services import orders
from labdesk.services.actor import Actor
from labdesk.services.database import Database
from labdesk.services.instrument_cells import shown
from labdesk.services.instrument_import import ImportRejected, ImportReport, RowProblem, header_ok
from labdesk.services.numbering import DEFAULT_RULES
from labdesk.services.order_drafts import SampleDraft
from labdesk.services.permissions import PermissionDenied, may_write
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.sample_sheet import check_rows, formula_problems
from labdesk.services.spreadsheets import read_sheet
from labdesk.services.units import reading, writing

__all__ = [
    "ImportRejected",
    "SampleImportRefused",
    "SampleImportResult",
    "SampleRow",
    "import_samples",
    "may_import_samples",
]

_IN_CHUNK = 500  # values per IN (...) query: SQLite caps bound parameters per statement


class SampleImportRefused(ProblemError):
    """The import as a whole was refused (no such order, not a draft, not allowed); nothing written."""


@dataclass(frozen=True)
class SampleRow:
    """One checked row of the sheet: the sample as the order form would hold it, and its test items."""

    row: int  # the row number Excel shows
    sample: SampleDraft
    test_item_codes: tuple[str, ...]


@dataclass(frozen=True)
class SampleImportResult:
    order_no: str
    rows: list[SampleRow]
    sample_numbers: list[str]  # in sheet order; empty on a dry run
    lines: int  # order lines added (one per sample and test item)
    dry_run: bool


def may_import_samples(roles: frozenset[str]) -> bool:
    """Whether these job roles may register samples (and so import a sample list)."""
    return may_write(roles, "samples", "insert")


def _require_permission(actor: Actor) -> None:
    if not may_import_samples(actor.roles):
        raise PermissionDenied(
            Problem(
                N(
                    "Problem",
                    "{who} may not register samples. Ask the front desk to import the sample list.",
                ),
                {"who": actor.display_name or "?"},
            )
        )


def _draft_order(session: Session, order_no: str, *, lock: bool) -> Order:
    query = select(Order).where(Order.order_no == order_no)
    # Locked while writing: the order cannot be submitted between this check and the commit.
    order = session.scalars(query.with_for_update() if lock else query).one_or_none()
    if order is None:
        raise SampleImportRefused(
            Problem(N("Problem", "There is no order {order}. Check the order number."), {"order": order_no})
        )
    if order.status != OrderStatus.DRAFT.value:
        raise SampleImportRefused(
            Problem(
                N(
                    "Problem",
                    "Order {order} is {status}; only draft orders take new samples. "
                    "Register a new order for these samples.",
                ),
                {"order": order_no, "status": order.status},
            )
        )
    return order


def _per_type(session: Session) -> bool:
    # Read-only, unlike numbering.numbers_per_type (which stores the default rule on first use): a dry
    # run must write nothing.
    stored = session.scalar(select(CodingRule.per_type).where(CodingRule.doc_type == DocType.SAMPLE.value))
    return DEFAULT_RULES[DocType.SAMPLE].per_type if stored is None else bool(stored)


def _column(report: ImportReport, key: str) -> str:
    return next((c.letter for c in report.columns if c.field is not None and c.field.key == key), "")


def _items(session: Session, codes: Sequence[str]) -> dict[str, tuple[int, bool]]:
    """code -> (test item id, retired)."""
    found: dict[str, tuple[int, bool]] = {}
    for start in range(0, len(codes), _IN_CHUNK):
        query = select(TestItem.code, TestItem.id, TestItem.retired).where(
            TestItem.code.in_(codes[start : start + _IN_CHUNK])
        )
        found.update({code: (item_id, retired) for code, item_id, retired in session.execute(query)})
    return found


def _type_problem(
    row: int, column: str, value: str | None, names: list[str], per_type: bool
) -> RowProblem | None:
    if not value:
        if not per_type:
            return None
        reason = Problem(
            N("Problem", "Samples are numbered per type: choose a type ({names})."),
            {"names": ", ".join(names)},
        )
        return RowProblem(row, column, reason)
    if value in names:
        return None
    return RowProblem(
        row,
        column,
        Problem(
            N("Problem", "{value} is not a sample type in use. Use one of: {names}."),
            {"value": shown(value), "names": ", ".join(names)},
        ),
    )


def _code_problems(
    row: int, column: str, codes: Sequence[str], items: dict[str, tuple[int, bool]]
) -> list[RowProblem]:
    unknown = [c for c in codes if c not in items]
    retired = [c for c in codes if c in items and items[c][1]]
    problems = []
    if unknown:
        problems.append(
            RowProblem(
                row,
                column,
                Problem(
                    N("Problem", "Unknown test item code(s): {codes}. Use codes from the catalogue."),
                    {"codes": ", ".join(shown(c) for c in unknown)},
                ),
            )
        )
    if retired:
        problems.append(
            RowProblem(
                row,
                column,
                Problem(
                    N("Problem", "Test item(s) {codes} are retired. Choose current test items."),
                    {"codes": ", ".join(shown(c) for c in retired)},
                ),
            )
        )
    return problems


def database_problems(
    session: Session, report: ImportReport
) -> tuple[list[RowProblem], dict[str, int], dict[str, str]]:
    """Sample types and test item codes; also (code -> item id, type name -> default storage)."""
    types = {
        name: storage or ""
        for name, storage in session.execute(
            select(SampleType.name, SampleType.storage_condition)
            .where(SampleType.retired.is_(False))
            .order_by(SampleType.name)
        )
    }
    names = list(types)
    per_type = _per_type(session)
    codes = sorted({c for r in report.rows for c in r.values.get("test_items") or ()})
    items = _items(session, codes)
    type_column, item_column = _column(report, "sample_type"), _column(report, "test_items")
    problems: list[RowProblem] = []
    for row in report.rows:
        if type_column or per_type:  # with no type column at all, a per-type rule still needs one
            problem = _type_problem(row.row, type_column, row.values.get("sample_type"), names, per_type)
            if problem is not None:
                problems.append(problem)
        problems.extend(_code_problems(row.row, item_column, row.values.get("test_items") or (), items))
    return problems, {code: item_id for code, (item_id, _) in items.items()}, types


def _sample_rows(report: ImportReport, storage_of_type: dict[str, str]) -> list[SampleRow]:
    rows = []
    for row in report.rows:
        values = row.values
        sample_type = values.get("sample_type") or ""
        rows.append(
            SampleRow(
                row.row,
                SampleDraft(
                    key=f"row{row.row}",
                    name=values["name"],
                    sample_type=sample_type,
                    quantity=values["quantity"],
                    specification=values.get("specification") or "",
                    # An empty storage condition takes the sample type's usual one, as the order form does.
                    storage_condition=values.get("storage_condition") or storage_of_type.get(sample_type, ""),
                ),
                tuple(values.get("test_items") or ()),
            )
        )
    return rows


def _validate(session: Session, path: Path, report: ImportReport) -> tuple[list[SampleRow], dict[str, int]]:
    """Raise ImportRejected unless every row is fine; the rows and the test item ids by code."""
    item_ids: dict[str, int] = {}
    types: dict[str, str] = {}
    if header_ok(report):
        report.problems.extend(formula_problems(path, report.sheet))
        found, item_ids, types = database_problems(session, report)
        report.problems.extend(found)
    if not report.ok:
        report.sort_problems()
        raise ImportRejected(report)
    return _sample_rows(report, types), item_ids


def _write(
    session: Session, order: Order, rows: list[SampleRow], item_ids: dict[str, int], actor: Actor
) -> tuple[list[str], int]:
    # One flush for all samples: the queries register_samples makes (coding rule, types, counters)
    # would otherwise flush whatever the session holds at that moment.
    with session.no_autoflush:
        samples = orders.register_samples(session, order, [r.sample for r in rows], actor)
    lines = 0
    for row, sample in zip(rows, samples, strict=True):
        for code in row.test_item_codes:
            session.add(
                OrderLine(order=order, sample=sample, test_item_id=item_ids[code], quantity=sample.quantity)
            )
            lines += 1
    session.flush()
    orders.reprice(session, order)
    session.flush()
    return [s.sample_no or "" for s in samples], lines


def import_samples(
    database: Database, path: Path, order_no: str, *, dry_run: bool = False
) -> SampleImportResult:
    """Check ``path`` and, unless ``dry_run``, register its samples on draft order ``order_no``.

    Raises ``WorkbookError`` (file unreadable), :class:`ImportRejected` (row problems, dry run or not),
    :class:`SampleImportRefused` (no such order, not a draft), ``PermissionDenied`` and
    ``DatabaseUnavailable``. Nothing is written unless everything is fine.
    """
    _require_permission(database.actor)
    report = check_rows(read_sheet(path), path.name)
    if dry_run:
        with reading(database) as session:
            _draft_order(session, order_no, lock=False)
            rows, _ = _validate(session, path, report)
        return SampleImportResult(order_no, rows, [], sum(len(r.test_item_codes) for r in rows), True)
    with writing(database) as session:
        order = _draft_order(session, order_no, lock=True)
        rows, item_ids = _validate(session, path, report)
        numbers, lines = _write(session, order, rows, item_ids, database.actor)
    return SampleImportResult(order_no, rows, numbers, lines, False)
