"""Reading workbooks with python-calamine: a sheet as rows of cell values, with Excel's row numbers.

calamine (Rust) reads 10,000 rows in about a quarter of a second, where openpyxl's read-only mode
takes over three; openpyxl stays the writer (templates, error reports, ledger exports).

Cells come back as calamine gives them: ``str`` (``""`` for an empty cell), ``float`` (whole numbers
too: Excel stores every number as a double), ``bool``, ``datetime.date`` / ``datetime.datetime`` for
cells formatted as dates, ``datetime.time`` / ``timedelta`` for times and durations. Rows are kept
from A1 on (calamine's empty-area skipping is off), so ``rows[i]`` is Excel row ``i + 1`` and
``rows[i][j]`` is column ``column_letter(j)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.problems import Problem, ProblemError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")


class WorkbookError(ProblemError):
    """The file cannot be read as a workbook; the message says why and what to do."""


@dataclass(frozen=True)
class SheetData:
    title: str
    rows: list[list[Any]]  # rows[i] is Excel row i + 1; every row as wide as the widest


def column_letter(index: int) -> str:
    """The Excel letter of the 0-based column ``index`` (0 -> A, 25 -> Z, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def is_blank(value: Any) -> bool:
    """An empty cell, or one holding only spaces (what a user sees as empty)."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_sheet(path: Path, sheet: str | None = None) -> SheetData:
    """The sheet named ``sheet`` (default: the first) of the workbook at ``path``.

    Raises :class:`WorkbookError` for a missing file, a file that is not a workbook (or is damaged or
    password-protected) and an unknown sheet name.
    """
    name = {"file": path.name}
    if not path.is_file():
        raise WorkbookError(Problem(N("Problem", "{file} does not exist. Choose an existing file."), name))
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as error:
        raise WorkbookError(
            Problem(
                N("Problem", "{file} is password-protected. Save it without a password and try again."), name
            )
        ) from error
    except (python_calamine.CalamineError, ValueError) as error:
        raise WorkbookError(
            Problem(
                N(
                    "Problem",
                    "{file} is not an Excel workbook, or it is damaged. "
                    "Save it from Excel as .xlsx and try again.",
                ),
                name,
            )
        ) from error
    except OSError as error:
        raise WorkbookError(
            Problem(
                N("Problem", "{file} cannot be read ({reason}). Check that it is not open elsewhere."),
                {"file": path.name, "reason": error.strerror or str(error)},
            )
        ) from error
    try:
        if sheet is None:
            if not book.sheet_names:
                raise WorkbookError(
                    Problem(N("Problem", "{file} has no sheets. Choose another workbook."), name)
                )
            title = book.sheet_names[0]
        elif sheet in book.sheet_names:
            title = sheet
        else:
            raise WorkbookError(
                Problem(
                    N("Problem", "{file} has no sheet named {sheet}. Its sheets are: {sheets}."),
                    {"file": path.name, "sheet": sheet, "sheets": ", ".join(book.sheet_names)},
                )
            )
        rows = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except python_calamine.CalamineError as error:
        raise WorkbookError(
            Problem(
                N("Problem", "{file} is damaged: {reason}. Save it again from Excel and try again."),
                {"file": path.name, "reason": str(error)},
            )
        ) from error
    finally:
        book.close()
    return SheetData(title, rows)
