"""The card's Attachments tab: certificates, manuals and other files of a record.

Lists the record's files (and, on an instrument card, the certificates of its calibration records),
and adds, opens, saves and deletes them. Every step that touches the database or a file runs in a
worker; a refusal (too large, damaged, missing, not allowed) is shown as the service's sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import attachment_desk as desk
from labdesk.services.attachment_desk import CALIBRATION, AttachmentRow
from labdesk.services.ledgers.formatting import local_time
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from labdesk.services.database import Database

RED, GREY = "#c0392b", "#505050"


def size_text(size: int) -> str:
    """A file size as people read it: bytes, then KB and MB with one decimal."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class AttachmentsTab(QWidget):
    """The files of one record; reads them on creation and again after each add or delete."""

    counted = Signal(int)
    """The list was (re)read; the number of files."""
    changed = Signal()
    """A file was added or deleted."""
    opened = Signal(str)
    """A local copy was written to this path and handed to the system to open."""
    saved = Signal(str)
    """A copy was saved to this path."""
    failed = Signal(str)
    """A step failed; the sentence shown."""

    def __init__(
        self, ledger: str, database: Database, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_tab")
        self.ledger, self.database, self.record_id = ledger, database, record_id
        self.rows: list[AttachmentRow] = []
        self.running = 0  # workers under way; buttons wait for all of them
        roles = database.actor.roles
        self.can_add, self.can_delete = desk.may_add(roles), desk.may_delete(roles)
        headers = (self.tr("File"), self.tr("Size"), self.tr("Kind"), self.tr("Added by"),
                   self.tr("Added at"))
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("attachments")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())
        self.add_button = self._button(self.tr("Add…"), "add", self.add_file)
        self.open_button = self._button(self.tr("Open"), "open", self.open_selected)
        self.save_button = self._button(self.tr("Save as…"), "save", self.save_selected)
        self.delete_button = self._button(self.tr("Delete"), "delete", self.delete_selected)
        if not self.can_add:
            self.add_button.setToolTip(self.tr("Your job may not add attachments."))
        if not self.can_delete:
            self.delete_button.setToolTip(self.tr("Your job may not delete attachments."))
        self.message = QLabel(self)
        self.message.setObjectName("attachments_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._update_buttons()
        self.reload()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def title(self) -> str:
        return self.tr("Attachments (%1)").replace("%1", str(len(self.rows)))

    def selected(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and not self.busy
        self.add_button.setEnabled(self.can_add and not self.busy)
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen and self.can_delete)

    @property
    def busy(self) -> bool:
        return self.running > 0

    def _run(self, function: Callable[[], Any], on_result: Callable[[Any], Any], name: str) -> None:
        self.running += 1
        self._update_buttons()
        start_worker(lambda _w: function(), on_result=on_result, on_error=self._failed,
                     on_finished=self._idle, name=f"attachments {name}")

    @Slot()
    def _idle(self) -> None:
        self.running -= 1
        self._update_buttons()

    def _say(self, text: str, color: str = GREY) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.show()

    @Slot(object)
    def _failed(self, error: object) -> None:
        text = problem_text(error)
        self._say(text, RED)
        self.failed.emit(text)

    # -- the list --------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        database, ledger, record_id = self.database, self.ledger, self.record_id
        self._run(lambda: desk.list_for_card(database, ledger, record_id), self._show, "list")

    @Slot(object)
    def _show(self, rows: list[AttachmentRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.file_name, size_text(row.size_bytes), self.kind_text(row), row.added_by,
                     local_time(row.added_at).strftime("%Y-%m-%d %H:%M"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0 and row.content_type:
                    item.setToolTip(row.content_type)
                self.table.setItem(r, c, item)
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self.counted.emit(len(rows))

    def kind_text(self, row: AttachmentRow) -> str:
        if row.kind == CALIBRATION:
            return self.tr("Calibration certificate %1").replace("%1", row.reference)
        return self.tr("This record")

    # -- add ----------------------------------------------------------------------------------------

    @Slot()
    def add_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), _documents(),
                                                    self.tr("All files (*)"))
        if path:
            self.add_path(Path(path))

    def add_path(self, path: Path) -> None:
        database, ledger, record_id = self.database, self.ledger, self.record_id
        self._run(lambda: desk.add_file(database, ledger, record_id, path), self._added, "add")

    @Slot(object)
    def _added(self, _attachment_id: int) -> None:
        self.message.hide()
        self.changed.emit()
        self.reload()

    # -- open and save ------------------------------------------------------------------------------

    @Slot()
    def open_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        database = self.database
        self._run(lambda: desk.open_copy(database, row.id), self._open_copy, "open")

    @Slot(object)
    def _open_copy(self, path: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.hide()
        else:
            self._say(self.tr("No program on this computer opens %1; use Save as… to keep a copy.")
                      .replace("%1", path.name), RED)
        self.opened.emit(str(path))

    @Slot()
    def save_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        suggested = str(Path(_documents()) / desk.local_file_name(row.file_name))
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), suggested)
        if not target:
            return
        database = self.database
        self._run(lambda: desk.save_copy(database, row.id, Path(target)),
                  lambda _size: self._saved(target), "save")

    def _saved(self, target: str) -> None:
        self._say(self.tr("Saved to %1.").replace("%1", target))
        self.saved.emit(target)

    # -- delete -------------------------------------------------------------------------------------

    @Slot()
    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy or not self.can_delete:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete attachment"),
            self.tr("Delete %1? The file cannot be recovered from LabDesk afterwards.")
            .replace("%1", row.file_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        database = self.database
        self._run(lambda: desk.delete(database, row.id), self._deleted, "delete")

    @Slot(object)
    def _deleted(self, _none: object) -> None:
        self.message.hide()
        self.changed.emit()
        self.reload()


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def add_attachments_tab(
    tabs: QTabWidget, ledger: str, database: Database, record_id: int
) -> AttachmentsTab | None:
    """Add an Attachments tab to a card's tabs if the ledger has attachments; its title counts them."""
    if not desk.has_attachments(ledger):
        return None
    tab = AttachmentsTab(ledger, database, record_id, tabs)
    tabs.addTab(tab, tab.title())
    tab.counted.connect(lambda _n: tabs.setTabText(tabs.indexOf(tab), tab.title()))
    return tab
