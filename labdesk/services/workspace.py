"""What the UI asks of the database, as plain calls: connect, count, page, card, export.

The UI never imports SQLAlchemy (an import-linter contract), so this module is its door: every
call opens its own session (one per user action) and turns driver errors into
``DatabaseUnavailable`` with one sentence a user can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from labdesk.paths import demo_database_path, embedded_database_path
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate
from labdesk.services.connection import (
    DatabaseTarget,
    UrlSource,
    connection_problem,
    embedded_url,
    make_engine,
)
from labdesk.services.database import Database, open_database
from labdesk.services.ledgers.cards import Card, load_card
from labdesk.services.ledgers.formatting import Translate
from labdesk.services.ledgers.paging import LedgerQuery, Page, PageRequest, count_rows, run_page
from labdesk.services.ledgers.spec import LedgerSpec
from labdesk.services.migrations import SchemaError
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.units import DatabaseUnavailable as DatabaseUnavailable
from labdesk.services.units import reading, writing

if TYPE_CHECKING:
    from labdesk.services.audit import AuditEntry
    from labdesk.services.labels import JobSummary

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class LabelTemplateInfo:
    """A label template for the template screen: built-ins are read-only; ``version`` is the custom
    template's row version (for a version-checked save), None for a built-in."""

    template: LabelTemplate
    builtin: bool
    version: int | None


def connect(
    target: DatabaseTarget,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Database:
    """Open the target for the app; the demo file is created and filled on first use.

    A cancelled demo fill leaves the file empty (one transaction) and raises ``DemoCancelled``.
    """
    try:
        fresh_demo = target.is_demo and not _has_customers(target)
        database = open_database(target, password=password)
    except DBAPIError as error:
        raise DatabaseUnavailable(connection_problem(error, target.url)) from error
    except SchemaError as error:
        raise DatabaseUnavailable(error.problem) from error
    if fresh_demo:
        from labdesk.services.demo import DemoSizes, fill_demo

        try:
            fill_demo(database.engine, DemoSizes(), progress=progress, cancelled=cancelled)
        except BaseException:
            database.dispose()
            raise
    return database


def _has_customers(target: DatabaseTarget) -> bool:
    """Whether an embedded file already holds data (a missing file or an empty schema does not)."""
    path = target.sqlite_path
    if path is None or not path.exists():
        return False
    engine = make_engine(target.url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("select name from sqlite_master where name = 'customers'")).first()
            return (
                found is not None
                and conn.execute(text("select 1 from customers limit 1")).first() is not None
            )
    finally:
        engine.dispose()


def test_connection(url: str, password: str | None) -> Problem | None:
    """None when the server answers with this login; otherwise the one-sentence reason."""
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except DBAPIError as error:
        return connection_problem(error, url)
    finally:
        engine.dispose()
    return None


def local_database_target() -> DatabaseTarget:
    """The user's own (empty at first) local database file."""
    return DatabaseTarget(embedded_url(embedded_database_path()), UrlSource.EMBEDDED)


def demo_database_target() -> DatabaseTarget:
    return DatabaseTarget(embedded_url(demo_database_path()), UrlSource.DEMO)


def count(database: Database, spec: LedgerSpec, query: LedgerQuery) -> int:
    with reading(database) as session:
        return count_rows(session, spec, query)


def page(database: Database, spec: LedgerSpec, query: LedgerQuery, request: PageRequest) -> Page:
    with reading(database) as session:
        return run_page(session, spec, query, request)


def card(database: Database, spec: LedgerSpec, record_id: int) -> Card:
    with reading(database) as session:
        return load_card(session, spec, record_id)


def export(
    database: Database,
    spec: LedgerSpec,
    query: LedgerQuery,
    path: Path,
    translate: Translate,
    *,
    columns: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    from labdesk.services.ledgers.export import export_ledger  # openpyxl loads only when exporting

    with reading(database) as session:
        return export_ledger(
            session, spec, query, path, translate, columns=columns, progress=progress, cancelled=cancelled
        )


def connection_alive(database: Database) -> bool:
    """A cheap round trip, for the status bar's connection state."""
    try:
        with database.engine.connect() as conn:
            conn.execute(text("select 1"))
    except DBAPIError:
        return False
    return True


def label_records(database: Database, kind: str, codes: Sequence[str]) -> list[LabelRecord]:
    """What the labels of these records show (raises ``labels.UnknownCodes`` for codes not found)."""
    from labdesk.services.labels import load_label_records

    with reading(database) as session:
        return load_label_records(session, kind, codes)


def label_jobs(database: Database, limit: int = 200) -> list[JobSummary]:
    """The most recent label print jobs first, with their label counts (the print job log)."""
    from labdesk.services.labels import list_jobs

    with reading(database) as session:
        return list_jobs(session, limit)


def order_sample_numbers(database: Database, order_nos: Sequence[str]) -> list[str]:
    """The sample numbers of these orders, order by order, for printing their sample labels."""
    from labdesk.services.order_samples import sample_numbers_of_orders

    with reading(database) as session:
        return sample_numbers_of_orders(session, order_nos)


def _literal(text: str) -> str:
    """``text`` as a Problem template that formats to itself (a name may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


class TemplateNotSaved(ProblemError):
    """A label template could not be saved or deleted; the message is one sentence saying why."""


def label_templates(database: Database, kind: str | None = None) -> list[LabelTemplateInfo]:
    """Built-in templates first, then the lab's own by name, each with whether it can be changed."""
    from labdesk.services.label_templates import custom_versions, is_builtin, list_templates

    with reading(database) as session:
        versions = custom_versions(session, kind)
        return [
            LabelTemplateInfo(t, is_builtin(t.name), versions.get(t.name))
            for t in list_templates(session, kind)
        ]


def save_label_template(
    database: Database, template: LabelTemplate, expected_version: int | None = None
) -> int:
    """Save a custom template (``expected_version``: the version loaded, None for a new one); returns
    its new version. Raises ``TemplateNotSaved`` with one sentence when it cannot be saved."""
    from labdesk.services.label_templates import TemplateError, save_template

    try:
        with writing(database) as session:
            return save_template(
                session, template, user=database.user_name, expected_version=expected_version
            )
    except TemplateError as error:
        raise TemplateNotSaved(Problem(_literal(str(error)))) from error


def delete_label_template(database: Database, name: str) -> None:
    """Delete a custom template; ``TemplateNotSaved`` with one sentence when it cannot be deleted."""
    from labdesk.services.label_templates import TemplateError, delete_template

    try:
        with writing(database) as session:
            delete_template(session, name)
    except TemplateError as error:
        raise TemplateNotSaved(Problem(_literal(str(error)))) from error
    except KeyError as error:
        raise TemplateNotSaved(Problem("The template {name} no longer exists.", {"name": name})) from error


def set_label_job_printer(database: Database, job_id: int, printer: str) -> None:
    """Record that a label job is resumed on another printer (the log says where its labels went)."""
    from labdesk.services.labels import set_job_printer

    with writing(database) as session:
        set_job_printer(session, job_id, printer)


def record_history(database: Database, ledger_key: str, record_id: int) -> list[AuditEntry] | None:
    """A record's audit entries, newest first; None when there is no history to offer: the table is
    not audited (the Audit ledger itself) or this login may not read the audit trail (on a server
    only admins and signatories are granted SELECT on audit_log)."""
    from sqlalchemy.exc import ProgrammingError

    from labdesk.services.audit import UNAUDITED_TABLES
    from labdesk.services.audit import record_history as read_history
    from labdesk.services.ledgers.registry import get_ledger

    source = get_ledger(ledger_key).source
    table = getattr(source, "__tablename__", None) or source.name
    if table in UNAUDITED_TABLES:
        return None
    with reading(database) as session:
        try:
            return read_history(session, str(table), str(record_id))
        except ProgrammingError as error:
            if getattr(error.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                return None
            raise
