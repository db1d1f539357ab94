"""What every workflow dialog shares: the record's head and history, one button per step, and the
small form each step opens.

``WorkflowDialog`` opens at once, reads its record's summary in a worker and shows it: heading,
fields, "History (newest first)" and a button for each step in ``summary.actions`` (the services
already filter them by the user's job roles and the record's status). A button opens that step's
``StepForm``, which runs the step in a worker and closes when it succeeded, handing over the new
summary; a refused step keeps the form open with the service's sentence, so nothing typed is lost,
and the dialog reads the record again when the refusal says someone else moved it meanwhile.
The instrument actions (``instrument_actions``) and the order actions (``order_actions``) are both
built on these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.services.ledgers.formatting import local_time
from labdesk.services.workflow import MAX_COMMENT
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

RED = "#c0392b"
ERROR_STYLE = f"color: {RED};"


def escape(text: str) -> str:
    """``text`` safe inside a rich-text label (hostile text shows verbatim, never as markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their text, the last one filling the rest."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)  # resizing to contents fixed the last width: stretch it again
    header.setStretchLastSection(True)


@dataclass(frozen=True)
class HistoryLine:
    """One history row as shown: the step and statuses already in the user's language."""

    at: dt.datetime
    step: str
    from_status: str | None
    to_status: str
    who: str
    comment: str | None


class StepForm(QDialog):
    """A step's form: a heading, the step's fields (subclasses add them to ``form``), an optional
    comment, a sentence when refused, OK and Cancel. Subclasses build the step's call in
    :meth:`call` and may refuse input early in :meth:`check`."""

    succeeded = Signal(object)
    """The step was taken: the record's summary after it (None: the dialog reads it again)."""
    failed = Signal(str)
    """The step was refused or failed: the sentence shown in the form."""
    refused = Signal(object)
    """The step was refused: the error itself (the dialog decides whether to read the record again)."""

    def __init__(self, database: Any, summary: Any, step: str, *, title: str, heading: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.summary, self.step = database, summary, step
        self.running = False
        self.comment: QPlainTextEdit | None = None
        self.comment_required = False
        self.setObjectName(f"form_{step}")
        self.setWindowTitle(title)
        self.heading = QLabel(heading, self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def add_comment(self, *, required: bool = False, height: int = 64) -> QPlainTextEdit:
        """The comment box as the form's last row; ``required`` makes it a reason that must be given."""
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setFixedHeight(height)
        self.comment_required = required
        self.form.addRow(self.tr("Reason:") if required else self.tr("Comment:"), self.comment)
        return self.comment

    def comment_text(self) -> str | None:
        """The comment verbatim (hostile text included); None when empty."""
        return (self.comment.toPlainText() or None) if self.comment is not None else None

    # -- hooks -----------------------------------------------------------------------------------
    def check(self) -> str | None:
        """A sentence saying what to fix before the step can run, else None."""
        text = self.comment.toPlainText() if self.comment is not None else ""
        if self.comment_required and not text.strip():
            return self.tr("Give the reason first.")
        if len(text) > MAX_COMMENT:
            return self.tr("The comment is too long: at most %1 characters.").replace("%1", str(MAX_COMMENT))
        return None

    def call(self) -> Callable[[], Any]:
        """The step as a function of what was entered; it runs in a worker."""
        raise NotImplementedError

    def confirmed(self) -> bool:
        """Whether the user still wants the step (a step that cannot be undone asks here)."""
        return True

    # -- taking the step -------------------------------------------------------------------------
    @Slot()
    def submit(self) -> None:
        """Take the step in a worker; the form closes when it succeeded."""
        if self.running:
            return
        problem = self.check()
        if problem is not None:
            self.show_error(problem)
            return
        if not self.confirmed():
            return
        call = self.call()
        self.running = True
        self.buttons.setEnabled(False)
        self.error.hide()
        start_worker(lambda _w: call(), on_result=self._done, on_error=self._refused,
                     name=f"step {self.step}")

    def update_summary(self, summary: Any) -> None:
        """The record was read again while the form is open: retry against the fresh version, or
        not at all if the step is no longer possible."""
        self.summary = summary
        if not self.running:
            allowed = self.step in getattr(summary, "actions", (self.step,))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(allowed)

    @Slot(object)
    def _done(self, summary: Any) -> None:
        self.running = False
        if summary is not None:
            self.summary = summary
        self.succeeded.emit(summary)
        self.accept()

    @Slot(object)
    def _refused(self, error: object) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        self.show_error(error)
        self.refused.emit(error)

    @Slot(object)
    def show_error(self, error: object) -> None:
        message = error if isinstance(error, str) else problem_text(error)
        if isinstance(error, OSError):
            message = self.tr("The file cannot be read: %1").replace("%1", str(error.strerror or error))
        self.error.setText(message)
        self.error.show()
        self.failed.emit(message)


class WorkflowDialog(QDialog):
    """A record's workflow at a glance; see the module docstring. Subclasses say how to read the
    summary (:meth:`fetch`), how to show it (:meth:`fill`, :meth:`history_lines`) and which form a
    step opens (:meth:`make_form`), then call :meth:`reload`."""

    loaded = Signal()
    """A summary arrived and is shown (after opening, a reload or a step)."""
    changed = Signal(object)
    """A step was taken: the summary after it (the ledger refreshes its rows)."""
    failed = Signal(str)
    """The record could not be read; the sentence shown."""
    formOpened = Signal(object)  # noqa: N815 - Qt naming
    """A step's form was opened (the StepForm)."""

    def __init__(self, database: Any, *, name: str, fields: Sequence[tuple[str, str]],
                 steps: Mapping[str, str], parent: QWidget | None = None) -> None:
        """``fields``: (key, title) of the rows under the heading; ``steps``: step -> button text."""
        super().__init__(parent)
        self.database = database
        self.summary: Any = None
        self.form: StepForm | None = None
        self.setObjectName(name)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.field_rows = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, title in fields:
            label = QLabel(self)
            label.setObjectName(f"field_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_rows.addRow(title, label)
            self.fields[key] = label
        self.history = QTableWidget(0, 5, self)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Step"), self.tr("Status"),
                                                self.tr("Who"), self.tr("Comment")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        self.history.setAlternatingRowColors(True)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.action_buttons: dict[str, QPushButton] = {}
        step_row = QHBoxLayout()
        self.no_actions = QLabel(self.tr("Your job roles allow no step from this status."), self)
        self.no_actions.setStyleSheet("color: #505050;")
        self.no_actions.hide()
        step_row.addWidget(self.no_actions)
        for step, title in steps.items():
            button = QPushButton(title + "…", self)
            button.setObjectName(f"step_{step}")
            button.clicked.connect(lambda _checked=False, step=step: self.open_form(step))
            button.hide()
            step_row.addWidget(button)
            self.action_buttons[step] = button
        step_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(self.field_rows)
        layout.addLayout(step_row)
        layout.addWidget(QLabel(self.tr("History (newest first):"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(close)
        self.resize(860, 560)

    # -- hooks -----------------------------------------------------------------------------------
    def fetch(self) -> Callable[[], Any]:
        """The function that reads the summary (runs in a worker)."""
        raise NotImplementedError

    def fill(self, summary: Any) -> None:
        """Show ``summary`` in the heading, fields and message."""
        raise NotImplementedError

    def history_lines(self, summary: Any) -> Sequence[HistoryLine]:
        """The summary's history, newest first, as shown."""
        raise NotImplementedError

    def make_form(self, step: str) -> StepForm:
        raise NotImplementedError

    def reloads_after(self, error: object) -> bool:
        """Whether a refused step means the record should be read again (someone moved it)."""
        return True

    # -- reading ---------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Read the record again (after a refusal, someone else may have moved it)."""
        fetch = self.fetch()
        start_worker(lambda _w: fetch(), on_result=self.show_summary,
                     on_error=self._load_failed, name=self.objectName())

    @Slot(object)
    def _load_failed(self, error: object) -> None:
        text = problem_text(error)
        self.show_message(text, bold=False)
        for button in self.action_buttons.values():
            button.hide()
        self.failed.emit(text)

    def show_message(self, text: str, *, bold: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED};" + (" font-weight: bold;" if bold else ""))
        self.message.show()

    @Slot(object)
    def show_summary(self, summary: Any) -> None:
        self.summary = summary
        self.message.hide()
        self.fill(summary)
        for step, button in self.action_buttons.items():
            button.setVisible(step in summary.actions)
        self.no_actions.setVisible(not summary.actions)
        self._fill_history(self.history_lines(summary))
        if self.form is not None and self.form.isVisible():
            self.form.update_summary(summary)
        self.loaded.emit()

    def _fill_history(self, lines: Sequence[HistoryLine]) -> None:
        self.history.setRowCount(len(lines))
        for r, line in enumerate(lines):
            cells = (
                local_time(line.at).strftime("%Y-%m-%d %H:%M"),
                line.step,
                f"{line.from_status} → {line.to_status}" if line.from_status else line.to_status,
                line.who,
                (line.comment or "").replace("\n", " · "),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and line.comment:
                    item.setToolTip(line.comment)
                self.history.setItem(r, c, item)
        fit_columns(self.history)

    # -- steps -----------------------------------------------------------------------------------
    def open_form(self, step: str) -> StepForm | None:
        """Open the form of ``step`` (None until the record has been read)."""
        if self.summary is None:
            return None
        if self.form is not None and self.form.isVisible():
            self.form.close()
        form = self.make_form(step)
        form.succeeded.connect(self._step_taken)
        form.refused.connect(self._step_refused)
        self.form = form
        form.open()
        self.formOpened.emit(form)
        return form

    @Slot(object)
    def _step_refused(self, error: object) -> None:
        if self.reloads_after(error):
            self.reload()

    @Slot(object)
    def _step_taken(self, summary: Any) -> None:
        if summary is None:  # the step gave no summary back: read it
            self.reload()
            self.changed.emit(None)
            return
        self.show_summary(summary)
        self.changed.emit(summary)
