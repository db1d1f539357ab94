"""The coding rules screen's services: list with counters, version-checked save, permission."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import delete

from labdesk.models.numbering import CodingRule
from labdesk.services import coding_rules
from labdesk.services.actor import Actor
from labdesk.services.coding_rules import CounterReset, DocType, RuleFormat, StaleRule
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.numbering import InvalidCodingRule, allocate_numbers
from labdesk.services.permissions import PermissionDenied

TODAY = dt.date(2026, 3, 7)
NEW = RuleFormat("WO", "{prefix}{yy}{mm}-{seq}", 5, CounterReset.MONTHLY)


@pytest.fixture(params=["sqlite", "pg"])
def db(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    monkeypatch.setenv("LABDESK_USER", "rules-admin")
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    # On a server the login has no person record, hence no job roles: act as an administrator.
    database = dataclasses.replace(database, actor=Actor("rules-admin", frozenset({"admin"})))
    yield database
    database.dispose()


def view(db: Database, doc_type: DocType) -> coding_rules.RuleView:
    return next(v for v in coding_rules.list_rules(db, TODAY) if v.doc_type is doc_type)


def test_list_shows_every_type_and_previews_from_the_counters(db: Database) -> None:
    views = coding_rules.list_rules(db, TODAY)
    assert [v.doc_type for v in views] == list(DocType)
    assert all(v.version == 1 for v in views)  # seeded by the migration
    with db.session() as session:
        allocate_numbers(session, DocType.ORDER, 41, on=TODAY)
    orders = view(db, DocType.ORDER)
    assert orders.next_seq(orders.rule) == 42
    assert orders.preview(orders.rule, n=2) == ["WT2026-000042", "WT2026-000043"]
    # Picking a monthly reset in the editor: this month has no counter yet.
    assert orders.preview(NEW, n=1) == ["WO2603-00001"]
    assert orders.preview(dataclasses.replace(NEW, pattern="{prefix}"), n=1) == []


def test_save_is_version_checked(db: Database) -> None:
    saved = coding_rules.save_rule(db, DocType.ORDER, NEW, 1, TODAY)
    assert (saved.rule, saved.version) == (NEW, 2)
    with pytest.raises(StaleRule, match="Someone else changed this coding rule"):
        coding_rules.save_rule(db, DocType.ORDER, dataclasses.replace(NEW, prefix="ZZ"), 1, TODAY)
    assert view(db, DocType.ORDER).rule == NEW
    with db.session() as session:
        assert allocate_numbers(session, DocType.ORDER, 1, on=TODAY) == ["WO2603-00001"]


def test_a_rule_not_stored_yet_is_created_at_version_zero(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(CodingRule).where(CodingRule.doc_type == "task"))
    assert view(db, DocType.TASK).version == 0
    with pytest.raises(StaleRule):
        coding_rules.save_rule(db, DocType.TASK, NEW, 3, TODAY)
    assert coding_rules.save_rule(db, DocType.TASK, NEW, 0, TODAY).version == 1
    with pytest.raises(StaleRule):  # someone else created it meanwhile
        coding_rules.save_rule(db, DocType.TASK, NEW, 0, TODAY)


def test_invalid_rule_is_refused(db: Database) -> None:
    with pytest.raises(InvalidCodingRule, match="restarts every month needs"):
        coding_rules.save_rule(db, DocType.ORDER, dataclasses.replace(NEW, pattern="{prefix}{seq}"), 1)


def test_only_an_administrator_may_save(db: Database) -> None:
    technician = dataclasses.replace(db, actor=Actor("tech", frozenset({"technician", "front_desk"})))
    assert not coding_rules.may_edit(technician.actor.roles)
    assert coding_rules.may_edit(db.actor.roles)
    with pytest.raises(PermissionDenied, match=r"coding_rules\.edit"):
        coding_rules.save_rule(technician, DocType.ORDER, NEW, 1)
    assert view(db, DocType.ORDER).version == 1
