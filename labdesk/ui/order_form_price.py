"""The order form's price breakdown panel and its message area (re-drawn on every change).

The panel only shows a :class:`~labdesk.services.pricing.PriceBreakdown`; the form computes it with
``order_drafts.price_draft`` on the UI thread (pure, about a millisecond for 200 lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from labdesk.services.pricing import PriceBreakdown, Severity
from labdesk.services.problems import Problem
from labdesk.ui.i18n import problem_text

ERROR_COLOUR = "#c0392b"
WARNING_COLOUR = "#b9770e"


def yuan(amount: Decimal) -> str:
    """An amount as the lab writes it: ¥1,234.50 (the fee dialog's format)."""
    from labdesk.ui.fee_batch_dialog import yuan as fee_yuan

    return fee_yuan(amount)


def percent(value: Decimal) -> str:
    """50.00 -> "50%", 12.50 -> "12.5%" (no trailing zeros: it is a rate, not money)."""
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}".rstrip("0")
    return f"{text}%"


class PricePanel(QFrame):
    """List price, discount (and the price list), subtotal, surcharge, VAT and total, in yuan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pricePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list_price = self._value("listPrice")
        self.discount = self._value("discount")
        self.price_list = QLabel(self)
        self.price_list.setObjectName("priceList")
        self.price_list.setWordWrap(True)
        self.price_list.setStyleSheet("color: #555;")
        self.subtotal = self._value("subtotal")
        self.surcharge = self._value("surcharge")
        self.surcharge_title = QLabel(self.tr("Urgency surcharge:"), self)
        self.tax = self._value("tax")
        self.tax_title = QLabel(self.tr("VAT:"), self)
        self.total = self._value("total")
        self.total.setStyleSheet("font-weight: bold; font-size: 15px;")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("List price:"), self.list_price)
        form.addRow(self.tr("Discount:"), self.discount)
        form.addRow("", self.price_list)
        form.addRow(self.tr("Subtotal:"), self.subtotal)
        form.addRow(self.surcharge_title, self.surcharge)
        form.addRow(self.tax_title, self.tax)
        total_title = QLabel(self.tr("Total:"), self)
        total_title.setStyleSheet("font-weight: bold;")
        form.addRow(total_title, self.total)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Price"), self)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
        self.show_breakdown(None)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_breakdown(self, breakdown: PriceBreakdown | None) -> None:
        """Show ``breakdown``; None (prices not loaded yet) shows dashes."""
        if breakdown is None:
            for label in (self.list_price, self.discount, self.subtotal, self.surcharge, self.tax):
                label.setText("—")
            self.total.setText("—")
            self.price_list.setText("")
            return
        self.list_price.setText(yuan(breakdown.list_price))
        discount = breakdown.discount_amount
        self.discount.setText("−" + yuan(discount) if discount else yuan(Decimal(0)))
        if breakdown.price_list is not None:
            self.price_list.setText(
                self.tr("Price list: %1 (%2 off)")
                .replace("%1", breakdown.price_list.name)
                .replace("%2", percent(breakdown.price_list.discount_pct))
            )
        else:
            self.price_list.setText(self.tr("No price list: catalogue prices"))
        self.subtotal.setText(yuan(breakdown.subtotal))
        self.surcharge_title.setText(
            self.tr("Urgency surcharge (%1):").replace("%1", percent(breakdown.surcharge_pct))
        )
        self.surcharge.setText(yuan(breakdown.surcharge_amount))
        self.tax_title.setText(self.tr("VAT (%1):").replace("%1", percent(breakdown.vat_rate * 100)))
        self.tax.setText(yuan(breakdown.tax_amount))
        self.total.setText(yuan(breakdown.final_price))


class MessageArea(QLabel):
    """The form's problems, one sentence a line: errors red, warnings amber, news plain."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messages")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentences: list[str] = []

    def show_messages(
        self, errors: Sequence[str], warnings: Sequence[str] = (), news: Sequence[str] = ()
    ) -> None:
        self.sentences = [*errors, *warnings, *news]
        parts = [f'<span style="color:{ERROR_COLOUR}">{_html(s)}</span>' for s in errors]
        parts += [f'<span style="color:{WARNING_COLOUR}">{_html(s)}</span>' for s in warnings]
        parts += [_html(s) for s in news]
        self.setText("<br>".join(parts))
        self.setVisible(bool(parts))


def _html(text: str) -> str:
    """Hostile text (a customer name in a sentence) shown literally, control characters as �."""
    cleaned = "".join(c if c.isprintable() or c == " " else "\ufffd" for c in text)
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def problem_sentences(breakdown: PriceBreakdown | None, line_label: str) -> tuple[list[str], list[str]]:
    """The breakdown's problems as (errors, warnings) sentences; a line's starts with ``line_label``
    where %1 is the 1-based line number."""
    errors: list[str] = []
    warnings: list[str] = []
    if breakdown is None:
        return errors, warnings
    for found in breakdown.problems:
        text = problem_text(found.problem)
        if found.line is not None:
            text = line_label.replace("%1", str(found.line + 1)) + " " + text
        (errors if found.severity is Severity.ERROR else warnings).append(text)
    return errors, warnings


def sentences(problems: list[Problem]) -> list[str]:
    return [problem_text(p) for p in problems]
