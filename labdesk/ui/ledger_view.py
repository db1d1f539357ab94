"""``LedgerTab``: one ledger as a tab — search, filters, table, row count, card, export, refresh."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.ledgers.spec import LedgerSpec
from labdesk.ui import column_layout
from labdesk.ui.card_dialog import CardDialog
from labdesk.ui.card_edit_panel import NewRecordDialog, is_editable
from labdesk.ui.export_runner import ExportJob
from labdesk.ui.ledger_filters import FilterBar
from labdesk.ui.ledger_model import LedgerTableModel

if TYPE_CHECKING:
    from collections.abc import Callable

    from labdesk.services.database import Database
    from labdesk.ui.fee_batch_dialog import FeeLedgerTools
    from labdesk.ui.instrument_actions import ActionsEntry
    from labdesk.ui.label_print_dialog import LabelPrintDialog
    from labdesk.ui.order_ledger_tools import OrderLedgerTools

SEARCH_DELAY_MS = 250
MAX_SEARCH_CHARS = 200  # longer text cannot match a field better; keeps SQL small


# Ledgers whose records carry QR labels, and the label kind of each.
LABEL_KINDS = {"instruments": "instrument", "samples": "sample"}
# Ledgers whose selection prints the labels of records they hold: an order's samples.
CHILD_LABEL_KINDS = {"orders": "sample"}


class LedgerTab(QWidget):
    """Any ledger, driven by its ``LedgerSpec``; the main window holds one per ledger."""

    exportFinished = Signal(str, int)  # noqa: N815 - Qt naming
    """An export wrote (path, rows)."""
    exportFailed = Signal(str)  # noqa: N815
    """An export failed or was cancelled; the reason."""
    cardOpened = Signal(object)  # noqa: N815
    """A card dialog was opened (the dialog)."""
    labelDialogOpened = Signal(object)  # noqa: N815
    """A label print dialog was opened (the dialog)."""

    def __init__(
        self,
        spec: LedgerSpec,
        database: Database,
        parent: QWidget | None = None,
        *,
        own_shortcuts: bool = True,
    ) -> None:
        """``own_shortcuts=False`` when a window's menu already binds Ctrl+E and F5 to this tab."""
        super().__init__(parent)
        self.spec = spec
        self.database = database
        self.setObjectName(f"ledger_{spec.name}")
        self.model = LedgerTableModel(spec, database, self)
        self._cards: list[CardDialog | NewRecordDialog] = []
        self._label_dialogs: list[LabelPrintDialog] = []
        self._jobs: list[ExportJob] = []

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_SEARCH_CHARS)
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._search_timer.start)

        self.filters = FilterBar(spec, self)
        self.filters.filtersChanged.connect(self.apply_query)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("rowCount")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loadError")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        export_button = QPushButton(self.tr("Export to Excel…"), self)
        export_button.setToolTip(self.tr("Export the rows shown, with the visible columns (Ctrl+E)"))
        export_button.clicked.connect(self.choose_export_file)
        self.label_kind = LABEL_KINDS.get(spec.name) or CHILD_LABEL_KINDS.get(spec.name)
        if spec.name in CHILD_LABEL_KINDS:
            labels_button = QPushButton(self.tr("Print sample labels…"), self)
            labels_button.setToolTip(
                self.tr("Print QR labels for the samples of the selected orders (Ctrl+P)"))
        else:
            labels_button = QPushButton(self.tr("Print labels…"), self)
            labels_button.setToolTip(self.tr("Print QR labels for the selected rows (Ctrl+P)"))
        labels_button.setObjectName("printLabels")
        labels_button.clicked.connect(self.print_labels)
        labels_button.setVisible(self.label_kind is not None)
        self.labels_button = labels_button
        refresh_button = QPushButton(self.tr("Refresh"), self)
        refresh_button.setToolTip("F5")
        refresh_button.clicked.connect(self.refresh)
        self._plans: list[QWidget] = []
        plan_button = QPushButton(self.tr("Calibration plan…"), self)
        plan_button.setObjectName("calibrationPlanButton")
        plan_button.setToolTip(self.tr("Instruments due for calibration in the coming months, overdue first"))
        plan_button.clicked.connect(self.open_calibration_plan)
        plan_button.setVisible(spec.name == "instruments")
        new_button = QPushButton(self.tr("New %1").replace("%1", QCoreApplication.translate(
            "Ledger", spec.record_title)), self)
        new_button.setObjectName("new_record")
        new_button.setToolTip(self.tr("A new record (Ctrl+N)"))
        new_button.clicked.connect(self.new_record)
        new_button.setVisible(is_editable(spec.name))

        self.table = QTableView(self)
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        column_layout.restore_layout(header, spec)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(500)
        self._layout_timer.timeout.connect(self.save_layout)
        header.sectionResized.connect(self._layout_timer.start)
        header.sectionMoved.connect(self._layout_timer.start)
        self.table.doubleClicked.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self.search)
        bar.addWidget(self.filters)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(new_button)
        bar.addWidget(plan_button)
        if spec.name == "instruments":
            from labdesk.ui.import_wizard import make_import_button  # the wizard loads on this tab only

            bar.addWidget(make_import_button(self))
        self.instrument_actions: ActionsEntry | None = None
        if spec.name == "instruments":  # repair, calibration, loan … (Ctrl+Shift+A, the rows' menu)
            from labdesk.ui.instrument_actions import ActionsEntry

            self.instrument_actions = ActionsEntry(self, bar)
        bar.addWidget(labels_button)
        bar.addWidget(export_button)
        bar.addWidget(refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.fee_tools: FeeLedgerTools | None = None
        if spec.name == "fees":  # finance's batch edit and the footer totals
            from labdesk.ui.fee_batch_dialog import FeeLedgerTools

            self.fee_tools = FeeLedgerTools(self, bar, layout)
        self.row_opener: Callable[[int], object] | None = None  # what opening a row shows; else the card
        self.order_tools: OrderLedgerTools | None = None
        if spec.name == "orders":  # the order form, workflow actions, intake queue, printed form
            from labdesk.ui.order_ledger_tools import OrderLedgerTools

            self.order_tools = OrderLedgerTools(self, bar)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings = [("Ctrl+F", self.focus_search), ("Ctrl+P", self.print_labels)]
        if is_editable(spec.name):
            new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
            new_shortcut.setContext(scope)
            new_shortcut.activated.connect(self.new_record)
        if own_shortcuts:
            bindings += [("Ctrl+E", self.choose_export_file), ("F5", self.refresh)]
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(scope)
            shortcut.activated.connect(slot)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.open_current)

        self.model.countChanged.connect(self._show_count)
        self.model.loadFailed.connect(self._show_error)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    # -- queries ---------------------------------------------------------------------------------
    def current_query(self) -> LedgerQuery:
        return dataclasses.replace(self.model.query, search=self.search.text().strip(),
                                   filters=self.filters.filters())

    @Slot()
    def apply_query(self) -> None:
        """Run the search box and filters now (the search box calls this after a short pause)."""
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    @Slot()
    def refresh(self) -> None:
        self._search_timer.stop()
        self.error_label.hide()
        self.model.query = self.current_query()
        self.model.refresh()

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- columns ---------------------------------------------------------------------------------
    def visible_columns(self) -> list[str]:
        """Keys of the shown columns, in the order the user arranged them."""
        header = self.table.horizontalHeader()
        keys = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                keys.append(self.spec.columns[logical].key)
        return keys

    @Slot()
    def save_layout(self) -> None:
        column_layout.save_layout(self.table.horizontalHeader(), self.spec)

    def set_column_visible(self, key: str, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(self.spec.column_index(key), not visible)
        self.save_layout()

    @Slot(QPoint)
    def _header_menu(self, position: QPoint) -> None:
        menu = column_layout.show_column_menu(self.table.horizontalHeader(), self.spec, position)
        menu.aboutToHide.connect(self.save_layout)

    # -- cards -----------------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        (self.row_opener or self.open_card)(index.row())

    @Slot()
    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            (self.row_opener or self.open_card)(index.row())

    def open_card(self, row: int) -> CardDialog | None:
        record_id = self.model.record_id(row)
        if record_id is None:
            return None
        dialog = CardDialog(self.spec, self.database, record_id, self)
        dialog.edited.connect(self.refresh)
        self._cards = [c for c in self._cards if c.isVisible()] + [dialog]
        dialog.show()
        self.cardOpened.emit(dialog)
        return dialog

    @Slot()
    def new_record(self) -> NewRecordDialog | None:
        """Open an empty card (Ctrl+N); the ledger refreshes once the record is saved."""
        if not is_editable(self.spec.name):
            return None
        title = self.tr("New %1").replace("%1", QCoreApplication.translate("Ledger", self.spec.record_title))
        dialog = NewRecordDialog(self.spec.name, title, self.database, self)
        dialog.created.connect(self.refresh)
        self._cards = [c for c in self._cards if c.isVisible()] + [dialog]
        dialog.show()
        self.cardOpened.emit(dialog)
        return dialog

    # -- export ----------------------------------------------------------------------------------
    @Slot()
    def selected_codes(self) -> list[str]:
        """Codes of the selected rows, in table order (selected rows are on screen, hence loaded)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [code for code in map(self.model.record_code, rows) if code is not None]

    def print_labels(self) -> LabelPrintDialog | None:
        """Open the label dialog for the selection: instruments and samples print the selected records
        (the dialog is returned); orders print their samples, whose numbers are read in a worker, so
        the dialog opens when they arrive (``labelDialogOpened``) and None is returned."""
        if self.label_kind is None:
            return None
        codes = self.selected_codes()
        if not codes:
            self._show_error(self.tr("Select the rows to print labels for first."))
            return None
        if self.spec.name in CHILD_LABEL_KINDS:
            from labdesk.services import workspace
            from labdesk.ui.workers import start_worker

            database = self.database
            start_worker(
                lambda _w: workspace.order_sample_numbers(database, codes),
                on_result=self._child_codes_arrived,
                on_error=self._child_codes_failed,
                name="order samples",
            )
            return None
        return self.open_label_dialog(codes)

    @Slot(object)
    def _child_codes_arrived(self, codes: list[str]) -> None:
        if not codes:
            self._show_error(self.tr("The selected orders have no samples."))
            return
        self.open_label_dialog(codes)

    @Slot(object)
    def _child_codes_failed(self, error: object) -> None:
        from labdesk.ui.i18n import problem_text

        self._show_error(problem_text(error))

    @Slot()
    def open_calibration_plan(self) -> QWidget:
        """The Calibration Plan window (instruments tab), non-modal, owned by the tab."""
        from labdesk.ui.calibration_plan_view import CalibrationPlanDialog

        dialog = CalibrationPlanDialog(self.database, self)
        self._plans = [d for d in self._plans if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def open_label_dialog(self, codes: list[str]) -> LabelPrintDialog:
        """The label dialog for ``codes`` of this tab's label kind, owned by the tab."""
        assert self.label_kind is not None
        from labdesk.ui.label_print_dialog import LabelPrintDialog  # printing loads on first use

        dialog = LabelPrintDialog(self.database, self.label_kind, codes, self)
        self._label_dialogs = [d for d in self._label_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        self.labelDialogOpened.emit(dialog)
        return dialog

    def choose_export_file(self) -> None:
        title = QCoreApplication.translate("Ledger", self.spec.title)
        suggested = str(Path.home() / f"{title}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), suggested,
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> ExportJob:
        """Export the current view (filters, sort, visible columns in their order) to ``path``."""
        self.apply_query()
        job = ExportJob(self.database, self.spec, self.model.query, path, self.visible_columns(), self)
        job.succeeded.connect(self._exported)
        job.failed.connect(self._export_failed)
        job.cancelled.connect(lambda: self.exportFailed.emit(self.tr("Export cancelled.")))
        self._jobs = [j for j in self._jobs if j.running] + [job]
        return job.start()

    @Slot(str, int)
    def _exported(self, path: str, rows: int) -> None:
        self.exportFinished.emit(path, rows)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("Exported %1 rows to %2").replace("%1", f"{rows:,}")
                                 .replace("%2", path), 8000)

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        self.exportFailed.emit(message)
        QMessageBox.warning(self, self.tr("Export to Excel"), message)

    # -- status ----------------------------------------------------------------------------------
    @Slot()
    def _show_count(self) -> None:
        if not self.model.counted:
            self.count_label.setText(self.tr("Counting…"))
            return
        total = self.model.total
        self.count_label.setText(self.tr("1 row") if total == 1 else
                                 self.tr("%1 rows").replace("%1", f"{total:,}"))
        self.error_label.hide()

    @Slot(str)
    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
