"""The UI's door to the database: first-start demo, cancel, keyring honesty, clear failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from labdesk.services import workspace
from labdesk.services.connection import DatabaseTarget, UrlSource, embedded_url, store_password
from labdesk.services.demo import DemoCancelled
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.ledgers.registry import all_ledgers, get_ledger


def test_first_start_fills_the_demo_and_the_second_reuses_it(tmp_path: Path) -> None:
    target = DatabaseTarget(embedded_url(tmp_path / "demo.sqlite3"), UrlSource.DEMO)
    database = workspace.connect(target)
    counts = {spec.name: workspace.count(database, spec, LedgerQuery()) for spec in all_ledgers()}
    counts.pop("audit")  # demo rows are bulk-loaded on SQLite: no audit entries
    database.dispose()
    assert all(n > 0 for n in counts.values()), counts
    again = workspace.connect(target)  # already filled: opened, not refilled (which would raise)
    assert workspace.count(again, all_ledgers()[0], LedgerQuery()) == counts["customers"]
    again.dispose()


def test_cancelled_demo_leaves_an_empty_file_that_fills_next_time(tmp_path: Path) -> None:
    target = DatabaseTarget(embedded_url(tmp_path / "demo.sqlite3"), UrlSource.DEMO)
    with pytest.raises(DemoCancelled):
        workspace.connect(target, cancelled=lambda: True)
    database = workspace.connect(target)
    assert workspace.count(database, get_ledger("instruments"), LedgerQuery()) > 0
    database.dispose()


def test_a_server_that_is_not_there(tmp_path: Path) -> None:
    target = DatabaseTarget("postgresql+psycopg://nobody@127.0.0.1:1/none", UrlSource.CLI)
    with pytest.raises(workspace.DatabaseUnavailable, match=r"^Cannot reach the database server"):
        workspace.connect(target)


def test_no_keyring_is_reported_not_pretended() -> None:
    # conftest selects keyring's null backend, which accepts a password and keeps nothing.
    assert store_password("postgresql://lab@db/labdesk", "secret") is False
