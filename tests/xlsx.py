"""Read an exported workbook back, closing the file (openpyxl's read-only mode keeps it open otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl


def read_sheet(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """(sheet title, every row's values) of the first sheet."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = book.worksheets[0]
        return sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
