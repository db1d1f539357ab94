"""Excel export of a ledger's current filtered, sorted view, streamed page by page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from labdesk.services.ledgers.formatting import Translate, excel_value
from labdesk.services.ledgers.paging import LedgerQuery, count_rows, fetch_after
from labdesk.services.ledgers.spec import ColumnKind, LedgerColumn, LedgerSpec

EXPORT_CHUNK = 2000
_NUMBER_FORMATS = {
    ColumnKind.MONEY: "#,##0.00",
    ColumnKind.DATE: "yyyy-mm-dd",
    ColumnKind.DATETIME: "yyyy-mm-dd hh:mm",
}


class ExportCancelled(Exception):
    """The user cancelled the export; no file was written."""


def export_ledger(
    session: Session,
    spec: LedgerSpec,
    query: LedgerQuery,
    path: Path,
    translate: Translate,
    *,
    columns: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the view to ``path`` (.xlsx) with titles in the user's language; returns the row count.

    ``columns`` picks and orders the columns (default: the spec's visible ones).
    """
    chosen: list[LedgerColumn] = (
        [spec.column(k) for k in columns] if columns else [c for c in spec.columns if c.visible]
    )
    positions = [1 + spec.column_index(c.key) for c in chosen]
    total = count_rows(session, spec, query)
    workbook = Workbook(write_only=True)
    sheet: Worksheet = workbook.create_sheet(translate("Ledger", spec.title)[:31])
    header_font = Font(bold=True)
    header = []
    for column in chosen:
        cell = WriteOnlyCell(sheet, value=translate("Ledger", column.title))
        cell.font = header_font
        header.append(cell)
    sheet.append(header)
    written = 0
    after = None
    while True:
        if cancelled is not None and cancelled():
            sheet.close()  # finish openpyxl's row writer so the abandoned workbook leaves nothing open
            raise ExportCancelled()
        page = fetch_after(session, spec, query, after, EXPORT_CHUNK)
        for row in page.rows:
            cells = []
            for column, position in zip(chosen, positions, strict=True):
                cell = WriteOnlyCell(sheet, value=excel_value(spec, column, row[position], translate))
                if column.kind in _NUMBER_FORMATS:
                    cell.number_format = _NUMBER_FORMATS[column.kind]
                cells.append(cell)
            sheet.append(cells)
        written += len(page.rows)
        if progress is not None:
            progress(written, total)
        if len(page.rows) < EXPORT_CHUNK or page.last is None:
            break
        after = page.last
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return written
