"""Alembic is the schema: upgrade, check, refuse what does not fit, back up before upgrading."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from labdesk.services import migrations
from labdesk.services.connection import make_engine
from labdesk.services.migrations import SchemaError, SchemaState


def test_fresh_file_upgrades_to_head_and_checks_clean(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert migrations.schema_status(engine).state is SchemaState.EMPTY
    assert migrations.check(engine) == ["the database has no LabDesk schema: run `labdesk db upgrade`"]
    migrations.upgrade(engine)
    status = migrations.schema_status(engine)
    assert status.state is SchemaState.AT_HEAD and status.current == migrations.head_revision()
    assert migrations.check(engine) == []
    engine.dispose()


def test_check_reports_a_schema_that_drifted_from_the_models(sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text("ALTER TABLE customers ADD COLUMN fax VARCHAR(40)"))
    problems = migrations.check(sqlite_engine)
    assert len(problems) == 1 and "fax" in problems[0]


def _stamp(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def test_a_newer_database_is_refused(sqlite_engine: Engine) -> None:
    _stamp(sqlite_engine, "9999_from_the_future")
    assert migrations.schema_status(sqlite_engine).state is SchemaState.NEWER
    with pytest.raises(SchemaError, match="newer LabDesk"):
        migrations.prepare_for_app(sqlite_engine, embedded=True, display_url="x")
    assert "newer than this LabDesk" in migrations.check(sqlite_engine)[0]


def test_a_shared_server_is_never_upgraded_by_the_app(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    with pytest.raises(SchemaError, match="an administrator must run: labdesk db upgrade"):
        migrations.prepare_for_app(engine, embedded=False, display_url="postgresql://db/lab")
    assert migrations.schema_status(engine).state is SchemaState.EMPTY  # nothing was created
    engine.dispose()


def test_an_embedded_file_is_created_on_start(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'mine.sqlite3'}")
    assert migrations.prepare_for_app(engine, embedded=True, display_url="x") is None  # nothing to back up
    assert migrations.schema_status(engine).state is SchemaState.AT_HEAD
    engine.dispose()


def test_backup_copies_data_with_wal_pending(sqlite_url: str, sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customers (code, name, status, version) VALUES ('KH1', '中建三局', 'active', 1)"
            )
        )
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    backup = migrations.backup_sqlite_file(path)
    assert backup != path and backup.exists()
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT name FROM customers").fetchall() == [("中建三局",)]


def test_behind_embedded_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """A file at an older revision: the app copies it aside, then migrates it to head."""
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO customers (code, name, status, version) VALUES ('KH1', '老客户', 'active', 1)")
        )
    assert migrations.schema_status(engine).state is SchemaState.BEHIND
    backup = migrations.prepare_for_app(engine, embedded=True, display_url="x")
    assert backup is not None and backup.name.startswith("old.backup-")
    assert migrations.schema_status(engine).state is SchemaState.AT_HEAD
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert copy.execute("SELECT name FROM customers").fetchall() == [("老客户",)]
    engine.dispose()
