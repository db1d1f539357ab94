"""The scan dock (F9): a live preview and scan-to-act.

A scanned LabDesk label leads to its record: a sample shows its custody panel (status, location, holder,
one button per action the user may take), an instrument opens ``InstrumentActionsDialog``, a report is
looked up in the Reports ledger (verifying a report is a later feature), and a LabDesk code with no record
behind it is searched for in its ledger. A foreign code is shown as such with its raw text, never guessed
at. Every accepted code beeps and flashes a banner. Continuous mode is for bench work: each scanned sample
gets the chosen action at once, logged with its result, and the last one can be undone.

Codes come from the camera / file thread (``scan_worker.ScanThread``), from the manual entry line, and from
a keyboard-wedge scanner anywhere in the app (``keyboard_wedge``). Database work runs in workers, one job at
a time in scan order, so a burst of scans is applied in the order the labels were seen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labdesk.settings import load_settings, save_settings
from labdesk.ui.i18n import problem_text
from labdesk.ui.scan_panels import RED, BenchLog, SamplePanel, action_title, escape
from labdesk.ui.scan_worker import ScanThread, scanned_code
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.scanning.capture import FrameSource
    from labdesk.scanning.decode import ScannedCode
    from labdesk.services.database import Database
    from labdesk.services.sample_custody import CustodyDone
    from labdesk.services.scan_desk import ScanLookup
    from labdesk.ui.instrument_actions import InstrumentActionsDialog
    from labdesk.ui.keyboard_wedge import KeyboardWedge

RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
FLASH_MS = 700
STOP_WAIT_MS = 7000  # a camera that does not answer gives up after 5 s (capture.OPEN_TIMEOUT_S)


def visible_text(text: str) -> str:
    """A foreign code's raw text, with control characters shown as \\xNN so they cannot garble the dock."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


class ScanDock(QDockWidget):
    """See the module docstring. ``database`` is asked for at each scan (the window may switch)."""

    scanHandled = Signal(str, str)  # noqa: N815 - Qt naming
    """(outcome, text): outcome is sample / instrument / report / unknown / foreign / failed."""
    searchRequested = Signal(str, str)  # noqa: N815
    """(ledger name, text): show that ledger searched for the text."""
    instrumentOpened = Signal(object)  # noqa: N815
    """The InstrumentActionsDialog opened for a scanned instrument."""
    actionFinished = Signal(bool, str)  # noqa: N815
    """A custody action or undo ended: (succeeded, the sentence logged)."""
    sourceFinished = Signal()  # noqa: N815
    """The scanning thread ended (the file was read, Stop, or a failure)."""

    def __init__(self, database: Callable[[], Database | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanDock")
        self.setWindowTitle(self.tr("Scan"))
        self.database = database
        self.scan_thread: ScanThread | None = None
        self._stopping: list[ScanThread] = []  # asked to stop, kept alive until they end
        self._jobs: deque[Callable[[], None]] = deque()
        self._busy = False
        self.last_done: CustodyDone | None = None
        self.dialogs: list[InstrumentActionsDialog] = []
        self.paced = True  # tests scan files as fast as they decode
        self.wedge: KeyboardWedge | None = None  # set by install_scan_dock
        settings = load_settings()

        body = QWidget(self)
        self.camera = QSpinBox(body)
        self.camera.setObjectName("cameraIndex")
        self.camera.setRange(0, 9)
        self.camera.setValue(settings.scan_camera)
        self.camera.setPrefix(self.tr("Camera "))
        digits = self.camera.fontMetrics().horizontalAdvance(self.camera.prefix() + "00")
        self.camera.setMinimumWidth(digits + 40)  # room for the arrows: the number must not be clipped
        self.resolution = QComboBox(body)
        self.resolution.setObjectName("resolution")
        for width, height in RESOLUTIONS:
            self.resolution.addItem(f"{width}×{height}", (width, height))
        chosen = self.resolution.findData((settings.scan_width, settings.scan_height))
        self.resolution.setCurrentIndex(chosen if chosen >= 0 else 1)
        self.start_button = QPushButton(self.tr("Start camera"), body)
        self.start_button.setObjectName("startCamera")
        self.start_button.clicked.connect(self.start_camera)
        self.file_button = QPushButton(self.tr("From file…"), body)
        self.file_button.setToolTip(self.tr("Scan an image or a video file"))
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button = QPushButton(self.tr("Folder…"), body)
        self.folder_button.setToolTip(self.tr("Scan every image of a folder"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.stop_button = QPushButton(self.tr("Stop"), body)
        self.stop_button.setObjectName("stopScan")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        sources = QHBoxLayout()
        for widget in (self.camera, self.resolution, self.start_button, self.file_button, self.folder_button,
                       self.stop_button):
            sources.addWidget(widget)
        sources.addStretch(1)

        self.preview = QLabel(self.tr("No camera or file is being scanned."), body)
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 180)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setStyleSheet("background: #202020; color: #d0d0d0;")
        self.message = QLabel(body)
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        self.skipped_note = QLabel(body)
        self.skipped_note.setObjectName("skippedNote")
        self.skipped_note.setWordWrap(True)
        self.skipped_note.setStyleSheet("color: #7a5a00;")
        self.skipped_note.hide()
        self.banner = QLabel(body)
        self.banner.setObjectName("scanBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(lambda: self.banner.setStyleSheet("padding: 6px; background: #e8f5e9;"))

        self.manual = QLineEdit(body)
        self.manual.setObjectName("manualCode")
        self.manual.setPlaceholderText(self.tr("Type a code (e.g. YP2026-000001) and press Enter"))
        self.manual.setMaxLength(200)
        self.manual.returnPressed.connect(self.enter_manual)
        self.continuous = QCheckBox(self.tr("Continuous: apply to each scanned sample"), body)
        self.continuous.setObjectName("continuous")
        self.default_action = QComboBox(body)
        self.default_action.setObjectName("defaultAction")
        for action in ("take", "store", "receive", "return", "retain", "dispose"):
            self.default_action.addItem(action_title(action), action)
        found = self.default_action.findData(settings.scan_continuous_action)
        self.default_action.setCurrentIndex(max(found, 0))
        self.default_action.currentIndexChanged.connect(self._save_default_action)
        bench = QHBoxLayout()
        bench.addWidget(self.continuous)
        bench.addWidget(self.default_action)
        bench.addStretch(1)

        self.sample_panel = SamplePanel(body)
        self.sample_panel.actionChosen.connect(self.act)
        self.sample_panel.hide()
        self.log = BenchLog(body)
        self.log.undoRequested.connect(self.undo_last)

        layout = QVBoxLayout(body)
        layout.addLayout(sources)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.message)
        layout.addWidget(self.skipped_note)
        layout.addWidget(self.banner)
        layout.addWidget(self.manual)
        layout.addLayout(bench)
        layout.addWidget(self.sample_panel)
        layout.addWidget(self.log, 2)
        self.setWidget(body)

    # -- sources ---------------------------------------------------------------------------------
    @Slot()
    def start_camera(self) -> None:
        width, height = self.resolution.currentData()
        settings = load_settings()
        settings.scan_camera, settings.scan_width, settings.scan_height = self.camera.value(), width, height
        save_settings(settings)
        self.start_source(f"camera:{self.camera.value()}", width, height)

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scan an image or a video"), "", self.tr(
            "Images and videos (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.avi *.mp4 *.mkv *.mov "
            "*.webm);;All files (*)"))
        if path:
            self.start_source(path)

    @Slot()
    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Scan the images of a folder"))
        if path:
            self.start_source(path)

    def start_source(self, spec: str, width: int | None = None, height: int | None = None,
                     opener: Callable[[], FrameSource] | None = None) -> ScanThread:
        """Scan ``spec`` (``camera:N``, an image, a folder or a video) on a new thread; ``opener`` replaces
        opening ``spec`` (a video played as a camera, for tests and demos)."""
        self.stop()
        self.message.hide()
        self.skipped_note.hide()
        self.preview.setText(self.tr("Opening %1…").replace("%1", spec))
        thread = ScanThread(spec, width=width, height=height, backend=load_settings().scan_backend,
                            paced=self.paced, opener=opener)
        thread.frameAvailable.connect(self._show_frame)
        thread.codeScanned.connect(self.handle_code)
        thread.failed.connect(self._source_failed)
        thread.skipped.connect(self._skipped)
        thread.finished.connect(self._thread_ended)
        self.scan_thread = thread
        self.stop_button.setEnabled(True)
        thread.start()
        return thread

    @Slot()
    def stop(self) -> None:
        """Stop scanning; returns at once (a camera that does not answer ends on its own timeout)."""
        thread, self.scan_thread = self.scan_thread, None
        if thread is not None:
            thread.stop()
            if thread.isRunning():
                self._stopping.append(thread)
        self.stop_button.setEnabled(False)

    def shutdown(self) -> None:
        """Stop and wait for every scanning thread (the window is closing)."""
        self.stop()
        for thread in self._stopping:
            thread.wait(STOP_WAIT_MS)
        self._stopping = [t for t in self._stopping if t.isRunning()]

    @Slot()
    def _thread_ended(self) -> None:
        thread = self.sender()
        if not isinstance(thread, ScanThread):
            return
        thread.wait(1000)  # finished is emitted just before the thread ends: let it end before it is dropped
        if thread in self._stopping:
            self._stopping.remove(thread)
        if thread is self.scan_thread:
            self.scan_thread = None
            self.stop_button.setEnabled(False)
        self.sourceFinished.emit()

    @Slot()
    def _show_frame(self) -> None:
        thread = self.sender()
        if not isinstance(thread, ScanThread):
            return
        image = thread.take_frame()
        if image is None or thread is not self.scan_thread:
            return
        pixmap = QPixmap.fromImage(image).scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)

    @Slot(object)
    def _source_failed(self, error: object) -> None:
        self.show_message(problem_text(error))
        self.preview.setText(self.tr("No picture."))
        self.scanHandled.emit("failed", problem_text(error))

    @Slot(object)
    def _skipped(self, skipped: Any) -> None:
        # Its own line: the scans around it in the folder go on and must not wipe it out.
        self.skipped_note.setText(self.tr("Skipped: %1").replace("%1", problem_text(skipped.problem)))
        self.skipped_note.show()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- codes -----------------------------------------------------------------------------------
    @Slot()
    def enter_manual(self) -> None:
        text = self.manual.text().strip()
        self.manual.clear()
        if text:
            self.handle_text(text, manual=True)

    def handle_text(self, text: str, *, manual: bool = False) -> None:
        """A code typed in or read by a keyboard-wedge scanner: handled like a camera scan. Typed by hand,
        a bare record number (what is printed under the QR code) is looked up among samples, instruments
        and reports."""
        code = scanned_code(text)
        if manual and code.kind is None:
            self._confirm(escape(visible_text(text)))
            self._run(lambda db: _lookup_any(db, text), self._looked_up)
            return
        self.handle_code(code, "keyboard")

    @Slot(object, str)
    def handle_code(self, code: ScannedCode, source: str = "") -> None:
        if code.kind is None or code.code is None:
            self._confirm(self.tr("Foreign code (not a LabDesk label): %1").replace(
                "%1", escape(visible_text(code.text))), foreign=True)
            self.scanHandled.emit("foreign", code.text)
            return
        kind, number = code.kind, code.code
        self._confirm(escape(number))
        self._run(lambda db: _lookup(db, kind, number), self._looked_up)

    def _confirm(self, html: str, *, foreign: bool = False) -> None:
        QApplication.beep()
        self.banner.setText(f"<b>{html}</b>")
        color = "#fff3cd" if foreign else "#a5d6a7"
        self.banner.setStyleSheet(f"padding: 6px; background: {color};")
        self.banner.show()
        if not foreign:
            self._flash.start()

    def _looked_up(self, found: ScanLookup | None) -> None:
        if found is None:
            self.show_message(self.tr("No sample, instrument or report has this number."))
            self.scanHandled.emit("unknown", "")
            return
        self.show_message("")
        if not found.found:
            self.show_message(self.tr("%1 is not in this database; its ledger is searched for it.")
                              .replace("%1", found.code))
            self.searchRequested.emit(found.ledger, found.code)
            self.scanHandled.emit("unknown", found.code)
        elif found.kind == "sample" and found.sample is not None:
            self.sample_panel.show_summary(found.sample)
            self.sample_panel.set_note("", True)
            self.sample_panel.show()
            self.scanHandled.emit("sample", found.code)
            if self.continuous.isChecked():
                self.act(str(self.default_action.currentData()), self.sample_panel.location.text().strip())
        elif found.kind == "instrument":
            self.open_instrument(found.code)
            self.scanHandled.emit("instrument", found.code)
        else:  # a report: verifying it is a later feature; for now the ledger row is shown
            self.show_message(self.tr("Report %1: shown in the Reports ledger.").replace("%1", found.code))
            self.searchRequested.emit(found.ledger, found.code)
            self.scanHandled.emit("report", found.code)

    def open_instrument(self, code: str) -> InstrumentActionsDialog | None:
        database = self.database()
        if database is None:
            return None
        from labdesk.ui.instrument_actions import InstrumentActionsDialog

        dialog = InstrumentActionsDialog(database, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        self.instrumentOpened.emit(dialog)
        return dialog

    # -- custody ---------------------------------------------------------------------------------
    @Slot(str, str)
    def act(self, action: str, location: str) -> None:
        summary = self.sample_panel.summary
        if summary is None:
            return
        number = summary.sample_no

        def work(database: Database) -> tuple[CustodyDone, Any]:
            from labdesk.services.sample_desk import custody_action, sample_summary

            done = custody_action(database, number, action, location=location or None)
            return done, sample_summary(database, number)

        self._run(work, self._acted, lambda error: self._act_failed(number, action, error))

    @Slot()
    def undo_last(self) -> None:
        done = self.last_done
        if done is None:
            return

        def work(database: Database) -> tuple[CustodyDone, Any]:
            from labdesk.services.sample_desk import sample_summary, undo_custody

            return undo_custody(database, done), sample_summary(database, done.sample_no)

        self.last_done = None
        self.log.undo_button.setEnabled(False)
        self._run(work, self._acted, lambda error: self._act_failed(done.sample_no, "undo", error))

    def _acted(self, outcome: tuple[CustodyDone, Any]) -> None:
        done, summary = outcome
        if summary is not None:
            self.sample_panel.show_summary(summary)
        status = self.sample_panel.fields["status"].text()
        if done.action == "undo":
            text = self.tr("undone; back to %1").replace("%1", status)
        else:
            text = self.tr("done; now %1").replace("%1", status)
            self.last_done = done
        self.log.undo_button.setEnabled(self.last_done is not None)
        self.log.add(done.sample_no, done.action, text, True)
        note = text if done.action == "undo" else f"{action_title(done.action)}: {text}"
        self.sample_panel.set_note(note, True)
        self.actionFinished.emit(True, text)

    def _act_failed(self, sample_no: str, action: str, error: object) -> None:
        text = problem_text(error)
        self.log.add(sample_no, action, text, False)
        self.sample_panel.set_note(text, False)
        self.actionFinished.emit(False, text)

    def _save_default_action(self) -> None:
        settings = load_settings()
        settings.scan_continuous_action = str(self.default_action.currentData())
        save_settings(settings)

    # -- one database job at a time --------------------------------------------------------------
    def _run(self, work: Callable[[Database], Any], done: Callable[[Any], None],
             failed: Callable[[object], None] | None = None) -> None:
        def job() -> None:
            database = self.database()
            if database is None:
                self.show_message(self.tr("Open a database first."))
                self._next()
                return
            start_worker(lambda _w: work(database), on_result=done, on_error=failed or self._job_failed,
                         on_finished=self._next, name="scan")

        self._jobs.append(job)
        if not self._busy:
            self._next()

    def _next(self) -> None:
        self._busy = bool(self._jobs)
        if self._jobs:
            self._jobs.popleft()()

    def _job_failed(self, error: object) -> None:
        self.show_message(problem_text(error))
        self.scanHandled.emit("failed", problem_text(error))


def _lookup(database: Database, kind: str, code: str) -> ScanLookup:
    from labdesk.services.scan_desk import lookup

    return lookup(database, kind, code)


def _lookup_any(database: Database, code: str) -> ScanLookup | None:
    from labdesk.services.scan_desk import lookup_any

    return lookup_any(database, code)
