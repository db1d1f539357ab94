"""The small form of each instrument workflow step (repair request, calibration record, loan …).

A form collects what its step needs plus a comment, runs the step in a worker (files are read there
too) and closes when it succeeded, handing the instrument's new summary to whoever opened it. A
refused step keeps the form open with the service's sentence, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QImageReader, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.services import instrument_desk as desk
from labdesk.services.instrument_workflow import (
    MAX_BORROWER,
    MAX_CERTIFICATE_NO,
    MAX_PROVIDER,
    CertificateFile,
)
from labdesk.ui.i18n import translate
from labdesk.ui.workers import start_worker
from labdesk.ui.workflow_dialog_parts import StepForm, escape

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.instrument_desk import InstrumentSummary, PersonChoice

PHOTO_PREVIEW = 220  # px, the longer side
# Window titles and the actions dialog's buttons, by permission step.
STEP_TITLES: dict[str, str] = {
    "request_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Request repair"),
    "start_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Start repair"),
    "finish_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Finish repair"),
    "send_for_calibration": QT_TRANSLATE_NOOP("InstrumentActions", "Send for calibration"),
    "record_calibration": QT_TRANSLATE_NOOP("InstrumentActions", "Record calibration"),
    "take_out_of_service": QT_TRANSLATE_NOOP("InstrumentActions", "Take out of service"),
    "return_to_service": QT_TRANSLATE_NOOP("InstrumentActions", "Return to service"),
    "lend": QT_TRANSLATE_NOOP("InstrumentActions", "Lend"),
    "return_loan": QT_TRANSLATE_NOOP("InstrumentActions", "Loan returned"),
    "retire": QT_TRANSLATE_NOOP("InstrumentActions", "Retire"),
}
_REQUIRED_COMMENT = {"take_out_of_service", "retire"}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ActionForm(StepForm):
    """One step's form; see the module docstring. ``succeeded`` carries the new summary."""

    peopleLoaded = Signal()  # noqa: N815 - Qt naming
    """The reporter list arrived (repair requests only)."""

    def __init__(self, database: Database, summary: InstrumentSummary, step: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(database, summary, step, parent=parent,
                         title=f"{translate('InstrumentActions', STEP_TITLES[step])} — {summary.code}",
                         heading=f"<b>{escape(summary.code)}</b> {escape(summary.name)}")
        self.summary: InstrumentSummary = summary
        self.photo_path: Path | None = None
        self.certificate_path: Path | None = None
        getattr(self, f"_build_{step}", lambda: None)()
        self.comment: QPlainTextEdit = self.add_comment(required=step in _REQUIRED_COMMENT)

    # -- fields ----------------------------------------------------------------------------------
    def _text(self, name: str, limit: int, value: str | None = None) -> QLineEdit:
        edit = QLineEdit(value or "", self)
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    def _long_text(self, name: str, height: int = 80) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setFixedHeight(height)
        return edit

    def _date(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _build_request_repair(self) -> None:
        self.fault = self._long_text("fault", 90)
        self.reporter = QComboBox(self)
        self.reporter.setObjectName("reporter")
        self.photo_button = QPushButton(self.tr("Choose photo…"), self)
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_preview = QLabel(self.tr("No photo"), self)
        self.photo_preview.setObjectName("photoPreview")
        self.photo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_preview.setMinimumSize(PHOTO_PREVIEW, PHOTO_PREVIEW * 3 // 4)
        self.photo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        photo = QVBoxLayout()
        photo.addWidget(self.photo_button, 0, Qt.AlignmentFlag.AlignLeft)
        photo.addWidget(self.photo_preview, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addRow(self.tr("Fault:"), self.fault)
        self.form.addRow(self.tr("Reported by:"), self.reporter)
        self.form.addRow(self.tr("Photo:"), photo)
        start_worker(lambda _w: desk.active_people(self.database), on_result=self._people_arrived,
                     on_error=self.show_error, name="reporters")

    def _build_finish_repair(self) -> None:
        self.cost = self._text("cost", 16)
        self.cost.setPlaceholderText("0.00")
        amount = QRegularExpression(r"\d{0,12}([.]\d{0,2})?")  # yuan and fen; the service checks again
        self.cost.setValidator(QRegularExpressionValidator(amount, self))
        self.result_text = self._long_text("result")
        self.back_in_service = QCheckBox(self.tr("Back in service (its calibration is valid)"), self)
        self.back_in_service.setObjectName("backInService")
        self.back_in_service.setChecked(not self.summary.overdue)
        self.form.addRow(self.tr("Cost (yuan):"), self.cost)
        self.form.addRow(self.tr("Result:"), self.result_text)
        self.form.addRow("", self.back_in_service)

    def _build_send_for_calibration(self) -> None:
        self.provider = self._text("provider", MAX_PROVIDER, self.summary.calibration_provider)
        self.form.addRow(self.tr("Calibrated by:"), self.provider)

    def _build_record_calibration(self) -> None:
        today = dt.date.today()
        self.calibrated_on = self._date("calibratedOn", today)
        self.calibrated_on.setMaximumDate(_qdate(today))
        if self.summary.last_calibration_date is not None:
            self.calibrated_on.setMinimumDate(_qdate(min(self.summary.last_calibration_date, today)))
        self.provider = self._text("provider", MAX_PROVIDER, self.summary.calibration_provider)
        self.certificate_no = self._text("certificateNo", MAX_CERTIFICATE_NO)
        self.certificate_button = QPushButton(self.tr("Choose file…"), self)
        self.certificate_button.clicked.connect(self.choose_certificate)
        self.certificate_label = QLabel(self.tr("No file"), self)
        self.certificate_label.setObjectName("certificateFile")
        certificate = QHBoxLayout()
        certificate.addWidget(self.certificate_button)
        certificate.addWidget(self.certificate_label, 1)
        self.passed = QRadioButton(translate("Status", "Pass"), self)
        self.passed.setObjectName("passed")
        self.passed.setChecked(True)
        self.failed_result = QRadioButton(translate("Status", "Fail"), self)
        self.failed_result.setObjectName("failedResult")
        result = QHBoxLayout()
        result.addWidget(self.passed)
        result.addWidget(self.failed_result)
        result.addStretch(1)
        self.adjustments = self._long_text("adjustments", 60)
        interval = self.summary.calibration_interval_months
        self.form.addRow(self.tr("Calibrated on:"), self.calibrated_on)
        self.form.addRow(self.tr("Calibrated by:"), self.provider)
        self.form.addRow(self.tr("Certificate no.:"), self.certificate_no)
        self.form.addRow(self.tr("Certificate file:"), certificate)
        self.form.addRow(self.tr("Result:"), result)
        self.form.addRow(self.tr("Adjustments:"), self.adjustments)
        if interval:
            note = QLabel(self.tr("Passed: due again in %1 months, and back in service. Failed: out of "
                                  "service.").replace("%1", str(interval)), self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #505050;")
            self.form.addRow("", note)

    def _build_lend(self) -> None:
        today = dt.date.today()
        self.borrower = self._text("borrower", MAX_BORROWER)
        self.due_back = self._date("dueBack", today + dt.timedelta(days=14))
        self.due_back.setMinimumDate(_qdate(today))
        self.form.addRow(self.tr("Borrower:"), self.borrower)
        self.form.addRow(self.tr("Due back:"), self.due_back)

    # -- files -----------------------------------------------------------------------------------
    @Slot()
    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the fault"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"))
        if path:
            self.set_photo(Path(path))

    def set_photo(self, path: Path) -> None:
        """Use the image at ``path``; the preview is read scaled, so a large photo costs little."""
        reader = QImageReader(str(path))
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(PHOTO_PREVIEW, PHOTO_PREVIEW,
                                             Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.show_error(self.tr("%1 is not an image this computer can read.").replace("%1", path.name))
            return
        self.photo_path = path
        self.photo_preview.setPixmap(QPixmap.fromImage(image))
        self.error.hide()

    @Slot()
    def choose_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Calibration certificate"), str(Path.home()),
            self.tr("Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        if path:
            self.set_certificate(Path(path))

    def set_certificate(self, path: Path) -> None:
        self.certificate_path = path
        self.certificate_label.setText(path.name)

    @Slot(object)
    def _people_arrived(self, people: list[PersonChoice]) -> None:
        self.reporter.addItem(self.tr("(nobody named)"), None)
        for person in people:
            self.reporter.addItem(person.name, person.id)
        chosen = self.reporter.findData(self.summary.actor_person_id)
        self.reporter.setCurrentIndex(max(0, chosen))
        self.peopleLoaded.emit()

    # -- taking the step -------------------------------------------------------------------------
    def call(self) -> Callable[[], InstrumentSummary]:
        """The step as a function of what was entered (runs in the worker; files are read there)."""
        db, code, version, step = self.database, self.summary.code, self.summary.version, self.step
        comment = self.comment_text()
        if step == "request_repair":
            fault, photo = self.fault.toPlainText(), self.photo_path
            reporter = self.reporter.currentData()
            return lambda: desk.request_repair(db, code, version, fault=fault, reporter_id=reporter,
                                               photo=photo.read_bytes() if photo else None, comment=comment)
        if step == "finish_repair":
            cost, result = self.cost.text(), self.result_text.toPlainText()
            back = self.back_in_service.isChecked()
            return lambda: desk.finish_repair(db, code, version, cost=cost or "0", result=result,
                                              back_in_service=back, comment=comment)
        if step == "send_for_calibration":
            provider = self.provider.text()
            return lambda: desk.send_for_calibration(db, code, version, provider=provider, comment=comment)
        if step == "record_calibration":
            values: dict[str, Any] = {
                "calibrated_on": _pydate(self.calibrated_on.date()), "provider": self.provider.text(),
                "certificate_no": self.certificate_no.text(), "passed": self.passed.isChecked(),
                "adjustments": self.adjustments.toPlainText() or None, "comment": comment}
            path = self.certificate_path
            return lambda: desk.record_calibration(
                db, code, version, **values,
                certificate=CertificateFile(path.name, path.read_bytes()) if path else None)
        if step == "lend":
            borrower, due = self.borrower.text(), _pydate(self.due_back.date())
            return lambda: desk.lend(db, code, version, borrower=borrower, due_back=due, comment=comment)
        if step == "take_out_of_service":
            return lambda: desk.take_out_of_service(db, code, version, reason=comment or "")
        if step == "retire":
            return lambda: desk.retire(db, code, version, comment=comment or "")
        simple = {"start_repair": desk.start_repair, "return_to_service": desk.return_to_service,
                  "return_loan": desk.return_loan}[step]
        return lambda: simple(db, code, version, comment=comment)
