"""The Calibration Plan window, opened from the Instruments tab: the instruments due within the next
N months, overdue ones first, grouped by month (``services/calibration_plan.py`` decides what is in
it); overdue rows red, rows due within the reminder days amber; double-click opens the instrument's
card; the whole plan (not only the rows shown) exports to Excel in a worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import calibration_desk
from labdesk.services import calibration_export as ce
from labdesk.services import calibration_plan as cp
from labdesk.services.ledgers.lab import INSTRUMENTS
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.workers import Worker, start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.ui.card_dialog import CardDialog

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
# Light tints of the status red and amber: the row reads as a warning, its text stays black.
RED_TINT = QColor("#f8d7d3")
AMBER_TINT = QColor("#fcebd2")
DEFAULT_MONTHS = 3


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CalibrationPlanDialog(QDialog):
    """Non-modal; ``load()`` runs on open and whenever the months change."""

    loaded = Signal()
    """A plan arrived and is shown."""
    loadFailed = Signal(str)  # noqa: N815 - Qt naming
    """The plan could not be read; the reason is shown."""
    exported = Signal(str, int)
    """The Excel file was written: (path, rows)."""
    exportFailed = Signal(str)  # noqa: N815
    """The export failed or was cancelled; the reason."""

    def __init__(self, database: Database, parent: QWidget | None = None, *, today: dt.date | None = None,
                 months: int = DEFAULT_MONTHS) -> None:
        """``today`` fixes the plan's day (tests, screenshots); None is the real today at each load."""
        super().__init__(parent)
        self.database = database
        self.today = today
        self.plan: cp.CalibrationPlan | None = None
        self.warn_days = calibration_desk.reminder_days()
        self._generation = 0
        self._export: Worker | None = None
        self._cards: list[CardDialog] = []
        self.setObjectName("calibrationPlan")
        self.setWindowTitle(self.tr("Calibration plan"))

        self.months = QSpinBox(self)
        self.months.setObjectName("months")
        self.months.setRange(1, cp.MAX_MONTHS)
        self.months.setValue(months)
        self.months.setSuffix(self.tr(" months"))
        self.months.valueChanged.connect(self.load)
        self.period = QLabel(self)
        self.period.setObjectName("period")
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("exportPlan")
        self.export_button.clicked.connect(self.choose_export_file)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("planTree")
        self.tree.setColumnCount(len(ce.headers(translate)))
        self.tree.setHeaderLabels(ce.headers(translate))
        self.tree.setAlternatingRowColors(False)  # the tints carry meaning; stripes would blur them
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        for column, width in enumerate((150, 170, 110, 110, 70, 80, 90, 90, 70, 50, 80)):
            self.tree.setColumnWidth(column, width)
        self.note = QLabel(self)
        self.note.setObjectName("planNote")
        self.note.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Due within the next"), self))
        bar.addWidget(self.months)
        bar.addWidget(self.period, 1)
        bar.addWidget(refresh)
        bar.addWidget(self.export_button)
        legend = QLabel(self.tr("Red: calibration overdue.  Amber: due within %1 days.  Double-click a row "
                                "to open the instrument.").replace("%1", str(self.warn_days)))
        legend.setObjectName("legend")
        legend.setStyleSheet("color: #505050;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(legend)
        layout.addWidget(self.note)
        self.resize(1200, 640)
        self.load()

    # -- loading ---------------------------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        """Read the plan for the chosen months in a worker (an older answer that arrives late is dropped)."""
        self._generation += 1
        generation, months, database, today = self._generation, self.months.value(), self.database, self.today
        self.note.setText(self.tr("Loading…"))
        self.note.setStyleSheet("")
        start_worker(
            lambda _w: (generation, calibration_desk.load_plan(database, months, today=today)),
            on_result=self._arrived,
            on_error=lambda error: self._failed(generation, error),
            name="calibration plan",
        )

    @Slot(object)
    def _arrived(self, payload: tuple[int, cp.CalibrationPlan]) -> None:
        generation, plan = payload
        if generation != self._generation:
            return
        self.plan = plan
        self.period.setText(ce.period_text(plan.today, plan.months, translate))
        self.tree.clear()
        for group in plan.groups:
            top = QTreeWidgetItem([f"{group.title(translate)}  ({len(group.rows)})"])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if group.overdue and group.rows:
                top.setForeground(0, QBrush(QColor(cp.RED)))
            top.addChildren([self._row_item(row) for row in group.rows])
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        total = len(plan.rows)
        if plan.truncated:
            self.note.setText(self.tr("Only the first %1 instruments are shown; the Excel export has the "
                                      "whole plan.").replace("%1", f"{total:,}"))
        else:
            self.note.setText(self.tr("%1 instruments, %2 overdue.").replace("%1", f"{total:,}")
                              .replace("%2", f"{len(plan.groups[0].rows):,}"))
        self.loaded.emit()

    def _row_item(self, row: cp.PlanRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem([cell_text(value) for value in ce.row_texts(row, translate)])
        item.setData(0, RECORD_ROLE, row.instrument_id)
        item.setTextAlignment(8, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tint = RED_TINT if row.overdue else AMBER_TINT if row.due_soon else None
        flag = cp.instrument_flag(row.status, row.next_due, self.plan.today if self.plan else None)
        for column in range(item.columnCount()):
            if tint is not None:
                item.setBackground(column, QBrush(tint))
            if flag is not None:
                item.setToolTip(column, "; ".join(translate("CalibrationPlan", r) for r in flag.reasons))
        style = INSTRUMENTS.statuses.get(row.status)
        if style is not None and row.status != "in_service":  # as the Instruments tab colours it
            item.setForeground(5, QBrush(QColor(style.color)))
        return item

    def _failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        message = problem_text(error)
        self.note.setText(message)
        self.note.setStyleSheet(f"color: {cp.RED};")
        self.loadFailed.emit(message)

    # -- cards -----------------------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_card(item)

    def open_card(self, item: QTreeWidgetItem) -> CardDialog | None:
        """The instrument's card for a plan row (None for a month heading)."""
        record_id = item.data(0, RECORD_ROLE)
        if record_id is None:
            return None
        from labdesk.ui.card_dialog import CardDialog

        dialog = CardDialog(INSTRUMENTS, self.database, int(record_id), self)
        self._cards = [c for c in self._cards if c.isVisible()] + [dialog]
        dialog.show()
        return dialog

    # -- export ----------------------------------------------------------------------------------
    @Slot()
    def choose_export_file(self) -> None:
        suggested = str(Path.home() / f"{self.tr('Calibration plan')}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), suggested,
                                                    self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> Worker | None:
        """Write the whole plan for the chosen months to ``path`` in a worker (one at a time)."""
        if self._export is not None:
            return None
        months, database, today = self.months.value(), self.database, self.today
        self.export_button.setEnabled(False)
        self.note.setText(self.tr("Exporting to %1…").replace("%1", path.name))

        def run(worker: Worker) -> int:
            return calibration_desk.export_plan(database, months, path, translate, today=today,
                                                cancelled=worker.is_cancelled)

        self._export = start_worker(run, on_result=lambda rows: self._exported(str(path), rows),
                                    on_error=self._export_failed, on_finished=self._export_finished,
                                    name="calibration plan export")
        return self._export

    def _exported(self, path: str, rows: int) -> None:
        text = self.tr("Exported %1 instruments to %2")
        self.note.setText(text.replace("%1", f"{rows:,}").replace("%2", path))
        self.exported.emit(path, rows)

    @Slot(object)
    def _export_failed(self, error: object) -> None:
        if isinstance(error, OSError):
            message = self.tr("Cannot write %1: %2").replace("%1", str(error.filename or "")).replace(
                "%2", error.strerror or str(error))
        elif isinstance(error, ce.ExportCancelled):
            message = self.tr("Export cancelled.")
        else:
            message = problem_text(error)
        self.note.setText(message)
        self.note.setStyleSheet(f"color: {cp.RED};")
        self.exportFailed.emit(message)

    @Slot()
    def _export_finished(self) -> None:
        self._export = None
        self.export_button.setEnabled(True)

    def done(self, result: int) -> None:  # closing cancels a running export
        if self._export is not None:
            self._export.cancel()
        super().done(result)
