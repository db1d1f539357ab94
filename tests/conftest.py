"""Fixtures every test shares: isolated user directories, migrated databases on SQLite and PostgreSQL.

Databases are always built by the migrations (``alembic upgrade head``), never by ``create_all``.
PostgreSQL tests use the server at ``LABDESK_TEST_PG_URL`` (a login that may CREATE DATABASE); each
test gets a database of its own, dropped afterwards. Without the variable the PostgreSQL tests are
skipped, unless ``LABDESK_REQUIRE_PG=1`` (set by CI), which turns that into a failure.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from labdesk.services.connection import make_engine, normalize_url
from labdesk.services.migrations import upgrade


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the embedded database go to a temporary folder, never the real user's."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("LABDESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("LABDESK_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("LABDESK_DATABASE_URL", raising=False)
    # No OS keyring in tests: the null backend stores nothing and returns nothing.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    return home


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file built by the migrations, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_sqlite_template: Path) -> str:
    """A migrated, empty embedded database file of this test's own."""
    path = tmp_path / "labdesk.sqlite3"
    shutil.copyfile(migrated_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


def _pg_admin_url() -> str:
    url = os.environ.get("LABDESK_TEST_PG_URL")
    if not url:
        if os.environ.get("LABDESK_REQUIRE_PG") == "1":
            pytest.fail(
                "LABDESK_TEST_PG_URL is not set but LABDESK_REQUIRE_PG=1: PostgreSQL tests cannot run"
            )
        pytest.skip("LABDESK_TEST_PG_URL is not set")
    return url


def _libpq_url(url: str) -> str:
    return make_url(normalize_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def _new_pg_database() -> Iterator[str]:
    admin = _pg_admin_url()
    name = f"labdesk_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq_url(admin), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(normalize_url(admin)).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with psycopg.connect(_libpq_url(admin), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test (dropped afterwards)."""
    with _new_pg_database() as url:
        yield url


@pytest.fixture(scope="module")
def pg_module_url() -> Iterator[str]:
    """A PostgreSQL database migrated to head, shared by one test module (dropped afterwards)."""
    with _new_pg_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url


@pytest.fixture
def pg_url(pg_empty_url: str) -> str:
    """A new PostgreSQL database migrated to head."""
    engine = make_engine(pg_empty_url)
    upgrade(engine)
    engine.dispose()
    return pg_empty_url
