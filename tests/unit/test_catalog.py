"""The catalogue service on SQLite: snapshot, price list choice, choosers, Excel import and its CLI."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from labdesk.cli import main
from labdesk.services.actor import Actor
from labdesk.services.catalog_import import import_catalog, may_import_catalog
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.permissions import PermissionDenied
from tests import catalog_cases
from tests.instrument_sheets import write_book


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "importer")  # no person record: every role on SQLite
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
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


def test_cli(db: Database, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    headers = ["code", "name", "unit_price"]
    good = write_book(tmp_path / "good.xlsx", [headers, ["A1", "甲", 10], ["A2", "乙", "20.5"]])
    assert main(["import", "catalog", str(good), "--dry-run", "--url", sqlite_url]) == 0
    assert "2 rows checked, no problems; nothing written (dry run)" in capsys.readouterr().out
    assert main(["import", "catalog", str(good), "--url", sqlite_url]) == 0
    assert "2 test items imported" in capsys.readouterr().out
    assert main(["import", "catalog", str(good), "--url", sqlite_url]) == 1
    err = capsys.readouterr().err
    assert "row 2: Code A1 is already in the catalogue. Use another code." in err
    assert "2 problem(s) found; nothing was imported" in err
    assert main(["import", "catalog", str(tmp_path / "missing.xlsx"), "--url", sqlite_url]) == 1
    assert "missing.xlsx does not exist" in capsys.readouterr().err


def test_import_needs_a_role_that_may_add_test_items(db: Database, tmp_path: Path) -> None:
    book = write_book(tmp_path / "one.xlsx", [["code", "name", "unit_price"], ["A1", "甲", 10]])
    clerk = dataclasses.replace(db, actor=Actor("clerk", frozenset({"front_desk"})))
    assert not may_import_catalog(clerk.actor.roles) and may_import_catalog(frozenset({"admin"}))
    with pytest.raises(PermissionDenied):
        import_catalog(clerk, book)
    admin = dataclasses.replace(db, actor=Actor("boss", frozenset({"admin"})))
    assert import_catalog(admin, book)[1] == 1
