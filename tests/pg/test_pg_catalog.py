"""The catalogue service on PostgreSQL: snapshot, price list choice, choosers and the Excel import
(audited by the triggers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from tests import catalog_cases


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    database = open_database(DatabaseTarget(pg_url, UrlSource.CLI))
    yield database
    database.dispose()


def test_snapshot_and_price_list_choice(db: Database) -> None:
    catalog_cases.check_snapshot_and_price_list_choice(db)


def test_choosers(db: Database) -> None:
    catalog_cases.check_choosers(db)


def test_import(db: Database, tmp_path: Path) -> None:
    catalog_cases.check_import(db, tmp_path)


def test_import_refusals(db: Database, tmp_path: Path) -> None:
    catalog_cases.check_import_refusals(db, tmp_path)
