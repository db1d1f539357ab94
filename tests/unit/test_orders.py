"""Orders on the embedded file: drafts saved priced and numbered, bad input, workflow, intake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from tests import order_cases


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "frontdesk")  # no person record: every role on SQLite
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield database
    database.dispose()


@pytest.mark.parametrize("case", order_cases.CASES, ids=order_cases.case_id)
def test_orders(db: Database, case: order_cases.Case) -> None:
    case(db)
