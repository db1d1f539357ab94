"""Editing one record: the form, Save (Ctrl+S), and what happens when a save does not go through.

Loading and saving run in workers. A save that fails keeps the panel open with the user's input:
a conflict opens the :class:`~labdesk.ui.conflict_dialog.ConflictDialog`; refused fields are marked;
a lost server shows its sentence and a Retry button that repeats the same save (same changes, same
version) once the server is back — the engine's pre-ping replaces the dead connections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import card_editing
from labdesk.services.card_editing import EditConflict, EditRecord, Saved
from labdesk.services.card_fields import EDITABLE, ValidationProblems, editable_ledger
from labdesk.services.permissions import PermissionDenied
from labdesk.services.problems import ProblemError
from labdesk.ui.card_editor import CardEditor, field_problem_text
from labdesk.ui.conflict_dialog import ConflictChoice, ConflictDialog
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database

ERROR_COLOUR = "color: #c0392b;"


def is_editable(ledger: str) -> bool:
    """Whether the ledger's cards can be edited (it has field declarations)."""
    return ledger in EDITABLE


class EditPanel(QWidget):
    """The form of one record (``record_id`` None: a new record) with Save, Retry and messages."""

    saved = Signal(object)
    """The record was stored (a :class:`~labdesk.services.card_editing.Saved`)."""
    loaded = Signal()
    """The record arrived and the form is filled."""
    failed = Signal(str)
    """A load or save failed; the sentence is shown in the panel."""
    conflictShown = Signal(object)  # noqa: N815
    """A conflict dialog was opened (the dialog)."""

    def __init__(
        self, ledger: str, database: Database, record_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("edit_panel")
        self.card = editable_ledger(ledger)
        self.database = database
        self.record_id = record_id
        self.record: EditRecord | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.busy = False
        self._retry: Callable[[], None] | None = None
        self._pending: dict[str, Any] = {}
        # Asked before unsaved input is thrown away; tests replace it to answer without a message box.
        self.confirm_discard: Callable[[], bool] = self._ask_discard

        self.editor = CardEditor(self.card, self)
        self.editor.setEnabled(False)
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setObjectName("edit_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retry")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.message, 1)
        self.button_row.addWidget(self.retry_button)
        self.button_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addLayout(self.button_row)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.load()

    # -- loading ----------------------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """(Re)read the record from the database; the form shows it when it arrives."""
        self._start(self._read, self._arrived, retry=self.load)

    def _read(self) -> EditRecord:
        if self.record_id is None:
            return card_editing.new_record(self.database, self.card.name)
        return card_editing.load_for_edit(self.database, self.card.name, self.record_id)

    @Slot(object)
    def _arrived(self, record: EditRecord) -> None:
        self.show_record(record)
        self.loaded.emit()

    def show_record(self, record: EditRecord) -> None:
        """Fill the form with ``record`` (dropping the user's input)."""
        self.record = record
        self.editor.set_record(record)
        self.editor.setEnabled(True)
        self.save_button.setEnabled(bool(record.writable))
        self._say("" if record.writable else self.tr("Your job roles do not allow changing this record."))

    # -- saving -----------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Store the user's changes (Ctrl+S); nothing happens while a load or save is running."""
        if self.busy or self.record is None or not self.save_button.isEnabled():
            return
        if self.editor.errors:
            self._say(next(iter(self.editor.errors.values())), error=True)
            return
        changes = self.editor.changes()
        if not changes and not self.record.is_new:
            self._say(self.tr("Nothing changed."))
            return
        self._pending = changes
        self._save_pending()

    def _save_pending(self) -> None:
        # A retry saves exactly what failed: the same changes against the same loaded version.
        record, changes, ledger = self.record, self._pending, self.card.name
        assert record is not None
        self._start(
            lambda: card_editing.save(self.database, ledger, record.record_id, record.version, changes),
            self._stored,
            retry=self._save_pending,
        )

    @Slot(object)
    def _stored(self, saved: Saved) -> None:
        self.record_id = saved.record_id
        self._pending = {}
        self._say(self.tr("Saved."))
        self.saved.emit(saved)

    @Slot()
    def retry(self) -> None:
        """Repeat what failed (the same load, or the same save against the same version)."""
        if self._retry is not None and not self.busy:
            self._retry()

    # -- outcomes ---------------------------------------------------------------------------------

    def _start(
        self, call: Callable[[], Any], done: Callable[[Any], None], *, retry: Callable[[], None]
    ) -> None:
        self.busy = True
        self.save_button.setEnabled(False)
        self.retry_button.hide()
        self._retry = retry
        self._say(self.tr("Working…"))

        def finished(outcome: Any) -> None:
            self.busy = False
            if self.record is not None:
                self.save_button.setEnabled(bool(self.record.writable))
            if isinstance(outcome, BaseException):
                self._failed(outcome)
            else:
                done(outcome)

        start_worker(lambda _w: _outcome(call), on_result=finished, name=f"edit {self.card.name}")

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, EditConflict):
            self._say(problem_text(error), error=True)
            self._show_conflict(error)
        elif isinstance(error, ValidationProblems):
            for key, problem in error.fields.items():
                if key in self.editor.widgets:
                    self.editor.show_problem(key, field_problem_text(problem))
            self._say(field_problem_text(error), error=True)
        elif isinstance(error, card_editing.RecordGone | PermissionDenied):
            self._say(field_problem_text(error), error=True)
        elif isinstance(error, ProblemError):  # DatabaseUnavailable and the like: worth retrying
            self._say(problem_text(error), error=True)
            self.retry_button.show()
        else:
            self._say(f"{type(error).__name__}: {error}", error=True)
            self.retry_button.show()
        self.failed.emit(self.message.text())

    def _show_conflict(self, conflict: EditConflict) -> None:
        assert self.record is not None
        mine = dict(self._pending)
        dialog = ConflictDialog(self.card, conflict, mine, self.record.values, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda choice: self._resolve(ConflictChoice(choice), conflict, mine))
        self.conflict_dialog = dialog
        dialog.open()
        self.conflictShown.emit(dialog)

    def _resolve(self, choice: ConflictChoice, conflict: EditConflict, mine: dict[str, Any]) -> None:
        self.conflict_dialog = None
        if choice is ConflictChoice.KEEP_EDITING:
            return
        self.show_record(conflict.current)
        if choice is ConflictChoice.REAPPLY:
            self.editor.set_values(mine)
            self.save()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_COLOUR if error else "")

    # -- leaving ----------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.record is not None and self.editor.is_dirty()

    def may_discard(self) -> bool:
        """True when nothing is unsaved or the user agrees to throw it away."""
        return not self.is_dirty() or self.confirm_discard()

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Discard your unsaved changes to this card?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


class NewRecordDialog(QDialog):
    """A new record's card ("New instrument", Ctrl+N): closes once the record is saved."""

    created = Signal(object)
    """The new record was stored (a :class:`~labdesk.services.card_editing.Saved`)."""

    def __init__(self, ledger: str, title: str, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"new_{ledger}")
        self.setWindowTitle(title)
        self.panel = EditPanel(ledger, database, None, self)
        self.panel.saved.connect(self._saved)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("cancel")
        cancel.clicked.connect(self.reject)
        self.panel.button_row.addWidget(cancel)  # beside Save
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(820, 520)

    @Slot(object)
    def _saved(self, saved: Saved) -> None:
        self.created.emit(saved)
        self.accept()

    @Slot()
    def reject(self) -> None:
        """Esc / Cancel: asks before unsaved input is thrown away."""
        if self.panel.may_discard():
            super().reject()


def _outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as error:  # noqa: BLE001 - the panel shows every failure as a sentence
        return error
