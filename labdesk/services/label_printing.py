"""A label print job from start to end, for the CLI and the app alike.

``prepare_job`` (a new job) or ``prepare_resume`` (the rest of a paused one) logs the job and loads
its labels; ``run_job`` streams them through a :class:`BatchRun`, writing each confirmation to the job
log as it happens, so a killed process or a printer that went away leaves a true log to resume from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from labdesk.printing.batch import BatchRun, BatchState, ProgressCallback
from labdesk.printing.profiles import LANGUAGES, PrinterProfile
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate, default_template
from labdesk.printing.transports import Transport
from labdesk.services.database import Database
from labdesk.services.labels import finish_job, job_progress, load_label_records, mark_printed, start_job


@dataclass(frozen=True)
class PreparedJob:
    """A logged job and what is left to print of it."""

    job_id: int
    records: Sequence[LabelRecord]
    sequences: Sequence[int]  # the job-log sequence number of each record
    render: Callable[[LabelRecord], bytes]
    transport_factory: Callable[[], Transport]
    already_confirmed: int

    @property
    def total(self) -> int:
        return self.already_confirmed + len(self.records)


@dataclass(frozen=True)
class JobOutcome:
    job_id: int
    state: BatchState
    message: str | None
    confirmed: int  # of the whole job, earlier runs included
    total: int

    @property
    def summary(self) -> str:
        return f"job {self.job_id}: {self.confirmed} of {self.total} labels confirmed"


def choose_template(database: Database, name: str | None, kind: str) -> LabelTemplate:
    """The template called ``name`` (built-in or custom), else the kind's default; ValueError if it is
    for the other kind, KeyError (listing the names) if there is none."""
    if not name:
        template = default_template(kind)
    else:
        from labdesk.services.label_templates import get_template

        with database.read_session() as session:
            template = get_template(session, name)
    if template.kind != kind:
        raise ValueError(f"The template {template.name} is for {template.kind} labels, not {kind} labels.")
    return template


def printer_name(printer: PrinterProfile) -> str:
    """How the job log names a printer: its address, with the language when it is not ZPL, so that a
    resume from another process can reach it the same way."""
    return printer.address if printer.language == "zpl" else f"{printer.address} [{printer.language}]"


def printer_from_log(name: str) -> PrinterProfile:
    """The printer a job was sent to, from its job-log name (see ``printer_name``)."""
    for language in LANGUAGES:
        if name.endswith(f" [{language}]"):
            address = name[: -len(language) - 3]
            return PrinterProfile(name=address, address=address, language=language)
    return PrinterProfile(name=name, address=name)


def ad_hoc_printer(address: str, language: str = "zpl") -> PrinterProfile:
    """A printer given by address alone (the CLI's --printer); ValueError if it cannot be used."""
    profile = PrinterProfile(name=address, address=address, language=language)
    if problems := profile.problems():
        raise ValueError("; ".join(problems).capitalize() + ".")
    return profile


def prepare_job(
    database: Database,
    kind: str,
    codes: Sequence[str],
    *,
    printer: PrinterProfile,
    template_name: str | None = None,
    copies: int = 1,
) -> PreparedJob:
    """Log a new job for ``codes`` (in this order) and load its labels."""
    if copies < 1:
        raise ValueError("The number of copies must be at least 1.")
    template = choose_template(database, template_name or printer.default_template, kind)
    with database.session() as session:
        records = load_label_records(session, kind, codes)
        job_id = start_job(
            session, kind, template.name, printer_name(printer), codes, copies, database.user_name
        )
    sequences = list(range(1, len(records) + 1))
    render = printer.renderer(template, copies)
    return PreparedJob(job_id, records, sequences, render, printer.transport_factory(), 0)


def prepare_resume(
    database: Database,
    job_id: int,
    *,
    printer: PrinterProfile | None = None,
    template_name: str | None = None,
) -> PreparedJob:
    """The labels of ``job_id`` the printer never confirmed, to send again (same printer by default)."""
    with database.read_session() as session:
        progress = job_progress(session, job_id)
        records = load_label_records(session, progress.kind, progress.remaining_codes)
    chosen = printer or printer_from_log(progress.printer_name)
    template = choose_template(database, template_name or progress.template_name, progress.kind)
    render = chosen.renderer(template, progress.copies)
    sequences = list(progress.remaining_sequences)
    return PreparedJob(job_id, records, sequences, render, chosen.transport_factory(), progress.confirmed)


def run_job(
    database: Database,
    job: PreparedJob,
    *,
    progress: ProgressCallback | None = None,
    started: Callable[[BatchRun], None] | None = None,
) -> JobOutcome:
    """Send the job's labels; every confirmation is written to the job log at once.

    ``progress(confirmed, sent, total)`` counts the whole job; ``started(run)`` hands the run to a
    caller that may cancel it from another thread.
    """

    def confirmed(count: int) -> None:
        with database.session() as session:
            mark_printed(session, job.job_id, job.sequences[count - 1])

    def report(done: int, sent: int, _of: int) -> None:
        if progress is not None:
            progress(job.already_confirmed + done, job.already_confirmed + sent, job.total)

    run = BatchRun(job.records, job.render, job.transport_factory, on_confirmed=confirmed, progress=report)
    if started is not None:
        started(run)
    try:
        state = run.run()
    except BaseException as error:
        with database.session() as session:
            finish_job(session, job.job_id, "paused", f"Stopped: {error}" if str(error) else "Stopped.")
        raise
    with database.session() as session:
        finish_job(session, job.job_id, state.value, run.message)
    return JobOutcome(job.job_id, state, run.message, job.already_confirmed + run.confirmed_count, job.total)
