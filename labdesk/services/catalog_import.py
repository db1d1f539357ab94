"""Importing test items into the catalogue from a workbook: one validation pass, then all rows in one
transaction, in the style of :mod:`labdesk.services.instrument_import` (whose RowProblem, cell helpers
and header normalisation it reuses).

The first filled row holds the headers: field names (``code``, ``unit_price``...) or the Chinese
titles (项目编号, 单价...). Each later non-blank row is a test item. Problems read
``row N, column C: reason``. A price with more than two decimals is refused, never rounded; a code
already in the catalogue or repeated in the file is refused (the import adds items, it does not edit
them). Items are added through the ORM (a catalogue is hundreds of rows, not tens of thousands), so
the audit and permission hooks apply as to any edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models import TestItem
from labdesk.models.catalog import PricingUnit
from labdesk.services.database import Database
from labdesk.services.instrument_cells import cell_text, shown
from labdesk.services.instrument_fields import normalize_header
from labdesk.services.instrument_import import RowProblem
from labdesk.services.permissions import may_write
from labdesk.services.pricing import has_fen_precision
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.spreadsheets import SheetData, column_letter, is_blank, read_sheet
from labdesk.services.units import reading, writing

PRICE_MAX = Decimal("9999999999.99")  # Money() is NUMERIC(12, 2)
TURNAROUND_MAX = 365


@dataclass(frozen=True)
class CatalogField:
    key: str  # TestItem column
    headers: tuple[str, ...]  # accepted titles besides the key itself
    required: bool = False
    max_length: int = 200


FIELDS = (
    CatalogField("code", ("项目编号", "编号", "项目代码", "item code"), True, 32),
    CatalogField("name", ("项目名称", "名称", "item name"), True),
    CatalogField("standard", ("检测标准", "检测方法", "标准", "方法", "standard or method")),
    CatalogField("parameter", ("参数", "检测参数")),
    CatalogField("unit_price", ("单价", "单价(元)", "unit price"), True),
    CatalogField("pricing_unit", ("计价单位", "pricing unit")),
    CatalogField("turnaround_days", ("周期(天)", "检测周期(天)", "检测周期", "turnaround days")),
    CatalogField("required_qualification", ("所需资质", "资质", "required qualification")),
    CatalogField("department", ("部门", "检测部门")),
)
_HEADERS = {normalize_header(h): f for f in FIELDS for h in (f.key, *f.headers)}
_UNITS = {
    normalize_header(text): unit
    for unit, texts in (
        (PricingUnit.PER_SAMPLE, ("per_sample", "per sample", "按样品", "样品", "按组", "组")),
        (PricingUnit.PER_PARAMETER, ("per_parameter", "per parameter", "按参数", "参数")),
        (PricingUnit.PER_POINT, ("per_point", "per point", "按点", "点", "测点")),
    )
    for text in texts
}


@dataclass
class CatalogReport:
    file_name: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (Excel row, item columns)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class CatalogImportRejected(ProblemError):
    """Nothing was imported; ``report.problems`` says why, row by row."""

    def __init__(self, report: CatalogReport) -> None:
        super().__init__(
            Problem(
                N(
                    "Problem",
                    "{file}: {count} problem(s) found; nothing was imported. Correct them and try again.",
                ),
                {"file": report.file_name, "count": str(len(report.problems))},
            )
        )
        self.report = report


class _Bad(Exception):
    def __init__(self, template: str, **values: str) -> None:
        self.problem = Problem(template, values)


def _text(value: Any, f: CatalogField) -> str:
    text = cell_text(value)
    if f.key == "code":
        text = text.strip()
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise _Bad(N("Problem", "A code cannot contain line breaks or control characters."))
    if "\x00" in text:
        raise _Bad(N("Problem", "The text contains a NUL character, which cannot be stored. Remove it."))
    if len(text) > f.max_length:
        raise _Bad(
            N("Problem", "Too long: {length} characters; at most {limit} are allowed."),
            length=str(len(text)),
            limit=str(f.max_length),
        )
    return text


def _price(value: Any) -> Decimal:
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        # repr of Excel's double gives the shortest text that reads back the same: 12.5, not 12.4999...
        price = (
            Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip().replace(",", ""))
        )
    except InvalidOperation:
        price = Decimal("NaN")
    if not price.is_finite():
        raise _Bad(
            N("Problem", "{value} is not a price. Write a number such as 120 or 85.50."), value=shown(value)
        )
    if not has_fen_precision(price):
        raise _Bad(
            N("Problem", "The price {value} has more than two decimals. Write it to the fen, such as 85.50."),
            value=shown(value),
        )
    if not 0 <= price <= PRICE_MAX:
        raise _Bad(
            N("Problem", "The price {value} is negative or too large. Correct it."), value=shown(value)
        )
    return price.quantize(Decimal("0.01"))


def _days(value: Any) -> int:
    try:
        number = float(value.strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if isinstance(value, bool) or not number.is_integer() or not 1 <= number <= TURNAROUND_MAX:
        raise _Bad(
            N("Problem", "{value} is not a turnaround in days. Use a whole number from 1 to {max}."),
            value=shown(value),
            max=str(TURNAROUND_MAX),
        )
    return int(number)


def _parse(value: Any, f: CatalogField) -> Any:
    if f.key == "unit_price":
        return _price(value)
    if f.key == "turnaround_days":
        return _days(value)
    if f.key == "pricing_unit":
        unit = _UNITS.get(normalize_header(cell_text(value)))
        if unit is None:
            raise _Bad(
                N("Problem", "{value} is not a pricing unit. Use 按样品, 按参数 or 按点."), value=shown(value)
            )
        return unit.value
    return _text(value, f)


def check_sheet(sheet: SheetData, file_name: str) -> CatalogReport:
    """Headers, every cell and repeated codes: everything that needs no database."""
    report = CatalogReport(file_name)
    header_at = next((i for i, cells in enumerate(sheet.rows) if not all(is_blank(v) for v in cells)), None)
    if header_at is None:
        report.problems.append(
            RowProblem(
                1, "", Problem(N("Problem", "The sheet is empty. Fill in the catalogue and try again."))
            )
        )
        return report
    columns: list[tuple[int, CatalogField]] = []
    for j, value in enumerate(sheet.rows[header_at]):
        if is_blank(value):
            continue
        f = _HEADERS.get(normalize_header(cell_text(value)))
        problem = None
        if f is None:
            problem = Problem(
                N("Problem", "Unknown column header {header}. Use the catalogue's headers."),
                {"header": shown(value)},
            )
        elif any(f is g for _, g in columns):
            problem = Problem(
                N("Problem", "Column {header} appears twice. Keep one."), {"header": shown(value)}
            )
        else:
            columns.append((j, f))
        if problem:
            report.problems.append(RowProblem(header_at + 1, column_letter(j), problem))
    for f in FIELDS:
        if f.required and all(g is not f for _, g in columns):
            report.problems.append(
                RowProblem(
                    header_at + 1,
                    "",
                    Problem(
                        N("Problem", "The sheet has no {field} column. Use the catalogue's headers."),
                        {"field": f.key},
                    ),
                )
            )
    if report.problems:
        return report  # rows read under the wrong headers would only add noise
    first_row: dict[str, int] = {}
    for i in range(header_at + 1, len(sheet.rows)):
        cells = sheet.rows[i]
        if all(is_blank(v) for v in cells):
            continue
        values: dict[str, Any] = {}
        for j, f in columns:
            value = cells[j] if j < len(cells) else ""
            if is_blank(value):
                values[f.key] = None
                if f.required:
                    report.problems.append(
                        RowProblem(
                            i + 1,
                            column_letter(j),
                            Problem(N("Problem", "{field} is required. Fill it in."), {"field": f.key}),
                        )
                    )
                continue
            try:
                values[f.key] = _parse(value, f)
            except _Bad as bad:
                values[f.key] = None
                report.problems.append(RowProblem(i + 1, column_letter(j), bad.problem))
        code = values.get("code")
        if code and first_row.setdefault(code, i + 1) != i + 1:
            report.problems.append(
                RowProblem(
                    i + 1,
                    column_letter(next(j for j, f in columns if f.key == "code")),
                    Problem(
                        N(
                            "Problem",
                            "Code {code} is already used on row {first}. Each code may appear once.",
                        ),
                        {"code": shown(code), "first": str(first_row[code])},
                    ),
                )
            )
        values["pricing_unit"] = values.get("pricing_unit") or PricingUnit.PER_SAMPLE.value
        report.rows.append((i + 1, values))
    return report


def _database_problems(session: Session, report: CatalogReport) -> list[RowProblem]:
    codes = [values["code"] for _, values in report.rows if values.get("code")]
    taken: set[str] = set()
    for start in range(0, len(codes), 1000):
        taken.update(
            session.scalars(select(TestItem.code).where(TestItem.code.in_(codes[start : start + 1000])))
        )
    return [
        RowProblem(
            row,
            "",
            Problem(
                N("Problem", "Code {code} is already in the catalogue. Use another code."),
                {"code": shown(values["code"])},
            ),
        )
        for row, values in report.rows
        if values.get("code") in taken
    ]


def _sort(report: CatalogReport) -> None:
    """By row, whole-row problems first, then by column (A, B, ... Z, AA)."""
    report.problems.sort(key=lambda p: (p.row, len(p.column), p.column))


def commit(session: Session, report: CatalogReport) -> int:
    """Add every row of ``report`` in the caller's transaction, or raise and add nothing."""
    report.problems.extend(_database_problems(session, report))
    if not report.ok:
        _sort(report)
        raise CatalogImportRejected(report)
    session.add_all(TestItem(**values) for _, values in report.rows)
    try:
        session.flush()
    except IntegrityError as error:
        raise ProblemError(
            Problem(
                N(
                    "Problem",
                    "Another workstation added one of these codes meanwhile; nothing was imported. "
                    "Check the file again and import it.",
                )
            )
        ) from error
    return len(report.rows)


def may_import_catalog(roles: frozenset[str]) -> bool:
    return may_write(roles, "test_items", "insert")


def import_catalog(database: Database, path: Path, *, dry_run: bool = False) -> tuple[CatalogReport, int]:
    """Check ``path`` and, unless ``dry_run``, add its items in one transaction; (report, items added).

    Raises :class:`CatalogImportRejected` when any row has a problem (dry run or not) and
    ``WorkbookError`` when the file cannot be read.
    """
    report = check_sheet(read_sheet(path), path.name)
    if dry_run:
        with reading(database) as session:
            report.problems.extend(_database_problems(session, report))
        if not report.ok:
            _sort(report)
            raise CatalogImportRejected(report)
        return report, 0
    with writing(database) as session:
        return report, commit(session, report)
