"""The order form's samples table: a thin model over the draft's samples and its cell editors.

The model holds :class:`~labdesk.services.order_drafts.SampleDraft` values (frozen) and replaces a
row on every edit, so the form builds its draft from ``samples()`` as they are. Text is stored as
typed — never trimmed or cut — and the draft's own checks say when a name is too long. New samples
get keys ``n1``, ``n2`` … (stored ones come back as ``s<id>``), which the order lines refer to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.order_drafts import Retention, SampleDraft

if TYPE_CHECKING:
    from labdesk.services.orders import SampleTypeChoice

Index = QModelIndex | QPersistentModelIndex

NO, NAME, TYPE, QUANTITY, UNIT, SPEC, STORAGE, RETENTION = range(8)
HEADERS = (
    N("OrderForm", "Sample no."),
    N("OrderForm", "Name"),
    N("OrderForm", "Type"),
    N("OrderForm", "Quantity"),
    N("OrderForm", "Unit"),
    N("OrderForm", "Specification"),
    N("OrderForm", "Storage condition"),
    N("OrderForm", "After testing"),
)
RETENTION_LABELS = {
    Retention.RETAIN.value: N("OrderForm", "Retain"),
    Retention.DISPOSE.value: N("OrderForm", "Dispose"),
    Retention.RETURN_TO_CUSTOMER.value: N("OrderForm", "Return to customer"),
}
_FIELDS = {
    NAME: "name", TYPE: "sample_type", UNIT: "unit", SPEC: "specification", STORAGE: "storage_condition"
}
_UNNUMBERED = QColor("#888888")


def tr(text: str) -> str:
    return QCoreApplication.translate("OrderForm", text)


def shown(text: str) -> str:
    """Control characters drawn as � in a cell; the stored text is untouched."""
    return "".join(c if c.isprintable() or c == " " else "\ufffd" for c in text)


class SamplesModel(QAbstractTableModel):
    """The draft's samples, editable unless the order is read-only."""

    samplesChanged = Signal()  # noqa: N815 - Qt naming
    """A sample was added, removed or edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SampleDraft] = []
        self.storage_by_type: dict[str, str] = {}
        self.read_only = False
        self._next_key = 1

    # -- data ----------------------------------------------------------------------------------

    def set_samples(self, samples: Sequence[SampleDraft]) -> None:
        self.beginResetModel()
        self.rows = list(samples)
        self.endResetModel()

    def samples(self) -> tuple[SampleDraft, ...]:
        return tuple(self.rows)

    def new_key(self) -> str:
        taken = {s.key for s in self.rows}
        while f"n{self._next_key}" in taken:
            self._next_key += 1
        key = f"n{self._next_key}"
        self._next_key += 1
        return key

    def add(self, sample: SampleDraft | None = None, row: int | None = None) -> int:
        """Append (or insert at ``row``) a sample; a fresh one when ``sample`` is None. Returns its row."""
        sample = sample or SampleDraft(key=self.new_key(), name="")
        row = len(self.rows) if row is None else row
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, sample)
        self.endInsertRows()
        self.samplesChanged.emit()
        return row

    def duplicate(self, row: int) -> int:
        """A copy of ``row`` below it, as a new (unnumbered) sample."""
        copy = dataclasses.replace(self.rows[row], key=self.new_key(), sample_id=None, sample_no=None)
        return self.add(copy, row + 1)

    def remove(self, row: int) -> SampleDraft:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self.rows.pop(row)
        self.endRemoveRows()
        self.samplesChanged.emit()
        return removed

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return tr(HEADERS[section])
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or index.column() == NO:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sample, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NO:
                return sample.sample_no or QCoreApplication.translate("OrderForm", "(after saving)")
            if column == QUANTITY:
                return str(sample.quantity)
            if column == RETENTION:
                label = RETENTION_LABELS.get(sample.retention)
                return tr(label) if label else sample.retention
            return shown(str(getattr(sample, _FIELDS[column])))
        if role == Qt.ItemDataRole.EditRole:
            if column == QUANTITY:
                return int(sample.quantity)
            if column == RETENTION:
                return sample.retention
            if column in _FIELDS:
                return getattr(sample, _FIELDS[column])
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column in _FIELDS:
            return getattr(sample, _FIELDS[column]) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == NO and not sample.sample_no:
            return QBrush(_UNNUMBERED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        row, column = index.row(), index.column()
        sample = self.rows[row]
        if column == QUANTITY:
            try:
                changed = dataclasses.replace(sample, quantity=int(value))
            except (TypeError, ValueError):
                return False
        elif column == RETENTION:
            changed = dataclasses.replace(sample, retention=str(value))
        elif column == TYPE:
            changed = dataclasses.replace(sample, sample_type=str(value))
            storage = self.storage_by_type.get(str(value))
            if storage and not sample.storage_condition:  # the type's usual condition, never overwriting
                changed = dataclasses.replace(changed, storage_condition=storage)
        elif column in _FIELDS:
            changed = dataclasses.replace(sample, **{_FIELDS[column]: str(value)})  # type: ignore[arg-type]
        else:
            return False
        if changed == sample:
            return True
        self.rows[row] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.samplesChanged.emit()
        return True

    def set_types(self, types: Sequence[SampleTypeChoice]) -> None:
        self.storage_by_type = {t.name: t.storage_condition or "" for t in types}


class SamplesDelegate(QStyledItemDelegate):
    """Combos for the type (editable: a type not in the list may be typed) and for retention."""

    def __init__(self, model: SamplesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.types: list[str] = []

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        if index.column() == TYPE:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(self.types)
            return combo
        if index.column() == RETENTION:
            combo = QComboBox(parent)
            for value, label in RETENTION_LABELS.items():
                combo.addItem(tr(label), value)
            return combo
        editor = super().createEditor(parent, option, index)
        if index.column() == QUANTITY and hasattr(editor, "setRange"):
            editor.setRange(-1_000_000_000, 1_000_000_000)  # the draft's check says what fits
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            if index.column() == RETENTION:
                editor.setCurrentIndex(max(editor.findData(value), 0))
            else:
                editor.setCurrentText(str(value or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = editor.currentData() if index.column() == RETENTION else editor.currentText()
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
