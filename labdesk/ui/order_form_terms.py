"""The order form's terms: contact / contract / project, urgency and surcharge, VAT, delivery,
dates and notes.

Percentages are typed as text and read as Decimal (a spin box would go through float): the
surcharge in percent (50 = +50 %), the VAT rate in percent too (6 = 6 %), stored as a fraction.
Text that is no number becomes NaN, which the pricing engine refuses with its own sentence.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services.order_drafts import URGENCY_SURCHARGE, DeliveryMethod, OrderDraft, Urgency
from labdesk.ui.card_editor import DateField

URGENCY_LABELS = {
    Urgency.NORMAL.value: N("OrderForm", "Normal"),
    Urgency.URGENT.value: N("OrderForm", "Urgent"),
    Urgency.EXPRESS.value: N("OrderForm", "Express"),
}
DELIVERY_LABELS = {
    DeliveryMethod.COLLECT.value: N("OrderForm", "Collected by the customer"),
    DeliveryMethod.POST.value: N("OrderForm", "By post"),
    DeliveryMethod.EMAIL.value: N("OrderForm", "By e-mail"),
}
HUNDRED = Decimal(100)


def tr(text: str) -> str:
    return QCoreApplication.translate("OrderForm", text)


def decimal_of(text: str) -> Decimal:
    """The typed number; NaN when it is none (the engine refuses NaN with a sentence)."""
    try:
        value = Decimal(text.strip().rstrip("%").strip() or "0")
    except InvalidOperation:
        return Decimal("NaN")
    return value if value.is_finite() else Decimal("NaN")


def plain(value: Decimal) -> str:
    """50.00 -> "50", 6.5000 -> "6.5"."""
    if not value.is_finite():
        return str(value)
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class TermsPanel(QWidget):
    changed = Signal()
    """The user changed a term."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.contact = self._combo("contact")
        self.contract = self._combo("contract")
        self.project = self._combo("project")
        self.urgency = self._combo("urgency")
        for value, label in URGENCY_LABELS.items():
            self.urgency.addItem(tr(label), value)
        self.surcharge = self._number("surcharge", self.tr("percent, e.g. 50"))
        self.vat = self._number("vat", self.tr("percent, e.g. 6"))
        self.delivery = self._combo("delivery")
        for value, label in DELIVERY_LABELS.items():
            self.delivery.addItem(tr(label), value)
        self.received = DateField(self)
        self.received.setObjectName("received")
        self.due = DateField(self)
        self.due.setObjectName("due")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 10)
        self.urgency.currentIndexChanged.connect(self._urgency_changed)
        self.received.changed.connect(self._changed)
        self.due.changed.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        rows = [
            [(self.tr("Contact:"), self.contact), (self.tr("Urgency:"), self.urgency),
             (self.tr("Received:"), self.received)],
            [(self.tr("Contract:"), self.contract), (self.tr("Surcharge %:"), self.surcharge),
             (self.tr("Due:"), self.due)],
            [(self.tr("Project:"), self.project), (self.tr("VAT %:"), self.vat),
             (self.tr("Report delivery:"), self.delivery)],
        ]
        for row, cells in enumerate(rows):
            for column, (title, widget) in enumerate(cells):
                caption = QLabel(title, self)
                caption.setBuddy(widget)
                grid.addWidget(caption, row, 2 * column)
                grid.addWidget(widget, row, 2 * column + 1)
        notes_label = QLabel(self.tr("Notes:"), self)
        notes_label.setBuddy(self.notes)
        grid.addWidget(notes_label, 3, 0)
        grid.addWidget(self.notes, 3, 1, 1, 5)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _number(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(110)
        edit.textChanged.connect(self._changed)
        return edit

    @Slot()
    def _changed(self) -> None:
        if not self._filling:
            self.changed.emit()

    @Slot()
    def _urgency_changed(self) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            self.surcharge.setText(plain(URGENCY_SURCHARGE.get(str(self.urgency.currentData()), Decimal(0))))
        finally:
            self._filling = False
        self.changed.emit()

    # -- links -----------------------------------------------------------------------------------

    def set_links(self, links: object | None, draft: OrderDraft) -> None:
        """Fill the three combos ("—" first) with the customer's links, keeping the draft's choices."""
        self._filling = True
        try:
            for combo, key, chosen, attribute in (
                (self.contact, "contact", draft.contact_id, "contacts"),
                (self.contract, "contract", draft.contract_id, "contracts"),
                (self.project, "project", draft.engineering_project_id, "projects"),
            ):
                combo.clear()
                combo.addItem("—", None)
                for link_id, label in getattr(links, attribute, []) if links is not None else []:
                    combo.addItem(label, link_id)
                if chosen is not None and combo.findData(chosen) < 0:  # not (yet) listed: keep it shown
                    combo.addItem(draft.extra.get(key, f"#{chosen}"), chosen)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
        finally:
            self._filling = False

    # -- the draft ---------------------------------------------------------------------------------

    def show_draft(self, draft: OrderDraft) -> None:
        self._filling = True
        try:
            self.set_links(None, draft)
            self.urgency.setCurrentIndex(max(self.urgency.findData(draft.urgency), 0))
            self.surcharge.setText(plain(draft.surcharge_pct))
            self.vat.setText(plain(draft.vat_rate * HUNDRED))
            self.delivery.setCurrentIndex(max(self.delivery.findData(draft.delivery_method), 0))
            self.received.set_value(draft.received_date)
            self.due.set_value(draft.due_date)
            self.notes.setPlainText(draft.notes)
        finally:
            self._filling = False

    def apply(self, draft: OrderDraft) -> OrderDraft:
        """``draft`` with the terms as they are in the widgets."""
        vat = decimal_of(self.vat.text())
        return dataclasses.replace(
            draft,
            contact_id=self.contact.currentData(),
            contract_id=self.contract.currentData(),
            engineering_project_id=self.project.currentData(),
            urgency=str(self.urgency.currentData()),
            surcharge_pct=decimal_of(self.surcharge.text()),
            vat_rate=vat / HUNDRED if vat.is_finite() else vat,
            delivery_method=str(self.delivery.currentData()),
            received_date=self.received.value(),
            due_date=self.due.value(),
            notes=self.notes.toPlainText(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for combo in (self.contact, self.contract, self.project, self.urgency, self.delivery):
            combo.setEnabled(not read_only)
        for edit in (self.surcharge, self.vat):
            edit.setReadOnly(read_only)
        self.received.set_read_only(read_only)
        self.due.set_read_only(read_only)
        self.notes.setReadOnly(read_only)
