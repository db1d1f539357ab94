"""Sample custody on the embedded file (the services apply the permission matrix)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from labdesk.services.database import Database
from tests.custody_cases import (
    as_user,
    check_refusals,
    check_take_store_and_history,
    check_undo,
    demo_database,
)


@pytest.fixture
def technician(sqlite_url: str) -> Iterator[Database]:
    database = demo_database(sqlite_url, "chenjie")
    yield database
    database.dispose()


def test_take_and_store_write_custody_and_history(technician: Database) -> None:
    check_take_store_and_history(technician)


def test_undo_restores_the_state_before(technician: Database) -> None:
    check_undo(technician)


def test_refusals_change_nothing(technician: Database) -> None:
    check_refusals(technician, as_user(technician, "luojuan"))
