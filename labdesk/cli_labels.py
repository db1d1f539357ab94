"""``labdesk labels``: render labels to files, print them in logged batch runs, resume, list the log.

Wired into ``labdesk/cli.py`` with ``add_labels_parser(sub)`` and the ``run_labels`` handler. Failures
the user can act on (unknown codes, a printer that does not answer, a bad template name) are one
line on stderr and exit 1; database errors are left to ``cli.main``, which describes them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from labdesk.printing.batch import BatchState
from labdesk.printing.profiles import LANGUAGES, PrinterProfile, profile_by_name
from labdesk.printing.templates import BUILTIN_SHEETS, LabelTemplate
from labdesk.printing.transports import PrinterUnavailable

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.label_printing import PreparedJob

EXIT_OK = 0
EXIT_FAILURE = 1
FORMATS = ("zpl", "tspl", "pdf", "png")


class LabelCliError(Exception):
    """One line for the user."""


def _add_url(parser: argparse.ArgumentParser) -> None:
    # Same as cli._add_url: SUPPRESS keeps an unset subcommand --url from hiding a top-level --url.
    parser.add_argument(
        "--url",
        default=argparse.SUPPRESS,
        help="database URL (default: LABDESK_DATABASE_URL, saved settings, local file)",
    )


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", required=True, choices=("instrument", "sample"))
    parser.add_argument(
        "--codes", required=True, nargs="+", metavar="CODE", help="instrument codes or sample numbers"
    )
    parser.add_argument("--template", metavar="NAME", help="label template (default: the kind's default)")


def add_labels_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``labels`` and its actions to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    labels: argparse.ArgumentParser = subparsers.add_parser("labels", help="render and print QR labels")
    actions = labels.add_subparsers(dest="labels_command", metavar="ACTION", required=True)

    render = actions.add_parser(
        "render",
        help="write labels to a file",
        description="Write labels to a file. zpl / tspl: all labels in one printer-language file; "
        "pdf: one label per page at label size, or an A4 sheet with --sheet; png: one image per "
        "label — with one code, PATH itself, with several, PATH-1.png, PATH-2.png, ... in order.",
    )
    _add_selection(render)
    render.add_argument("--format", required=True, choices=FORMATS)
    render.add_argument("--out", required=True, type=Path, metavar="PATH")
    render.add_argument("--sheet", choices=tuple(BUILTIN_SHEETS), help="pdf only: lay labels out on a sheet")
    _add_url(render)

    print_ = actions.add_parser(
        "print",
        help="print labels and log the job",
        description="Print labels through a printer and log the job. If the printer fails mid-batch, "
        "exit 1 with 'job ID: K of N labels confirmed'; `labdesk labels resume ID` sends the rest.",
    )
    _add_selection(print_)
    print_.add_argument("--copies", type=int, default=1, metavar="N", help="copies of each label (default 1)")
    _add_printer(print_, required=True)
    _add_url(print_)

    resume = actions.add_parser(
        "resume", help="send the rest of a paused job, from the first label the printer did not confirm"
    )
    resume.add_argument("job_id", type=int, metavar="ID")
    _add_printer(resume, required=False)
    resume.add_argument("--template", metavar="NAME", help="template to use instead of the job's")
    _add_url(resume)

    jobs = actions.add_parser("jobs", help="list recent print jobs")
    jobs.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default 20)")
    _add_url(jobs)
    return labels


def _add_printer(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--printer",
        required=required,
        metavar="URL",
        help="tcp://HOST:PORT (raw, port 9100 by default), cups:QUEUE, file:PATH, or a saved printer's name"
        + ("" if required else " (default: the job's printer)"),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="printer language (default: zpl" + (")" if required else ", or the job's)"),
    )


def run_labels(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "render": _run_render,
        "print": _run_print,
        "resume": _run_resume,
        "jobs": _run_jobs,
    }
    from labdesk.services.labels import LabelError

    try:
        return handlers[args.labels_command](args)
    except (LabelCliError, LabelError) as error:
        message = str(error)
    except PrinterUnavailable as error:
        message = error.message
    print(f"labdesk: {message}", file=sys.stderr)
    return EXIT_FAILURE


def _open(args: argparse.Namespace) -> Database:
    from labdesk.services.connection import resolve_target
    from labdesk.services.database import open_database

    return open_database(resolve_target(getattr(args, "url", None)))


def _template(database: Database, name: str | None, kind: str) -> LabelTemplate:
    """A built-in or custom template (or the kind's default) for ``kind``, else one line for the user."""
    from labdesk.services.label_printing import choose_template

    try:
        return choose_template(database, name, kind)
    except KeyError as error:
        raise LabelCliError(str(error.args[0]) + ".") from None
    except ValueError as error:
        raise LabelCliError(str(error)) from None


def _run_render(args: argparse.Namespace) -> int:
    if args.sheet and args.format != "pdf":
        raise LabelCliError("--sheet only applies to --format pdf.")
    database = _open(args)
    try:
        template = _template(database, args.template, args.kind)
        with database.read_session() as session:
            from labdesk.services.labels import load_label_records

            records = load_label_records(session, args.kind, args.codes)
    finally:
        database.dispose()
    out: Path = args.out
    if args.format in ("zpl", "tspl"):
        from labdesk.printing.tspl import render_tspl
        from labdesk.printing.zpl import render_zpl

        render = render_zpl if args.format == "zpl" else render_tspl
        with out.open("wb") as file:
            for record in records:  # one at a time: memory stays flat however many labels
                file.write(render(template, record))
        print(f"{out}: {len(records)} labels")
    elif args.format == "pdf":
        from labdesk.printing.pdf import render_pdf_sheet
        from labdesk.printing.templates import sheet_by_name

        sheet = sheet_by_name(args.sheet) if args.sheet else None
        pages = render_pdf_sheet(template, records, out, sheet=sheet)
        print(f"{out}: {len(records)} labels on {pages} pages")
    else:
        from labdesk.printing.png import render_png

        paths = (
            [out]
            if len(records) == 1
            else [out.with_name(f"{out.stem}-{n}{out.suffix or '.png'}") for n in range(1, len(records) + 1)]
        )
        for path, record in zip(paths, records, strict=True):
            path.write_bytes(render_png(template, record))
        print(f"{paths[0]}" if len(paths) == 1 else f"{paths[0]} … {paths[-1]}: {len(paths)} labels")
    return EXIT_OK


def _printer(spec: str, language: str | None) -> PrinterProfile:
    """A printer address used as is, or the name of a printer profile saved on this workstation."""
    if spec.startswith(("tcp://", "cups:", "file:")):
        profile = PrinterProfile(spec, spec, language or "zpl")
    else:
        try:
            profile = profile_by_name(spec)
        except KeyError:
            raise LabelCliError(
                f"{spec!r} is neither a printer address (tcp://HOST:PORT, cups:QUEUE, file:PATH) "
                "nor a printer saved on this workstation."
            ) from None
        if language:
            profile = replace(profile, language=language)
    problems = profile.problems()
    if problems:  # checked before anything is logged
        raise LabelCliError(problems[0][0].upper() + problems[0][1:].rstrip(".") + ".")
    return profile


def _run_print(args: argparse.Namespace) -> int:
    from labdesk.services.label_printing import prepare_job

    if args.copies < 1:
        raise LabelCliError("--copies must be at least 1.")
    printer = _printer(args.printer, args.language)
    database = _open(args)
    try:
        _template(database, args.template or printer.default_template, args.kind)  # before logging
        job = prepare_job(
            database, args.kind, args.codes, printer=printer, template_name=args.template, copies=args.copies
        )
        return _run(database, job)
    finally:
        database.dispose()


def _run_resume(args: argparse.Namespace) -> int:
    from labdesk.services.label_printing import prepare_resume, printer_from_log, printer_name
    from labdesk.services.labels import job_progress, set_job_printer

    database = _open(args)
    try:
        with database.read_session() as session:
            progress = job_progress(session, args.job_id)
        if progress.status == "completed" and not progress.remaining_codes:
            print(f"job {progress.job_id}: already complete, {progress.total} of {progress.total} labels")
            return EXIT_OK
        _template(database, args.template or progress.template_name, progress.kind)
        printer: PrinterProfile | None = None
        if args.printer:
            printer = _printer(args.printer, args.language)
        elif args.language:
            printer = replace(printer_from_log(progress.printer_name), language=args.language)
        if printer is not None and printer_name(printer) != progress.printer_name:
            with database.session() as session:  # the log says where the rest went
                set_job_printer(session, progress.job_id, printer_name(printer))
        job = prepare_resume(database, progress.job_id, printer=printer, template_name=args.template)
        return _run(database, job)
    finally:
        database.dispose()


def _run(database: Database, job: PreparedJob) -> int:
    from labdesk.services.label_printing import run_job

    def progress(done: int, sent: int, total: int) -> None:
        if sys.stderr.isatty():
            line = f"\rjob {job.job_id}: {done} confirmed, {sent} sent of {total}   "
            print(line, end="", file=sys.stderr, flush=True)

    try:
        outcome = run_job(database, job, progress=progress)
    finally:
        if sys.stderr.isatty():
            print(file=sys.stderr)
    if outcome.state is BatchState.COMPLETED:
        print(outcome.summary)
        return EXIT_OK
    print(f"labdesk: {outcome.message}", file=sys.stderr)
    hint = (
        f"; `labdesk labels resume {job.job_id}` sends the rest" if outcome.state is BatchState.PAUSED else ""
    )
    print(outcome.summary + hint, file=sys.stderr)
    return EXIT_FAILURE


def _run_jobs(args: argparse.Namespace) -> int:
    from labdesk.services.labels import list_jobs

    database = _open(args)
    try:
        with database.read_session() as session:
            jobs = list_jobs(session, args.limit)
    finally:
        database.dispose()
    if not jobs:
        print("no label print jobs yet")
        return EXIT_OK
    rows = [("ID", "STARTED", "STATUS", "KIND", "PRINTED", "REPRINTS", "BY", "PRINTER")]
    for job in jobs:
        rows.append(
            (
                str(job.job_id),
                job.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                job.status,
                job.kind,
                f"{job.printed}/{job.total}",
                str(job.reprints),
                job.requested_by,
                job.printer_name,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    return EXIT_OK
