"""The order form's data from a demo PostgreSQL database (connected as the superuser here)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from labdesk.services.database import Database
from tests.custody_cases import demo_database
from tests.order_document_cases import check_a_missing_order_is_one_sentence, check_document_matches_the_order


@pytest.fixture
def front_desk(pg_url: str) -> Iterator[Database]:
    database = demo_database(pg_url, "zhangwei")
    yield database
    database.dispose()


def test_the_document_matches_the_order_row(front_desk: Database) -> None:
    check_document_matches_the_order(front_desk)


def test_a_missing_order_is_refused_with_a_sentence(front_desk: Database) -> None:
    check_a_missing_order_is_one_sentence(front_desk)
