"""Schema upgrades and checks through Alembic, the only source of the schema.

The app upgrades an embedded SQLite file by itself (after a backup) but never a shared server:
that is an administrator's `labdesk db upgrade --url ...`, so that one workstation with a newer
LabDesk cannot change the schema under everybody else's feet.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models import Base
from labdesk.paths import MIGRATIONS_DIR
from labdesk.services.problems import Problem, ProblemError


class SchemaState(StrEnum):
    EMPTY = "empty"  # no LabDesk tables yet
    BEHIND = "behind"  # an older schema: needs `db upgrade`
    AT_HEAD = "at_head"
    NEWER = "newer"  # made by a newer LabDesk than this one


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str


class SchemaError(ProblemError):
    """The database's schema cannot be used by this LabDesk; the message says what to do."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@lru_cache(maxsize=1)
def script_directory() -> ScriptDirectory:
    """The migration scripts, read once per process (reading imports every revision module)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "migrations/ has no revision"
    return head


def schema_status(engine: Engine) -> SchemaStatus:
    """Where the database stands against this LabDesk's migrations."""
    script = script_directory()
    head = head_revision()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        return SchemaStatus(SchemaState.EMPTY, None, head)
    if current == head:
        return SchemaStatus(SchemaState.AT_HEAD, current, head)
    known = {rev.revision for rev in script.walk_revisions()}
    state = SchemaState.BEHIND if current in known else SchemaState.NEWER
    return SchemaStatus(state, current, head)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: head) in one connection."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def include_in_comparison(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave out of autogenerate what only migrations manage: the ``ixsearch_*`` search indexes."""
    return not (type_ == "index" and name is not None and name.startswith("ixsearch_"))


def schema_differences(engine: Engine) -> list[Any]:
    """Autogenerate's differences between the models and the database (empty when they match)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": False,
                "include_object": include_in_comparison,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def check(engine: Engine) -> list[str]:
    """Problems that make `db check` fail; an empty list means at head and matching the models."""
    status = schema_status(engine)
    if status.state is SchemaState.EMPTY:
        return ["the database has no LabDesk schema: run `labdesk db upgrade`"]
    if status.state is SchemaState.NEWER:
        return [f"the database is at revision {status.current}, newer than this LabDesk ({status.head})"]
    if status.state is SchemaState.BEHIND:
        return [
            f"the database is at revision {status.current}, not at head {status.head}: "
            "run `labdesk db upgrade`"
        ]
    return [f"model and schema differ: {diff}" for diff in schema_differences(engine)]


def backup_sqlite_file(path: Path) -> Path:
    """Copy a SQLite file with SQLite's online backup (safe with WAL); returns the backup's path."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def prepare_for_app(engine: Engine, *, embedded: bool, display_url: str) -> Path | None:
    """Make sure the app can work on this database, or raise SchemaError saying why not.

    An embedded file is created or upgraded here (backed up first when it had data); returns the
    backup path if one was made. A shared server is only checked.
    """
    status = schema_status(engine)
    if status.state is SchemaState.AT_HEAD:
        return None
    if status.state is SchemaState.NEWER:
        raise SchemaError(
            Problem(
                N(
                    "Problem",
                    "The database {where} was made by a newer LabDesk (schema {current}); "
                    "install the newer LabDesk to open it.",
                ),
                {"where": display_url, "current": str(status.current)},
            )
        )
    if not embedded:
        raise SchemaError(
            Problem(
                N(
                    "Problem",
                    "The server database {where} is not at this LabDesk's schema ({head}); "
                    "an administrator must run: labdesk db upgrade --url {where}",
                ),
                {"where": display_url, "head": status.head},
            )
        )
    backup = None
    database = engine.url.database
    if status.state is SchemaState.BEHIND and database and database != ":memory:":
        backup = backup_sqlite_file(Path(database))
    upgrade(engine)
    return backup
