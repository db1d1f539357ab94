"""The order form's two tables with their buttons: samples (add, duplicate, remove) and lines
(add from the catalogue, remove)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labdesk.services.order_drafts import LineDraft
from labdesk.ui.order_form_lines import CatalogueChooser, Choice, LinesDelegate, LinesModel
from labdesk.ui.order_form_samples import NAME, SamplesDelegate, SamplesModel

if TYPE_CHECKING:
    from labdesk.services.database import Database

SAMPLE_WIDTHS = (130, 190, 90, 60, 50, 180, 210, 110)
LINE_WIDTHS = (150, 300, 70, 60, 100, 110, 110)


def _table(parent: QWidget, widths: tuple[int, ...]) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def _apply_widths(table: QTableView, widths: tuple[int, ...]) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)


class SamplesPanel(QGroupBox):
    changed = Signal()
    """A sample was added, removed or edited."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Samples"))
        self.database = database
        self.lines: LinesPanel | None = None  # set by the form: removing a sample removes its lines
        self.model = SamplesModel(self)
        self.model.samplesChanged.connect(self.changed)
        self.table = _table(self, SAMPLE_WIDTHS)
        self.table.setObjectName("samplesTable")
        self.table.setModel(self.model)
        self.delegate = SamplesDelegate(self.model, self.table)
        self.table.setItemDelegate(self.delegate)
        _apply_widths(self.table, SAMPLE_WIDTHS)
        self.add_button = QPushButton(self.tr("Add sample"), self)
        self.add_button.setObjectName("addSample")
        self.add_button.clicked.connect(self.add_sample)
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.duplicate_button.setObjectName("duplicateSample")
        self.duplicate_button.clicked.connect(self.duplicate_sample)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeSample")
        self.remove_button.setToolTip("Del")
        self.remove_button.clicked.connect(self.remove_sample)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_sample,
                  Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_types(self, types: list[Any]) -> None:
        self.model.set_types(types)
        self.delegate.types = [t.name for t in types]

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for button in (self.add_button, self.duplicate_button, self.remove_button):
            button.setEnabled(not read_only)

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def current_key(self) -> str | None:
        row = self.current_row()
        return self.model.rows[row].key if row is not None else None

    @Slot()
    def add_sample(self) -> int:
        row = self.model.add()
        self.table.setCurrentIndex(self.model.index(row, NAME))
        self.table.edit(self.model.index(row, NAME))
        return row

    @Slot()
    def duplicate_sample(self) -> int | None:
        row = self.current_row()
        if row is None or self.model.read_only:
            return None
        copy = self.model.duplicate(row)
        self.table.setCurrentIndex(self.model.index(copy, NAME))
        return copy

    @Slot()
    def remove_sample(self, confirm: bool = True) -> bool:
        """Remove the current sample and its lines (asking first when it has lines)."""
        row = self.current_row()
        if row is None or self.model.read_only:
            return False
        key = self.model.rows[row].key
        line_rows = self.lines.model.rows_of_sample(key) if self.lines is not None else []
        if line_rows and confirm and QMessageBox.question(
            self,
            self.tr("Remove sample"),
            self.tr("Remove this sample and its test lines (%1)?").replace("%1", str(len(line_rows))),
        ) != QMessageBox.StandardButton.Yes:
            return False
        if self.lines is not None:
            self.lines.model.remove_rows(line_rows)
        self.model.remove(row)
        return True

    def edit_cell(self, row: int, column: int, value: Any) -> bool:
        """Set one cell as the user would (tests and the screenshot script)."""
        return self.model.setData(self.model.index(row, column), value)


class LinesPanel(QGroupBox):
    changed = Signal()
    """A line was added, removed or edited."""

    def __init__(self, database: Database, samples: SamplesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tests"))
        self.database = database
        self.samples = samples
        self.model = LinesModel(self)
        self.model.linesChanged.connect(self.changed)
        self.table = _table(self, LINE_WIDTHS)
        self.table.setObjectName("linesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(LinesDelegate(self.model, self.table))
        _apply_widths(self.table, LINE_WIDTHS)
        self.add_button = QPushButton(self.tr("Add tests…"), self)
        self.add_button.setObjectName("addLines")
        self.add_button.setToolTip(
            self.tr("For the selected sample, or the whole order when none is selected"))
        self.add_button.clicked.connect(self.choose_lines)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeLines")
        self.remove_button.clicked.connect(self.remove_lines)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_lines,
                  Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.chooser: CatalogueChooser | None = None

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    @Slot()
    def choose_lines(self) -> CatalogueChooser:
        chooser = CatalogueChooser(self.database, self)
        chooser.accepted.connect(lambda: self.add_choices(chooser.chosen()))
        chooser.show()
        self.chooser = chooser
        return chooser

    def add_choices(self, choices: list[Choice], sample_key: str | bool | None = True) -> list[int]:
        """Add a line per choice, for ``sample_key`` (True: the selected sample, if any). The
        quantity starts at the sample's quantity (1 for the whole order)."""
        key = self.samples.current_key() if sample_key is True else sample_key
        sample = next((s for s in self.samples.model.rows if s.key == key), None) if key else None
        quantity = int(sample.quantity) if sample is not None and int(sample.quantity) > 0 else 1
        return [
            self.model.add(LineDraft(
                item_id=choice.item_id, package_id=choice.package_id,
                quantity=quantity, count=1,
                sample_key=key if isinstance(key, str) else None,
            ))
            for choice in choices
        ]

    @Slot()
    def remove_lines(self) -> None:
        if self.model.read_only:
            return
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        self.model.remove_rows(sorted(rows))

    def edit_cell(self, row: int, column: int, value: Any) -> bool:
        return self.model.setData(self.model.index(row, column), value)

