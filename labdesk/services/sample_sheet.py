"""Reading a customer's sample list (送样清单) from a workbook: headers, cells and per-row test item codes.

Everything here needs no database; :mod:`labdesk.services.sample_import` adds the checks that do (the
order, sample types, test item codes) and writes the samples. The sheet is read like the instrument
import's (same header matching, ``RowProblem`` and ``ImportReport``): the first filled row holds the
headers, every later non-blank row is a sample. Text is kept verbatim; too long is refused, never cut.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.instrument_cells import BadCell, cell_text, parse_cell, shown
from labdesk.services.instrument_fields import FieldKind, InstrumentField, header_lookup, normalize_header
from labdesk.services.instrument_import import (
    ImportReport,
    RowProblem,
    header_problems,
    read_header,
    read_row,
)
from labdesk.services.instrument_import_sheets import SHEET_CONTEXT, write_blank_sheet
from labdesk.services.order_drafts import (
    MAX_QUANTITY,
    MAX_SAMPLE_NAME,
    MAX_SAMPLE_TYPE,
    MAX_SPECIFICATION,
    MAX_STORAGE,
)
from labdesk.services.problems import Problem, Translate
from labdesk.services.spreadsheets import SheetData, column_letter, is_blank

TEST_ITEMS_MAX = 2000  # the test_items cell: many codes of at most 32 characters each
CODE_SEPARATORS = (";", "；")  # users type the full-width semicolon as often as the ASCII one

# ``required``: filled on every row. Headers reuse the Samples ledger's titles (context ``Ledger``),
# so an exported ledger reads back.
SAMPLE_FIELDS: tuple[InstrumentField, ...] = (
    InstrumentField(
        "name", N("Ledger", "Sample name"), "样品名称", FieldKind.TEXT, MAX_SAMPLE_NAME, required=True
    ),
    InstrumentField("quantity", N("Ledger", "Quantity"), "数量", FieldKind.INT, required=True),
    InstrumentField(
        "specification", N("Ledger", "Specification"), "规格型号", FieldKind.TEXT, MAX_SPECIFICATION
    ),
    InstrumentField("sample_type", N("Ledger", "Sample type"), "样品类型", FieldKind.TEXT, MAX_SAMPLE_TYPE),
    InstrumentField("storage_condition", N("Ledger", "Storage"), "储存条件", FieldKind.TEXT, MAX_STORAGE),
    InstrumentField("test_items", N("Ledger", "Test items"), "检测项目", FieldKind.TEXT, TEST_ITEMS_MAX),
)
# The columns a sheet must have: the required ones, and specification (which may be left empty).
COLUMNS: tuple[InstrumentField, ...] = tuple(
    dataclasses.replace(f, required=f.required or f.key == "specification") for f in SAMPLE_FIELDS
)
# Other spellings customers' sheets use for the same columns.
ALIASES = {
    "名称": "name",
    "规格": "specification",
    "存放条件": "storage_condition",
    "storage condition": "storage_condition",
    "test item codes": "test_items",
}


def sample_headers() -> dict[str, InstrumentField]:
    """Every accepted header (normalized) -> its field."""
    lookup = header_lookup(SAMPLE_FIELDS)
    by_key = {f.key: f for f in SAMPLE_FIELDS}
    lookup.update({normalize_header(text): by_key[key] for text, key in ALIASES.items()})
    return lookup


def write_template(path: Path, translate: Translate, sample_types: Sequence[str] | None) -> None:
    """A blank sample list with every column's header in the user's language (which the import reads
    back), quantity as whole numbers and, unless ``sample_types`` is None or empty, a pick list of them."""
    title = translate(SHEET_CONTEXT, N("ImportSheet", "Sample list"))
    picks = {"sample_type": list(sample_types)} if sample_types else None
    write_blank_sheet(path, title, SAMPLE_FIELDS, translate, picks)


def _problem(template: str, **values: str) -> Problem:
    return Problem(template, values)


def _quantity(value: Any) -> int:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            number = None
    if number is None or number != number or not number.is_integer() or not 1 <= number <= MAX_QUANTITY:
        raise BadCell(
            _problem(
                N("Problem", "{value} is not a quantity. Write a whole number from 1 to {max}."),
                value=shown(value),
                max=f"{MAX_QUANTITY:,}",
            )
        )
    return int(number)


def split_codes(text: str) -> tuple[str, ...]:
    """The test item codes of a cell, in order, each once (blanks around codes dropped)."""
    for separator in CODE_SEPARATORS[1:]:
        text = text.replace(separator, CODE_SEPARATORS[0])
    codes = (code.strip() for code in text.split(CODE_SEPARATORS[0]))
    return tuple(dict.fromkeys(code for code in codes if code))


def _value(value: Any, f: InstrumentField) -> Any:
    if f.key == "quantity":
        return _quantity(value)
    text = parse_cell(value, f, dt.date.min, {})  # a text cell needs no date nor status
    if f.key == "sample_type":
        return text.strip()  # matched against the sample type list
    if f.key == "test_items":
        return split_codes(text)
    return text


def check_rows(sheet: SheetData, file_name: str) -> ImportReport:
    """Headers and every cell: everything that needs no database."""
    header_row, columns = read_header(sheet, sample_headers())
    report = ImportReport(file_name, sheet.title, header_row, columns, [], [])
    if header_row == 0:
        report.problems.append(
            RowProblem(
                1, "", _problem(N("Problem", "The sheet is empty. Fill in the sample list and try again."))
            )
        )
        return report
    report.problems.extend(header_problems(columns, header_row, COLUMNS))
    if report.problems:
        return report  # rows read under the wrong headers would only add noise
    known = [(c, c.field) for c in columns if c.field is not None]
    for i in range(header_row, len(sheet.rows)):
        if not all(is_blank(v) for v in sheet.rows[i]):
            report.rows.append(read_row(i + 1, sheet.rows[i], known, _value, report.problems))
    if not report.rows and not report.problems:
        report.problems.append(
            RowProblem(
                header_row,
                "",
                _problem(N("Problem", "The sheet has no sample rows under its headers. Nothing to import.")),
            )
        )
    return report


def formula_problems(path: Path, sheet_title: str) -> list[RowProblem]:
    """Cells holding a formula or an Excel error (calamine reads both as plain values or as empty).

    A customer's formula may show a value that no longer matches its inputs, and an uncalculated one
    reads as empty: the lab registers what is typed, so both are refused. Only .xlsx/.xlsm files can
    hold them in a form openpyxl reads; its read-only mode streams the sheet.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    problems: list[RowProblem] = []
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        if sheet_title not in book.sheetnames:
            return []
        for cells in book[sheet_title].iter_rows():
            for cell in cells:
                kind = getattr(cell, "data_type", None)
                if kind not in ("f", "e"):
                    continue
                letter, row = column_letter(cell.column - 1), cell.row
                if kind == "f":
                    reason = _problem(
                        N("Problem", "The cell holds the formula {formula}. Type the value itself."),
                        formula=shown(cell_text(cell.value)),
                    )
                else:
                    reason = _problem(
                        N("Problem", "The cell shows the Excel error {value}. Correct it."),
                        value=shown(cell.value),
                    )
                problems.append(RowProblem(row, letter, reason))
    finally:
        book.close()
    return problems
