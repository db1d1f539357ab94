"""The instrument import as the UI and the CLI use it: whole units of work on a Database.

The UI checks a file (:func:`check_file`, a read-only session), shows the report, then imports it
(:func:`import_checked`, one writing transaction that re-checks the database before writing). The CLI
does both in one call (:func:`import_file`). Each takes a progress callback ``(done, total)`` and a
``cancelled()`` poll; a cancelled import rolls back, so nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from labdesk.services.database import Database
from labdesk.services.instrument_import import (
    Cancelled,
    ImportCancelled,
    ImportRejected,
    ImportReport,
    ImportResult,
    Progress,
    check_sheet,
    commit,
    validate,
)
from labdesk.services.instrument_import_sheets import write_error_report, write_template
from labdesk.services.permissions import may_write
from labdesk.services.problems import Translate
from labdesk.services.spreadsheets import read_sheet
from labdesk.services.units import reading, writing

__all__ = [
    "ImportCancelled",
    "ImportRejected",
    "ImportReport",
    "ImportResult",
    "check_file",
    "import_checked",
    "import_file",
    "may_import",
    "save_error_report",
    "save_template",
]


def may_import(roles: frozenset[str]) -> bool:
    """Whether these job roles may add instruments (the import's menu entry is enabled)."""
    return may_write(roles, "instruments", "insert")


def _check(database: Database, path: Path, cancelled: Cancelled | None) -> ImportReport:
    sheet = read_sheet(path)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    with reading(database) as session:
        return validate(session, sheet, path.name)


def check_file(database: Database, path: Path, *, cancelled: Cancelled | None = None) -> ImportReport:
    """Read and check ``path`` without writing anything; the report lists every problem.

    Raises ``WorkbookError`` when the file cannot be read as a workbook.
    """
    return _check(database, path, cancelled)


def import_checked(
    database: Database,
    report: ImportReport,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write the rows of a checked report, all or nothing (see ``instrument_import.commit``)."""
    with writing(database) as session:
        return commit(session, report, progress=progress, cancelled=cancelled)


def import_file(
    database: Database,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[ImportReport, ImportResult | None]:
    """Check ``path`` and, unless ``dry_run``, import it in one transaction.

    Raises ``ImportRejected`` (with the report) when any row has a problem, dry run or not.
    """
    if dry_run:
        report = _check(database, path, cancelled)
        if not report.ok:
            raise ImportRejected(report)
        return report, None
    report = check_sheet(read_sheet(path), path.name)
    with writing(database) as session:
        result = commit(session, report, progress=progress, cancelled=cancelled)
    return report, result


def save_template(path: Path, translate: Translate) -> None:
    write_template(path, translate)


def save_error_report(report: ImportReport, path: Path, translate: Translate) -> None:
    write_error_report(report, path, translate)
