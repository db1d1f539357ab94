"""The workbooks the instrument import writes (with openpyxl): the blank template and the error report.

:func:`write_blank_sheet` writes any import's template from its fields (the sample list's too).

The template's headers are in the user's language (``translate``); the importer accepts them, the
English headers and the field names alike. The error report is the checked sheet again, each cell
with a problem filled red and carrying the reason as a comment, a last column listing each row's
problems, and a first sheet listing every problem as ``row N, column C: reason``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.instrument_cells import cell_text
from labdesk.services.instrument_fields import (
    HEADER_CONTEXT,
    IMPORT_FIELDS,
    STATUS_KEYS,
    FieldKind,
    InstrumentField,
)
from labdesk.services.instrument_import import ImportReport
from labdesk.services.ledgers.formatting import sanitize_excel_text
from labdesk.services.problems import Translate
from labdesk.services.spreadsheets import column_letter

SHEET_CONTEXT = "ImportSheet"
PROBLEM_FILL = PatternFill("solid", fgColor="FFC7CE")  # Excel's own "bad" red
BOLD = Font(bold=True)
NUMBER_FORMATS = {FieldKind.DATE: "yyyy-mm-dd", FieldKind.INT: "0"}  # INT: whole numbers, no decimals
INLINE_LIST_MAX = 255  # characters Excel allows in an inline list validation
LIST_SHEET = "Lists"  # the hidden sheet holding pick lists too long to write inline


def write_template(path: Path, translate: Translate) -> None:
    """A blank instrument import sheet: localized headers, date columns formatted, a status pick list."""
    from labdesk.services.ledgers.lab import INSTRUMENTS  # the ledger's status labels

    status = next(f for f in IMPORT_FIELDS if f.kind is FieldKind.STATUS)
    labels = [translate("Status", INSTRUMENTS.statuses[key].label) for key in STATUS_KEYS]
    title = translate(SHEET_CONTEXT, N("ImportSheet", "Instruments"))
    write_blank_sheet(path, title, IMPORT_FIELDS, translate, {status.key: labels})


def write_blank_sheet(
    path: Path,
    title: str,
    fields: Sequence[InstrumentField],
    translate: Translate,
    picks: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """A blank import sheet for ``fields``: headers in the user's language (each field's ``header`` in
    HEADER_CONTEXT), date and whole-number columns formatted, and a pick list on each column named in
    ``picks`` (field key -> choices)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = title
    for j, f in enumerate(fields):
        cell = sheet.cell(row=1, column=j + 1, value=translate(HEADER_CONTEXT, f.header))
        cell.font = BOLD
        letter = column_letter(j)
        sheet.column_dimensions[letter].width = 24 if f.kind is FieldKind.TEXT else 16
        number_format = NUMBER_FORMATS.get(f.kind)
        if number_format is not None:
            for row in range(2, 1002):  # a format on the first thousand rows: typed dates stay dates
                sheet.cell(row=row, column=j + 1).number_format = number_format
        choices = (picks or {}).get(f.key)
        if choices is not None:
            _add_pick_list(book, sheet, letter, choices)
    sheet.freeze_panes = "A2"
    book.save(path)


def _add_pick_list(book: Any, sheet: Any, letter: str, choices: Sequence[str]) -> None:
    """Excel keeps an inline list to 255 characters and splits it at commas (a quote would end it), so a
    longer or comma-bearing list goes in column ``letter`` of a hidden sheet and is referenced there."""
    usable = [c for c in choices if c and not ILLEGAL_CHARACTERS_RE.search(c)]  # others fit no cell
    if not usable:
        return  # an empty list would refuse every value
    inline = ",".join(usable)
    if len(inline) <= INLINE_LIST_MAX and not any("," in c or '"' in c for c in usable):
        formula = f'"{inline}"'
    else:
        lists = book[LIST_SHEET] if LIST_SHEET in book.sheetnames else book.create_sheet(LIST_SHEET)
        lists.sheet_state = "hidden"
        for i, choice in enumerate(usable, start=1):
            cell = lists[f"{letter}{i}"]
            cell.value = choice
            cell.data_type = "s"  # a name starting with "=" stays a name, never a formula
        formula = f"{LIST_SHEET}!${letter}$1:${letter}${len(usable)}"
    pick = DataValidation(type="list", formula1=formula, allow_blank=True)
    pick.add(f"{letter}2:{letter}10000")
    sheet.add_data_validation(pick)


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
