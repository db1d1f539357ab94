"""The instrument actions dialog's door to the database: one summary, one function per workflow step.

Each function is one unit of work (``units.reading`` / ``units.writing``), so a lost server is a
sentence, never a traceback. Steps take the instrument version the user was shown and return the
summary as it is after the step, so the dialog shows the new status and history without a second
round trip. The scan dock calls :func:`instrument_summary` with a scanned code and opens the dialog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.models.people import Person
from labdesk.services import instrument_workflow as flow
from labdesk.services.database import Database
from labdesk.services.instrument_workflow import CertificateFile, Loan
from labdesk.services.units import reading, writing
from labdesk.services.workflow import history, people_names

RECENT_HISTORY = 50


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    action: str
    from_state: str | None
    to_state: str
    who: str  # the person's name, else the login (history outlives people)
    comment: str | None


@dataclass(frozen=True)
class OpenRepair:
    fault: str
    reported_at: dt.datetime
    reporter: str | None
    started_at: dt.datetime | None
    has_photo: bool


@dataclass(frozen=True)
class InstrumentSummary:
    """What the actions dialog shows: the card's head, what may be done now, and recent history."""

    code: str
    name: str
    model: str | None
    status: str
    location: str | None
    custodian: str | None
    last_calibration_date: dt.date | None
    next_due_date: dt.date | None
    overdue: bool
    calibration_interval_months: int | None
    calibration_provider: str | None
    version: int
    actions: tuple[str, ...]  # permission steps without "instrument.", e.g. "record_calibration"
    history: tuple[HistoryRow, ...]  # newest first, at most RECENT_HISTORY
    loan: Loan | None
    repair: OpenRepair | None
    actor_person_id: int | None


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str


def instrument_summary(database: Database, code: str) -> InstrumentSummary:
    """The instrument with ``code`` as the actions dialog shows it (``InstrumentNotFound`` if none)."""
    with reading(database) as session:
        return _summary(session, database, code)


def _summary(session: Session, database: Database, code: str) -> InstrumentSummary:
    instrument = flow.load_instrument(session, code)
    actor = database.actor
    rows = history(session, flow.DOC_TYPE, instrument.id)[::-1][:RECENT_HISTORY]
    names = people_names(session, (row.actor for row in rows))
    repair = None
    if instrument.status == flow.REPAIR:
        record = next((r for r in reversed(instrument.repair_records) if r.finished_at is None), None)
        if record is not None:
            repair = OpenRepair(record.fault, record.reported_at,
                                record.reporter.full_name if record.reporter else None,
                                record.started_at, record.photo is not None)
    return InstrumentSummary(
        code=instrument.code,
        name=instrument.name,
        model=instrument.model,
        status=instrument.status,
        location=instrument.location,
        custodian=instrument.custodian.full_name if instrument.custodian else None,
        last_calibration_date=instrument.last_calibration_date,
        next_due_date=instrument.next_due_date,
        overdue=flow.is_overdue(instrument),
        calibration_interval_months=instrument.calibration_interval_months,
        calibration_provider=instrument.calibration_provider,
        version=instrument.version,
        actions=tuple(flow.steps_available(instrument.status, actor.roles)),
        history=tuple(HistoryRow(r.at, r.action, r.from_state, r.to_state, names.get(r.actor) or r.actor,
                                 r.comment) for r in rows),
        loan=flow.current_loan(session, instrument),
        repair=repair,
        actor_person_id=actor.person_id,
    )


def active_people(database: Database) -> list[PersonChoice]:
    """Staff who may be named as a fault's reporter, by name."""
    with reading(database) as session:
        rows = session.execute(
            select(Person.id, Person.full_name).where(Person.active.is_(True)).order_by(Person.full_name)
        )
        return [PersonChoice(pid, name) for pid, name in rows]


def repair_photo(database: Database, code: str) -> bytes | None:
    """The photo of the instrument's open repair request, if one was taken."""
    with reading(database) as session:
        instrument = flow.load_instrument(session, code)
        record = next((r for r in reversed(instrument.repair_records) if r.finished_at is None), None)
        return record.photo if record is not None else None


# -- one function per step: do it, commit, and return the summary after it --------------------------


def request_repair(database: Database, code: str, version: int, *, fault: str, reporter_id: int | None,
                   photo: bytes | None, comment: str | None = None) -> InstrumentSummary:
    with writing(database) as session:
        flow.request_repair(session, database.actor, code, fault, reporter_id=reporter_id, photo=photo,
                            comment=comment, expected_version=version)
    return instrument_summary(database, code)


def start_repair(database: Database, code: str, version: int, *, comment: str | None = None
                 ) -> InstrumentSummary:
    with writing(database) as session:
        flow.start_repair(session, database.actor, code, comment=comment, expected_version=version)
    return instrument_summary(database, code)


def finish_repair(database: Database, code: str, version: int, *, cost: Decimal | str, result: str,
                  back_in_service: bool, comment: str | None = None) -> InstrumentSummary:
    with writing(database) as session:
        flow.finish_repair(session, database.actor, code, cost=cost, result=result,
                           back_in_service=back_in_service, comment=comment, expected_version=version)
    return instrument_summary(database, code)


def send_for_calibration(database: Database, code: str, version: int, *, provider: str | None,
                         comment: str | None = None) -> InstrumentSummary:
    with writing(database) as session:
        flow.send_for_calibration(session, database.actor, code, provider=provider, comment=comment,
                                  expected_version=version)
    return instrument_summary(database, code)


def record_calibration(database: Database, code: str, version: int, *, calibrated_on: dt.date,
                       provider: str, certificate_no: str, passed: bool, adjustments: str | None,
                       certificate: CertificateFile | None, comment: str | None = None) -> InstrumentSummary:
    with writing(database) as session:
        flow.record_calibration(session, database.actor, code, calibrated_on=calibrated_on, provider=provider,
                                certificate_no=certificate_no, passed=passed, adjustments=adjustments,
                                certificate=certificate, comment=comment, expected_version=version)
    return instrument_summary(database, code)


def take_out_of_service(database: Database, code: str, version: int, *, reason: str) -> InstrumentSummary:
    with writing(database) as session:
        flow.take_out_of_service(session, database.actor, code, reason=reason, expected_version=version)
    return instrument_summary(database, code)


def return_to_service(database: Database, code: str, version: int, *, comment: str | None = None
                      ) -> InstrumentSummary:
    with writing(database) as session:
        flow.return_to_service(session, database.actor, code, comment=comment, expected_version=version)
    return instrument_summary(database, code)


def lend(database: Database, code: str, version: int, *, borrower: str, due_back: dt.date,
         comment: str | None = None) -> InstrumentSummary:
    with writing(database) as session:
        flow.lend(session, database.actor, code, borrower=borrower, due_back=due_back, comment=comment,
                  expected_version=version)
    return instrument_summary(database, code)


def return_loan(database: Database, code: str, version: int, *, comment: str | None = None
                ) -> InstrumentSummary:
    with writing(database) as session:
        flow.return_loan(session, database.actor, code, comment=comment, expected_version=version)
    return instrument_summary(database, code)


def retire(database: Database, code: str, version: int, *, comment: str) -> InstrumentSummary:
    with writing(database) as session:
        flow.retire(session, database.actor, code, comment=comment, expected_version=version)
    return instrument_summary(database, code)
