"""created_by / updated_by come from the acting person on every flush."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from labdesk.models import Customer
from labdesk.services.actor import Actor
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import open_database


def test_rows_are_stamped_with_the_acting_login(sqlite_url: str) -> None:
    opened = open_database(DatabaseTarget(sqlite_url, UrlSource.CLI))
    first = dataclasses.replace(opened, actor=Actor("zhangwei", frozenset({"front_desk", "sales"})))
    second = dataclasses.replace(opened, actor=Actor("lina", frozenset({"front_desk", "sales"})))
    try:
        with first.session() as session:
            session.add(Customer(code="KH9001", name="新客户"))
        with second.session() as session:
            customer = session.scalars(select(Customer).where(Customer.code == "KH9001")).one()
            customer.name = "改名的客户"
        with opened.read_session() as session:
            stored = session.scalars(select(Customer).where(Customer.code == "KH9001")).one()
            assert (stored.created_by, stored.updated_by) == ("zhangwei", "lina")
    finally:
        opened.dispose()
