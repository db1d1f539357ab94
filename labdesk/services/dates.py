"""Calendar arithmetic the services share (calibration intervals, contract terms, demo data)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools


@functools.cache  # pure, and the million-instrument demo ledger asks for the same few thousand dates
def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
