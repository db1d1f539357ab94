"""The intake queue: orders customers sent from outside, waiting for the front desk (待受理委托).

``IntakeQueueDialog`` lists the pending orders (submitted at, customer, samples, lines, price, notes),
oldest first. "Accept" numbers the order and its samples and shows the numbers given; "Reject…" asks
for the reason, which is kept with the order. Both run against the version read, so an order someone else
handled meanwhile is refused with a sentence and the queue is read again. F5 reads it again too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import order_workflow as flow
from labdesk.services.ledgers.formatting import local_time
from labdesk.services.permissions import may_step
from labdesk.ui.fee_batch_dialog import yuan
from labdesk.ui.i18n import problem_text
from labdesk.ui.order_actions import action_title
from labdesk.ui.workers import start_worker
from labdesk.ui.workflow_dialog_parts import ERROR_STYLE, StepForm, escape, fit_columns

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.order_workflow import IntakeRow
    from labdesk.services.orders import SavedOrder

NOTES_SHOWN = 120  # characters of the notes in the table; the tooltip has all of them


class RejectForm(StepForm):
    """The reason a pending order is rejected; succeeds with None (the order leaves the queue)."""

    def __init__(self, database: Database, row: IntakeRow, parent: QWidget | None = None) -> None:
        super().__init__(database, row, "reject", parent=parent,
                         title=f"{action_title('reject')} — {row.customer}",
                         heading=f"<b>{escape(row.customer)}</b> {escape(yuan(row.final_price))}")
        self.row = row
        self.add_comment(required=True, height=90)

    def call(self) -> Callable[[], None]:
        db, row, reason = self.database, self.row, self.comment_text() or ""
        return lambda: flow.reject_intake(db, row.order_id, row.version, reason=reason)


class IntakeQueueDialog(QDialog):
    """See the module docstring."""

    loaded = Signal()
    """The queue was read and is shown."""
    changed = Signal()
    """An order was accepted or rejected (the Orders tab reads its rows again)."""
    orderAccepted = Signal(object)  # noqa: N815 - Qt naming
    """An order was accepted: the SavedOrder with its number and sample numbers."""
    formOpened = Signal(object)  # noqa: N815
    """The reject form was opened (the RejectForm)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.rows: list[IntakeRow] = []
        self.form: RejectForm | None = None
        self.busy = False
        roles = database.actor.roles
        self.may_accept = may_step(roles, "order.accept")
        self.may_reject = may_step(roles, "order.reject")
        self.setObjectName("intakeQueue")
        self.setWindowTitle(self.tr("Intake queue"))
        self.summary = QLabel(self.tr("Loading…"), self)
        self.summary.setObjectName("queueSummary")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("queue")
        self.table.setHorizontalHeaderLabels([self.tr("Submitted"), self.tr("Customer"), self.tr("Samples"),
                                              self.tr("Lines"), self.tr("Price"), self.tr("Notes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptIntake")
        self.accept_button.setToolTip(self.tr("Number the order and its samples; it joins the Orders ledger")
                                      if self.may_accept else self.tr("Only the front desk accepts orders."))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.setObjectName("rejectIntake")
        self.reject_button.clicked.connect(self.reject_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip("F5")
        self.refresh_button.clicked.connect(self.reload)
        shortcut = QShortcut(QKeySequence("F5"), self)
        shortcut.activated.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 460)
        self._update_buttons()
        self.reload()

    # -- reading ---------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Read the queue again (F5)."""
        database = self.database
        start_worker(lambda _w: flow.intake_queue(database), on_result=self.show_rows,
                     on_error=self._failed, name="intake queue")

    @Slot(object)
    def show_rows(self, rows: list[IntakeRow]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (local_time(row.submitted_at).strftime("%Y-%m-%d %H:%M"), row.customer, str(row.samples),
                     str(row.lines), yuan(row.final_price), " ".join(row.notes.split())[:NOTES_SHOWN])
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 5 and row.notes:
                    item.setToolTip(row.notes)
                self.table.setItem(r, c, item)
            if selected is not None and row.order_id == selected.order_id:
                self.table.selectRow(r)
        fit_columns(self.table)
        self.summary.setText(self.tr("No orders are waiting.") if not rows else
                             self.tr("1 order is waiting.") if len(rows) == 1 else
                             self.tr("%1 orders are waiting.").replace("%1", str(len(rows))))
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> IntakeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and not self.busy
        self.accept_button.setEnabled(chosen and self.may_accept)
        self.reject_button.setEnabled(chosen and self.may_reject)

    # -- accepting and rejecting -----------------------------------------------------------------
    @Slot()
    def accept_selected(self) -> None:
        """Accept the selected order in a worker; the numbers it got are shown when it is done."""
        row = self.selected()
        if row is None or self.busy or not self.may_accept:
            return
        self.busy = True
        self._update_buttons()
        self.message.hide()
        database, order_id, version = self.database, row.order_id, row.version
        start_worker(lambda _w: flow.accept_intake(database, order_id, version), on_result=self._accepted,
                     on_error=self._refused, name="accept intake")

    @Slot(object)
    def _accepted(self, saved: SavedOrder) -> None:
        self.busy = False
        numbers = sorted(saved.sample_numbers.values())
        text = self.tr("Accepted as order %1; samples %2.").replace("%1", saved.order_no or "—").replace(
            "%2", ", ".join(numbers) or "—")
        self._say(text, error=False)
        self.orderAccepted.emit(saved)
        self.changed.emit()
        self.reload()

    @Slot(object)
    def _refused(self, error: object) -> None:
        self.busy = False
        self._say(problem_text(error), error=True)
        self.reload()  # whoever handled it meanwhile: the queue shows what is left

    @Slot()
    def reject_selected(self) -> RejectForm | None:
        """The reject form of the selected order (the reason is required)."""
        row = self.selected()
        if row is None or self.busy or not self.may_reject:
            return None
        form = RejectForm(self.database, row, self)
        form.succeeded.connect(self._rejected)
        form.refused.connect(lambda _error: self.reload())
        self.form = form
        form.open()
        self.formOpened.emit(form)
        return form

    @Slot(object)
    def _rejected(self, _nothing: object) -> None:
        self._say(self.tr("The request was rejected."), error=False)
        self.changed.emit()
        self.reload()

    @Slot(object)
    def _failed(self, error: object) -> None:
        self.summary.setText(problem_text(error))
        self.summary.setStyleSheet(ERROR_STYLE)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1e8449;")
        self.message.show()
