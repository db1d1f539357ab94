"""The calibration plan's exact contents, reminders and the task guard on PostgreSQL (the fleet of
tests/unit/test_calibration_plan.py), and that the plan query is an index range scan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from labdesk.services import calibration_plan as cp
from labdesk.services.database import Database
from tests.unit.test_calibration_plan import (
    TODAY,
    build_fleet,
    check_plan_contents,
    check_reminders,
    check_usable,
    open_db,
)


@pytest.fixture
def fleet(pg_url: str) -> Iterator[tuple[Database, dict[str, int]]]:
    database = open_db(pg_url)
    ids = build_fleet(database)
    yield database, ids
    database.dispose()


def test_plan_has_exactly_the_due_instruments_by_month(fleet: tuple[Database, dict[str, int]]) -> None:
    check_plan_contents(fleet[0])


def test_reminders_count_overdue_and_due_soon(fleet: tuple[Database, dict[str, int]]) -> None:
    check_reminders(fleet[0])


def test_only_in_service_calibrated_instruments_are_usable_for_tasks(
    fleet: tuple[Database, dict[str, int]],
) -> None:
    check_usable(*fleet)


def test_plan_query_reads_the_due_date_index(fleet: tuple[Database, dict[str, int]]) -> None:
    """With sequential and bitmap scans priced out (a 12-row table would rather scan), the plan's
    query is answered from ix_instruments_next_due_date_id in its order: no sort node."""
    database, _ids = fleet
    stmt = cp._due_select(cp.plan_horizon(TODAY, 3))
    with database.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        conn.execute(text("SET enable_bitmapscan = off"))
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        plan = "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_instruments_next_due_date_id" in plan
    assert "Sort" not in plan
