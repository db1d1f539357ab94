"""Open a database in a worker, with a progress dialog (the first start fills the demo database)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from labdesk.paths import demo_database_path
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import Worker

if TYPE_CHECKING:
    from labdesk.services.connection import DatabaseTarget
    from labdesk.services.database import Database


@dataclass(frozen=True)
class OpenedDatabase:
    """What the main window shows about a freshly opened database (read in the worker)."""

    database: Database
    server_version: str
    user_name: str


def _open(worker: Worker, target: DatabaseTarget, password: str | None) -> OpenedDatabase | str:
    def progress(stage: str, done: int, total: int) -> None:
        worker.report_message(stage)
        worker.report_progress(done, total)

    from labdesk.services import workspace
    from labdesk.services.demo import DemoCancelled

    try:
        database = workspace.connect(
            target, password=password, progress=progress, cancelled=worker.is_cancelled
        )
    except workspace.DatabaseUnavailable as error:
        return problem_text(error)
    except DemoCancelled:
        return QCoreApplication.translate("DatabaseOpener", "Preparing the demo database was cancelled.")
    except Exception as error:  # noqa: BLE001 - the app stays usable and says why
        return f"Cannot open {target.display}: {type(error).__name__}: {error}"
    try:
        return OpenedDatabase(database, database.server_version, database.user_name)
    except Exception as error:  # noqa: BLE001
        database.dispose()
        return f"Cannot use {target.display}: {type(error).__name__}: {error}"


class DatabaseOpener(QObject):
    """One attempt to open a target; emits ``opened`` or ``failed`` once."""

    opened = Signal(object)
    """An ``OpenedDatabase``."""
    failed = Signal(str)
    """The one-sentence reason the database cannot be used."""

    def __init__(self, target: DatabaseTarget, password: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.target = target
        filling = target.is_demo and not demo_database_path().exists()
        self.filling_demo = filling
        text = (
            self.tr("Preparing the demo database…")
            if filling
            else self.tr("Connecting to %1…").replace("%1", target.display)
        )
        self._text = text
        self.progress = QProgressDialog(text, "", 0, 0, parent)
        if filling:  # the demo is filled in one transaction, so a cancel leaves nothing half-made
            self.progress.setCancelButtonText(self.tr("Cancel"))
        else:
            self.progress.setCancelButton(None)  # connecting cannot be interrupted halfway
        self.progress.setWindowTitle("LabDesk")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.worker = Worker(lambda w: _open(w, target, password), name=f"open {target.display}")
        self.worker.signals.message.connect(self._stage)
        self.worker.signals.progress.connect(self._progressed)
        self.worker.signals.result.connect(self._done)
        self.worker.signals.error.connect(self._crashed)
        self.progress.canceled.connect(self.worker.cancel)

    def start(self) -> DatabaseOpener:
        self.worker.start()
        return self

    @Slot(str)
    def _stage(self, stage: str) -> None:
        self.progress.setLabelText(f"{self._text}\n{stage}")

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _done(self, outcome: object) -> None:
        self.progress.close()
        if isinstance(outcome, OpenedDatabase):
            self.opened.emit(outcome)
        else:
            self.failed.emit(str(outcome))

    @Slot(object)
    def _crashed(self, error: object) -> None:
        self.progress.close()
        self.failed.emit(f"{type(error).__name__}: {error}")
