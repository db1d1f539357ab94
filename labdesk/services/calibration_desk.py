"""The calibration plan and reminders for the UI: one read per call, through ``units.reading`` so a
lost server is a sentence, never a traceback. The CLI uses ``calibration_plan`` directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from labdesk.services import calibration_export
from labdesk.services import calibration_plan as cp
from labdesk.services.database import Database
from labdesk.services.problems import Problem
from labdesk.services.units import reading
from labdesk.settings import load_settings

# The app's view reads at most this many rows; the Excel export always has the whole plan.
VIEW_LIMIT = 5000


def reminder_days() -> int:
    """The saved number of days before a due date that reminders start (amber)."""
    days = load_settings().reminder_days
    return days if isinstance(days, int) and 0 <= days <= 366 else cp.DEFAULT_WARN_DAYS


def load_plan(
    database: Database,
    months: int,
    *,
    today: dt.date | None = None,
    warn_days: int | None = None,
    limit: int | None = VIEW_LIMIT,
) -> cp.CalibrationPlan:
    with reading(database) as session:
        return cp.plan(
            session,
            months,
            today or dt.date.today(),
            warn_days=reminder_days() if warn_days is None else warn_days,
            limit=limit,
        )


def export_plan(
    database: Database,
    months: int,
    path: Path,
    translate: cp.Translate,
    *,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the whole plan to ``path`` with titles through ``translate``; returns the rows written."""
    with reading(database) as session:
        return calibration_export.export_plan(
            session,
            months,
            today or dt.date.today(),
            path,
            translate,
            warn_days=reminder_days(),
            progress=progress,
            cancelled=cancelled,
        )


def load_reminders(
    database: Database, *, today: dt.date | None = None, warn_days: int | None = None
) -> cp.Reminders:
    with reading(database) as session:
        return cp.reminders(
            session, today or dt.date.today(), reminder_days() if warn_days is None else warn_days
        )


def check_usable_for_tasks(
    database: Database, instrument_ids: Iterable[int], *, today: dt.date | None = None
) -> dict[int, Problem]:
    """For a task's instrument picker: which of the chosen instruments may not be used, and why."""
    with reading(database) as session:
        return cp.usable_for_tasks(session, instrument_ids, today or dt.date.today())
