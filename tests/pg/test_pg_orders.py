"""Orders on PostgreSQL: the same scenarios as on the embedded file; here numbers come from
labdesk_take_number() inside the INSERT or UPDATE (migration 0007)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from tests import order_cases


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    database = open_database(DatabaseTarget(pg_url, UrlSource.CLI))
    yield order_cases.as_roles(database, *order_cases.ALL_JOBS, login="postgres")
    database.dispose()


@pytest.mark.parametrize("case", order_cases.CASES, ids=order_cases.case_id)
def test_orders(db: Database, case: order_cases.Case) -> None:
    case(db)
