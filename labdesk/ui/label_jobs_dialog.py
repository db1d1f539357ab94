"""The label print job log: every batch run, who ran it, where it went, how far it got.

The list is read in a worker. A paused or failed job can be resumed from here — on its own printer or
on another printer of this workstation — and continues from the first label the printer did not
confirm (labdesk/services/label_printing.py), with progress and Stop.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.printing.profiles import PrinterProfile, load_profiles
from labdesk.services import workspace
from labdesk.ui.i18n import problem_text
from labdesk.ui.label_runs import RunHandle, outcome_text, show_progress
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.label_printing import JobOutcome
    from labdesk.services.labels import JobSummary

RESUMABLE = ("paused", "failed")
COLUMNS = 10
MAX_COLUMN_WIDTH = 260
ERROR_STYLE = "color: #c0392b;"


class LabelJobsDialog(QDialog):
    """See the module docstring."""

    jobsLoaded = Signal()  # noqa: N815 - Qt naming
    """The list was (re)read from the database."""
    runFinished = Signal(object)  # noqa: N815
    """A resume ended: the JobOutcome."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.jobs: list[JobSummary] = []
        self._runs = RunHandle()
        self._running = False
        self.setWindowTitle(self.tr("Label print jobs"))

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("jobsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Job"), self.tr("Started"), self.tr("Status"), self.tr("Kind"), self.tr("Printed"),
            self.tr("Reprints"), self.tr("By"), self.tr("Printer"), self.tr("Template"), self.tr("Error"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("The job's own printer"), None)
        self.profiles = {p.name: p for p in load_profiles()}
        for name in self.profiles:
            self.printer.addItem(name, name)
        self.printer.setToolTip(self.tr("Resume on the printer the job used, or on another printer"))
        resume_row = QHBoxLayout()
        resume_row.addWidget(QLabel(self.tr("Resume on:"), self))
        resume_row.addWidget(self.printer, 1)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.progress.hide()  # shown while a job is resumed
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.resume_button = buttons.addButton(self.tr("Resume…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button = buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.resume_button.clicked.connect(self.resume_selected)
        self.stop_button.clicked.connect(self.stop)
        self.refresh_button.clicked.connect(self.refresh)
        close.clicked.connect(self.reject)
        self.resume_button.setEnabled(False)
        self.stop_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(resume_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1100, 480)
        self.refresh()

    # -- the list --------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> Worker:
        database = self.database
        self.refresh_button.setEnabled(False)
        return start_worker(
            lambda _w: workspace.label_jobs(database, limit=200),
            on_result=self._loaded,
            on_error=self._failed,
            on_finished=self._refreshed,
            name="label jobs",
        )

    @Slot()
    def _refreshed(self) -> None:
        self.refresh_button.setEnabled(True)

    def status_text(self, status: str) -> str:
        texts = {
            "running": self.tr("running"),
            "paused": self.tr("paused"),
            "completed": self.tr("completed"),
            "cancelled": self.tr("cancelled"),
            "failed": self.tr("failed"),
        }
        return texts.get(status, status)

    def kind_text(self, kind: str) -> str:
        return {"instrument": self.tr("instrument"), "sample": self.tr("sample")}.get(kind, kind)

    @staticmethod
    def local_time(value: dt.datetime) -> str:
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")

    @Slot(object)
    def _loaded(self, jobs: list[JobSummary]) -> None:
        selected = self.selected_job()
        keep = selected.job_id if selected is not None else None
        self.jobs = jobs
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            values = [
                str(job.job_id),
                self.local_time(job.started_at),
                self.status_text(job.status),
                self.kind_text(job.kind),
                f"{job.printed} / {job.total}",
                str(job.reprints),
                job.requested_by,
                job.printer_name,
                job.template_name,
                job.error or "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, job.job_id)
                if column == 9 and value:
                    item.setToolTip(value)
                if column in (0, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(COLUMNS):  # a long printer or template name must not push the rest away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        if keep is not None:
            self.select_job(keep)
        self._selection_changed()
        self.jobsLoaded.emit()

    def job_row(self, job_id: int) -> int:
        return next((row for row, job in enumerate(self.jobs) if job.job_id == job_id), -1)

    def select_job(self, job_id: int) -> bool:
        row = self.job_row(job_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def selected_job(self) -> JobSummary | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.jobs[row] if 0 <= row < len(self.jobs) else None

    @Slot()
    def _selection_changed(self) -> None:
        job = self.selected_job()
        self.resume_button.setEnabled(not self._running and job is not None and job.status in RESUMABLE)

    # -- resume ----------------------------------------------------------------------------------
    def chosen_printer(self) -> PrinterProfile | None:
        """The profile picked to resume on, or None for the printer in the job log."""
        name = self.printer.currentData()
        return self.profiles.get(str(name)) if name is not None else None

    @Slot()
    def resume_selected(self) -> Worker | None:
        from labdesk.services.label_printing import prepare_resume, printer_from_log, run_job

        job = self.selected_job()
        if job is None or job.status not in RESUMABLE or self._running:
            return None
        database, job_id, printer = self.database, job.job_id, self.chosen_printer()
        if printer is None and printer_from_log(job.printer_name).problems():
            self._show(self.tr("The job's printer %1 is not an address LabDesk can reach; "
                               "choose a printer to resume on.").replace("%1", job.printer_name), error=True)
            return None

        def work(worker: Worker) -> JobOutcome:
            if printer is not None:
                from labdesk.services.label_printing import printer_name

                workspace.set_label_job_printer(database, job_id, printer_name(printer))
            prepared = prepare_resume(database, job_id, printer=printer)
            return run_job(
                database,
                prepared,
                progress=lambda done, _sent, total: worker.report_progress(done, total),
                started=self._runs.started,
            )

        self._running = True
        self.resume_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, max(job.total, 1))
        self.progress.setValue(job.printed)
        self.progress.show()
        self._show(self.tr("Resuming job %1…").replace("%1", str(job_id)))
        return start_worker(
            work, on_result=self._ended, on_error=self._failed, on_progress=self._progressed,
            name="label resume",
        )

    @Slot()
    def stop(self) -> None:
        self._runs.stop()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)

    @Slot(object)
    def _ended(self, outcome: JobOutcome) -> None:
        self._runs.clear()
        self._running = False
        self.stop_button.setEnabled(False)
        self.progress.setValue(outcome.confirmed)
        text, problem = outcome_text(outcome)
        self._show(text, error=problem)
        self.runFinished.emit(outcome)
        self.refresh()

    @Slot(object)
    def _failed(self, error: Any) -> None:
        was_running = self._running
        self._runs.clear()
        self._running = False
        self.stop_button.setEnabled(False)
        self._show(problem_text(error) if not isinstance(error, KeyError) else str(error.args[0]), error=True)
        self._selection_changed()
        if was_running:
            self.refresh()

    def done(self, result: int) -> None:
        """Closing stops a resume in progress (the job stays resumable from where it got to)."""
        self.stop()
        super().done(result)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
