"""Print labels for the records selected in the instruments or samples ledger.

Choose a printer (a profile of this workstation, or an address typed in: tcp://HOST:9100, cups:QUEUE,
file:PATH), a template and copies; the first labels are previewed as the printer will print them. The
run streams in a worker with progress and cancel. If the printer goes away or runs out of paper, the run
pauses with the printer's reason, and Resume sends the rest from the first label the printer did not
confirm (labdesk/printing/batch.py). Every run is in the job log (``labdesk labels jobs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labdesk.printing.batch import BatchState
from labdesk.printing.profiles import LANGUAGES, PrinterProfile, load_profiles
from labdesk.printing.templates import BUILTIN_TEMPLATES, LabelTemplate, default_template
from labdesk.services import workspace
from labdesk.ui.i18n import problem_text
from labdesk.ui.label_runs import RunHandle, outcome_text, show_progress
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.printing.records import LabelRecord
    from labdesk.services.database import Database
    from labdesk.services.label_printing import JobOutcome
    from labdesk.services.workspace import LabelTemplateInfo

PREVIEW_LABELS = 3


class LabelPrintDialog(QDialog):
    """One batch of labels; stays open after a pause so the user can resume."""

    runFinished = Signal(object)  # noqa: N815 - Qt naming
    """A run ended (completed, paused, cancelled or failed): the JobOutcome."""
    previewReady = Signal()  # noqa: N815
    """The preview labels are shown."""
    templatesLoaded = Signal()  # noqa: N815
    """The lab's own templates of this kind were added to the template list."""

    def __init__(
        self, database: Database, kind: str, codes: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.kind, self.codes = database, kind, codes
        self.job_id: int | None = None
        self.outcome: JobOutcome | None = None
        self._runs = RunHandle()
        self.setWindowTitle(self.tr("Print labels"))
        noun = self.tr("instrument labels") if kind == "instrument" else self.tr("sample labels")
        heading = QLabel(self.tr("%1 %2").replace("%1", str(len(codes))).replace("%2", noun), self)
        heading.setStyleSheet("font-weight: bold;")

        self.printer = QComboBox(self)
        self.printer.setEditable(True)
        self.profiles = {p.name: p for p in load_profiles()}
        self.printer.addItems(list(self.profiles))
        self.printer.setToolTip(
            self.tr("A printer of this workstation, or an address: tcp://HOST:9100, cups:QUEUE or file:PATH")
        )
        editor = self.printer.lineEdit()
        if editor is not None:
            editor.setPlaceholderText("tcp://HOST:9100")
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(code.upper(), code)
        self.template = QComboBox(self)
        self.templates: dict[str, LabelTemplate] = {}
        for template in BUILTIN_TEMPLATES.values():
            if template.kind == kind:
                self._add_template(template)
        self.template.setCurrentIndex(max(0, self.template.findData(default_template(kind).name)))
        self.template.currentIndexChanged.connect(self.load_preview)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, 99)
        form = QFormLayout()
        form.addRow(self.tr("Printer:"), self.printer)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Copies:"), self.copies)

        self.preview = QHBoxLayout()
        self.preview_labels = [QLabel(self) for _ in range(min(PREVIEW_LABELS, len(codes)))]
        for label in self.preview_labels:
            label.setFrameShape(QLabel.Shape.Box)
            self.preview.addWidget(label)
        self.preview.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(codes))
        self.progress.setValue(0)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.resume_button = buttons.addButton(self.tr("Resume"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = QPushButton(self.tr("A4 sheet (PDF)…"), self)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.clicked.connect(self.start_print)
        self.resume_button.clicked.connect(self.resume)
        self.cancel_button.clicked.connect(self.stop)
        self.pdf_button.clicked.connect(self.choose_pdf)
        close.clicked.connect(self.reject)
        self.resume_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(self.preview)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.load_preview()
        start_worker(
            lambda _w: workspace.label_templates(database, kind),
            on_result=self._templates_arrived,
            on_error=self._failed,
            name="label templates",
        )

    def _add_template(self, template: LabelTemplate) -> None:
        self.templates[template.name] = template
        size = f"{template.width_mm:g}x{template.height_mm:g} mm"
        self.template.addItem(f"{template.name} ({size})", template.name)

    @Slot(object)
    def _templates_arrived(self, entries: list[LabelTemplateInfo]) -> None:
        """Add the custom templates after the built-in ones (the choice stays as it is)."""
        for entry in entries:
            if not entry.builtin and entry.template.name not in self.templates:
                self._add_template(entry.template)
        self.templatesLoaded.emit()

    # -- preview ---------------------------------------------------------------------------------
    @Slot()
    def load_preview(self) -> None:
        """Render the first labels in a worker (the database read and the drawing are both slowish)."""
        database, kind, first = self.database, self.kind, self.codes[:PREVIEW_LABELS]
        template = self.templates[str(self.template.currentData())]

        def render(_w: Worker) -> list[bytes]:
            from labdesk.printing.png import render_png

            return [render_png(template, record) for record in workspace.label_records(database, kind, first)]

        start_worker(render, on_result=self._preview_arrived, on_error=self._failed, name="label preview")

    @Slot(object)
    def _preview_arrived(self, images: list[bytes]) -> None:
        for label, png in zip(self.preview_labels, images, strict=False):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(
                pixmap.scaledToWidth(min(pixmap.width(), 320), Qt.TransformationMode.SmoothTransformation)
            )
        self.previewReady.emit()

    # -- printing --------------------------------------------------------------------------------
    def chosen_printer(self) -> PrinterProfile:
        """The chosen profile, or one made from the typed address (ValueError when it cannot be used)."""
        from labdesk.services.label_printing import ad_hoc_printer

        text = self.printer.currentText().strip()
        if text in self.profiles:
            return self.profiles[text]
        return ad_hoc_printer(text, str(self.language.currentData()))

    @Slot()
    def start_print(self) -> None:
        from labdesk.services.label_printing import prepare_job, run_job

        try:
            printer = self.chosen_printer()
        except ValueError as error:
            self._show(str(error), error=True)
            return
        database, kind, codes = self.database, self.kind, list(self.codes)
        template, copies = str(self.template.currentData()), self.copies.value()

        def work(worker: Worker) -> JobOutcome:
            job = prepare_job(database, kind, codes, printer=printer, template_name=template, copies=copies)
            return run_job(
                database,
                job,
                progress=lambda done, _sent, total: worker.report_progress(done, total),
                started=self._runs.started,
            )

        self._begin(work)

    @Slot()
    def resume(self) -> None:
        from labdesk.services.label_printing import prepare_resume, run_job

        if self.job_id is None:
            return
        database, job_id = self.database, self.job_id
        try:
            printer: PrinterProfile | None = self.chosen_printer()
        except ValueError:
            printer = None  # the printer of the job log

        def work(worker: Worker) -> JobOutcome:
            job = prepare_resume(database, job_id, printer=printer)
            return run_job(
                database,
                job,
                progress=lambda done, _sent, total: worker.report_progress(done, total),
                started=self._runs.started,
            )

        self._begin(work)

    def _begin(self, work: Any) -> None:
        self.print_button.setEnabled(False)
        self.resume_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._show(self.tr("Printing…"))
        start_worker(
            work,
            on_result=self._ended,
            on_error=self._failed,
            on_progress=self._progressed,
            name="label batch",
        )

    @Slot()
    def stop(self) -> None:
        self._runs.stop()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        show_progress(self.progress, done, total)

    @Slot(object)
    def _ended(self, outcome: JobOutcome) -> None:
        self.outcome, self.job_id = outcome, outcome.job_id
        self._runs.clear()
        self.cancel_button.setEnabled(False)
        self.progress.setValue(outcome.confirmed)
        text, problem = outcome_text(outcome)
        self._show(text, error=problem)
        self.resume_button.setEnabled(outcome.state is BatchState.PAUSED)
        self.print_button.setEnabled(outcome.state is not BatchState.PAUSED)
        self.runFinished.emit(outcome)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._runs.clear()
        self.cancel_button.setEnabled(False)
        self.print_button.setEnabled(True)
        self._show(problem_text(error) if not isinstance(error, KeyError) else str(error.args[0]), error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if error else "")
        self.message.setText(text)

    # -- A4 sheets -------------------------------------------------------------------------------
    @Slot()
    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save label sheet"), "labels.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str) -> Worker:
        """Write the labels on A4 sheets (3 x 8) for an ordinary printer, in a worker."""
        from labdesk.printing.pdf import render_pdf_sheet
        from labdesk.printing.templates import sheet_by_name

        database, kind, codes = self.database, self.kind, list(self.codes)
        template = self.templates[str(self.template.currentData())]

        def work(_w: Worker) -> int:
            from pathlib import Path

            records: list[LabelRecord] = workspace.label_records(database, kind, codes)
            return render_pdf_sheet(template, records, Path(path), sheet=sheet_by_name("a4-3x8"))

        self._show(self.tr("Writing the sheet…"))
        return start_worker(
            work,
            on_result=lambda pages: self._show(
                self.tr("%1 pages written to %2").replace("%1", str(pages)).replace("%2", path)
            ),
            on_error=self._failed,
            name="label sheet",
        )
