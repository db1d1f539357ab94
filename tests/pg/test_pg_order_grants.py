"""The order's whole path through the server's own rights: each job logs in as its own PostgreSQL
role on a server secured by pg_security, so a missing GRANT (a column, a sequence, the numbering
function) fails here even where the services' own checks pass."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labdesk.services import users
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.order_workflow import (
    accept_intake,
    confirm_fee,
    intake_queue,
    submit_external_order,
    take_order_action,
)
from labdesk.services.orders import save_draft
from labdesk.services.permissions import PermissionDenied
from labdesk.services.pg_security import apply_security
from tests import catalog_cases, order_cases

pytestmark = pytest.mark.pg

RUN = uuid.uuid4().hex[:8]
JOBS = ("front_desk", "finance", "technician", "signatory")


def _login_database(url: str, login: str) -> Database:
    return open_database(
        DatabaseTarget(make_url(url).set(username=login).render_as_string(hide_password=False), UrlSource.CLI)
    )


@pytest.fixture
def staff(pg_url: str) -> Iterator[tuple[dict[str, Database], dict[str, int]]]:
    engine = make_engine(pg_url)
    logins = {job: f"ldo{RUN}.{job}" for job in JOBS}
    opened: dict[str, Database] = {}
    owner = open_database(DatabaseTarget(pg_url, UrlSource.CLI))
    try:
        ids = catalog_cases.seed(owner)
        apply_security(engine)
        with Session(engine) as session, session.begin():
            for job, login in logins.items():
                users.add_user(session, login, [job], full_name=f"测试 {job}")
        opened = {job: _login_database(pg_url, login) for job, login in logins.items()}
        yield opened, ids
    finally:
        for database in [*opened.values(), owner]:
            database.dispose()
        engine.dispose()
        with psycopg.connect(
            make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False),
            autocommit=True,
        ) as conn:
            for login in logins.values():
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


def test_the_order_path_fits_the_server_grants(staff: tuple[dict[str, Database], dict[str, int]]) -> None:
    db, ids = staff
    front, finance, tech, signatory = (db[job] for job in JOBS)
    assert front.actor.roles == frozenset({"front_desk"}) and front.actor.person_id is not None
    saved = save_draft(front, order_cases.a_draft(ids))
    assert saved.order_no and len(saved.sample_numbers) == 2
    with pytest.raises(PermissionDenied):
        save_draft(tech, order_cases.a_draft(ids))
    summary = take_order_action(front, saved.order_id, saved.version, "submit")
    summary = confirm_fee(finance, saved.order_id, summary.version, charged=True, amount_received="100.00",
                          note=order_cases.HOSTILE)
    summary = take_order_action(front, saved.order_id, summary.version, "accept")
    summary = take_order_action(tech, saved.order_id, summary.version, "start_testing")
    summary = take_order_action(tech, saved.order_id, summary.version, "complete")
    summary = take_order_action(signatory, saved.order_id, summary.version, "report")
    assert summary.status == "reported" and summary.fee_note == order_cases.HOSTILE
    assert [h.actor for h in summary.history] == [  # shown by name
        front.actor.full_name, finance.actor.full_name, front.actor.full_name, tech.actor.full_name,
        tech.actor.full_name, signatory.actor.full_name,
    ]


def test_intake_acceptance_fits_the_server_grants(staff: tuple[dict[str, Database], dict[str, int]]) -> None:
    db, ids = staff
    front = db["front_desk"]
    order_id = submit_external_order(front, order_cases.a_draft(ids))
    (row,) = intake_queue(front)
    accepted = accept_intake(front, order_id, row.version)
    assert accepted.order_no and accepted.status == "submitted" and all(accepted.sample_numbers.values())
