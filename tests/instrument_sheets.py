"""Instrument import workbooks for the tests, built with openpyxl (the importer reads with calamine)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labdesk.models import Instrument, Person
from labdesk.models.numbering import CodingCounter

ENGLISH_KEYS = (
    "code",
    "name",
    "model",
    "serial_number",
    "manufacturer",
    "category",
    "location",
    "custodian",
    "purchase_date",
    "calibration_interval_months",
    "last_calibration_date",
    "status",
)


def write_book(path: Path, rows: Sequence[Sequence[Any]], *, text_cells: Sequence[str] = ()) -> Path:
    """A one-sheet workbook with ``rows`` from A1; ``text_cells`` (e.g. "B3") are forced to text so a
    leading ``=`` stays text rather than becoming a formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for ref in text_cells:
        sheet[ref].data_type = "s"
    book.save(path)
    return path


def row_of(**values: Any) -> list[Any]:
    """A data row in ENGLISH_KEYS order."""
    return [values.get(key) for key in ENGLISH_KEYS]


def add_person(engine: Engine, login: str, full_name: str, *, active: bool = True) -> int:
    with Session(engine) as session:
        person = Person(login=login, full_name=full_name, active=active)
        session.add(person)
        session.commit()
        return person.id


def instrument_count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Instrument)) or 0)


def counter_values(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return list(session.scalars(select(CodingCounter.last_value)))
