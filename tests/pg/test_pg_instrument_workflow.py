"""Instrument status workflows on PostgreSQL (connected as the superuser, so the services' own step
checks are what refuses; the scenarios: tests/instrument_cases.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labdesk.models import Instrument
from labdesk.services import instrument_desk as desk
from labdesk.services import users
from labdesk.services.connection import DatabaseTarget, UrlSource, make_engine
from labdesk.services.database import Database, open_database
from labdesk.services.instrument_workflow import CertificateFile
from labdesk.services.permissions import PermissionDenied
from labdesk.services.pg_security import apply_security
from tests.instrument_cases import CASES, PDF, PNG, Lab, open_lab

pytestmark = pytest.mark.pg


@pytest.fixture
def lab(pg_url: str) -> Iterator[Lab]:
    opened = open_lab(pg_url)
    yield opened
    opened.dispose()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__.removeprefix("check_"))
def test_instrument_workflow(lab: Lab, case: Callable[[Lab], None]) -> None:
    case(lab)


# -- through the server's own rights: each person logs in as their own PostgreSQL role ----------------

RUN = uuid.uuid4().hex[:8]


def _login_database(url: str, login: str) -> Database:
    return open_database(
        DatabaseTarget(make_url(url).set(username=login).render_as_string(hide_password=False), UrlSource.CLI)
    )


@pytest.fixture
def secured(pg_url: str) -> Iterator[tuple[Database, Database]]:
    """(equipment manager, technician), logged in as themselves on a server secured by pg_security."""
    engine = make_engine(pg_url)
    logins = {role: f"ldi{RUN}.{role}" for role in ("equipment_manager", "technician")}
    opened: list[Database] = []
    try:
        apply_security(engine)
        with Session(engine) as session, session.begin():
            for role, login in logins.items():
                users.add_user(session, login, [role], full_name=f"测试 {role}")
            for status in ("in_service", "out_for_calibration"):
                session.add(
                    Instrument(
                        code=f"YQ-{status}",
                        name="万能试验机",
                        status=status,
                        calibration_interval_months=12,
                        next_due_date=dt.date.today() + dt.timedelta(days=20),
                    )
                )
        opened = [_login_database(pg_url, logins[role]) for role in ("equipment_manager", "technician")]
        yield opened[0], opened[1]
    finally:
        for database in opened:
            database.dispose()
        engine.dispose()
        with psycopg.connect(
            make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False),
            autocommit=True,
        ) as conn:
            for login in logins.values():
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


def test_steps_fit_the_server_grants(secured: tuple[Database, Database]) -> None:
    manager, technician = secured
    assert technician.actor.roles == frozenset({"technician"}) and technician.actor.person_id is not None
    c = "YQ-in_service"
    seen = desk.instrument_summary(technician, c)
    assert seen.actions == ("request_repair",)
    after = desk.request_repair(technician, c, seen.version, fault="液压油泄漏", reporter_id=None, photo=PNG)
    assert after.status == "under_repair" and after.history[0].who == technician.actor.full_name
    with pytest.raises(PermissionDenied):
        desk.finish_repair(technician, c, after.version, cost="1", result="r", back_in_service=True)
    done = desk.finish_repair(
        manager, c, after.version, cost="880.00", result="更换密封圈", back_in_service=True
    )
    assert done.status == "in_service"
    away = "YQ-out_for_calibration"
    calibrated = desk.record_calibration(
        manager,
        away,
        desk.instrument_summary(manager, away).version,
        calibrated_on=dt.date.today(),
        provider="省计量院",
        certificate_no="JL-PG-1",
        passed=True,
        adjustments=None,
        certificate=CertificateFile("证书.pdf", PDF),
    )
    assert calibrated.status == "in_service" and calibrated.history[0].who == manager.actor.full_name
