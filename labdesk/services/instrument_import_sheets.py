"""The workbooks the instrument import writes (with openpyxl): the blank template and the error report.

The template's headers are in the user's language (``translate``); the importer accepts them, the
English headers and the field names alike. The error report is the checked sheet again, each cell
with a problem filled red and carrying the reason as a comment, a last column listing each row's
problems, and a first sheet listing every problem as ``row N, column C: reason``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.instrument_cells import cell_text
from labdesk.services.instrument_fields import HEADER_CONTEXT, IMPORT_FIELDS, STATUS_KEYS, FieldKind
from labdesk.services.instrument_import import ImportReport
from labdesk.services.ledgers.formatting import sanitize_excel_text
from labdesk.services.problems import Translate
from labdesk.services.spreadsheets import column_letter

SHEET_CONTEXT = "ImportSheet"
PROBLEM_FILL = PatternFill("solid", fgColor="FFC7CE")  # Excel's own "bad" red
BOLD = Font(bold=True)


def write_template(path: Path, translate: Translate) -> None:
    """A blank import sheet: localized headers, date columns formatted, a status pick list."""
    from labdesk.services.ledgers.lab import INSTRUMENTS  # the ledger's status labels

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = translate(SHEET_CONTEXT, N("ImportSheet", "Instruments"))
    for j, f in enumerate(IMPORT_FIELDS):
        cell = sheet.cell(row=1, column=j + 1, value=translate(HEADER_CONTEXT, f.header))
        cell.font = BOLD
        letter = column_letter(j)
        sheet.column_dimensions[letter].width = 24 if f.kind is FieldKind.TEXT else 16
        if f.kind is FieldKind.DATE:
            for row in range(2, 1002):  # a format on the first thousand rows: typed dates stay dates
                sheet.cell(row=row, column=j + 1).number_format = "yyyy-mm-dd"
        if f.kind is FieldKind.STATUS:
            labels = [translate("Status", INSTRUMENTS.statuses[key].label) for key in STATUS_KEYS]
            pick = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
            pick.add(f"{letter}2:{letter}10000")
            sheet.add_data_validation(pick)
    sheet.freeze_panes = "A2"
    book.save(path)


def _value(value: Any) -> Any:
    if isinstance(value, str):
        return sanitize_excel_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return cell_text(value)


def write_error_report(report: ImportReport, path: Path, translate: Translate) -> None:
    """The report of a refused import (see the module docstring)."""
    book = openpyxl.Workbook()
    listing = book.active
    assert listing is not None
    listing.title = translate(SHEET_CONTEXT, N("ImportSheet", "Problems"))
    titles = (
        N("ImportSheet", "Row"),
        N("ImportSheet", "Column"),
        N("ImportSheet", "Header"),
        N("ImportSheet", "Problem"),
    )
    listing.append([translate(SHEET_CONTEXT, t) for t in titles])
    headers = {c.letter: c.header for c in report.columns}
    for problem in report.problems:
        listing.append(
            [
                problem.row,
                problem.column,
                headers.get(problem.column, ""),
                sanitize_excel_text(problem.reason.text(translate)),
            ]
        )
    for cell in listing[1]:
        cell.font = BOLD
    for letter, width in (("A", 8), ("B", 8), ("C", 20), ("D", 90)):
        listing.column_dimensions[letter].width = width
    listing.freeze_panes = "A2"

    data = book.create_sheet(sanitize_excel_text(report.sheet)[:31] or "Sheet1")
    cells = report.cell_problems()
    width = max((c.index for c in report.columns), default=0) + 1
    note_column = width + 1
    if report.header_row:
        for column in report.columns:
            data.cell(row=report.header_row, column=column.index + 1, value=_value(column.header)).font = BOLD
        data.cell(
            row=report.header_row,
            column=note_column,
            value=translate(SHEET_CONTEXT, N("ImportSheet", "Problems")),
        ).font = BOLD
    for problem in cells.get((report.header_row, ""), []):
        data.cell(row=report.header_row or 1, column=note_column + 1, value=problem.reason.text(translate))
    for column in report.columns:  # a bad header cell is marked like a bad value
        if (report.header_row, column.letter) in cells:
            _mark(
                data.cell(row=report.header_row, column=column.index + 1),
                cells[(report.header_row, column.letter)],
                translate,
            )
    for row in report.rows:
        for j, value in enumerate(row.cells[:width]):
            cell = data.cell(row=row.row, column=j + 1, value=_value(value))
            found = cells.get((row.row, column_letter(j)))
            if found:
                _mark(cell, found, translate)
        reasons = [
            p.text(translate)
            for letter in [""] + [column_letter(j) for j in range(width)]
            for p in cells.get((row.row, letter), [])
        ]
        if reasons:
            data.cell(row=row.row, column=note_column, value=sanitize_excel_text("\n".join(reasons)))
    book.save(path)


def _mark(cell: Any, problems: list[Any], translate: Translate) -> None:
    cell.fill = PROBLEM_FILL
    cell.comment = Comment(
        sanitize_excel_text("\n".join(p.reason.text(translate) for p in problems)), "LabDesk"
    )
