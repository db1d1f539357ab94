"""An order's workflow at a glance, and its steps: submit, confirm the fee, accept, test, report, cancel.

``OrderActionsDialog`` shows the order's number, customer, status, final price and fee state, its
history (who, when, from, to, comment) and one button per step in ``summary.actions`` — the service
already leaves out what the user's job roles or the order's status do not allow. Finance's fee
confirmation asks whether the order is charged, the amount received and a note; a cancellation needs
a reason and asks once more; every other step takes an optional comment. A step refused because
someone else moved the order meanwhile (TransitionNotAllowed, OrderConflict) reads the order again,
so the buttons match its new status; nothing of the refused step was stored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services import fees
from labdesk.services import order_workflow as flow
from labdesk.services.ledgers.formatting import status_label
from labdesk.services.ledgers.registry import get_ledger
from labdesk.services.orders import OrderConflict
from labdesk.services.workflow import TransitionNotAllowed
from labdesk.ui.fee_batch_dialog import yuan
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.workflow_dialog_parts import HistoryLine, StepForm, WorkflowDialog, escape

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.services.order_workflow import OrderSummary

AMOUNT_PATTERN = r"\d{0,12}([.]\d{0,2})?"  # yuan and fen; the service checks again


# History rows that are no step of the workflow (the demo and the order form record these).
HISTORY_ACTIONS = {"create": N("OrderAction", "Created")}


def action_title(action: str) -> str:
    """A workflow action in the user's language (the action key itself if it has no title)."""
    title = flow.ACTION_TITLES.get(action) or HISTORY_ACTIONS.get(action)
    return QCoreApplication.translate("OrderAction", title) if title else action


def order_status(key: str | None) -> str:
    return status_label(get_ledger("orders"), key, translate) if key else ""


def order_heading(order_no: str | None, customer: str) -> str:
    """The order's number (or that it has none yet) and customer, as rich text."""
    number = order_no or QCoreApplication.translate("OrderActions", "(no number yet)")
    return f"<b>{escape(number)}</b>&nbsp;&nbsp;{escape(customer)}"


class OrderStepForm(StepForm):
    """One order step's form: the fee confirmation, a reason (cancel, reject) or a comment."""

    def __init__(self, database: Database, summary: OrderSummary, step: str,
                 parent: QWidget | None = None) -> None:
        number = summary.order_no or self.tr("(no number yet)")
        super().__init__(database, summary, step, parent=parent,
                         title=f"{action_title(step)} — {number}",
                         heading=order_heading(summary.order_no, summary.customer))
        self.summary: OrderSummary = summary
        if step == "confirm_fee":
            self._build_confirm_fee(summary)
        else:
            self.add_comment(required=step in {"cancel", "reject"})

    def _build_confirm_fee(self, summary: OrderSummary) -> None:
        self.charged = QCheckBox(self.tr("Charged (clear it if the order is free)"), self)
        self.charged.setObjectName("charged")
        self.charged.setChecked(summary.fee_charged is not False)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.amount.setMaxLength(16)
        self.amount.setPlaceholderText("0.00")
        self.amount.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN), self))
        if summary.amount_received:
            self.amount.setText(f"{summary.amount_received:.2f}")
        self.note = QPlainTextEdit(summary.fee_note or "", self)
        self.note.setObjectName("note")
        self.note.setFixedHeight(64)
        self.charged.toggled.connect(self.amount.setEnabled)
        self.amount.setEnabled(self.charged.isChecked())
        self.form.addRow(self.tr("Final price:"), QLabel(yuan(summary.final_price), self))
        self.form.addRow("", self.charged)
        self.form.addRow(self.tr("Amount received (yuan):"), self.amount)
        self.form.addRow(self.tr("Note:"), self.note)

    def fee_input(self) -> tuple[bool, Decimal, str | None]:
        """Charged?, the amount and the note as the service takes them; FeeInputError if not valid."""
        charged = self.charged.isChecked()
        amount = fees.clean_amount(self.amount.text() or "0") if charged else Decimal("0.00")
        return charged, amount, fees.clean_note(self.note.toPlainText())

    def check(self) -> str | None:
        if self.step == "confirm_fee":
            try:
                self.fee_input()
            except fees.FeeInputError as error:
                return problem_text(error)
            return None
        return super().check()

    def confirmed(self) -> bool:
        if self.step != "cancel":
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Cancel order %1? This cannot be undone.").replace(
                "%1", self.summary.order_no or self.tr("(no number yet)")))
        return answer == QMessageBox.StandardButton.Yes

    def call(self) -> Callable[[], object]:
        db, order_id, version, step = self.database, self.summary.order_id, self.summary.version, self.step
        comment = self.comment_text()
        if step == "confirm_fee":
            charged, amount, note = self.fee_input()
            return lambda: flow.confirm_fee(db, order_id, version, charged=charged, amount_received=amount,
                                            note=note)
        if step == "cancel":
            return lambda: flow.cancel_order(db, order_id, version, reason=comment or "")
        if step == "reject":  # a pending external order: it leaves the queue, the dialog reads it again
            return lambda: flow.reject_intake(db, order_id, version, reason=comment or "")
        if step == "accept_intake":
            return lambda: (flow.accept_intake(db, order_id, version), flow.order_summary(db, order_id))[1]
        return lambda: flow.take_order_action(db, order_id, version, step, comment=comment)


class OrderActionsDialog(WorkflowDialog):
    """See the module docstring. Opens at once and fills itself when the summary arrives."""

    def __init__(self, database: Database, order_id: int, parent: QWidget | None = None) -> None:
        fields = (("status", self.tr("Status:")), ("customer", self.tr("Customer:")),
                  ("price", self.tr("Final price:")), ("fee", self.tr("Fee:")),
                  ("note", self.tr("Fee note:")))
        steps = {action: action_title(action) for action in flow.ACTION_TITLES}
        super().__init__(database, name="orderActions", fields=fields, steps=steps, parent=parent)
        self.order_id = order_id
        for key in ("customer", "price", "fee", "note"):  # hostile text shows verbatim, never as markup
            self.fields[key].setTextFormat(Qt.TextFormat.PlainText)
        self.setWindowTitle(self.tr("Order workflow"))
        self.reload()

    def fetch(self) -> Callable[[], OrderSummary]:
        database, order_id = self.database, self.order_id
        return lambda: flow.order_summary(database, order_id)

    def make_form(self, step: str) -> OrderStepForm:
        return OrderStepForm(self.database, self.summary, step, self)

    def open_form(self, step: str) -> OrderStepForm | None:
        form = super().open_form(step)
        return form if isinstance(form, OrderStepForm) else None

    def reloads_after(self, error: object) -> bool:
        return isinstance(error, TransitionNotAllowed | OrderConflict)

    def fill(self, summary: OrderSummary) -> None:
        self.heading.setText(order_heading(summary.order_no, summary.customer))
        if summary.order_no:
            self.setWindowTitle(self.tr("Order %1").replace("%1", summary.order_no))
        style = get_ledger("orders").statuses.get(summary.status)
        color = style.color if style else "#000000"
        self.fields["status"].setText(f'<b style="color:{color}">{escape(order_status(summary.status))}</b>')
        self.fields["customer"].setText(summary.customer)
        self.fields["price"].setText(yuan(summary.final_price))
        self.fields["fee"].setText(self.fee_text(summary))
        self.fields["note"].setText(summary.fee_note or "")
        self.field_rows.setRowVisible(self.fields["note"], bool(summary.fee_note))

    def fee_text(self, summary: OrderSummary) -> str:
        if summary.fee_charged is None:
            return self.tr("not confirmed by finance yet")
        if not summary.fee_charged:
            return self.tr("not charged (free)")
        outstanding = max(summary.final_price - summary.amount_received, Decimal("0.00"))
        return self.tr("charged, received %1, outstanding %2").replace(
            "%1", yuan(summary.amount_received)).replace("%2", yuan(outstanding))

    def history_lines(self, summary: OrderSummary) -> list[HistoryLine]:
        newest_first = sorted(summary.history, key=lambda entry: entry.at)[::-1]
        return [HistoryLine(e.at, action_title(e.action), order_status(e.from_state) or None,
                            order_status(e.to_state), e.actor, e.comment) for e in newest_first]
