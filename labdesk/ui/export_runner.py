"""Export a ledger view to Excel in a worker, with a progress dialog that can cancel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from labdesk.services import workspace
from labdesk.services.ledgers.export import ExportCancelled
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.ledgers.spec import LedgerSpec
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.workers import Worker

if TYPE_CHECKING:
    from labdesk.services.database import Database


class ExportJob(QObject):
    """One running export: the worker, its progress dialog, and the outcome as signals."""

    succeeded = Signal(str, int)
    """(path, rows written)."""
    failed = Signal(str)
    """One sentence: why no file was written."""
    cancelled = Signal()
    """The user cancelled; no file was written."""

    def __init__(
        self,
        database: Database,
        spec: LedgerSpec,
        query: LedgerQuery,
        path: Path,
        columns: Sequence[str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.running = False
        self.progress = QProgressDialog(self.tr("Exporting to %1…").replace("%1", path.name),
                                        self.tr("Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(self.tr("Export to Excel"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick exports finish without a flashing dialog
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        chosen = list(columns)

        def run(worker: Worker) -> int:
            return workspace.export(database, spec, query, path, translate, columns=chosen,
                                    progress=worker.report_progress, cancelled=worker.is_cancelled)

        self.worker = Worker(run, name=f"export {spec.name}")
        self.worker.signals.progress.connect(self._progressed)
        self.worker.signals.result.connect(self._done)
        self.worker.signals.error.connect(self._error)
        self.progress.canceled.connect(self.worker.cancel)

    def start(self) -> ExportJob:
        self.running = True
        self.worker.signals.finished.connect(self._finished)
        self.worker.start()
        return self

    @Slot()
    def _finished(self) -> None:
        self.running = False

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _done(self, rows: Any) -> None:
        self.progress.close()
        self.succeeded.emit(str(self.path), int(rows))

    @Slot(object)
    def _error(self, error: object) -> None:
        self.progress.close()
        if isinstance(error, ExportCancelled):
            self.cancelled.emit()
        elif isinstance(error, workspace.DatabaseUnavailable):
            self.failed.emit(problem_text(error))
        elif isinstance(error, OSError):
            self.failed.emit(self.tr("Cannot write %1: %2").replace("%1", str(self.path))
                             .replace("%2", error.strerror or str(error)))
        else:
            self.failed.emit(f"{type(error).__name__}: {error}")
