"""Parsing one cell of an instrument sheet into its field's value, or the Problem saying why not.

Dates come as Excel dates or text (2026-03-01, 2026/3/1, 2026年3月1日); numbers as numbers or text;
statuses as keys, English labels or Chinese labels. Text is kept verbatim (only codes are trimmed).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.instrument_fields import STATUS_KEYS, STATUS_ZH, FieldKind, InstrumentField
from labdesk.services.problems import Problem

INTERVAL_MAX = 240  # months: twenty years is already far beyond any calibration interval
EARLIEST = dt.date(1900, 1, 1)


def shown(value: Any) -> str:
    """A cell value quoted in a message, cut short so a 10,000-character cell does not fill the screen."""
    text = cell_text(value)
    return text if len(text) <= 40 else text[:37] + "..."


def cell_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # Excel keeps every number as a double: a code typed as 1001 comes back as 1001.0.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


_DATE_TEXT = re.compile(
    r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
)


class BadCell(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _bad(template: str, **values: str) -> BadCell:
    return BadCell(Problem(template, values))


def _text(value: Any, f: InstrumentField) -> str:
    text = cell_text(value)
    if f.key == "code":
        text = text.strip()  # a code is matched and printed on labels: no stray blanks
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise _bad(N("Problem", "A code cannot contain line breaks or control characters."))
    if "\x00" in text:
        raise _bad(N("Problem", "The text contains a NUL character, which cannot be stored. Remove it."))
    limit = f.max_length
    if limit is not None and len(text) > limit:
        raise _bad(
            N("Problem", "Too long: {length} characters; at most {limit} are allowed."),
            length=str(len(text)),
            limit=str(limit),
        )
    return text


def _date(value: Any, f: InstrumentField, today: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and (match := _DATE_TEXT.fullmatch(value.strip())):
        try:
            day = dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            raise _bad(
                N("Problem", "{value} is not a real date. Check the month and the day."), value=shown(value)
            ) from None
    else:
        raise _bad(
            N(
                "Problem",
                "{value} is not a date. Use an Excel date or write 2026-03-01, 2026/3/1 or 2026年3月1日.",
            ),
            value=shown(value),
        )
    if day < EARLIEST:
        raise _bad(N("Problem", "{value} is before 1900. Check the year."), value=day.isoformat())
    if f.key == "last_calibration_date" and day > today:
        raise _bad(
            N("Problem", "{value} is in the future. A calibration date must be today or earlier."),
            value=day.isoformat(),
        )
    return day


def _interval(value: Any) -> int:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if number is None or number != number or not number.is_integer():  # NaN, text, 1.5
        raise _bad(
            N("Problem", "{value} is not a whole number of months. Write a number such as 12."),
            value=shown(value),
        )
    if not 1 <= number <= INTERVAL_MAX:
        raise _bad(
            N("Problem", "{value} months is not a calibration interval. Use a whole number from 1 to {max}."),
            value=str(int(number)),
            max=str(INTERVAL_MAX),
        )
    return int(number)


def _status(value: Any, lookup: dict[str, str]) -> str:
    key = lookup.get(cell_text(value).strip().casefold())
    if key is None:
        raise _bad(
            N("Problem", "{value} is not an instrument status. Use one of: {keys}, or {labels}."),
            value=shown(value),
            keys=", ".join(STATUS_KEYS),
            labels=", ".join(labels[0] for labels in STATUS_ZH.values()),
        )
    return key


def parse_cell(value: Any, f: InstrumentField, today: dt.date, statuses: dict[str, str]) -> Any:
    if f.kind is FieldKind.DATE:
        return _date(value, f, today)
    if f.kind is FieldKind.INT:
        return _interval(value)
    if f.kind is FieldKind.STATUS:
        return _status(value, statuses)
    if f.kind is FieldKind.PERSON:
        return _text(value, f).strip()  # resolved to a person by the database checks
    return _text(value, f)
