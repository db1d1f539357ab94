"""Save an order's printable form (委托单 / 受理回执) as a PDF and open it for printing.

The file name is asked on the UI thread; loading the order and rendering run in a worker. The PDF is
rendered into memory and written in one go, so a failure never leaves half a file behind.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from labdesk.printing.order_form_pdf import render_order_form
from labdesk.services.order_document import load_order_document
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database

# Characters no file system accepts in a name (Windows is the strictest), plus control characters.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def default_file_name(order_no: str | None, order_id: int) -> str:
    """委托单-WT2025-000123.pdf; the id when the order has no number yet."""
    stem = _UNSAFE.sub("_", order_no).strip(" .") if order_no else ""
    return f"委托单-{stem or order_id}.pdf"


class OrderFormExport(QObject):
    """One export on its way: receives the worker's outcome on the UI thread."""

    succeeded = Signal(str, int)
    """(path, pages) once the PDF is written."""
    failed = Signal(str)
    """One sentence: why no PDF was written (already shown to the user)."""

    def __init__(self, parent: QWidget, path: Path, open_after: bool) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.path = path
        self.open_after = open_after

    @Slot(object)
    def done(self, pages: object) -> None:
        if self.open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        self.succeeded.emit(str(self.path), int(pages))  # type: ignore[call-overload]

    @Slot(object)
    def error(self, error: object) -> None:
        if isinstance(error, OSError):
            text = self.tr("Cannot write %1: %2").replace("%1", str(self.path)).replace(
                "%2", error.strerror or str(error))
        else:
            text = problem_text(error)  # ProblemError: its sentence; anything else: its text
        QMessageBox.warning(self.parent_widget, self.tr("Print order form"), text)
        self.failed.emit(text)


def export_order_form(
    parent: QWidget,
    database: Database,
    order_id: int,
    *,
    order_no: str | None = None,
    open_after: bool = True,
) -> Worker | None:
    """Ask where to save the order form, then write it in a worker and open it (``open_after``).

    ``order_no`` only names the file; None when the caller does not know it. Returns the running
    worker, or None when the user cancelled the file dialog.
    """
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / default_file_name(order_no, order_id))
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("OrderFormExport", "Save order form"),
        suggested,
        QCoreApplication.translate("OrderFormExport", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    job = OrderFormExport(parent, path, open_after)

    def run(worker: Worker) -> int:
        buffer = io.BytesIO()
        pages = render_order_form(load_order_document(database, order_id), buffer)
        path.write_bytes(buffer.getvalue())
        return pages

    # The job stays a child of ``parent`` (as ExportJob does): deleting it from its own slot while the
    # worker's queued signals are still on their way crashed PySide6 now and then.
    return start_worker(run, on_result=job.done, on_error=job.error, name=f"order form {order_id}")
