"""Someone saved the record first: show what changed, and let the user choose what happens to theirs.

A row per field that either side changed: the user's value, the value stored now, and the value
both started from. The user may reload (drop their input), apply their input on top of the stored
record (saved again against its new version), or cancel and keep editing. Nothing is ever
overwritten without this choice.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.services.card_editing import EditConflict
from labdesk.services.card_fields import EditableLedger, clean_value
from labdesk.ui.card_editor import display_value
from labdesk.ui.i18n import problem_text, translate

_BOTH_CHANGED = QColor("#fdecea")  # the user and the other workstation changed the same field


class ConflictChoice(StrEnum):
    RELOAD = "reload"
    REAPPLY = "reapply"
    KEEP_EDITING = "keep_editing"


def _normal(card: EditableLedger, key: str, value: Any) -> Any:
    try:
        return clean_value(card.field(key), value)
    except ValueError:
        return value


class ConflictDialog(QDialog):
    """Field | your value | their value | original, and the three choices."""

    chosen = Signal(str)
    """The user's :class:`ConflictChoice` (emitted before the dialog closes)."""

    def __init__(
        self,
        card: EditableLedger,
        conflict: EditConflict,
        mine: dict[str, Any],
        original: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.choice = ConflictChoice.KEEP_EDITING
        self._decided = False
        theirs = conflict.current.values
        people = dict(conflict.current.people)
        def moved(key: str) -> bool:  # the other workstation changed this field
            return bool(_normal(card, key, theirs.get(key)) != _normal(card, key, original.get(key)))

        keys = [f.key for f in card.fields if f.key in mine or moved(f.key)]
        message = QLabel(problem_text(conflict), self)
        message.setWordWrap(True)
        message.setObjectName("message")
        self.table = QTableWidget(len(keys), 4, self)
        self.table.setObjectName("changes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your value"), self.tr("Their value"), self.tr("Original")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, key in enumerate(keys):
            field = card.field(key)
            mine_value = mine.get(key, original.get(key))
            cells = (translate("Ledger", field.label), display_value(field, mine_value, people, card.name),
                     display_value(field, theirs.get(key), people, card.name),
                     display_value(field, original.get(key), people, card.name))
            clash = key in mine and moved(key) and (
                _normal(card, key, mine_value) != _normal(card, key, theirs.get(key)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text if len(text) <= 200 else text[:200] + "…")
                item.setToolTip(text[:2000])
                if clash:
                    item.setBackground(QBrush(_BOTH_CHANGED))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("Reload (discard mine)"), self)
        self.reload_button.setObjectName("reload")
        self.reapply_button = QPushButton(self.tr("Apply mine on top of theirs"), self)
        self.reapply_button.setObjectName("reapply")
        self.keep_button = QPushButton(self.tr("Keep editing"), self)
        self.keep_button.setObjectName("keep_editing")
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self._choose(ConflictChoice.RELOAD))
        self.reapply_button.clicked.connect(lambda: self._choose(ConflictChoice.REAPPLY))
        self.keep_button.clicked.connect(lambda: self._choose(ConflictChoice.KEEP_EDITING))
        self.reapply_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _choose(self, choice: ConflictChoice) -> None:
        if self._decided:
            return
        self._decided = True
        self.choice = choice
        self.chosen.emit(choice.value)
        self.done(QDialog.DialogCode.Rejected if choice is ConflictChoice.KEEP_EDITING
                  else QDialog.DialogCode.Accepted)

    @Slot()
    def reject(self) -> None:
        """Esc or the window's close button: keep editing."""
        self._choose(ConflictChoice.KEEP_EDITING)

    def changed_fields(self) -> list[str]:
        """The row labels shown (for tests and screen readers)."""
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]
