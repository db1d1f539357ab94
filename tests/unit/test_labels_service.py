"""Label records from the ledgers and the print-job log, on a migrated SQLite database with demo data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from labdesk.models.instruments import Instrument
from labdesk.models.labels import LabelPrintItem, LabelPrintJob
from labdesk.models.orders import Order
from labdesk.models.samples import Sample
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.labels import (
    JobNotFound,
    LabelError,
    UnknownCodes,
    finish_job,
    job_progress,
    list_jobs,
    load_label_records,
    mark_printed,
    set_job_printer,
    start_job,
)

# 80 instruments: the demo's label jobs print the first 70, so the last ten were never printed.
SIZES = DemoSizes(customers=5, instruments=80, orders=5, samples=20)
STATUS_TEXT = {
    "in_service": "在用",
    "under_repair": "维修中",
    "out_for_calibration": "送检中",
    "out_of_service": "停用",
    "loaned": "借出",
    "retired": "报废",
}


@pytest.fixture
def session(sqlite_engine: Engine) -> Iterator[Session]:
    fill_demo(sqlite_engine, SIZES)
    with Session(sqlite_engine) as session:
        yield session


def instruments(session: Session) -> list[Instrument]:
    return list(session.scalars(select(Instrument).order_by(Instrument.code)))


def test_instrument_records_in_the_order_asked(session: Session) -> None:
    rows = instruments(session)
    wanted = [rows[5], rows[1], rows[5], rows[40]]
    records = load_label_records(session, "instrument", [r.code for r in wanted])
    assert [r.code for r in records] == [r.code for r in wanted]  # order and repeats kept
    for record, row in zip(records, wanted, strict=True):
        assert record.kind == "instrument" and record.name == row.name
        assert record.fields["next_due"] == (row.next_due_date.isoformat() if row.next_due_date else "")
        assert record.fields["last_calibrated"] == (
            row.last_calibration_date.isoformat() if row.last_calibration_date else ""
        )


def test_instrument_status_is_the_ledgers_chinese_text(session: Session) -> None:
    rows = instruments(session)
    records = load_label_records(session, "instrument", [r.code for r in rows])
    seen = {row.status: record.fields["status"] for row, record in zip(rows, records, strict=True)}
    assert "in_service" in seen
    for status, text in seen.items():
        # The ledger's translation, not the key: unknown keys would show as English.
        assert text == STATUS_TEXT.get(status, text) and text.isascii() is False


def test_sample_records(session: Session) -> None:
    sample, order_no = session.execute(
        select(Sample, Order.order_no).join(Order, Sample.order_id == Order.id).limit(1)
    ).one()
    assert sample.sample_no is not None
    (record,) = load_label_records(session, "sample", [sample.sample_no])
    assert (record.kind, record.code, record.name) == ("sample", sample.sample_no, sample.name)
    assert record.fields["order_no"] == order_no
    assert record.fields["sample_type"] == (sample.sample_type or "")
    assert record.fields["date"] == sample.received_at.astimezone().date().isoformat()


def test_unknown_codes_are_listed(session: Session) -> None:
    known = instruments(session)[0].code
    with pytest.raises(UnknownCodes) as caught:
        load_label_records(session, "instrument", [known, "YQ-999999", "nope", "YQ-999999"])
    assert str(caught.value) == "No such instrument codes: YQ-999999, nope."
    with pytest.raises(UnknownCodes, match=r"^No such sample number: YP-X\.$"):
        load_label_records(session, "sample", ["YP-X"])
    with pytest.raises(LabelError, match="kind must be one of instrument, sample"):
        load_label_records(session, "report", [known])


def test_start_job_logs_items_and_marks_reprints(session: Session) -> None:
    rows = instruments(session)
    printed_by_demo, never_printed = rows[0].code, rows[75].code
    codes = [never_printed, printed_by_demo, rows[76].code]
    job_id = start_job(session, "instrument", "instrument-50x30", "tcp://10.0.0.5:9100", codes, 2, "wangfang")
    job = session.get(LabelPrintJob, job_id)
    assert job is not None
    assert (job.status, job.copies, job.requested_by, job.finished_at) == ("running", 2, "wangfang", None)
    assert [(i.sequence, i.record_code, i.is_reprint, i.copies) for i in job.items] == [
        (1, never_printed, False, 2),
        (2, printed_by_demo, True, 2),
        (3, rows[76].code, False, 2),
    ]
    # Once this job has printed a code, the next job reprints it.
    mark_printed(session, job_id, 1)
    again = start_job(session, "instrument", "instrument-50x30", "file:/tmp/x", [never_printed], 1, "li")
    assert [i.is_reprint for i in session.scalars(select(LabelPrintItem).filter_by(job_id=again))] == [True]
    with pytest.raises(LabelError, match="at least one code"):
        start_job(session, "instrument", "t", "p", [], 1, "li")
    with pytest.raises(LabelError, match="copies must be at least 1"):
        start_job(session, "instrument", "t", "p", codes, 0, "li")


def test_progress_mark_printed_and_finish(session: Session) -> None:
    codes = [r.code for r in instruments(session)[70:80]]
    job_id = start_job(session, "instrument", "instrument-50x30", "tcp://h:9100", codes, 1, "li")
    progress = job_progress(session, job_id)
    assert (progress.total, progress.confirmed, progress.remaining_codes) == (10, 0, tuple(codes))
    assert progress.remaining_sequences == tuple(range(1, 11))
    assert mark_printed(session, job_id, 4) == 4
    assert mark_printed(session, job_id, 4) == 0  # idempotent: a repeated confirmation changes nothing
    finish_job(session, job_id, "paused", "The printer is out of labels; load labels, then resume.")
    progress = job_progress(session, job_id)
    assert (progress.confirmed, progress.remaining_codes, progress.status) == (4, tuple(codes[4:]), "paused")
    assert progress.error is not None and progress.error.startswith("The printer is out of labels")
    job = session.get(LabelPrintJob, job_id)
    assert job is not None and job.finished_at is None  # a paused job is still open
    mark_printed(session, job_id, 10)
    finish_job(session, job_id, "completed")
    progress = job_progress(session, job_id)
    assert (progress.confirmed, progress.remaining_codes, progress.error) == (10, (), None)
    assert job.finished_at is not None
    with pytest.raises(LabelError, match="Not a print job status"):
        finish_job(session, job_id, "done")
    set_job_printer(session, job_id, "cups:Zebra2")
    assert job_progress(session, job_id).printer_name == "cups:Zebra2"


def test_list_jobs_newest_first_with_counts(session: Session) -> None:
    demo_jobs = list_jobs(session)
    assert len(demo_jobs) >= 3  # the demo's own label jobs
    assert [j.started_at for j in demo_jobs] == sorted((j.started_at for j in demo_jobs), reverse=True)
    codes = [r.code for r in instruments(session)[:5]]
    job_id = start_job(session, "instrument", "instrument-50x30", "cups:Zebra", codes, 1, "zhaolei")
    mark_printed(session, job_id, 2)
    newest = list_jobs(session, limit=3)
    assert len(newest) == 3 and newest[0].job_id == job_id
    summary = newest[0]
    assert (summary.total, summary.printed, summary.reprints) == (5, 2, 5)  # the demo printed all five
    assert (summary.printer_name, summary.requested_by, summary.status) == (
        "cups:Zebra",
        "zhaolei",
        "running",
    )


def test_unknown_job(session: Session) -> None:
    with pytest.raises(JobNotFound, match="no label print job 999"):
        job_progress(session, 999)
    with pytest.raises(JobNotFound):
        mark_printed(session, 999, 1)
