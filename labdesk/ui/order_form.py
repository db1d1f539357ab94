"""The order form (委托单): the front desk registers a commission — customer, samples, test lines,
terms — and sees its price change live.

The form edits an :class:`~labdesk.services.order_drafts.OrderDraft`. On every change it builds the
draft and prices it on the UI thread with ``order_drafts.price_draft`` (pure, about a millisecond for
200 lines) over a catalogue and price-list snapshot loaded in a worker when the customer, contract
or received date changes. Loading, saving and every database look-up run in workers; a failed save
keeps the user's input (a conflict asks before reloading; a lost server offers Retry).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import order_drafts
from labdesk.services.order_drafts import OrderDraft
from labdesk.services.pricing import PriceBreakdown
from labdesk.ui.column_layout import ui_settings
from labdesk.ui.i18n import problem_text
from labdesk.ui.order_customer_picker import CustomerPicker
from labdesk.ui.order_form_price import MessageArea, PricePanel, problem_sentences, sentences
from labdesk.ui.order_form_tables import LinesPanel, SamplesPanel
from labdesk.ui.order_form_terms import TermsPanel
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.catalog import PricingInputs
    from labdesk.services.database import Database
    from labdesk.services.orders import CustomerLinks, SavedOrder

SETTINGS = "order_form"


class OrderFormDialog(QDialog):
    """One order, new (``order_id`` None) or stored; non-modal."""

    saved = Signal(object)
    """The order was stored (a :class:`~labdesk.services.orders.SavedOrder`)."""
    loaded = Signal()
    """The order (or a new draft) is shown and its prices are loaded."""
    priced = Signal()
    """The breakdown was recomputed (every change)."""
    conflictShown = Signal(object)  # noqa: N815 - Qt naming
    """A save met a newer version: the message box with Reload is open (the box)."""

    def __init__(
        self, database: Database, order_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderForm")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.database = database
        self.order_id = order_id
        self.base: OrderDraft | None = None  # as loaded or last saved: what "unsaved" compares with
        self.inputs: PricingInputs | None = None
        self.breakdown: PriceBreakdown | None = None
        self.last_saved: SavedOrder | None = None
        self.saving = False
        self.conflict_box: QMessageBox | None = None
        self._pricing_key: tuple[Any, ...] | None = None
        self._filling = True
        self._close_after_save = False
        self._retry_draft: OrderDraft | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.picker = CustomerPicker(database, self)
        self.picker.chosen.connect(self._customer_chosen)
        self.new_customer_button = QPushButton(self.tr("New customer…"), self)
        self.new_customer_button.setObjectName("newCustomer")
        self.new_customer_button.clicked.connect(self.new_customer)
        self.terms = TermsPanel(self)
        self.terms.changed.connect(self.refresh)
        self.samples = SamplesPanel(database, self)
        self.samples.changed.connect(self.refresh)
        self.lines = LinesPanel(database, self.samples, self)
        self.lines.changed.connect(self.refresh)
        self.samples.lines = self.lines
        self.price = PricePanel(self)
        self.messages = MessageArea(self)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retry")
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        self.print_button = QPushButton(self.tr("Print order form…"), self)
        self.print_button.setObjectName("printOrder")
        self.print_button.setToolTip("Ctrl+Shift+P")
        self.print_button.clicked.connect(self.print_order_form)
        self.labels_button = QPushButton(self.tr("Print sample labels…"), self)
        self.labels_button.setObjectName("printLabels")
        self.labels_button.clicked.connect(self.print_sample_labels)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.print_order_form)

        customer_row = QHBoxLayout()
        customer_row.addWidget(QLabel(self.tr("Customer:"), self))
        customer_row.addWidget(self.picker, 1)
        customer_row.addWidget(self.new_customer_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.samples, 2)
        left_layout.addWidget(self.lines, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.price)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 300])
        buttons = QHBoxLayout()
        for button in (self.save_button, self.retry_button, self.print_button, self.labels_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(customer_row)
        layout.addWidget(self.terms)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.messages)
        layout.addLayout(buttons)
        self._restore_layout()
        self._set_enabled()
        self.heading.setText(self.tr("Loading…"))
        self._load(order_id)

    # -- loading ---------------------------------------------------------------------------------

    def _load(self, order_id: int | None) -> None:
        database = self.database

        def load(_worker: Any) -> tuple[OrderDraft, list[Any]]:
            from labdesk.services import orders

            if order_id is None:
                return orders.new_draft(database), orders.sample_types(database)
            draft = orders.load_draft(database, order_id)
            return draft, orders.sample_types(database)

        start_worker(load, on_result=self._draft_arrived, on_error=self._load_failed, name="load order")

    @Slot()
    def reload(self) -> None:
        """Drop the input and show the order as stored now (after a conflict)."""
        self.inputs, self._pricing_key = None, None
        self.heading.setText(self.tr("Loading…"))
        self._load(self.order_id)

    @Slot(object)
    def _draft_arrived(self, answer: tuple[OrderDraft, list[Any]]) -> None:
        draft, types = answer
        self.samples.set_types(types)
        self.show_draft(draft)

    @Slot(object)
    def _load_failed(self, error: object) -> None:
        self.heading.setText(self.tr("The order could not be opened"))
        self.messages.show_messages([problem_text(error)])

    def show_draft(self, draft: OrderDraft) -> None:
        """Show ``draft`` as the form's new starting point (loaded, saved or reloaded)."""
        self._filling = True
        try:
            self.base = draft
            self.order_id = draft.order_id
            self.picker.set_customer(draft.customer_id, draft.customer_name)
            self.terms.show_draft(draft)
            self.samples.model.set_samples(draft.samples)
            self.lines.model.set_lines(draft.lines)
            self.lines.model.set_samples(draft.samples)
            read_only = not draft.editable
            self.picker.set_read_only(read_only)
            self.terms.set_read_only(read_only)
            self.samples.set_read_only(read_only)
            self.lines.set_read_only(read_only)
        finally:
            self._filling = False
        self._show_heading(draft)
        self._set_enabled()
        if draft.customer_id is not None:
            self._load_links(draft.customer_id)
        self.refresh()

    def _show_heading(self, draft: OrderDraft) -> None:
        if draft.order_id is None:
            title = self.tr("New order")
        else:
            title = self.tr("Order %1").replace("%1", draft.order_no or "—")
        from labdesk.services.ledgers.registry import get_ledger
        from labdesk.ui.i18n import translate

        style = get_ledger("orders").statuses.get(draft.status)
        status = translate("Status", style.label) if style else draft.status
        self.heading.setText(f"{title} · {status}")
        self.setWindowTitle(title)

    @Slot(object)
    def _customer_chosen(self, chosen: tuple[int, str] | None) -> None:
        # Another customer's contact, contract and project do not carry over.
        unlinked = dataclasses.replace(
            self.current_draft(), contact_id=None, contract_id=None, engineering_project_id=None
        )
        self.terms.set_links(None, unlinked)
        if chosen is not None:
            self._load_links(chosen[0])
        self.refresh()

    def _load_links(self, customer_id: int) -> None:
        database = self.database

        def links(_worker: Any) -> tuple[int, CustomerLinks]:
            from labdesk.services import orders

            return customer_id, orders.customer_links(database, customer_id)

        start_worker(links, on_result=self._links_arrived, on_error=self._show_error, name="customer links")

    @Slot(object)
    def _links_arrived(self, answer: tuple[int, CustomerLinks]) -> None:
        customer_id, links = answer
        if customer_id == self.picker.customer_id:
            self.terms.set_links(links, self.current_draft())
            self.refresh()

    @Slot()
    def new_customer(self) -> QDialog:
        """The customer card for a new record; once saved, it becomes this order's customer."""
        from labdesk.ui.card_edit_panel import NewRecordDialog

        dialog = NewRecordDialog("customers", self.tr("New customer"), self.database, self)
        dialog.created.connect(self._customer_created)
        dialog.show()
        self.customer_dialog = dialog
        return dialog

    @Slot(object)
    def _customer_created(self, saved: Any) -> None:
        # Saved carries id, version and code only: the name is read back (a search by code finds it).
        database, code = self.database, saved.number or ""
        customer_id = saved.record_id

        def find(_worker: Any) -> Any:
            from labdesk.services import orders

            return next((c for c in orders.find_customers(database, code) if c.id == customer_id), None)

        start_worker(find, on_result=self._new_customer_found, on_error=self._show_error, name="new customer")

    @Slot(object)
    def _new_customer_found(self, choice: Any) -> None:
        if choice is not None and self.base is not None and self.base.editable:
            self.picker.choose(choice)

    # -- the draft and its price -----------------------------------------------------------------

    def current_draft(self) -> OrderDraft:
        """The draft as the widgets hold it now."""
        base = self.base or OrderDraft()
        draft = dataclasses.replace(
            base,
            customer_id=self.picker.customer_id,
            customer_name=self.picker.customer_name,
            samples=self.samples.model.samples(),
            lines=self.lines.model.lines(),
        )
        return self.terms.apply(draft)

    def is_dirty(self) -> bool:
        return self.base is not None and self.base.editable and self.current_draft() != self.base

    @Slot()
    def refresh(self) -> None:
        """Re-price on every change; reload the pricing snapshot when what selects it changed."""
        if self._filling or self.base is None:
            return
        draft = self.current_draft()
        key = (draft.customer_id, draft.contract_id, order_drafts.pricing_day(draft))
        if key != self._pricing_key:
            self._pricing_key = key
            self._load_pricing(*key)
        self.lines.model.set_samples(draft.samples)
        self.breakdown = order_drafts.price_draft(self.inputs, draft) if self.inputs is not None else None
        self.price.show_breakdown(self.breakdown)
        self.lines.model.show_breakdown(self.breakdown)
        self._show_problems(draft)
        self._set_enabled()
        self.priced.emit()

    def _load_pricing(self, customer_id: int | None, contract_id: int | None, day: Any) -> None:
        database, key = self.database, (customer_id, contract_id, day)

        def load(_worker: Any) -> tuple[tuple[Any, ...], PricingInputs]:
            from labdesk.services import catalog

            return key, catalog.load_pricing(database, customer_id, contract_id, day)

        start_worker(load, on_result=self._pricing_arrived, on_error=self._show_error, name="order pricing")

    @Slot(object)
    def _pricing_arrived(self, answer: tuple[tuple[Any, ...], PricingInputs]) -> None:
        key, inputs = answer
        if key != self._pricing_key:
            return  # the customer, contract or date changed again meanwhile
        first = self.inputs is None
        self.inputs = inputs
        self.lines.model.set_catalogue(inputs.catalogue)
        self.refresh()
        if first:
            self.loaded.emit()

    def _show_problems(self, draft: OrderDraft, news: list[str] | None = None) -> None:
        if not draft.editable:
            self.messages.show_messages([], [], news or [])
            return
        errors, warnings = problem_sentences(self.breakdown, self.tr("Line %1:"))
        refusals = sentences(order_drafts.draft_problems(draft))
        self.messages.show_messages(refusals + errors, warnings, news or [])

    def _set_enabled(self) -> None:
        editable = self.base is not None and self.base.editable
        stored = self.base is not None and self.base.order_id is not None
        self.save_button.setEnabled(editable and not self.saving and self.inputs is not None)
        self.new_customer_button.setEnabled(editable)
        self.print_button.setEnabled(stored and not self.saving)
        self.labels_button.setEnabled(stored and not self.saving and any(
            s.sample_no for s in (self.base.samples if self.base else ())))

    @Slot(object)
    def _show_error(self, error: object) -> None:
        self.messages.show_messages([problem_text(error)])

    # -- saving ----------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Store the draft in a worker (Ctrl+S)."""
        if self.saving or self.base is None or not self.base.editable:
            return
        self._start_save(self.current_draft())

    @Slot()
    def retry(self) -> None:
        """Repeat the save that met a lost server, with the input as it is now."""
        self.retry_button.hide()
        self.save()

    def _start_save(self, draft: OrderDraft) -> None:
        from labdesk.ui.order_form_saving import run_save

        self.saving = True
        self._set_enabled()
        self.messages.show_messages([], [], [self.tr("Saving…")])
        run_save(self, draft)

    def save_succeeded(self, saved: SavedOrder, draft: OrderDraft) -> None:
        self.saving = False
        self.last_saved = saved
        self.show_draft(draft)
        numbers = ", ".join(s.sample_no for s in draft.samples if s.sample_no)
        news = self.tr("Saved as order %1.").replace("%1", saved.order_no or "—")
        if numbers:
            news += " " + self.tr("Sample numbers: %1.").replace("%1", numbers)
        self._show_problems(draft, [news])
        self.saved.emit(saved)
        if self._close_after_save:
            self._close_after_save = False
            self.close()

    def save_failed(self, sentences_shown: list[str], *, retry: bool = False) -> None:
        self.saving = False
        self._close_after_save = False
        self._set_enabled()
        self.retry_button.setVisible(retry)
        self.messages.show_messages(sentences_shown)

    # -- printing --------------------------------------------------------------------------------

    @Slot()
    def print_order_form(self) -> None:
        """The order form as a PDF (Ctrl+Shift+P); once the order is stored."""
        if self.base is None or self.base.order_id is None or not self.print_button.isEnabled():
            return
        from labdesk.ui.order_pdf import export_order_form  # written alongside; loads reportlab lazily

        export_order_form(self, self.database, self.base.order_id)

    @Slot()
    def print_sample_labels(self) -> QDialog | None:
        """The label dialog for the order's numbered samples (the Orders tab's sample labels)."""
        codes = [s.sample_no for s in (self.base.samples if self.base else ()) if s.sample_no]
        if not codes:
            return None
        from labdesk.ui.label_print_dialog import LabelPrintDialog
        from labdesk.ui.ledger_view import CHILD_LABEL_KINDS

        dialog = LabelPrintDialog(self.database, CHILD_LABEL_KINDS["orders"], codes, self)
        dialog.show()
        self.label_dialog = dialog
        return dialog

    # -- leaving ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Close and the window's close button (QDialog's closeEvent calls this): asks Save /
        Discard / Cancel when there are unsaved changes."""
        if self.is_dirty() and not self.saving:
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this order before closing?"),
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if answer == buttons.Cancel:
                return
            if answer == buttons.Save:
                self._close_after_save = True  # closes once the save went through
                self.save()
                return
        self._save_layout()
        super().reject()

    def _restore_layout(self) -> None:
        settings = ui_settings()
        geometry = settings.value(f"{SETTINGS}/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 820)
        for name, table in (("samples", self.samples.table), ("lines", self.lines.table)):
            state = settings.value(f"{SETTINGS}/{name}_header")
            if isinstance(state, QByteArray):
                table.horizontalHeader().restoreState(state)

    def _save_layout(self) -> None:
        settings = ui_settings()
        settings.setValue(f"{SETTINGS}/geometry", self.saveGeometry())
        settings.setValue(f"{SETTINGS}/samples_header", self.samples.table.horizontalHeader().saveState())
        settings.setValue(f"{SETTINGS}/lines_header", self.lines.table.horizontalHeader().saveState())
        settings.sync()
