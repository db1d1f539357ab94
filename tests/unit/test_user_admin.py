"""The users screen's services on the embedded file: permission, self-protection, no passwords."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from labdesk.services import user_admin
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.permissions import PermissionDenied
from labdesk.services.user_admin import UserError


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "boss")  # no person record yet: every role on SQLite
    database = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    yield database
    database.dispose()


def test_add_list_roles_and_disable(db: Database) -> None:
    assert not user_admin.has_passwords(db)
    user_admin.add_user(db, "boss", "老板", ["admin"])
    user_admin.add_user(db, "chen", "", ["technician"])
    user_admin.set_roles(db, "chen", ["technician", "signatory"], ["technician"])
    user_admin.set_active(db, "chen", False)
    chen = next(u for u in user_admin.list_users(db) if u.login == "chen")
    assert (chen.full_name, chen.roles, chen.active, chen.can_login) == ("chen", ("signatory", "technician"),
                                                                          False, None)


def test_no_passwords_on_the_embedded_file(db: Database) -> None:
    with pytest.raises(UserError, match="no passwords"):
        user_admin.add_user(db, "chen", "陈", ["technician"], password="s3cret")
    user_admin.add_user(db, "chen", "陈", ["technician"])
    with pytest.raises(UserError, match="no passwords") as refused:
        user_admin.set_password(db, "chen", "s3cret")
    assert "s3cret" not in str(refused.value)


def test_an_administrator_cannot_lock_themselves_out(db: Database) -> None:
    user_admin.add_user(db, "boss", "老板", ["admin"])
    with pytest.raises(UserError, match="your own account"):
        user_admin.set_active(db, "boss", False)
    with pytest.raises(UserError, match="admin role from yourself"):
        user_admin.set_roles(db, "boss", ["finance"], ["admin"])


def test_only_an_administrator_may_manage_users(db: Database) -> None:
    clerk = dataclasses.replace(db, actor=Actor("clerk", frozenset({"front_desk", "finance"})))
    assert not user_admin.may_manage(clerk.actor.roles)
    for call in (lambda: user_admin.list_users(clerk),
                 lambda: user_admin.add_user(clerk, "x", "x", ["admin"]),
                 lambda: user_admin.set_active(clerk, "x", True)):
        with pytest.raises(PermissionDenied, match=r"users\.manage"):
            call()
