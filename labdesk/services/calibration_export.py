"""The calibration plan as an Excel workbook: a title with the period, one heading row per group
(overdue first, then every month, an empty one too), overdue rows filled red and rows due within the
reminder days amber. ``export_plan`` streams the rows from the database, so memory stays flat for a
million instruments; ``write_plan_xlsx`` writes a plan already read (the same layout, cell for cell).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.calibration_plan import (
    DEFAULT_WARN_DAYS,
    STREAM_CHUNK,
    CalibrationPlan,
    PlanGroup,
    PlanRow,
    Translate,
    group_key,
    month_start,
    plan_rows,
)

RED_FILL = "F5B7B1"  # light tints that keep black text readable
AMBER_FILL = "FAD7A0"

PLAN_TITLE = N("CalibrationPlan", "Calibration plan")
_HEADERS = (
    N("CalibrationPlan", "Instrument code"),
    N("CalibrationPlan", "Instrument name"),
    N("CalibrationPlan", "Model"),
    N("CalibrationPlan", "Location"),
    N("CalibrationPlan", "Custodian"),
    N("CalibrationPlan", "Status"),
    N("CalibrationPlan", "Last calibrated"),
    N("CalibrationPlan", "Next due"),
    N("CalibrationPlan", "Days left"),
    N("CalibrationPlan", "Overdue"),
    N("CalibrationPlan", "Method"),
    N("CalibrationPlan", "Provider"),
)
_PERIOD = N("CalibrationPlan", "{first} to {last}, as of {today}")
_YES = N("CalibrationPlan", "Yes")


def status_text(status: str, translate: Translate) -> str:
    """An instrument status as the Instruments tab shows it."""
    from labdesk.services.ledgers.lab import INSTRUMENTS  # the ledger imports this module's flag

    style = INSTRUMENTS.statuses.get(status)
    return translate("Status", style.label) if style else status


def row_texts(row: PlanRow, translate: Translate) -> tuple[Any, ...]:
    """A plan row's cells in ``_HEADERS`` order (dates stay dates; the UI formats them)."""
    from labdesk.services.ledgers.formatting import code_label

    return (
        row.code, row.name, row.model, row.location, row.custodian, status_text(row.status, translate),
        row.last_calibration, row.next_due, row.days_left,
        translate("CalibrationPlan", _YES) if row.overdue else "",
        code_label(row.method, translate) if row.method else None, row.provider,
    )


def headers(translate: Translate) -> list[str]:
    return [translate("CalibrationPlan", h) for h in _HEADERS]


def period_text(plan_today: dt.date, months: int, translate: Translate) -> str:
    return translate("CalibrationPlan", _PERIOD).format(
        first=month_start(plan_today).strftime("%Y-%m"),
        last=month_start(plan_today, months - 1).strftime("%Y-%m"),
        today=plan_today.isoformat(),
    )


def write_plan_xlsx(plan: CalibrationPlan, path: Path, translate: Translate) -> int:
    """Write ``plan`` to ``path`` (.xlsx) with titles in the user's language; returns the rows written."""
    return _write_xlsx(plan.today, plan.months, plan.rows, path, translate)


def export_plan(
    session: Session,
    months: int,
    today: dt.date,
    path: Path,
    translate: Translate,
    *,
    warn_days: int = DEFAULT_WARN_DAYS,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Stream the whole plan into ``path`` (no row limit, flat memory); returns the rows written."""
    rows = plan_rows(session, months, today, warn_days=warn_days)
    return _write_xlsx(today, months, rows, path, translate, progress=progress, cancelled=cancelled)


class ExportCancelled(Exception):
    """The user cancelled the export; no file was written."""


def _write_xlsx(
    today: dt.date,
    months: int,
    rows: Iterable[PlanRow],
    path: Path,
    translate: Translate,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    from openpyxl import Workbook  # loaded on the first export, not with the app
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    from labdesk.services.ledgers.formatting import sanitize_excel_text

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(translate("CalibrationPlan", PLAN_TITLE)[:31])
    for width, letter in zip((14, 24, 16, 16, 10, 10, 12, 12, 8, 8, 10, 24), "ABCDEFGHIJKL", strict=True):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)

    def cell(value: Any, **style: Any) -> WriteOnlyCell:
        found = WriteOnlyCell(sheet, value=sanitize_excel_text(value) if isinstance(value, str) else value)
        for name, setting in style.items():
            setattr(found, name, setting)
        if isinstance(value, dt.date):
            found.number_format = "yyyy-mm-dd"
        return found

    # Setting a fill or number format on a cell makes openpyxl hash the style into the workbook's
    # list every time (two thirds of the export's time); the rows use four styles, so each is made
    # once and copied onto cells, as openpyxl itself copies styles (``cell._style = copy(...)``).
    prototypes: dict[tuple[str | None, bool], Any] = {}

    def row_cell(value: Any, fill: str | None) -> WriteOnlyCell:
        is_date = isinstance(value, dt.date)
        key = (fill, is_date)
        if key not in prototypes:
            styled = cell(value, fill=PatternFill("solid", fgColor=fill)) if fill else cell(value)
            prototypes[key] = styled._style
            return styled
        found = WriteOnlyCell(sheet, value=sanitize_excel_text(value) if isinstance(value, str) else value)
        found._style = copy.copy(prototypes[key])
        return found

    title = f"{translate('CalibrationPlan', PLAN_TITLE)}  {period_text(today, months, translate)}"
    sheet.append([cell(title, font=Font(bold=True, size=13))])
    sheet.append([cell(h, font=bold) for h in headers(translate)])
    keys: list[dt.date | None] = [None, *(month_start(today, n) for n in range(months))]
    next_key = 0
    written = 0

    def heading_until(key: object) -> None:
        # Every group gets its heading, an empty month too, before the first row after it.
        nonlocal next_key
        while next_key < len(keys):
            current = keys[next_key]
            sheet.append([cell(PlanGroup(current, ()).title(translate), font=bold)])
            next_key += 1
            if current == key:
                return

    tmp = path.with_name(path.name + ".part")
    try:
        for row in rows:
            key = group_key(row)
            if next_key == 0 or (keys[next_key - 1] != key):
                heading_until(key)
            fill = RED_FILL if row.overdue else AMBER_FILL if row.due_soon else None
            sheet.append([row_cell(v, fill) for v in row_texts(row, translate)])
            written += 1
            if written % STREAM_CHUNK == 0:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(written)
        heading_until(object())  # matches no key: the headings of the remaining (empty) months
        workbook.save(tmp)
        tmp.replace(path)
    except BaseException:
        # Finish openpyxl's row writer, so an abandoned workbook leaves no open generator behind.
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(written)
    return written
