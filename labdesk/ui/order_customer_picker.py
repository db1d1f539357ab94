"""Choosing the order's customer by typing a few letters of the name or code (search as you type).

Every keystroke restarts a 200 ms timer; when it fires, ``orders.find_customers`` runs in a worker.
Answers arrive out of order when the database is slow, so each search carries a generation number
and only the answer to the latest text is shown. A choice is only made from the list: typing after
a choice clears it, so the form never saves a customer the field no longer names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.orders import CustomerChoice

DEBOUNCE_MS = 200
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerPicker(QWidget):
    """A line edit with a popup list of matching customers."""

    chosen = Signal(object)
    """The customer changed: (id, name) of the chosen customer, or None when the choice was cleared."""
    resultsShown = Signal(int)  # noqa: N815 - Qt naming
    """The answer for the latest text arrived with this many customers."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.customer_id: int | None = None
        self.customer_name = ""
        self.results: list[CustomerChoice] = []
        self._generation = 0
        self.edit = QLineEdit(self)
        self.edit.setObjectName("customerSearch")
        self.edit.setPlaceholderText(self.tr("Type a few letters of the customer's name or code"))
        self.edit.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)  # not setCompleter: the line edit must not filter or autofill
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    # -- the user's side ----------------------------------------------------------------------------

    @Slot(str)
    def _edited(self, _text: str) -> None:
        if self.customer_id is not None:
            self.customer_id = None
            self.customer_name = ""
            self.chosen.emit(None)
        self.timer.start()

    @Slot()
    def search_now(self) -> None:
        """Look up the current text (the debounce timer calls this; tests may too)."""
        self.timer.stop()
        text = self.edit.text()
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self._show(generation, [])
            return
        database = self.database

        def find(_worker: Any) -> tuple[int, list[CustomerChoice]]:
            from labdesk.services import orders

            return generation, orders.find_customers(database, text)

        start_worker(find, on_result=self._arrived, on_error=self._failed, name="find customers")

    @Slot(object)
    def _arrived(self, answer: tuple[int, list[CustomerChoice]]) -> None:
        self._show(*answer)

    @Slot(object)
    def _failed(self, error: object) -> None:
        from labdesk.ui.i18n import problem_text

        self.edit.setToolTip(problem_text(error))

    def _show(self, generation: int, found: list[CustomerChoice]) -> None:
        if generation != self._generation:
            return  # an answer to text the user has typed past
        self.results = found
        self.model.clear()
        for choice in found:
            label = f"{choice.code}  {choice.name}"
            item = QStandardItem(_printable(label))
            item.setToolTip(choice.name)
            item.setData(choice, CHOICE_ROLE)
            self.model.appendRow(item)
        self.edit.setToolTip("")
        if found and self.edit.hasFocus():
            self.completer.complete()
        self.resultsShown.emit(len(found))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        choice = index.data(CHOICE_ROLE)
        if choice is not None:
            self.choose(choice)

    def choose_row(self, row: int) -> None:
        """Take the ``row``-th customer of the list shown (as clicking it does)."""
        self._activated(self.model.index(row, 0))

    def choose(self, choice: CustomerChoice) -> None:
        self.set_customer(choice.id, choice.name)
        self.chosen.emit((choice.id, choice.name))

    # -- the form's side ----------------------------------------------------------------------------

    def set_customer(self, customer_id: int | None, name: str) -> None:
        """Show a customer without searching (a loaded order, a new customer just created)."""
        self.timer.stop()
        self._generation += 1  # an answer still on its way is no longer wanted
        self.customer_id = customer_id
        self.customer_name = name if customer_id is not None else ""
        self.edit.setText(name)
        self.edit.setCursorPosition(0)
        self.edit.setToolTip(name)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


def _printable(text: str) -> str:
    """A list row with control characters shown as � (the name itself is kept verbatim)."""
    return "".join(c if c.isprintable() or c == " " else "\ufffd" for c in text)
