"""The instrument import wizard, opened from the Instruments tab ("Import from Excel…").

Three pages: choose a file (or download the template) → preview every row, problem cells red with
the reason as their tooltip and all problems listed below (click one to go to its cell) → import,
with progress and Cancel. A file with problems cannot be imported; "Save error report…" writes them
to a workbook. Checking, importing and writing reports run in workers, never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import import_desk
from labdesk.services.instrument_cells import cell_text
from labdesk.services.instrument_import import ImportReport, ImportResult, RowProblem
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database

PROBLEM_TINT = QColor("#ffc7ce")  # the error report's red, so screen and file look alike
LISTED_PROBLEMS = 2000  # beyond this the list says "and N more": the error report has them all
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The checked rows as the sheet holds them; the vertical header is Excel's row number."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.problems = report.cell_problems()
        self._row_index = {row.row: i for i, row in enumerate(report.rows)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.report.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.report.columns)

    def index_of(self, problem: RowProblem) -> QModelIndex:
        """The cell a problem is about (the row's first cell for a whole-row problem)."""
        row = self._row_index.get(problem.row)
        if row is None:
            return QModelIndex()
        column = next((i for i, c in enumerate(self.report.columns) if c.letter == problem.column), 0)
        return self.index(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.report.rows[index.row()]
        column = self.report.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.cells[column.index] if column.index < len(row.cells) else ""
            text = cell_text(value)
            return text if len(text) <= 200 else text[:200] + "…"  # a 10,000-character cell stays usable
        found = self.problems.get((row.row, column.letter))
        if role == Qt.ItemDataRole.BackgroundRole and found:
            return QBrush(PROBLEM_TINT)
        if role == Qt.ItemDataRole.ToolTipRole and found:
            return "\n".join(p.reason.text(translate) for p in found)
        return None

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.report.rows[section].row)
        column = self.report.columns[section]
        return f"{column.letter}  {column.header}"


class ImportWizard(QDialog):
    """Non-modal; emits ``imported`` after a successful import so the ledger can refresh."""

    checked = Signal(object)
    """A file was read and checked: the ImportReport is shown."""
    checkFailed = Signal(str)  # noqa: N815 - Qt naming
    imported = Signal(object)
    """The rows were written: the ImportResult."""
    importFailed = Signal(str)  # noqa: N815
    reportSaved = Signal(str)  # noqa: N815

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.report: ImportReport | None = None
        self.model: PreviewModel | None = None
        self._worker: Worker | None = None
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import instruments from Excel"))
        self.resize(1000, 640)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._import_page())
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

    # -- pages -----------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Choose an Excel workbook with one instrument per row under a row of headers, as in the "
                "template. Rows without an instrument code are numbered by the coding rule. Nothing is "
                "written until every row is correct."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("importFile")
        self.path_edit.setPlaceholderText(self.tr("Workbook (.xlsx)"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self.choose_file)
        template = QPushButton(self.tr("Download template…"), page)
        template.setObjectName("downloadTemplate")
        template.clicked.connect(self.choose_template_file)
        self.check_button = QPushButton(self.tr("Check file"), page)
        self.check_button.setObjectName("checkFile")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(lambda: self.check(Path(self.path_edit.text().strip())))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(template)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(page)
        self.table.setObjectName("importPreview")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.problem_list = QListWidget(page)
        self.problem_list.setObjectName("importProblems")
        self.problem_list.currentItemChanged.connect(self._go_to_problem)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.table)
        splitter.addWidget(self.problem_list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.report_button = QPushButton(self.tr("Save error report…"), page)
        self.report_button.setObjectName("saveErrorReport")
        self.report_button.clicked.connect(self.choose_report_file)
        self.import_button = QPushButton(self.tr("Import"), page)
        self.import_button.setObjectName("startImport")
        self.import_button.clicked.connect(lambda: self.start_import())
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        return page

    def _import_page(self) -> QWidget:
        page = QWidget(self)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("importProgress")
        self.result_label = QLabel(page)
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- choosing and checking -------------------------------------------------------------------

    def _busy(self, worker: Worker | None) -> None:
        self._worker = worker
        busy = worker is not None
        self.check_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.report is not None and self.report.ok)
        self.report_button.setEnabled(not busy and self.report is not None and not self.report.ok)

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a workbook"),
            str(Path.home()),
            self.tr("Excel workbooks (*.xlsx *.xlsm *.xls)"),
        )
        if path:
            self.path_edit.setText(path)
            self.check(Path(path))

    def check(self, path: Path) -> Worker | None:
        """Read and check ``path`` in a worker; the preview page shows the result."""
        if not path.name:
            self.status.setText(self.tr("Choose a workbook first."))
            return None
        self.status.setText(self.tr("Checking %1…").replace("%1", path.name))
        database = self.database
        worker = start_worker(
            lambda w: import_desk.check_file(database, path, cancelled=w.is_cancelled),
            on_result=self._checked,
            on_error=self._check_failed,
            name="import-check",
        )
        self._busy(worker)
        return worker

    @Slot(object)
    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self.model = PreviewModel(report, self.table)
        self.table.setModel(self.model)
        self.problem_list.clear()
        for problem in report.problems[:LISTED_PROBLEMS]:
            item = QListWidgetItem(problem.text(translate), self.problem_list)
            item.setData(CELL_ROLE, problem)
        if len(report.problems) > LISTED_PROBLEMS:
            more = len(report.problems) - LISTED_PROBLEMS
            self.problem_list.addItem(
                self.tr("… and %1 more: save the error report to see them all.").replace("%1", str(more))
            )
        self.problem_list.setVisible(bool(report.problems))
        rows = len(report.rows)
        if report.ok:
            self.summary.setText(
                self.tr("Rows checked: %1. No problems: ready to import.").replace("%1", str(rows))
            )
        else:
            self.summary.setText(
                self.tr(
                    "Problems found: %1. Nothing can be imported until they are corrected in the file."
                ).replace("%1", str(len(report.problems)))
            )
        self.summary.setStyleSheet("" if report.ok else "color: #c0392b;")
        self.status.setText("")
        self.pages.setCurrentIndex(1)
        self._busy(None)
        self.checked.emit(report)

    @Slot(object)
    def _check_failed(self, error: object) -> None:
        self._busy(None)
        text = problem_text(error)
        self.status.setText(text)
        self.checkFailed.emit(text)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _go_to_problem(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        problem = item.data(CELL_ROLE) if item is not None else None
        if self.model is not None and isinstance(problem, RowProblem):
            index = self.model.index_of(problem)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- importing -------------------------------------------------------------------------------

    def start_import(self) -> Worker | None:
        if self.report is None or not self.report.ok:
            return None
        report, database = self.report, self.database
        self.progress.setRange(0, len(report.rows))
        self.progress.setValue(0)
        self.result_label.setText(self.tr("Importing…"))
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.pages.setCurrentIndex(2)
        worker = start_worker(
            lambda w: import_desk.import_checked(
                database, report, progress=w.report_progress, cancelled=w.is_cancelled
            ),
            on_result=self._imported,
            on_error=self._import_failed,
            on_progress=self._progressed,
            name="import-commit",
        )
        self._busy(worker)
        return worker

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.result_label.setText(self.tr("Cancelling…"))

    @Slot(object)
    def _imported(self, result: ImportResult) -> None:
        self._busy(None)
        self.progress.setValue(self.progress.maximum())
        self.result_label.setText(self.tr("Instruments imported: %1.").replace("%1", str(result.imported)))
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.imported.emit(result)

    @Slot(object)
    def _import_failed(self, error: object) -> None:
        self._busy(None)
        text = problem_text(error)
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        if isinstance(error, import_desk.ImportRejected):  # the database found new problems: show them
            self._checked(error.report)
            self.status.setText(text)
        else:
            self.result_label.setText(text)
        self.importFailed.emit(text)

    # -- files -----------------------------------------------------------------------------------

    @Slot()
    def choose_template_file(self) -> None:
        suggested = str(Path.home() / (self.tr("Instrument import template") + ".xlsx"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the import template"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> Worker:
        return self._save(lambda: import_desk.save_template(path, translate), path)

    @Slot()
    def choose_report_file(self) -> None:
        suggested = str(Path.home() / (self.tr("Import problems") + ".xlsx"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the error report"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.save_error_report(Path(path))

    def save_error_report(self, path: Path) -> Worker | None:
        report = self.report
        if report is None:
            return None
        return self._save(lambda: import_desk.save_error_report(report, path, translate), path)

    def _save(self, write: Any, path: Path) -> Worker:
        def run(_worker: Worker) -> str:
            write()
            return str(path)

        return start_worker(run, on_result=self._saved, on_error=self._check_failed, name="import-file")

    @Slot(object)
    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved %1").replace("%1", path))
        self.reportSaved.emit(path)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.cancel()  # a running import rolls back; the worker finishes on its own
        super().closeEvent(event)


def make_import_button(tab: Any) -> QPushButton:
    """The Instruments tab's "Import from Excel…" button; enabled only for roles that add instruments.

    ``tab`` is the LedgerTab: the wizard uses its database, and the tab refreshes after an import.
    """
    button = QPushButton(QCoreApplication.translate("ImportWizard", "Import from Excel…"), tab)
    button.setObjectName("importInstruments")
    allowed = import_desk.may_import(tab.database.actor.roles)
    button.setEnabled(allowed)
    button.setToolTip(
        QCoreApplication.translate("ImportWizard", "Add instruments from an Excel workbook")
        if allowed
        else QCoreApplication.translate("ImportWizard", "Only equipment managers may import instruments")
    )

    def open_wizard() -> None:
        wizard = ImportWizard(tab.database, tab)
        wizard.imported.connect(tab.refresh)
        wizard.show()
        tab.import_wizard = wizard

    button.clicked.connect(open_wizard)
    return button
