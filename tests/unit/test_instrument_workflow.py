"""Instrument status workflows on the embedded SQLite file (the scenarios: tests/instrument_cases.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from labdesk.services.dates import add_months
from labdesk.services.instrument_workflow import INSTRUMENT_WORKFLOW
from labdesk.services.permissions import STEPS
from tests.instrument_cases import CASES, Lab, open_lab


@pytest.fixture
def lab(sqlite_url: str) -> Iterator[Lab]:
    opened = open_lab(sqlite_url)
    yield opened
    opened.dispose()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__.removeprefix("check_"))
def test_instrument_workflow(lab: Lab, case: Callable[[Lab], None]) -> None:
    case(lab)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),  # leap year
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 4, 30)),
        (dt.date(2024, 12, 15), 12, dt.date(2025, 12, 15)),
        (dt.date(2024, 11, 30), 3, dt.date(2025, 2, 28)),
        (dt.date(2024, 5, 31), -3, dt.date(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_every_step_is_a_known_permission_step() -> None:
    steps = {t.step for t in INSTRUMENT_WORKFLOW.transitions}
    assert steps == {s for s in STEPS if s.startswith("instrument.")}
    assert all(len(t.action) <= 32 for t in INSTRUMENT_WORKFLOW.transitions)  # workflow_events.action
