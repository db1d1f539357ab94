"""Instrument status workflows (issue 4): repair, calibration, loan, out of service, retirement.

Every function takes the caller's Session and the acting person, checks the permission step and the
instrument's current state before it changes anything, writes the records the step calls for
(repair record, calibration record with its certificate) and moves the instrument through
:func:`labdesk.services.workflow.take`, which writes the history row (who, when, from, to, comment).

Decisions (docs/instruments.md):

* A repair request moves the instrument straight to ``under_repair``: a faulty instrument must not be
  used (ISO/IEC 17025 §6.4.9) from the moment someone reports it, so there is no "requested but still
  in service" state. ``start_repair`` records when the work began; the status stays ``under_repair``.
* Finishing a repair and recording a calibration each have two outcomes, declared as two
  transitions sharing one permission step, so the state table says exactly where each leads.
* Nothing returns to ``in_service`` while its calibration is overdue (due date before today; the due
  date itself is still usable): not ``return_to_service``, not a repair finished "back in service",
  not a passed calibration whose new due date is already past. An overdue instrument is not lent.
* A loan's borrower and due-back date are the first two lines of the ``lend`` history comment
  (the schema has no loan table); :func:`current_loan` reads them back.
* ``expected_version`` is the instrument version the user was shown: a different one means another
  workstation changed it, and the step is refused as a conflict instead of acting on a stale view.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.instruments import (
    CalibrationRecord,
    CalibrationResult,
    Instrument,
    InstrumentStatus,
    RepairRecord,
)
from labdesk.models.people import Person
from labdesk.models.workflow import WorkflowEvent
from labdesk.services.actor import Actor
from labdesk.services.attachments import MAX_SIZE, AttachmentTooLarge, add_attachment
from labdesk.services.audit import record_bulk
from labdesk.services.dates import add_months
from labdesk.services.permissions import require_step
from labdesk.services.problems import Problem, ProblemError
from labdesk.services.workflow import (
    MAX_COMMENT,
    Transition,
    TransitionNotAllowed,
    Workflow,
    take,
    transition,
)

DOC_TYPE = "instrument"
IN = InstrumentStatus.IN_SERVICE.value
REPAIR = InstrumentStatus.UNDER_REPAIR.value
AWAY = InstrumentStatus.OUT_FOR_CALIBRATION.value
OUT = InstrumentStatus.OUT_OF_SERVICE.value
LOANED = InstrumentStatus.LOANED.value
RETIRED = InstrumentStatus.RETIRED.value
_NOT_RETIRED = [s.value for s in InstrumentStatus if s.value != RETIRED]
_RECORDABLE = [AWAY, IN, OUT]  # in-house calibrations are recorded without sending the instrument out


def _step(action: str, sources: list[str], target: str, step: str = "") -> Transition:
    return transition(action, sources, target, f"instrument.{step or action}")


INSTRUMENT_WORKFLOW = Workflow(
    DOC_TYPE,
    (
        _step("request_repair", [IN, OUT], REPAIR),
        _step("start_repair", [REPAIR], REPAIR),
        _step("finish_repair", [REPAIR], IN),
        _step("finish_repair_out_of_service", [REPAIR], OUT, "finish_repair"),
        _step("send_for_calibration", [IN, OUT], AWAY),
        _step("record_calibration", _RECORDABLE, IN),
        _step("record_failed_calibration", _RECORDABLE, OUT, "record_calibration"),
        _step("take_out_of_service", [IN], OUT),
        _step("return_to_service", [OUT], IN),
        _step("lend", [IN], LOANED),
        _step("return_loan", [LOANED], IN),
        _step("retire", _NOT_RETIRED, RETIRED),
    ),
)

MAX_TEXT = MAX_COMMENT  # fault, result, adjustments: one history comment's worth
MAX_PROVIDER = 200
MAX_CERTIFICATE_NO = 64
MAX_BORROWER = 200
MAX_PHOTO_BYTES = 5 * 1024 * 1024  # a webcam snapshot; it lives in the repair row
MAX_COST = Decimal("999999999999.99")  # Numeric(14, 2)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


class InstrumentNotFound(ProblemError):
    """No instrument has the code (it may have been renumbered or deleted elsewhere)."""


class InstrumentConflict(ProblemError):
    """Another workstation changed the instrument after this one read it."""


class InvalidEntry(ProblemError):
    """A value the user entered cannot be accepted; the sentence says which and why."""


@dataclass(frozen=True)
class CertificateFile:
    """A calibration certificate to attach: the file's name and bytes."""

    file_name: str
    data: bytes
    content_type: str | None = None


@dataclass(frozen=True)
class Loan:
    borrower: str
    due_back: dt.date | None


# -- checks ----------------------------------------------------------------------------------------


def _invalid(template: str, **values: str) -> InvalidEntry:
    return InvalidEntry(Problem(template, values))


def _text(value: str | None, limit: int, *, required: Problem | None = None) -> str | None:
    """``value`` as entered (kept verbatim), or None when blank; refused when it cannot be stored."""
    if value is None or not value.strip():
        if required is not None:
            raise InvalidEntry(required)
        return None
    start = value[:20]
    if "\x00" in value:  # PostgreSQL text cannot hold NUL; refuse it the same way on SQLite
        raise _invalid(N("Problem", "The text “{start}…” contains a NUL character, which cannot be "
                                    "stored; remove it."), start=start.replace("\x00", "␀"))
    if len(value) > limit:
        raise _invalid(N("Problem", "The text “{start}…” is {length} characters long; at most {max} fit "
                                    "here."), start=start, length=str(len(value)), max=str(limit))
    return value


def _lines(*parts: str | None) -> str | None:
    text = "\n".join(p for p in parts if p)
    return text or None


def is_overdue(instrument: Instrument, today: dt.date | None = None) -> bool:
    """True once the calibration due date has passed (the due date itself is still usable)."""
    due = instrument.next_due_date
    return due is not None and due < (today or dt.date.today())


def _require_calibrated(instrument: Instrument) -> None:
    if is_overdue(instrument):
        assert instrument.next_due_date is not None
        raise TransitionNotAllowed(Problem(
            N("Problem", "{code} was due for calibration on {due} and must not be used until it is "
                         "calibrated: record a calibration or send it for calibration first."),
            {"code": instrument.code, "due": instrument.next_due_date.isoformat()}))


def load_instrument(session: Session, code: str, expected_version: int | None = None) -> Instrument:
    """The instrument with ``code``; a conflict if it is no longer at ``expected_version``."""
    instrument = session.scalars(select(Instrument).where(Instrument.code == code)).one_or_none()
    if instrument is None:
        raise InstrumentNotFound(Problem(N("Problem", "There is no instrument {code}; it may have been "
                                                      "renumbered or deleted. Reload the ledger."),
                                         {"code": code}))
    if expected_version is not None and instrument.version != expected_version:
        raise _conflict(code)
    return instrument


def _conflict(code: str) -> InstrumentConflict:
    return InstrumentConflict(Problem(
        N("Problem", "{code} was changed on another workstation after you opened it; nothing was saved. "
                     "Look at its current state and try again."), {"code": code}))


def _guard(actor: Actor, instrument: Instrument, *actions: str) -> None:
    """Refuse before anything changes: the permission step first, then the current state."""
    steps = [INSTRUMENT_WORKFLOW.transition(a) for a in actions]
    require_step(actor, steps[0].step)
    if not any(instrument.status in t.sources for t in steps):
        raise TransitionNotAllowed(Problem(
            N("Problem", "{code} is {state} now, and this step is not possible from there. Reload to see "
                         "what has changed."), {"code": instrument.code, "state": instrument.status}))


def _move(session: Session, actor: Actor, instrument: Instrument, action: str,
          comment: str | None) -> Instrument:
    code = instrument.code  # read now: a failed flush expires the instance
    take(session, INSTRUMENT_WORKFLOW, instrument, action, actor, comment)
    # Touched even when the status stays (start_repair), so the version moves and a workstation that
    # read the instrument before this step gets a conflict rather than acting on a stale view.
    instrument.updated_by = actor.login
    instrument.updated_at = dt.datetime.now(dt.UTC)
    try:
        session.flush()
    except StaleDataError:
        raise _conflict(code) from None
    return instrument


def _stamp(actor: Actor) -> dict[str, str]:
    return {"created_by": actor.login, "updated_by": actor.login}


def _open_repair(session: Session, instrument: Instrument, actor: Actor) -> RepairRecord:
    repair = session.scalars(
        select(RepairRecord)
        .where(RepairRecord.instrument_id == instrument.id, RepairRecord.finished_at.is_(None))
        .order_by(RepairRecord.reported_at.desc(), RepairRecord.id.desc())
        .limit(1)
    ).first()
    if repair is None:  # marked under repair by an import or an older version: open the record now
        repair = RepairRecord(instrument_id=instrument.id, fault="", **_stamp(actor))
        session.add(repair)
    return repair


# -- repair ----------------------------------------------------------------------------------------


def request_repair(session: Session, actor: Actor, code: str, fault: str, *, reporter_id: int | None = None,
                   photo: bytes | None = None, comment: str | None = None,
                   expected_version: int | None = None) -> RepairRecord:
    """Report a fault: a repair record (fault, reporter, photo) and the instrument under repair."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "request_repair")
    fault_text = _text(fault, MAX_TEXT, required=Problem(N("Problem", "Describe the fault.")))
    note = _text(comment, MAX_COMMENT)
    reporter = reporter_id if reporter_id is not None else actor.person_id
    if reporter is not None and session.get(Person, reporter) is None:
        raise _invalid(N("Problem", "The reporter chosen is not in the staff list any more; choose "
                                    "another."))
    if photo is not None:
        if len(photo) > MAX_PHOTO_BYTES:
            raise _invalid(N("Problem", "The photo is {size} MB; at most {max} MB fit. Take a smaller "
                                        "one."), size=f"{len(photo) / 2**20:.1f}",
                           max=str(MAX_PHOTO_BYTES // 2**20))
        if not photo.startswith(_IMAGE_MAGIC) and photo[8:12] != b"WEBP":
            raise _invalid(N("Problem", "The photo is not a PNG, JPEG, GIF, BMP or WebP image."))
    now = dt.datetime.now(dt.UTC)
    row = {"instrument_id": instrument.id, "reported_at": now, "reporter_id": reporter, "fault": fault_text,
           "photo": photo or None, "created_at": now, "updated_at": now, "version": 1, **_stamp(actor)}
    # Only the columns a reporter may write: the ORM would name every column (NULL or not) in its
    # INSERT, and PostgreSQL refuses that to a job granted only the reporting columns.
    row["id"] = session.scalar(insert(RepairRecord).values(row).returning(RepairRecord.id))
    record_bulk(session, "repair_records", [row])  # the SQLite audit writer sees only ORM rows
    _move(session, actor, instrument, "request_repair", note or fault_text)
    return session.get_one(RepairRecord, row["id"])


def start_repair(session: Session, actor: Actor, code: str, *, comment: str | None = None,
                 expected_version: int | None = None) -> RepairRecord:
    """Record that the repair work began (the instrument stays under repair)."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "start_repair")
    note = _text(comment, MAX_COMMENT)
    repair = _open_repair(session, instrument, actor)
    if repair.started_at is not None:
        raise TransitionNotAllowed(Problem(
            N("Problem", "The repair of {code} was already started on {date}."),
            {"code": code, "date": repair.started_at.astimezone().strftime("%Y-%m-%d %H:%M")}))
    repair.started_at = dt.datetime.now(dt.UTC)
    repair.updated_by = actor.login
    _move(session, actor, instrument, "start_repair", note)
    return repair


def parse_cost(value: Decimal | str) -> Decimal:
    """A repair cost in yuan: 0 or more, at most two decimals (fen)."""
    try:
        cost = Decimal(value.strip().replace(",", "")) if isinstance(value, str) else value
    except ArithmeticError:
        cost = Decimal("NaN")
    exponent = cost.as_tuple().exponent if cost.is_finite() else "n"
    if not isinstance(exponent, int) or exponent < -2 or cost < 0 or cost > MAX_COST:
        raise _invalid(N("Problem", "The cost must be an amount in yuan from 0 up, with at most two "
                                    "decimals, like 1250.50."))
    return cost.quantize(Decimal("0.01"))


def finish_repair(session: Session, actor: Actor, code: str, *, cost: Decimal | str, result: str,
                  back_in_service: bool, comment: str | None = None,
                  expected_version: int | None = None) -> RepairRecord:
    """Close the repair with its cost and result; the instrument goes back into service or out of it."""
    action = "finish_repair" if back_in_service else "finish_repair_out_of_service"
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, action)
    amount = parse_cost(cost)
    outcome = _text(result, MAX_TEXT, required=Problem(N("Problem", "Describe the result of the repair.")))
    note = _text(comment, MAX_COMMENT)
    if back_in_service:
        _require_calibrated(instrument)
    repair = _open_repair(session, instrument, actor)
    repair.finished_at = dt.datetime.now(dt.UTC)
    repair.cost, repair.result, repair.updated_by = amount, outcome, actor.login
    _move(session, actor, instrument, action, note or outcome)
    return repair


# -- calibration -----------------------------------------------------------------------------------


def send_for_calibration(session: Session, actor: Actor, code: str, *, provider: str | None = None,
                         comment: str | None = None, expected_version: int | None = None) -> Instrument:
    """Send the instrument out (or to the in-house lab) for calibration; ``provider`` becomes its
    calibration provider."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "send_for_calibration")
    to = _text(provider, MAX_PROVIDER)
    note = _text(comment, MAX_COMMENT)
    if to is not None:
        instrument.calibration_provider = to
    return _move(session, actor, instrument, "send_for_calibration", _lines(to, note))


def last_calibrated_on(session: Session, instrument: Instrument) -> dt.date | None:
    """The latest calibration date on record (records and the card's own date, whichever is later)."""
    recorded = session.scalar(select(func.max(CalibrationRecord.calibrated_on))
                              .where(CalibrationRecord.instrument_id == instrument.id))
    dates = [d for d in (recorded, instrument.last_calibration_date) if d is not None]
    return max(dates) if dates else None


def record_calibration(session: Session, actor: Actor, code: str, *, calibrated_on: dt.date,
                       provider: str, certificate_no: str, passed: bool,
                       adjustments: str | None = None, certificate: CertificateFile | None = None,
                       comment: str | None = None, expected_version: int | None = None) -> CalibrationRecord:
    """Record a calibration and attach its certificate.

    Passed: the instrument is in service, calibrated on ``calibrated_on`` and due again one interval
    later (month arithmetic, clamped to the month's end). Failed: it is out of service and keeps the
    dates of its last valid calibration.
    """
    action = "record_calibration" if passed else "record_failed_calibration"
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, action)
    by = _text(provider, MAX_PROVIDER, required=Problem(N("Problem", "Enter who calibrated the instrument.")))
    number = _text(certificate_no, MAX_CERTIFICATE_NO,
                   required=Problem(N("Problem", "Enter the certificate number.")))
    changes = _text(adjustments, MAX_TEXT)
    note = _text(comment, MAX_COMMENT)
    today = dt.date.today()
    if calibrated_on > today:
        raise _invalid(N("Problem", "The calibration date {date} is in the future; enter the date on the "
                                    "certificate."), date=calibrated_on.isoformat())
    previous = last_calibrated_on(session, instrument)
    if previous is not None and calibrated_on < previous:
        raise _invalid(N("Problem", "{code} was last calibrated on {last}; a calibration on {date} cannot "
                                    "come after it. Check the date."),
                       code=code, last=previous.isoformat(), date=calibrated_on.isoformat())
    interval = instrument.calibration_interval_months
    next_due = add_months(calibrated_on, interval) if passed and interval else None
    if next_due is not None and next_due < today:
        raise _invalid(N("Problem", "A calibration on {date} was due again on {due}, which has passed: it "
                                    "cannot return {code} to service. Record its latest calibration."),
                       date=calibrated_on.isoformat(), due=next_due.isoformat(), code=code)
    if certificate is not None:
        _check_certificate(certificate)
    record = CalibrationRecord(
        instrument_id=instrument.id, calibrated_on=calibrated_on, provider=by, certificate_no=number,
        result=(CalibrationResult.PASS if passed else CalibrationResult.FAIL).value, adjustments=changes,
        next_due_date=next_due, recorded_by_id=actor.person_id, **_stamp(actor))
    session.add(record)
    if passed:
        instrument.last_calibration_date, instrument.next_due_date = calibrated_on, next_due
        instrument.certificate_no, instrument.calibration_provider = number, by
    _move(session, actor, instrument, action, _lines(number, note))
    if certificate is not None:
        content_type = certificate.content_type or mimetypes.guess_type(certificate.file_name)[0]
        add_attachment(session, "calibration_records", record.id, certificate.file_name, certificate.data,
                       content_type)
    return record


def _check_certificate(certificate: CertificateFile) -> None:
    _text(certificate.file_name, 500, required=Problem(N("Problem", "The certificate file has no name.")))
    if not certificate.data:
        raise _invalid(N("Problem", "The certificate file {name} is empty; choose the scanned certificate."),
                       name=certificate.file_name)
    if len(certificate.data) > MAX_SIZE:  # refused here too, before anything has changed
        raise AttachmentTooLarge(Problem(
            N("Problem", "The file {name} has {size} MiB; attachments take at most {max} MiB. "
                         "Attach a smaller scan or a compressed copy."),
            {"name": certificate.file_name, "size": f"{len(certificate.data) / 2**20:.1f}",
             "max": str(MAX_SIZE // 2**20)}))


# -- out of service, loans, retirement --------------------------------------------------------------


def take_out_of_service(session: Session, actor: Actor, code: str, *, reason: str,
                        expected_version: int | None = None) -> Instrument:
    """Keep the instrument from use (ISO/IEC 17025 §6.4.9); the reason is the history comment."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "take_out_of_service")
    why = _text(reason, MAX_COMMENT,
                required=Problem(N("Problem", "Say why the instrument is taken out of service.")))
    return _move(session, actor, instrument, "take_out_of_service", why)


def return_to_service(session: Session, actor: Actor, code: str, *, comment: str | None = None,
                      expected_version: int | None = None) -> Instrument:
    """Back in service, but only while its calibration is valid."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "return_to_service")
    note = _text(comment, MAX_COMMENT)
    _require_calibrated(instrument)
    return _move(session, actor, instrument, "return_to_service", note)


def lend(session: Session, actor: Actor, code: str, *, borrower: str, due_back: dt.date,
         comment: str | None = None, expected_version: int | None = None) -> Instrument:
    """Lend the instrument; borrower and due-back date open the history comment (see the module doc)."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "lend")
    who = _text(borrower, MAX_BORROWER, required=Problem(N("Problem", "Enter who borrows the instrument.")))
    assert who is not None
    if any(ch in who for ch in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        raise _invalid(N("Problem", "Write the borrower on one line."))
    if due_back < dt.date.today():
        raise _invalid(N("Problem", "The due-back date {date} has passed; choose today or later."),
                       date=due_back.isoformat())
    note = _text(comment, MAX_COMMENT - MAX_BORROWER - 12)
    _require_calibrated(instrument)
    return _move(session, actor, instrument, "lend", _lines(who, due_back.isoformat(), note))


def current_loan(session: Session, instrument: Instrument) -> Loan | None:
    """Who has the instrument and until when, if it is on loan."""
    if instrument.status != LOANED:
        return None
    comment = session.scalar(
        select(WorkflowEvent.comment)
        .where(WorkflowEvent.doc_type == DOC_TYPE, WorkflowEvent.record_id == instrument.id,
               WorkflowEvent.action == "lend")
        .order_by(WorkflowEvent.at.desc(), WorkflowEvent.id.desc()).limit(1))
    if not comment:
        return None
    borrower, _, rest = comment.partition("\n")
    try:
        due_back: dt.date | None = dt.date.fromisoformat(rest.partition("\n")[0])
    except ValueError:  # a loan recorded before this format (demo history, imports)
        due_back = None
    return Loan(borrower, due_back)


def return_loan(session: Session, actor: Actor, code: str, *, comment: str | None = None,
                expected_version: int | None = None) -> Instrument:
    """The lent instrument is back."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "return_loan")
    return _move(session, actor, instrument, "return_loan", _text(comment, MAX_COMMENT))


def retire(session: Session, actor: Actor, code: str, *, comment: str,
           expected_version: int | None = None) -> Instrument:
    """Retire the instrument for good, from any state; the comment (why) is required."""
    instrument = load_instrument(session, code, expected_version)
    _guard(actor, instrument, "retire")
    why = _text(comment, MAX_COMMENT, required=Problem(N("Problem", "Say why the instrument is retired.")))
    return _move(session, actor, instrument, "retire", why)


def steps_available(status: str, roles: frozenset[str]) -> list[str]:
    """The permission steps (``instrument.`` left off) ``roles`` may take from ``status``, one per step
    even where a step has two outcomes, in the workflow's order."""
    seen: list[str] = []
    for t in INSTRUMENT_WORKFLOW.available(status, roles):
        step = t.step.removeprefix("instrument.")
        if step not in seen:
            seen.append(step)
    return seen

