"""Instrument workflow scenarios shared by the SQLite and PostgreSQL tests (one `Lab` per test)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from labdesk.models import (
    Attachment,
    CalibrationRecord,
    Instrument,
    JobRole,
    Person,
    RepairRecord,
    WorkflowEvent,
)
from labdesk.services import instrument_desk as desk
from labdesk.services import instrument_workflow as flow
from labdesk.services.actor import Actor
from labdesk.services.attachments import list_attachments, read_attachment
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.dates import add_months
from labdesk.services.instrument_workflow import CertificateFile, InstrumentConflict, InvalidEntry
from labdesk.services.permissions import ROLES, PermissionDenied, may_step
from labdesk.services.workflow import TransitionNotAllowed

HOSTILE = '仪器\x1b^XZ~JA\'; DROP TABLE instruments;--\r\n\t🙂 "q" <b>&amp;' + "长" * 300
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # the service checks the signature only
PDF = b"%PDF-1.4\n% certificate\n%%EOF\n"
STAFF = {  # login -> (name, roles)
    "heyong": ("何勇", ("equipment_manager",)),
    "chenjie": ("陈杰", ("technician",)),
    "luojuan": ("罗娟", ("finance",)),
}
TODAY = dt.date.today()
STATUSES = ("in_service", "under_repair", "out_for_calibration", "out_of_service", "loaned", "retired")


@dataclass
class Lab:
    """Three people's workstations on one database, and one instrument per starting status."""

    manager: Database
    technician: Database
    finance: Database

    def dispose(self) -> None:
        self.manager.dispose()


def open_lab(url: str) -> Lab:
    database = open_database(DatabaseTarget(url, UrlSource.CLI))
    with database.sessions.begin() as session:  # no actor: seeding is not a user action
        roles = {r.key: r for r in session.scalars(select(JobRole))}
        people = {}
        for login, (name, keys) in STAFF.items():
            people[login] = Person(login=login, full_name=name, roles=[roles[k] for k in keys])
            session.add(people[login])
        for number, status in enumerate(STATUSES, 1):
            session.add(
                Instrument(
                    code=f"YQ-{status}",
                    name="电子天平",
                    model="BSA224S",
                    status=status,
                    location="化学室",
                    custodian=people["heyong"],
                    calibration_interval_months=6,
                    calibration_provider="省计量院",
                    last_calibration_date=TODAY - dt.timedelta(days=200),
                    next_due_date=TODAY + dt.timedelta(days=30),
                    serial_number=str(number),
                )
            )
        session.flush()
        actors = {
            login: Actor(login, frozenset(STAFF[login][1]), p.id, p.full_name) for login, p in people.items()
        }
    return Lab(
        *(dataclasses.replace(database, actor=actors[login]) for login in ("heyong", "chenjie", "luojuan"))
    )


def code(status: str) -> str:
    return f"YQ-{status}"


def snapshot(database: Database, instrument_code: str) -> tuple[object, ...]:
    """Everything a refused step must leave as it was."""
    with database.read_session() as session:
        instrument = session.scalars(select(Instrument).where(Instrument.code == instrument_code)).one()
        counts = [
            session.scalar(select(func.count()).select_from(model))
            for model in (WorkflowEvent, RepairRecord, CalibrationRecord, Attachment)
        ]
        return (
            instrument.status,
            instrument.version,
            instrument.next_due_date,
            instrument.last_calibration_date,
            instrument.calibration_provider,
            *counts,
        )


def refused(
    database: Database,
    instrument_code: str,
    error: type[Exception],
    step: Callable[[], object],
    match: str | None = None,
) -> str:
    before = snapshot(database, instrument_code)
    with pytest.raises(error, match=match) as caught:
        step()
    assert snapshot(database, instrument_code) == before
    return str(caught.value)


def events(database: Database, instrument_code: str) -> list[WorkflowEvent]:
    with database.read_session() as session:
        iid = session.scalars(select(Instrument.id).where(Instrument.code == instrument_code)).one()
        return list(
            session.scalars(
                select(WorkflowEvent)
                .where(WorkflowEvent.doc_type == "instrument", WorkflowEvent.record_id == iid)
                .order_by(WorkflowEvent.id)
            )
        )


def version(database: Database, instrument_code: str) -> int:
    return desk.instrument_summary(database, instrument_code).version


def month_end_case() -> tuple[dt.date, dt.date]:
    """The latest 31st on or before today whose month six months on is shorter, and that due date."""
    day = TODAY
    while not (day.day == 31 and add_months(day, 6).day < 31):
        day -= dt.timedelta(days=1)
    return day, add_months(day, 6)


# -- scenarios --------------------------------------------------------------------------------------


def check_repair_cycle(lab: Lab) -> None:
    c = code("in_service")
    summary = desk.request_repair(
        lab.technician, c, version(lab.technician, c), fault=HOSTILE, reporter_id=None, photo=PNG
    )
    assert summary.status == "under_repair" and summary.repair is not None
    assert (summary.repair.fault, summary.repair.reporter, summary.repair.has_photo) == (
        HOSTILE,
        "陈杰",
        True,
    )
    assert desk.repair_photo(lab.manager, c) == PNG
    refused(
        lab.technician,
        c,
        PermissionDenied,
        lambda: desk.start_repair(lab.technician, c, summary.version),
        "instrument.start_repair",
    )
    started = desk.start_repair(lab.manager, c, summary.version, comment="送厂家")
    assert started.status == "under_repair" and started.version > summary.version
    assert started.repair is not None and started.repair.started_at is not None
    refused(lab.manager, c, TransitionNotAllowed, lambda: desk.start_repair(lab.manager, c, started.version))
    done = desk.finish_repair(
        lab.manager, c, started.version, cost="1,250.5", result="更换传感器", back_in_service=True
    )
    assert (done.status, done.repair) == ("in_service", None)
    with lab.manager.read_session() as session:
        repair = session.scalars(select(RepairRecord)).one()
        assert (repair.cost, repair.result, repair.photo) == (Decimal("1250.50"), "更换传感器", PNG)
        assert repair.reporter_id == lab.technician.actor.person_id and repair.finished_at is not None
    assert [(e.action, e.from_state, e.to_state, e.actor, e.comment) for e in events(lab.manager, c)] == [
        ("request_repair", "in_service", "under_repair", "chenjie", HOSTILE),
        ("start_repair", "under_repair", "under_repair", "heyong", "送厂家"),
        ("finish_repair", "under_repair", "in_service", "heyong", "更换传感器"),
    ]


def check_repair_not_back_in_service(lab: Lab) -> None:
    c = code("under_repair")
    v = version(lab.manager, c)
    for bad in ("-1", "1.234", "abc", "NaN", "Infinity", "1" * 13):

        def finish(cost: str = bad) -> object:
            return desk.finish_repair(lab.manager, c, v, cost=cost, result="x", back_in_service=True)

        refused(lab.manager, c, InvalidEntry, finish, "cost")
    refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.finish_repair(lab.manager, c, v, cost="0", result="  ", back_in_service=False),
    )
    after = desk.finish_repair(
        lab.manager, c, v, cost=Decimal("0"), result="无法修复，待校准", back_in_service=False
    )
    assert after.status == "out_of_service"
    assert events(lab.manager, c)[-1].action == "finish_repair_out_of_service"
    back = desk.return_to_service(lab.manager, c, after.version, comment="复核合格")
    assert back.status == "in_service"


def check_calibration_cycle(lab: Lab) -> None:
    c = code("in_service")
    sent = desk.send_for_calibration(
        lab.manager, c, version(lab.manager, c), provider="市计量所", comment="年检"
    )
    assert (sent.status, sent.calibration_provider) == ("out_for_calibration", "市计量所")
    assert events(lab.manager, c)[-1].comment == "市计量所\n年检"
    on, due = month_end_case()
    certificate = CertificateFile("校准证书 JL-1.pdf", PDF)
    refused(
        lab.technician,
        c,
        PermissionDenied,
        lambda: desk.record_calibration(
            lab.technician,
            c,
            sent.version,
            calibrated_on=on,
            provider="市计量所",
            certificate_no="JL-1",
            passed=True,
            adjustments=None,
            certificate=certificate,
        ),
        "record_calibration",
    )
    after = desk.record_calibration(
        lab.manager,
        c,
        sent.version,
        calibrated_on=on,
        provider="市计量所",
        certificate_no="JL-1",
        passed=True,
        adjustments=HOSTILE,
        certificate=certificate,
        comment=HOSTILE,
    )
    assert (after.status, after.last_calibration_date, after.next_due_date, after.overdue) == (
        "in_service",
        on,
        due,
        False,
    )
    assert due.month != on.month and due.day < on.day  # clamped to the shorter month's end
    with lab.manager.read_session() as session:
        record = session.scalars(select(CalibrationRecord)).one()
        assert (record.calibrated_on, record.result, record.next_due_date, record.adjustments) == (
            on,
            "pass",
            due,
            HOSTILE,
        )
        assert record.recorded_by_id == lab.manager.actor.person_id
        files = list_attachments(session, "calibration_records", record.id)
        assert [(f.file_name, f.content_type) for f in files] == [("校准证书 JL-1.pdf", "application/pdf")]
        assert read_attachment(session, files[0].id) == PDF
        instrument = session.scalars(select(Instrument).where(Instrument.code == c)).one()
        assert (instrument.certificate_no, instrument.calibration_provider) == ("JL-1", "市计量所")
    assert events(lab.manager, c)[-1].comment == "JL-1\n" + HOSTILE
    # In-house: recorded straight from in service, on the same day (not before the last one).
    again = desk.record_calibration(
        lab.manager,
        c,
        after.version,
        calibrated_on=on,
        provider="本室",
        certificate_no="NJ-2",
        passed=True,
        adjustments=None,
        certificate=None,
    )
    assert again.status == "in_service"


def check_failed_calibration(lab: Lab) -> None:
    c = code("out_for_calibration")
    before = desk.instrument_summary(lab.manager, c)
    after = desk.record_calibration(
        lab.manager,
        c,
        before.version,
        calibrated_on=TODAY,
        provider="市计量所",
        certificate_no="JL-F",
        passed=False,
        adjustments="示值误差超差",
        certificate=None,
    )
    assert after.status == "out_of_service"
    assert (after.last_calibration_date, after.next_due_date) == (
        before.last_calibration_date,
        before.next_due_date,
    )
    with lab.manager.read_session() as session:
        record = session.scalars(select(CalibrationRecord)).one()
        assert (record.result, record.next_due_date) == ("fail", None)
    assert events(lab.manager, c)[-1].action == "record_failed_calibration"


def check_calibration_dates(lab: Lab) -> None:
    c = code("out_for_calibration")
    v = version(lab.manager, c)

    def record(on: dt.date, **extra: object) -> object:
        values: dict[str, object] = {
            "provider": "p",
            "certificate_no": "n",
            "passed": True,
            "adjustments": None,
            "certificate": None,
        } | extra
        return desk.record_calibration(lab.manager, c, v, calibrated_on=on, **values)  # type: ignore[arg-type]

    assert "future" in refused(lab.manager, c, InvalidEntry, lambda: record(TODAY + dt.timedelta(days=1)))
    assert "last calibrated" in refused(
        lab.manager, c, InvalidEntry, lambda: record(TODAY - dt.timedelta(days=201))
    )
    assert "has passed" in refused(
        lab.manager, c, InvalidEntry, lambda: record(TODAY - dt.timedelta(days=199))
    )
    refused(lab.manager, c, InvalidEntry, lambda: record(TODAY, certificate_no=" "))
    refused(lab.manager, c, InvalidEntry, lambda: record(TODAY, provider=""))
    refused(lab.manager, c, InvalidEntry, lambda: record(TODAY, certificate=CertificateFile("a.pdf", b"")))
    refused(lab.manager, c, InvalidEntry, lambda: record(TODAY, certificate_no="x" * 65))


def check_overdue_blocks_use(lab: Lab) -> None:
    for status in ("out_of_service", "under_repair", "in_service"):
        with lab.manager.session() as session:
            instrument = session.scalars(select(Instrument).where(Instrument.code == code(status))).one()
            instrument.next_due_date = TODAY - dt.timedelta(days=1)
    c = code("out_of_service")
    summary = desk.instrument_summary(lab.manager, c)
    assert summary.overdue and "return_to_service" in summary.actions
    message = refused(
        lab.manager, c, TransitionNotAllowed, lambda: desk.return_to_service(lab.manager, c, summary.version)
    )
    assert f"was due for calibration on {TODAY - dt.timedelta(days=1)}" in message
    r = code("under_repair")
    refused(
        lab.manager,
        r,
        TransitionNotAllowed,
        lambda: desk.finish_repair(
            lab.manager, r, version(lab.manager, r), cost="10", result="ok", back_in_service=True
        ),
    )
    i = code("in_service")
    refused(
        lab.manager,
        i,
        TransitionNotAllowed,
        lambda: desk.lend(lab.manager, i, version(lab.manager, i), borrower="外单位", due_back=TODAY),
    )
    calibrated = desk.record_calibration(
        lab.manager,
        c,
        summary.version,
        calibrated_on=TODAY,
        provider="p",
        certificate_no="n",
        passed=True,
        adjustments=None,
        certificate=None,
    )
    assert (calibrated.status, calibrated.overdue, calibrated.next_due_date) == (
        "in_service",
        False,
        add_months(TODAY, 6),
    )


def check_loan(lab: Lab) -> None:
    c = code("in_service")
    v = version(lab.manager, c)
    refused(
        lab.manager, c, InvalidEntry, lambda: desk.lend(lab.manager, c, v, borrower="a\nb", due_back=TODAY)
    )
    refused(lab.manager, c, InvalidEntry, lambda: desk.lend(lab.manager, c, v, borrower="  ", due_back=TODAY))
    refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.lend(lab.manager, c, v, borrower="x", due_back=TODAY - dt.timedelta(days=1)),
    )
    borrower = "第三检测站 '; DROP TABLE x;-- 🙂"
    lent = desk.lend(
        lab.manager, c, v, borrower=borrower, due_back=TODAY + dt.timedelta(days=7), comment="现场"
    )
    assert lent.status == "loaned"
    assert lent.loan == flow.Loan(borrower, TODAY + dt.timedelta(days=7))
    assert lent.actions == ("return_loan", "retire")
    back = desk.return_loan(lab.manager, c, lent.version, comment="完好")
    assert (back.status, back.loan) == ("in_service", None)


def check_out_of_service_and_retire(lab: Lab) -> None:
    c = code("in_service")
    v = version(lab.manager, c)
    refused(lab.manager, c, InvalidEntry, lambda: desk.take_out_of_service(lab.manager, c, v, reason=" \n"))
    out = desk.take_out_of_service(lab.manager, c, v, reason=HOSTILE)
    assert out.status == "out_of_service" and out.history[0].comment == HOSTILE
    refused(lab.manager, c, InvalidEntry, lambda: desk.retire(lab.manager, c, out.version, comment=""))
    retired = desk.retire(lab.manager, c, out.version, comment="报废")
    assert (retired.status, retired.actions) == ("retired", ())
    for step in (
        lambda: desk.return_to_service(lab.manager, c, retired.version),
        lambda: desk.retire(lab.manager, c, retired.version, comment="again"),
        lambda: desk.request_repair(lab.manager, c, retired.version, fault="f", reporter_id=None, photo=None),
    ):
        refused(lab.manager, c, TransitionNotAllowed, step)
    for status in ("loaned", "under_repair", "out_for_calibration"):
        assert (
            desk.retire(lab.manager, code(status), version(lab.manager, code(status)), comment="x").status
            == "retired"
        )


def check_illegal_transitions(lab: Lab) -> None:
    c = code("in_service")
    v = version(lab.manager, c)
    for step in (
        lambda: desk.start_repair(lab.manager, c, v),
        lambda: desk.finish_repair(lab.manager, c, v, cost="1", result="r", back_in_service=True),
        lambda: desk.return_to_service(lab.manager, c, v),
        lambda: desk.return_loan(lab.manager, c, v),
    ):
        refused(lab.manager, c, TransitionNotAllowed, step, "not possible")
    loaned = code("loaned")
    refused(
        lab.manager,
        loaned,
        TransitionNotAllowed,
        lambda: desk.send_for_calibration(lab.manager, loaned, version(lab.manager, loaned), provider=None),
    )
    refused(
        lab.technician,
        loaned,
        TransitionNotAllowed,
        lambda: desk.request_repair(
            lab.technician, loaned, version(lab.manager, loaned), fault="f", reporter_id=None, photo=None
        ),
    )


def check_roles(lab: Lab) -> None:
    """What each job may do comes from permissions.may_step, on every starting state."""
    for role in ROLES:
        database = dataclasses.replace(lab.manager, actor=Actor(f"someone_{role}", frozenset({role})))
        for status in STATUSES:
            expected = []
            for t in flow.INSTRUMENT_WORKFLOW.transitions:
                step = t.step.removeprefix("instrument.")
                if status in t.sources and may_step(frozenset({role}), t.step) and step not in expected:
                    expected.append(step)
            assert list(desk.instrument_summary(database, code(status)).actions) == expected, (role, status)
    c = code("in_service")
    refused(
        lab.technician,
        c,
        PermissionDenied,
        lambda: desk.lend(lab.technician, c, version(lab.manager, c), borrower="x", due_back=TODAY),
    )
    refused(
        lab.finance,
        c,
        PermissionDenied,
        lambda: desk.take_out_of_service(lab.finance, c, version(lab.manager, c), reason="x"),
    )
    # Anyone may report a fault (the embedded file's guard checks the rows it writes, too).
    assert (
        desk.request_repair(
            lab.finance, c, version(lab.manager, c), fault="显示屏不亮", reporter_id=None, photo=None
        ).status
        == "under_repair"
    )
    refused(
        lab.finance,
        c,
        PermissionDenied,
        lambda: desk.retire(lab.finance, c, version(lab.manager, c), comment="x"),
    )


def check_history_rows(lab: Lab) -> None:
    c = code("in_service")
    started = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    summary = desk.take_out_of_service(lab.manager, c, version(lab.manager, c), reason=HOSTILE)
    row = summary.history[0]
    assert (row.action, row.from_state, row.to_state, row.who, row.comment) == (
        "take_out_of_service",
        "in_service",
        "out_of_service",
        "何勇",
        HOSTILE,
    )
    assert started <= row.at <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    with lab.manager.read_session() as session:
        from labdesk.services.workflow import history

        iid = session.scalars(select(Instrument.id).where(Instrument.code == c)).one()
        entries = history(session, "instrument", iid)
        assert [(e.actor, e.comment) for e in entries] == [("heyong", HOSTILE)]


def check_hostile_text(lab: Lab) -> None:
    c = code("in_service")
    v = version(lab.manager, c)
    assert "NUL" in refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.request_repair(lab.manager, c, v, fault="a\x00b", reporter_id=None, photo=None),
    )
    assert "at most" in refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.request_repair(lab.manager, c, v, fault="x" * 2001, reporter_id=None, photo=None),
    )
    assert "PNG" in refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.request_repair(
            lab.manager, c, v, fault="f", reporter_id=None, photo=b"MZ\x90\x00 not an image"
        ),
    )
    refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.request_repair(lab.manager, c, v, fault="f", reporter_id=987654, photo=None),
    )
    refused(
        lab.manager,
        c,
        InvalidEntry,
        lambda: desk.send_for_calibration(lab.manager, c, v, provider="p", comment="\x00"),
    )
    after = desk.send_for_calibration(lab.manager, c, v, provider=HOSTILE[:200], comment=None)
    assert after.calibration_provider == HOSTILE[:200]


def check_stale_version(lab: Lab) -> None:
    c = code("in_service")
    seen = desk.instrument_summary(lab.technician, c)
    desk.take_out_of_service(lab.manager, c, seen.version, reason="另一台工作站")  # the other workstation
    message = refused(
        lab.technician,
        c,
        InstrumentConflict,
        lambda: desk.request_repair(lab.technician, c, seen.version, fault="f", reporter_id=None, photo=None),
    )
    assert "another workstation" in message
    # A real race: read, someone else commits, then write. The version check on UPDATE catches it.
    o = code("out_of_service")
    with lab.manager.sessions() as session:
        session.info["actor"] = lab.manager.actor
        mine = flow.load_instrument(session, o)
        assert mine.status == "out_of_service"
        desk.send_for_calibration(lab.manager, o, mine.version, provider=None)  # another workstation
        with pytest.raises(InstrumentConflict):
            flow.retire(session, lab.manager.actor, o, comment="stale")
        session.rollback()
    assert desk.instrument_summary(lab.manager, o).status == "out_for_calibration"


def check_summary(lab: Lab) -> None:
    summary = desk.instrument_summary(lab.technician, code("in_service"))
    assert (summary.code, summary.name, summary.model, summary.location, summary.custodian) == (
        code("in_service"),
        "电子天平",
        "BSA224S",
        "化学室",
        "何勇",
    )
    assert summary.next_due_date == TODAY + dt.timedelta(days=30) and not summary.overdue
    assert summary.actions == ("request_repair",) and summary.history == ()
    assert summary.actor_person_id == lab.technician.actor.person_id
    with pytest.raises(flow.InstrumentNotFound):
        desk.instrument_summary(lab.technician, "YQ-NOPE")
    assert [p.name for p in desk.active_people(lab.technician)] == sorted(n for n, _ in STAFF.values())


CASES: list[Callable[[Lab], None]] = [
    check_repair_cycle,
    check_repair_not_back_in_service,
    check_calibration_cycle,
    check_failed_calibration,
    check_calibration_dates,
    check_overdue_blocks_use,
    check_loan,
    check_out_of_service_and_retire,
    check_illegal_transitions,
    check_roles,
    check_history_rows,
    check_hostile_text,
    check_stale_version,
    check_summary,
]
