"""Finance's tools on the Fees tab: the batch edit dialog, its button, and the footer totals.

The dialog reads the selection's summary (count, totals, each row's version) in a worker before
anything can be applied, shows it ("37 个委托，合计 ¥48,200.00"), and applies the edit in a worker
against exactly those versions: if a colleague saved one of the rows meanwhile, nothing is applied
and the dialog names the orders and offers to read the summary again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import fees
from labdesk.services.fees import FeeConflict, FeeSelection, FeeSummary, FeeTotals
from labdesk.services.permissions import may_step
from labdesk.ui.i18n import problem_text
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.ui.ledger_view import LedgerTab

ERROR_STYLE = "color: #c0392b;"


def yuan(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


class FeeBatchDialog(QDialog):
    """Set charged?, amount received and note on many fee rows at once (finance only)."""

    applied = Signal(int)
    """The edit was stored on this many rows."""

    def __init__(self, database: Database, selection: FeeSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feeBatchDialog")
        self.setWindowTitle(self.tr("Batch edit fees"))
        self.database = database
        self.selection = selection
        self.summary: FeeSummary | None = None
        self._busy = False

        self.summary_label = QLabel(self.tr("Reading the selection…"), self)
        self.summary_label.setObjectName("feeSummary")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("feeSummaryDetail")

        self.charged = QComboBox(self)
        self.charged.setObjectName("charged")
        self.charged.addItem(self.tr("Unchanged"), fees.UNCHANGED)
        self.charged.addItem(self.tr("Charged"), True)
        self.charged.addItem(self.tr("Not charged (free)"), False)
        self.amount_mode = QComboBox(self)
        self.amount_mode.setObjectName("amountMode")
        self.amount_mode.addItem(self.tr("Unchanged"), "unchanged")
        self.amount_mode.addItem(self.tr("Received in full (each order's final price)"), "full")
        self.amount_mode.addItem(self.tr("This amount for every order:"), "value")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText("0.00")
        self.amount.setMaxLength(20)
        self.amount_mode.currentIndexChanged.connect(self._modes_changed)
        self.replace_note = QCheckBox(self.tr("Replace the note with:"), self)
        self.replace_note.setObjectName("replaceNote")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setMaxLength(fees.NOTE_MAX)
        self.note.setPlaceholderText(self.tr("(empty clears the note)"))
        self.replace_note.toggled.connect(self._modes_changed)

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_mode)
        amount_row.addWidget(self.amount, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.replace_note)
        note_row.addWidget(self.note, 1)
        form = QFormLayout()
        form.addRow(self.tr("Charged?"), self.charged)
        form.addRow(self.tr("Amount received"), amount_row)
        form.addRow(self.tr("Note"), note_row)
        stamp = QLabel(self.tr("Each changed order is marked as confirmed by %1 now.").replace(
            "%1", database.actor.display_name), self)
        stamp.setStyleSheet("color: palette(mid);")

        self.message = QLabel(self)
        self.message.setObjectName("feeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyFees")
        self.reload_button = self.buttons.addButton(self.tr("Read again"),
                                                    QDialogButtonBox.ButtonRole.ResetRole)
        self.reload_button.setObjectName("reloadSummary")
        self.reload_button.hide()
        self.apply_button.clicked.connect(self.apply)
        self.reload_button.clicked.connect(self.load_summary)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(form)
        layout.addWidget(stamp)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._modes_changed()
        self.load_summary()

    # -- summary ---------------------------------------------------------------------------------
    @Slot()
    def load_summary(self) -> None:
        """Read the selection's count, totals and versions (again, after a conflict)."""
        self.summary = None
        self._set_busy(True)
        self.reload_button.hide()
        database, selection = self.database, self.selection
        start_worker(lambda _w: fees.fee_selection_summary(database, selection),
                     on_result=self._summary_arrived, on_error=self._failed, name="fee summary")

    @Slot(object)
    def _summary_arrived(self, summary: FeeSummary) -> None:
        self.summary = summary
        self.summary_label.setText(self.tr("%1 orders, total %2").replace("%1", f"{summary.count:,}")
                                   .replace("%2", yuan(summary.final_price)))
        self.detail_label.setText(self.tr("Received %1, outstanding %2").replace(
            "%1", yuan(summary.received)).replace("%2", yuan(summary.outstanding)))
        self._set_busy(False)
        if summary.count == 0:
            self._show_message(self.tr("None of the selected orders has a fee row any more; "
                                       "refresh the ledger."))

    # -- applying --------------------------------------------------------------------------------
    def choices(self) -> dict[str, Any]:
        """The dialog's input as batch_edit_fees keywords (the amount is checked by the service)."""
        amount: Any = fees.UNCHANGED
        if self.amount_mode.currentData() == "full":
            amount = fees.IN_FULL
        elif self.amount_mode.currentData() == "value":
            amount = self.amount.text()
        note: Any = self.note.text() if self.replace_note.isChecked() else fees.UNCHANGED
        return {"charged": self.charged.currentData(), "amount_received": amount, "note": note}

    @Slot()
    def apply(self) -> None:
        if self.summary is None or self._busy:
            return
        try:
            choices = self.choices()
            if isinstance(choices["amount_received"], str):
                choices["amount_received"] = fees.clean_amount(choices["amount_received"])
        except fees.FeeInputError as error:
            self._show_message(problem_text(error))
            return
        self._set_busy(True)
        database, versions = self.database, self.summary.versions
        start_worker(lambda _w: fees.batch_edit_fees(database, versions, **choices),
                     on_result=self._applied, on_error=self._failed, name="fee batch edit")

    @Slot(object)
    def _applied(self, result: fees.BatchEdited) -> None:
        self._set_busy(False)
        self.applied.emit(result.count)
        self.accept()

    @Slot(object)
    def _failed(self, error: object) -> None:
        self._set_busy(False)
        self._show_message(problem_text(error))
        if isinstance(error, FeeConflict):
            self.summary = None  # its versions are stale: Apply waits for a fresh read
            self.apply_button.setEnabled(False)
            self.reload_button.show()

    # -- state -----------------------------------------------------------------------------------
    @Slot()
    def _modes_changed(self) -> None:
        self.amount.setEnabled(self.amount_mode.currentData() == "value")
        self.note.setEnabled(self.replace_note.isChecked())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self.message.hide()
        self.apply_button.setEnabled(not busy and self.summary is not None and self.summary.count > 0)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def reject(self) -> None:
        if not self._busy:  # an edit in flight finishes first: it is all or nothing anyway
            super().reject()


class FeeLedgerTools(QObject):
    """What the Fees tab adds: the "Batch edit…" button and the footer totals under the filter."""

    def __init__(self, tab: LedgerTab, bar: QBoxLayout, layout: QBoxLayout) -> None:
        super().__init__(tab)
        self.tab = tab
        self.dialogs: list[FeeBatchDialog] = []
        self.allowed = may_step(tab.database.actor.roles, fees.STEP)
        self.button = QPushButton(self.tr("Batch edit…"), tab)
        self.button.setObjectName("feeBatchEdit")
        self.button.setToolTip(self.tr("Set charged?, amount received and note of the selected orders")
                               if self.allowed else self.tr("Only finance may batch-edit fees."))
        self.button.clicked.connect(self.open)
        bar.insertWidget(bar.indexOf(tab.labels_button), self.button)
        self.footer = QLabel(tab)
        self.footer.setObjectName("feeTotals")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.footer)
        self._generation = 0
        # Every new query or refresh resets the model; a short delay folds a burst into one sum.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.refresh_totals)
        tab.model.modelReset.connect(self._timer.start)
        tab.table.selectionModel().selectionChanged.connect(self._selection_changed)
        tab.model.modelReset.connect(self._selection_changed)
        self._selection_changed()
        self.refresh_totals()

    @Slot()
    def _selection_changed(self) -> None:
        self.button.setEnabled(self.allowed and self.tab.table.selectionModel().hasSelection())

    def selection(self) -> FeeSelection | None:
        """Every row of the query when all are selected (rows far down may not be loaded), else
        the selected rows' ids; None (with a message) if some of them are not loaded yet."""
        model = self.tab.model
        rows = sorted({index.row() for index in self.tab.table.selectionModel().selectedRows()})
        if model.counted and rows and len(rows) == model.total:
            return model.query
        ids = [model.record_id(row) for row in rows]
        if None in ids:
            self.tab.error_label.setText(self.tr("Some selected rows are not loaded yet; scroll to them "
                                                 "or select all rows (Ctrl+A)."))
            self.tab.error_label.show()
            return None
        return [i for i in ids if i is not None]

    @Slot()
    def open(self) -> FeeBatchDialog | None:
        """The batch edit dialog for the selected rows."""
        if not self.button.isEnabled():
            return None
        selection = self.selection()
        if selection is None:
            return None
        dialog = FeeBatchDialog(self.tab.database, selection, self.tab)
        dialog.applied.connect(self._applied)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    @Slot(int)
    def _applied(self, count: int) -> None:
        window = self.tab.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("Fees of %1 orders changed").replace("%1", f"{count:,}"), 8000)
        self.tab.refresh()

    @Slot()
    def refresh_totals(self) -> None:
        """Sum the rows under the current search and filters, in a worker."""
        self._generation += 1
        generation, database, query = self._generation, self.tab.database, self.tab.model.query
        start_worker(lambda _w: (generation, fees.fee_totals(database, query)),
                     on_result=self._totals_arrived, on_error=self._totals_failed, name="fee totals")

    @Slot(object)
    def _totals_arrived(self, result: tuple[int, FeeTotals]) -> None:
        generation, totals = result
        if generation != self._generation:
            return  # an older filter's sum arrived late
        self.footer.setText(self.tr("%1 orders: final price %2, received %3, outstanding %4").replace(
            "%1", f"{totals.count:,}").replace("%2", yuan(totals.final_price)).replace(
            "%3", yuan(totals.received)).replace("%4", yuan(totals.outstanding)))

    @Slot(object)
    def _totals_failed(self, error: object) -> None:
        self.footer.setText(problem_text(error))

