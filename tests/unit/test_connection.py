"""Which database is used, and one clear sentence when it cannot be reached."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from labdesk.paths import demo_database_path, embedded_database_path
from labdesk.services.connection import (
    UrlSource,
    describe_connection_error,
    display_url,
    make_engine,
    normalize_url,
    resolve_target,
)
from labdesk.settings import Settings, load_settings, save_settings


def test_precedence_cli_env_settings_local_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    target = resolve_target(None)
    assert target.source is UrlSource.DEMO and target.is_demo
    assert target.url.endswith(str(demo_database_path()))

    embedded_database_path().touch()
    assert resolve_target(None).source is UrlSource.EMBEDDED

    save_settings(Settings(database_url="postgresql://lab@db.example:5432/labdesk"))
    assert load_settings().database_url == "postgresql://lab@db.example:5432/labdesk"
    target = resolve_target(None)
    assert target.source is UrlSource.SETTINGS and target.url.startswith("postgresql+psycopg://")

    monkeypatch.setenv("LABDESK_DATABASE_URL", "sqlite:////tmp/env.sqlite3")
    assert resolve_target(None).source is UrlSource.ENVIRONMENT
    assert resolve_target("sqlite:////tmp/cli.sqlite3").source is UrlSource.CLI


def test_a_broken_settings_file_gives_defaults() -> None:
    from labdesk.settings import settings_path

    settings_path().write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()


def test_passwords_never_shown() -> None:
    url = normalize_url("postgresql://finance:s3cret@db:5432/labdesk")
    assert "s3cret" in url  # kept for connecting...
    assert "s3cret" not in display_url(url)  # ...never displayed


def test_unreachable_server_is_one_sentence() -> None:
    url = "postgresql://nobody@127.0.0.1:1/none"
    engine = make_engine(url)
    with pytest.raises(OperationalError) as caught:
        engine.connect()
    message = describe_connection_error(caught.value, url)
    assert message.startswith("Cannot reach the database server at postgresql://nobody@127.0.0.1:1/none;")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("driver_text", "expected"),
    [
        ('FATAL:  password authentication failed for user "lab"', "refused the user name or password"),
        ('FATAL:  database "lims" does not exist', "has no database named 'labdesk'"),
        ('FATAL:  role "ghost" does not exist', "does not know the user 'lab'"),
    ],
)
def test_server_refusals_are_told_apart(driver_text: str, expected: str) -> None:
    error = OperationalError("connect", {}, Exception(driver_text))
    assert expected in describe_connection_error(error, "postgresql://lab@db:5432/labdesk")


def test_a_writing_session_on_sqlite_takes_the_write_lock_up_front(sqlite_url: str) -> None:
    """BEGIN IMMEDIATE: a second writer waits for the lock instead of failing later on a stale snapshot."""
    import sqlite3

    from labdesk.services.connection import DatabaseTarget, UrlSource
    from labdesk.services.database import open_database

    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    path = sqlite_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with database.read_session() as session:
            session.execute(text("select 1"))
            other.execute("BEGIN IMMEDIATE")  # a reader holds no write lock
            other.execute("ROLLBACK")
        with database.session() as session:
            session.execute(text("select 1"))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        database.dispose()
