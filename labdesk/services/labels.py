"""Label printing on the database side: label records from the ledgers, and the print-job log.

Every batch run is logged (who, when, printer, which labels, reprints marked) with one row per label,
so a run that pauses can be resumed from the first label the printer did not confirm, even from
another process (``labdesk labels resume``). The printing layer itself never touches SQL: it gets
:class:`LabelRecord` objects from here and reports confirmed counts back through ``mark_printed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from labdesk.i18n import load_catalog
from labdesk.models.instruments import Instrument
from labdesk.models.labels import LabelKind, LabelPrintItem, LabelPrintJob, PrintJobStatus
from labdesk.models.orders import Order
from labdesk.models.samples import Sample
from labdesk.printing.records import LabelRecord
from labdesk.services.ledgers.lab import INSTRUMENTS

# Chunk IN lists: SQLite caps bound parameters per statement, and a label run may be thousands long.
_IN_CHUNK = 500
_FINISHED = (PrintJobStatus.COMPLETED, PrintJobStatus.CANCELLED, PrintJobStatus.FAILED)
KINDS = tuple(kind.value for kind in LabelKind)


class LabelError(Exception):
    """A label request the user can fix; the message is one sentence."""


class UnknownCodes(LabelError):
    def __init__(self, kind: str, codes: Sequence[str]) -> None:
        noun = "instrument code" if kind == LabelKind.INSTRUMENT else "sample number"
        plural = "s" if len(codes) != 1 else ""
        super().__init__(f"No such {noun}{plural}: {', '.join(codes)}.")
        self.kind = kind
        self.codes = tuple(codes)


class JobNotFound(LabelError):
    def __init__(self, job_id: int) -> None:
        super().__init__(f"There is no label print job {job_id}; `labdesk labels jobs` lists them.")
        self.job_id = job_id


def _check_kind(kind: str) -> LabelKind:
    try:
        return LabelKind(kind)
    except ValueError:
        raise LabelError(f"The label kind must be one of {', '.join(KINDS)}, not {kind!r}.") from None


def _chunks(codes: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(codes), _IN_CHUNK):
        yield codes[start : start + _IN_CHUNK]


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def _local_date(value: dt.datetime) -> str:
    # Stored in UTC; the label shows the laboratory's calendar day (a sample received at 07:00 in
    # Beijing is 23:00 UTC the day before).
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone().date().isoformat()


def _instrument_status_text(status: str) -> str:
    # The ledger's own status labels, so the label says exactly what the Instruments tab says (在用, ...).
    style = INSTRUMENTS.statuses.get(status)
    if style is None:
        return status
    return load_catalog("zh_CN").translate("Status", style.label)


def load_label_records(session: Session, kind: str, codes: Sequence[str]) -> list[LabelRecord]:
    """The label records for ``codes`` in the order given (repeats kept); UnknownCodes lists any missing."""
    label_kind = _check_kind(kind)
    unique = list(dict.fromkeys(codes))
    found: dict[str, LabelRecord] = {}
    if label_kind is LabelKind.INSTRUMENT:
        for chunk in _chunks(unique):
            for instrument in session.scalars(select(Instrument).where(Instrument.code.in_(chunk))):
                found[instrument.code] = LabelRecord(
                    "instrument",
                    instrument.code,
                    instrument.name,
                    {
                        "status": _instrument_status_text(instrument.status),
                        "next_due": _iso(instrument.next_due_date),
                        "last_calibrated": _iso(instrument.last_calibration_date),
                    },
                )
    else:
        for chunk in _chunks(unique):
            rows = session.execute(
                select(Sample.sample_no, Sample.name, Sample.sample_type, Sample.received_at, Order.order_no)
                .join(Order, Sample.order_id == Order.id)
                .where(Sample.sample_no.in_(chunk))
            )
            for sample_no, name, sample_type, received_at, order_no in rows:
                assert sample_no is not None  # matched by its number
                found[sample_no] = LabelRecord(
                    "sample",
                    sample_no,
                    name,
                    {
                        "order_no": order_no or "",
                        "sample_type": sample_type or "",
                        "date": _local_date(received_at),
                    },
                )
    missing = [code for code in unique if code not in found]
    if missing:
        raise UnknownCodes(label_kind.value, missing)
    return [found[code] for code in codes]


def start_job(
    session: Session,
    kind: str,
    template_name: str,
    printer: str,
    codes: Sequence[str],
    copies: int,
    requested_by: str,
) -> int:
    """Log a new running job with one item per code (sequence 1..n); returns the job id.

    A code already printed by an earlier job of the same kind is marked ``is_reprint``.
    """
    label_kind = _check_kind(kind)
    if not codes:
        raise LabelError("No labels to print: give at least one code.")
    if copies < 1:
        raise LabelError("The number of copies must be at least 1.")
    printed_before: set[str] = set()
    for chunk in _chunks(list(dict.fromkeys(codes))):
        printed_before.update(
            session.scalars(
                select(LabelPrintItem.record_code)
                .join(LabelPrintJob, LabelPrintItem.job_id == LabelPrintJob.id)
                .where(
                    LabelPrintJob.kind == label_kind.value,
                    LabelPrintItem.printed_at.is_not(None),
                    LabelPrintItem.record_code.in_(chunk),
                )
                .distinct()
            )
        )
    job = LabelPrintJob(
        kind=label_kind.value,
        template_name=template_name,
        printer_name=printer,
        copies=copies,
        requested_by=requested_by,
        created_by=requested_by,
        status=PrintJobStatus.RUNNING.value,
    )
    job.items = [
        LabelPrintItem(
            record_code=code,
            sequence=sequence,
            copies=copies,
            is_reprint=code in printed_before,
            created_by=requested_by,
        )
        for sequence, code in enumerate(codes, start=1)
    ]
    session.add(job)
    session.flush()
    return job.id


def _job(session: Session, job_id: int) -> LabelPrintJob:
    job = session.get(LabelPrintJob, job_id)
    if job is None:
        raise JobNotFound(job_id)
    return job


def mark_printed(session: Session, job_id: int, upto_sequence: int) -> int:
    """Mark the job's labels with sequence <= ``upto_sequence`` printed (if not already); returns how many."""
    _job(session, job_id)
    now = dt.datetime.now(dt.UTC)
    items = session.scalars(
        select(LabelPrintItem).where(
            LabelPrintItem.job_id == job_id,
            LabelPrintItem.sequence <= upto_sequence,
            LabelPrintItem.printed_at.is_(None),
        )
    ).all()
    for item in items:
        item.printed_at = now
    session.flush()
    return len(items)


def finish_job(session: Session, job_id: int, status: str, error: str | None = None) -> None:
    """Record how a run ended; paused and running jobs stay open (no finished_at) so they can resume."""
    job = _job(session, job_id)
    try:
        state = PrintJobStatus(status)
    except ValueError:
        raise LabelError(f"Not a print job status: {status!r}.") from None
    job.status = state.value
    job.error = error[:500] if error else None
    job.finished_at = dt.datetime.now(dt.UTC) if state in _FINISHED else None
    session.flush()


def set_job_printer(session: Session, job_id: int, printer: str) -> None:
    """Record that a resumed job continues on another printer (the log says where labels went)."""
    _job(session, job_id).printer_name = printer
    session.flush()


@dataclass(frozen=True)
class JobProgress:
    job_id: int
    kind: str
    template_name: str
    printer_name: str
    copies: int
    status: str
    error: str | None
    total: int
    confirmed: int
    remaining_codes: tuple[str, ...]  # in print order: what a resume sends
    remaining_sequences: tuple[int, ...]  # their sequence numbers, for mark_printed


def job_progress(session: Session, job_id: int) -> JobProgress:
    job = _job(session, job_id)
    items = session.execute(
        select(LabelPrintItem.sequence, LabelPrintItem.record_code, LabelPrintItem.printed_at)
        .where(LabelPrintItem.job_id == job_id)
        .order_by(LabelPrintItem.sequence)
    ).all()
    remaining = [(sequence, code) for sequence, code, printed_at in items if printed_at is None]
    return JobProgress(
        job_id=job.id,
        kind=job.kind,
        template_name=job.template_name,
        printer_name=job.printer_name,
        copies=job.copies,
        status=job.status,
        error=job.error,
        total=len(items),
        confirmed=len(items) - len(remaining),
        remaining_codes=tuple(code for _, code in remaining),
        remaining_sequences=tuple(sequence for sequence, _ in remaining),
    )


@dataclass(frozen=True)
class JobSummary:
    job_id: int
    kind: str
    template_name: str
    printer_name: str
    copies: int
    requested_by: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    error: str | None
    total: int
    printed: int
    reprints: int


def list_jobs(session: Session, limit: int = 50) -> list[JobSummary]:
    """The most recent jobs first, with label counts (one query, however many items)."""
    counts = (
        select(
            LabelPrintItem.job_id.label("job_id"),
            func.count().label("total"),
            func.count(LabelPrintItem.printed_at).label("printed"),
            func.sum(case((LabelPrintItem.is_reprint, 1), else_=0), type_=Integer).label("reprints"),
        )
        .group_by(LabelPrintItem.job_id)
        .subquery()
    )
    rows = session.execute(
        select(LabelPrintJob, counts.c.total, counts.c.printed, counts.c.reprints)
        .outerjoin(counts, counts.c.job_id == LabelPrintJob.id)
        .order_by(LabelPrintJob.started_at.desc(), LabelPrintJob.id.desc())
        .limit(limit)
    ).all()
    return [
        JobSummary(
            job_id=job.id,
            kind=job.kind,
            template_name=job.template_name,
            printer_name=job.printer_name,
            copies=job.copies,
            requested_by=job.requested_by,
            started_at=job.started_at,
            finished_at=job.finished_at,
            status=job.status,
            error=job.error,
            total=total or 0,
            printed=printed or 0,
            reprints=reprints or 0,
        )
        for job, total, printed, reprints in rows
    ]
