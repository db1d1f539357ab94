"""On a real PostgreSQL server: migrations, `db check`, and what the app says about the server."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from labdesk.cli import main
from labdesk.i18n import load_catalog
from labdesk.services import migrations, workspace
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.workspace import DatabaseUnavailable, connect

COLUMN_TYPE = text(
    "select data_type from information_schema.columns where table_name = 'orders' and column_name = :column"
)


def test_upgrade_and_check_on_postgresql(pg_empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", "--url", pg_empty_url]) == 1
    assert "no LabDesk schema" in capsys.readouterr().err
    assert main(["db", "upgrade", "--url", pg_empty_url]) == 0
    assert main(["db", "check", "--url", pg_empty_url]) == 0
    assert "schema matches the models" in capsys.readouterr().out
    engine = make_engine(pg_empty_url)
    with engine.connect() as conn:
        tables = conn.execute(
            text("select count(*) from information_schema.tables where table_schema='public'")
        )
        assert tables.scalar_one() == 41  # 40 LabDesk tables + alembic_version
        kind = conn.execute(COLUMN_TYPE, {"column": "final_price"}).scalar_one()
        assert kind == "numeric"
        stamp = conn.execute(COLUMN_TYPE, {"column": "created_at"}).scalar_one()
        assert stamp == "timestamp with time zone"
    engine.dispose()


def test_drift_on_the_server_fails_check(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE instruments ALTER COLUMN name TYPE varchar(20)"))
    engine.dispose()
    assert main(["db", "check", "--url", pg_url]) == 1
    assert "model and schema differ" in capsys.readouterr().err


def test_app_refuses_a_server_not_upgraded(pg_empty_url: str) -> None:
    target = DatabaseTarget(pg_empty_url, UrlSource.CLI)
    with pytest.raises(DatabaseUnavailable, match="an administrator must run: labdesk db upgrade --url"):
        connect(target)
    engine = make_engine(pg_empty_url)
    assert migrations.schema_status(engine).state is migrations.SchemaState.EMPTY  # left untouched
    engine.dispose()


def test_app_opens_an_upgraded_server(pg_url: str) -> None:
    database = connect(DatabaseTarget(pg_url, UrlSource.CLI))
    assert database.server_version.startswith("PostgreSQL 1") and database.user_name == "postgres"
    database.dispose()


def test_missing_database_is_one_sentence(pg_url: str) -> None:
    missing = make_url(pg_url).set(database="no_such_labdesk_db").render_as_string(hide_password=False)
    problem = workspace.test_connection(missing, None)
    assert problem is not None and "has no database named 'no_such_labdesk_db'" in str(problem)
    chinese = load_catalog("zh_CN").translate
    assert "no_such_labdesk_db" in problem.text(chinese) and problem.text(chinese) != str(problem)
    assert workspace.test_connection(pg_url, None) is None
