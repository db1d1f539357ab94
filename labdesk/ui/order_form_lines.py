"""The order form's lines table (test items and packages, priced live) and its catalogue chooser.

Lines are :class:`~labdesk.services.order_drafts.LineDraft` values; names and pricing units come
from the catalogue snapshot the form loaded for pricing (retired items included, so an old draft's
line still has its name), and the priced columns from the latest breakdown. A refused line shows
its sentence in red on the row and in its tooltip.
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
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.order_drafts import LineDraft, SampleDraft
from labdesk.services.pricing import CatalogueSnapshot, PriceBreakdown, PricedLine, Severity
from labdesk.ui.i18n import problem_text
from labdesk.ui.order_form_price import ERROR_COLOUR, WARNING_COLOUR, yuan
from labdesk.ui.order_form_samples import shown, tr
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.catalog import OfferedItem, OfferedPackage
    from labdesk.services.database import Database

Index = QModelIndex | QPersistentModelIndex

SAMPLE, ITEM, QUANTITY, COUNT, UNIT_PRICE, SOURCE, AMOUNT = range(7)
HEADERS = (
    N("OrderForm", "Sample"),
    N("OrderForm", "Test item / package"),
    N("OrderForm", "Quantity"),
    N("OrderForm", "Count"),
    N("OrderForm", "Unit price"),
    N("OrderForm", "Price from"),
    N("OrderForm", "Amount"),
)
SOURCE_LABELS = {
    "catalogue": N("OrderForm", "Catalogue"),
    "discount": N("OrderForm", "Discount"),
    "fixed": N("OrderForm", "Fixed price"),
    "package": N("OrderForm", "Package"),
}
PER_COUNT_UNITS = {"per_parameter", "per_point"}  # the units where ``count`` multiplies


class LinesModel(QAbstractTableModel):
    linesChanged = Signal()  # noqa: N815 - Qt naming
    """A line was added, removed or edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineDraft] = []
        self.catalogue = CatalogueSnapshot()
        self.priced: tuple[PricedLine, ...] = ()
        self.problems: dict[int, list[tuple[bool, str]]] = {}  # row -> (is error, sentence)
        self.sample_labels: dict[str, str] = {}
        self.read_only = False

    def set_lines(self, lines: Sequence[LineDraft]) -> None:
        self.beginResetModel()
        self.rows = list(lines)
        self.priced, self.problems = (), {}
        self.endResetModel()

    def lines(self) -> tuple[LineDraft, ...]:
        return tuple(self.rows)

    def add(self, line: LineDraft) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(line)
        self.endInsertRows()
        self.linesChanged.emit()
        return row

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
        if rows:
            self.linesChanged.emit()

    def rows_of_sample(self, key: str) -> list[int]:
        return [row for row, line in enumerate(self.rows) if line.sample_key == key]

    def set_samples(self, samples: Sequence[SampleDraft]) -> None:
        """Remember how to name each sample in the Sample column (its number, else row and name)."""
        self.sample_labels = {
            s.key: s.sample_no or f"#{row} {s.name}".strip() for row, s in enumerate(samples, 1)
        }
        self._repaint()

    def set_catalogue(self, catalogue: CatalogueSnapshot) -> None:
        self.catalogue = catalogue
        self._repaint()

    def show_breakdown(self, breakdown: PriceBreakdown | None) -> None:
        self.priced = breakdown.lines if breakdown is not None else ()
        self.problems = {}
        for found in breakdown.problems if breakdown is not None else ():
            if found.line is not None:
                self.problems.setdefault(found.line, []).append(
                    (found.severity is Severity.ERROR, problem_text(found.problem))
                )
        self._repaint()

    def _repaint(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def counts(self, line: LineDraft) -> bool:
        """Whether the line's count means something (per-parameter or per-point items)."""
        item = self.catalogue.items.get(line.item_id) if line.item_id is not None else None
        return item is not None and item.pricing_unit.value in PER_COUNT_UNITS

    def description(self, line: LineDraft) -> str:
        if line.package_id is not None:
            package = self.catalogue.packages.get(line.package_id)
            return f"{package.code} {package.name}" if package else f"#{line.package_id}"
        item = self.catalogue.items.get(line.item_id or 0)
        return f"{item.code} {item.name}" if item else f"#{line.item_id}"

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section]) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        editable = column in (SAMPLE, QUANTITY) or (column == COUNT and self.counts(self.rows[index.row()]))
        return base | Qt.ItemFlag.ItemIsEditable if editable and not self.read_only else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        line = self.rows[row]
        priced = self.priced[row] if row < len(self.priced) else None
        problems = self.problems.get(row, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, priced, column)
        if role == Qt.ItemDataRole.EditRole:
            return {SAMPLE: line.sample_key, QUANTITY: int(line.quantity), COUNT: int(line.count)}.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(text for _error, text in problems)
            return self.description(line) if column == ITEM else None
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            is_error = any(error for error, _text in problems)
            return QBrush(QColor(ERROR_COLOUR if is_error else WARNING_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= QUANTITY and column != SOURCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: LineDraft, priced: PricedLine | None, column: int) -> str | None:
        if column == SAMPLE:
            if line.sample_key is None:
                return QCoreApplication.translate("OrderForm", "Whole order")
            removed = QCoreApplication.translate("OrderForm", "(removed sample)")
            return shown(self.sample_labels.get(line.sample_key, removed))
        if column == ITEM:
            return shown(self.description(line))
        if column == QUANTITY:
            return str(line.quantity)
        if column == COUNT:
            return str(line.count) if self.counts(line) else "—"
        if priced is None or priced.source is None:
            return "—" if column != SOURCE else QCoreApplication.translate("OrderForm", "Refused")
        if column == UNIT_PRICE:
            return yuan(priced.unit_price)
        if column == SOURCE:
            label = tr(SOURCE_LABELS[priced.source.value])
            if priced.discount_pct:
                label += f" −{priced.discount_pct.normalize():f}%"
            return label
        if column == AMOUNT:
            return yuan(priced.amount)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        row, column = index.row(), index.column()
        line = self.rows[row]
        try:
            if column == SAMPLE:
                changed = dataclasses.replace(line, sample_key=value or None)
            elif column == QUANTITY:
                changed = dataclasses.replace(line, quantity=int(value))
            elif column == COUNT:
                changed = dataclasses.replace(line, count=int(value))
            else:
                return False
        except (TypeError, ValueError):
            return False
        if changed != line:
            self.rows[row] = changed
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            self.linesChanged.emit()
        return True


class LinesDelegate(QStyledItemDelegate):
    """The Sample column edits with a combo of the order's samples ("Whole order" first)."""

    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        if index.column() == SAMPLE:
            combo = QComboBox(parent)
            combo.addItem(QCoreApplication.translate("OrderForm", "Whole order"), None)
            for key, label in self.model.sample_labels.items():
                combo.addItem(shown(label), key)
            return combo
        editor = super().createEditor(parent, option, index)
        if hasattr(editor, "setRange"):
            editor.setRange(-1_000_000_000, 1_000_000_000)  # the pricing engine says what is wrong
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


# -- the catalogue chooser ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Choice:
    item_id: int | None
    package_id: int | None


class CatalogueChooser(QDialog):
    """Test items and packages on offer (retired ones are not), searched as you type."""

    loaded = Signal()
    """The answer for the latest search text is shown."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueChooser")
        self.setWindowTitle(self.tr("Add test items"))
        self.database = database
        self._generation = 0
        self.search = QLineEdit(self)
        self.search.setObjectName("catalogueSearch")
        self.search.setPlaceholderText(self.tr("Search code, name, standard, parameter or department"))
        self.items = self._table([self.tr("Code"), self.tr("Test item"), self.tr("Standard"),
                                  self.tr("Unit price"), self.tr("Priced per")])
        self.packages = self._table([self.tr("Code"), self.tr("Package"), self.tr("Price"), self.tr("Items")])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.items, self.tr("Test items"))
        self.tabs.addTab(self.packages, self.tr("Packages"))
        self.status = QLabel(self)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(standard.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.resize(820, 520)
        self.search_now()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _i: self.accept())
        return table

    @Slot()
    def search_now(self) -> None:
        self.timer.stop()
        self._generation += 1
        generation, text, database = self._generation, self.search.text(), self.database

        def find(_worker: Any) -> tuple[int, list[OfferedItem], list[OfferedPackage]]:
            from labdesk.services import catalog

            return generation, catalog.offered_items(database, text), catalog.offered_packages(database, text)

        start_worker(find, on_result=self._arrived, on_error=self._failed, name="catalogue chooser")

    @Slot(object)
    def _arrived(self, answer: tuple[int, list[OfferedItem], list[OfferedPackage]]) -> None:
        generation, items, packages = answer
        if generation != self._generation:
            return
        units = {"per_sample": self.tr("sample"), "per_parameter": self.tr("parameter"),
                 "per_point": self.tr("point")}
        _fill(self.items, [
            (Choice(i.id, None), [i.code, i.name, i.standard or "", yuan(i.unit_price),
                                  units.get(i.pricing_unit.value, i.pricing_unit.value)])
            for i in items
        ])
        _fill(self.packages, [
            (Choice(None, p.id), [p.code, p.name, yuan(p.price), ", ".join(p.item_codes)]) for p in packages
        ])
        self.status.setText(self.tr("%1 test items, %2 packages").replace("%1", str(len(items)))
                            .replace("%2", str(len(packages))))
        self.loaded.emit()

    @Slot(object)
    def _failed(self, error: object) -> None:
        self.status.setText(problem_text(error))

    def chosen(self) -> list[Choice]:
        """The selected rows of the visible tab."""
        table = self.items if self.tabs.currentIndex() == 0 else self.packages
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        cells = [table.item(row, 0) for row in rows]
        return [cell.data(Qt.ItemDataRole.UserRole) for cell in cells if cell is not None]


def _fill(table: QTableWidget, rows: list[tuple[Choice, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for row, (choice, texts) in enumerate(rows):
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(shown(text))
            cell.setToolTip(text)
            if column == 0:
                cell.setData(Qt.ItemDataRole.UserRole, choice)
            table.setItem(row, column, cell)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)


