"""The print job log: a run the printer cut off is listed as paused, Resume completes it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from labdesk.printing.batch import BatchState
from labdesk.printing.profiles import PrinterProfile, save_profiles
from labdesk.services.database import Database
from labdesk.services.label_printing import JobOutcome, ad_hoc_printer, prepare_job, run_job
from labdesk.ui.label_jobs_dialog import LabelJobsDialog
from tests.printing.emulator import PrinterEmulator
from tests.ui.helpers import WAIT_MS

LABELS = 15


def instrument_codes(database: Database, count: int) -> list[str]:
    with database.read_session() as session:
        return list(session.execute(text("select code from instruments order by code limit :n"),
                                    {"n": count}).scalars())


def paused_job(database: Database, url: str) -> JobOutcome:
    """Print a batch to a printer that goes away mid-batch; the paused run's outcome."""
    job = prepare_job(database, "instrument", instrument_codes(database, LABELS), printer=ad_hoc_printer(url))
    outcome = run_job(database, job)
    assert outcome.state is BatchState.PAUSED and outcome.confirmed < LABELS
    return outcome


def open_dialog(qtbot: QtBot, database: Database) -> LabelJobsDialog:
    dialog = LabelJobsDialog(database)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.jobsLoaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def row_text(dialog: LabelJobsDialog, job_id: int, column: int) -> str:
    item = dialog.table.item(dialog.job_row(job_id), column)
    assert item is not None
    return item.text()


def test_paused_job_is_listed_and_resume_completes_it(qtbot: QtBot, database: Database) -> None:
    with PrinterEmulator(cut_after=[3000]) as printer:
        job_id = paused_job(database, printer.url).job_id
        dialog = open_dialog(qtbot, database)
        assert dialog.jobs[0].job_id == job_id  # most recent first
        assert dialog.jobs[0].status == "paused"
        assert row_text(dialog, job_id, 2) == dialog.status_text("paused")
        assert row_text(dialog, job_id, 7) == printer.url
        printed = dialog.jobs[0].printed
        assert row_text(dialog, job_id, 4) == f"{printed} / {LABELS}"
        assert row_text(dialog, job_id, 9)  # the reason it paused

        assert not dialog.resume_button.isEnabled()  # nothing selected yet
        assert dialog.select_job(job_id) and dialog.resume_button.isEnabled()
        with (
            qtbot.waitSignal(dialog.jobsLoaded, timeout=WAIT_MS),  # the list is re-read afterwards
            qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished,
        ):
            dialog.resume_button.click()
        outcome = finished.args[0]
        assert outcome.state is BatchState.COMPLETED
        assert (outcome.confirmed, outcome.total) == (LABELS, LABELS)
        assert dialog.jobs[dialog.job_row(job_id)].status == "completed"
        assert row_text(dialog, job_id, 2) == dialog.status_text("completed")
        assert row_text(dialog, job_id, 4) == f"{LABELS} / {LABELS}"
        assert not dialog.resume_button.isEnabled()  # a completed job cannot be resumed
        codes = instrument_codes(database, LABELS)
        assert printer.wait_for(
            lambda p: all(any(code.encode() in label for label in p.labels) for code in codes))


def test_resume_on_another_printer(qtbot: QtBot, database: Database) -> None:
    with PrinterEmulator(cut_after=[3000]) as first, PrinterEmulator() as second:
        paused = paused_job(database, first.url)
        job_id = paused.job_id
        save_profiles([PrinterProfile("备用斑马", second.url)])
        dialog = open_dialog(qtbot, database)
        dialog.printer.setCurrentIndex(dialog.printer.findData("备用斑马"))
        dialog.select_job(job_id)
        with (
            qtbot.waitSignal(dialog.jobsLoaded, timeout=WAIT_MS),
            qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished,
        ):
            dialog.resume_button.click()
        assert finished.args[0].state is BatchState.COMPLETED
        remaining = LABELS - paused.confirmed  # from the first label the printer did not confirm
        assert second.wait_for(lambda p: len(p.labels) == remaining)
        assert row_text(dialog, job_id, 7) == second.url  # the log says where the rest went


def test_stop_cancels_a_resume(qtbot: QtBot, database: Database) -> None:
    with PrinterEmulator(cut_after=[3000]) as printer:
        job_id = paused_job(database, printer.url).job_id
        dialog = open_dialog(qtbot, database)
        dialog.select_job(job_id)
        dialog.stop()  # nothing running: harmless
        with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS) as finished:
            dialog.resume_button.click()
            qtbot.waitUntil(lambda: dialog._runs.run is not None or not dialog._running, timeout=WAIT_MS)
            dialog.stop_button.click()
        assert finished.args[0].state in (BatchState.CANCELLED, BatchState.COMPLETED)
        qtbot.waitUntil(lambda: dialog.refresh_button.isEnabled(), timeout=WAIT_MS)


def test_a_job_without_a_reachable_printer_asks_for_one(qtbot: QtBot, database: Database) -> None:
    dialog = open_dialog(qtbot, database)
    named = [j for j in dialog.jobs if j.status in ("paused", "failed") and "://" not in j.printer_name
             and not j.printer_name.startswith(("cups:", "file:"))]
    assert named  # the demo's jobs name their printers, not addresses
    dialog.select_job(named[0].job_id)
    assert dialog.resume_selected() is None
    assert named[0].printer_name in dialog.message.text() and not dialog._running
