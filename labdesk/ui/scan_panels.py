"""The scan dock's two lower panels: a scanned sample's custody buttons, and the bench log with undo.

Both only show and ask; the dock runs the database work (a worker) and feeds the answers back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.ui.i18n import translate

if TYPE_CHECKING:
    from labdesk.services.sample_desk import SampleSummary

RED, GREEN = "#c0392b", "#1e7d32"
# The custody actions in the order a bench works through them; see sample_custody's table.
ACTION_TITLES: dict[str, str] = {
    "take": QT_TRANSLATE_NOOP("ScanDock", "Take (I hold it)"),
    "store": QT_TRANSLATE_NOOP("ScanDock", "Return to storage"),
    "receive": QT_TRANSLATE_NOOP("ScanDock", "Receive at the front desk"),
    "return": QT_TRANSLATE_NOOP("ScanDock", "Return to customer"),
    "retain": QT_TRANSLATE_NOOP("ScanDock", "Retain"),
    "dispose": QT_TRANSLATE_NOOP("ScanDock", "Dispose"),
    "undo": QT_TRANSLATE_NOOP("ScanDock", "Undo"),
}
NEEDS_LOCATION = frozenset({"store", "retain"})  # as sample_custody.NEEDS_LOCATION


def action_title(action: str) -> str:
    title = ACTION_TITLES.get(action)
    return translate("ScanDock", title) if title else action


def sample_status(key: str | None) -> str:
    # Imported here: the dock is built with the main window, before any service module is loaded.
    from labdesk.services.ledgers.formatting import status_label
    from labdesk.services.ledgers.registry import get_ledger

    return status_label(get_ledger("samples"), key, translate) if key else ""


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SamplePanel(QWidget):
    """A scanned sample: number, status, location, holder, and one button per action allowed now."""

    actionChosen = Signal(str, str)  # noqa: N815 - Qt naming
    """(action, location typed in the location box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samplePanel")
        self.summary: SampleSummary | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, title in (("status", self.tr("Status:")), ("location", self.tr("Location:")),
                           ("holder", self.tr("Held by:")), ("order", self.tr("Order:"))):
            label = QLabel(self)
            label.setObjectName(f"field_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(title, label)
            self.fields[key] = label
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.location.setPlaceholderText(self.tr("Storage location, for storing or retaining"))
        self.location.setMaxLength(200)
        form.addRow(self.tr("New location:"), self.location)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for action in ("take", "store", "receive", "return", "retain", "dispose"):
            button = QPushButton(action_title(action), self)
            button.setObjectName(f"custody_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.choose(a))
            button.hide()
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch(1)
        self.no_actions = QLabel(self.tr("Your job roles allow no custody action from this status."), self)
        self.no_actions.hide()
        row.insertWidget(0, self.no_actions)
        self.note = QLabel(self)
        self.note.setObjectName("sampleNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def show_summary(self, summary: SampleSummary) -> None:
        self.summary = summary
        kind = f" · {escape(summary.sample_type)}" if summary.sample_type else ""
        self.heading.setText(f"<b>{escape(summary.sample_no)}</b> {escape(summary.name)}{kind}")
        self.fields["status"].setText(sample_status(summary.status))
        self.fields["location"].setText(summary.location or "—")
        self.fields["holder"].setText(summary.holder or "—")
        self.fields["order"].setText(summary.order_no)
        for action, button in self.buttons.items():
            button.setVisible(action in summary.actions)
        self.no_actions.setVisible(not summary.actions)

    def set_note(self, text: str, ok: bool) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {GREEN if ok else RED};")
        self.note.setVisible(bool(text))

    def choose(self, action: str) -> None:
        location = self.location.text().strip()
        if action in NEEDS_LOCATION and not location:
            self.set_note(self.tr("Type the storage location first, then press the button again."), False)
            self.location.setFocus()
            return
        self.actionChosen.emit(action, location)


class BenchLog(QWidget):
    """Every custody action taken from the dock, newest first, with undo of the last one."""

    undoRequested = Signal()  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benchLog")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("benchTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Sample"), self.tr("Action"),
                                              self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.undo_button = QPushButton(self.tr("Undo last action"), self)
        self.undo_button.setObjectName("undoLast")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undoRequested)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Actions taken here (newest first):"), self))
        head.addStretch(1)
        head.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)

    def add(self, sample_no: str, action: str, result: str, ok: bool) -> None:
        self.table.insertRow(0)
        cells = (dt.datetime.now().strftime("%H:%M:%S"), sample_no, action_title(action), result)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 3:
                item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.red)
                item.setToolTip(text)
            self.table.setItem(0, column, item)
        for column in range(3):  # the result column takes the rest of the width
            self.table.resizeColumnToContents(column)

    def rows(self) -> list[tuple[str, str, str]]:
        """(sample, action title, result) per row, newest first (tests and screenshots read it)."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in (1, 2, 3)]
            out.append(tuple(c.text() if c else "" for c in cells))
        return out  # type: ignore[return-value]
