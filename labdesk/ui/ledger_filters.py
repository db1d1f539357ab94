"""Column filters of a ledger tab: a status combo in the tab's bar and a dialog for every column.

Text columns filter by "contains"; a status column by one of that ledger's statuses. The filters
become ``ColumnFilter`` objects of the tab's ``LedgerQuery`` and run in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from labdesk.services.ledgers.paging import ColumnFilter, FilterOp
from labdesk.services.ledgers.spec import ColumnKind, LedgerColumn, LedgerSpec
from labdesk.ui.ledger_model import status_dot

_UNFILTERABLE = (ColumnKind.BOOLEAN,)
_DATES = (ColumnKind.DATE, ColumnKind.DATETIME)  # filtered by a date range (paging.date_range)


def filterable_columns(spec: LedgerSpec) -> list[LedgerColumn]:
    return [c for c in spec.columns if c.kind not in _UNFILTERABLE]


def status_combo(spec: LedgerSpec, parent: QWidget | None = None) -> QComboBox:
    """A combo of "All statuses" and the ledger's statuses (translated, with their colour)."""
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("LedgerFilters", "All statuses"), "")
    for key, style in spec.statuses.items():
        combo.addItem(status_dot(style.color), QCoreApplication.translate("Status", style.label), key)
    return combo


class ColumnFilterDialog(QDialog):
    """One field per column: text "contains", or a status combo."""

    def __init__(self, spec: LedgerSpec, current: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ledger_title = QCoreApplication.translate("Ledger", spec.title)
        self.setWindowTitle(self.tr("Filter %1").replace("%1", ledger_title))
        self._editors: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        for column in filterable_columns(spec):
            title = QCoreApplication.translate("Ledger", column.title)
            editor: QLineEdit | QComboBox
            if column.kind is ColumnKind.STATUS:
                editor = status_combo(spec, self)
                found = editor.findData(current.get(column.key, ""))
                editor.setCurrentIndex(max(found, 0))
            else:
                editor = QLineEdit(current.get(column.key, ""), self)
                editor.setPlaceholderText(
                    self.tr("from..to, e.g. 2026-01-01..2026-03-31 or 2026-03")
                    if column.kind in _DATES else self.tr("contains…"))
                editor.setClearButtonEnabled(True)
                editor.setMaxLength(200)
            editor.setObjectName(f"filter_{column.key}")
            self._editors[column.key] = editor
            form.addRow(title, editor)
        holder = QWidget(self)
        holder.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Reset, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        reset = buttons.button(QDialogButtonBox.StandardButton.Reset)
        reset.setText(self.tr("Clear all"))
        reset.clicked.connect(self.clear)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def clear(self) -> None:
        for editor in self._editors.values():
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(0)
            else:
                editor.clear()

    def values(self) -> dict[str, str]:
        """Column key -> filter text or status key, only for columns with a filter."""
        chosen: dict[str, str] = {}
        for key, editor in self._editors.items():
            if isinstance(editor, QComboBox):
                value = str(editor.currentData() or "")
            else:
                value = editor.text().strip()
            if value:
                chosen[key] = value
        return chosen


class FilterBar(QWidget):
    """The status combo (for the ledger's first status column) and the "Filters…" button."""

    filtersChanged = Signal()  # noqa: N815 - Qt naming
    """The set of column filters changed; read ``filters()``."""

    def __init__(self, spec: LedgerSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._values: dict[str, str] = {}
        status_columns = [c for c in spec.columns if c.kind is ColumnKind.STATUS]
        self.status_key = status_columns[0].key if status_columns and spec.statuses else None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = status_combo(spec, self)
        self.status.setObjectName("statusFilter")
        self.status.setVisible(self.status_key is not None)
        self.status.currentIndexChanged.connect(self._status_chosen)
        layout.addWidget(self.status)
        self.more = QPushButton(self.tr("Filters…"), self)
        self.more.setObjectName("filtersButton")
        self.more.clicked.connect(self.open_dialog)
        layout.addWidget(self.more)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(False)
        layout.addWidget(self.clear_button)

    def filters(self) -> tuple[ColumnFilter, ...]:
        result = []
        for key, value in self._values.items():
            kind = self.spec.column(key).kind
            op = (FilterOp.EQUALS if kind is ColumnKind.STATUS
                  else FilterOp.BETWEEN if kind in _DATES else FilterOp.CONTAINS)
            result.append(ColumnFilter(key, value, op))
        return tuple(result)

    def set_values(self, values: dict[str, str]) -> None:
        """Replace every filter (column key -> text or status key) and announce the change."""
        self._values = {k: v for k, v in values.items() if v}
        if self.status_key is not None:
            self.status.blockSignals(True)
            self.status.setCurrentIndex(max(self.status.findData(self._values.get(self.status_key, "")), 0))
            self.status.blockSignals(False)
        count = len(self._values)
        label = self.tr("Filters (%1)…").replace("%1", str(count)) if count else self.tr("Filters…")
        self.more.setText(label)
        self.clear_button.setVisible(bool(count))
        self.filtersChanged.emit()

    def clear(self) -> None:
        self.set_values({})

    def open_dialog(self) -> ColumnFilterDialog:
        dialog = ColumnFilterDialog(self.spec, self._values, self)
        dialog.accepted.connect(lambda: self.set_values(dialog.values()))
        dialog.open()
        return dialog

    def _status_chosen(self, _index: int) -> None:
        if self.status_key is None:
            return
        values = dict(self._values)
        values[self.status_key] = str(self.status.currentData() or "")
        self.set_values(values)
