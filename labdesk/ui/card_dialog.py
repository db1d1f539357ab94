"""A record's read-only card: every field of its ledger row, and a table per detail section."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labdesk.services import workspace
from labdesk.services.ledgers.cards import Card, CardDetail
from labdesk.services.ledgers.formatting import NO, YES, code_label, display_text, local_time
from labdesk.services.ledgers.registry import all_ledgers
from labdesk.services.ledgers.spec import LedgerSpec
from labdesk.ui.i18n import translate
from labdesk.ui.ledger_model import describe_error
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database

_STATUS_HEADERS = ("Status",)
_CODE_HEADERS = ("Result", "Channel", "Method", "Action", "Step", "Decision")


@cache
def _status_labels() -> dict[str, str]:
    """Every ledger's status keys -> English label (detail lists show other ledgers' statuses)."""
    labels: dict[str, str] = {}
    for spec in all_ledgers():
        for key, style in spec.statuses.items():
            labels.setdefault(key, style.label)
    return labels


def detail_text(header: str, value: Any) -> str:
    """A detail cell as the user reads it: ISO dates, local times, 2-place decimals, Yes/No."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("Ledger", YES if value else NO)
    if isinstance(value, dt.datetime):
        shown = local_time(value) if value.tzinfo is not None else value
        return shown.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if header in _STATUS_HEADERS and str(value) in _status_labels():
        return translate("Status", _status_labels()[str(value)])
    if header in _CODE_HEADERS or header in _STATUS_HEADERS:
        return code_label(value, translate)
    return str(value)


class CardDialog(QDialog):
    """Opens at once with "Loading…" and fills itself when the card arrives from a worker."""

    loaded = Signal()
    """The card arrived and is shown."""
    failed = Signal(str)
    """The card could not be read; the reason is shown in the dialog."""

    def __init__(
        self, spec: LedgerSpec, database: Database, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.record_id = record_id
        self.card: Card | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setWindowTitle(QCoreApplication.translate("Ledger", spec.record_title))
        self.setObjectName(f"card_{spec.name}")
        self.status_label = QLabel(self.tr("Loading…"), self)
        self.form_holder = QWidget(self)
        self.form = QGridLayout(self.form_holder)  # label, value | label, value: two columns of fields
        self.form.setHorizontalSpacing(12)
        self.form.setColumnStretch(1, 1)
        self.form.setColumnStretch(3, 1)
        self.details = QTabWidget(self)
        self.details.setObjectName("details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.form_holder)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.details.setVisible(bool(spec.details))
        self.resize(760, 640)
        start_worker(lambda _w: _read_card(database, spec, record_id), on_result=self._arrived,
                     name=f"card {spec.name} {record_id}")

    @Slot(object)
    def _arrived(self, card: Card | BaseException) -> None:
        if isinstance(card, BaseException):
            message = describe_error(card)
            self.status_label.setText(message)
            self.status_label.setStyleSheet("color: #c0392b;")
            self.failed.emit(message)
            return
        self.card = card
        title = QCoreApplication.translate("Ledger", self.spec.record_title)
        self.setWindowTitle(f"{title} {card.number}")
        self.status_label.setText(f"<b>{_escape(title)} {_escape(card.number)}</b>")
        half = (len(card.fields) + 1) // 2
        for position, (column, value) in enumerate(card.fields):
            row, pair = position % half, 2 * (position // half)
            name = QLabel(QCoreApplication.translate("Ledger", column.title) + ":", self.form_holder)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name.setStyleSheet("color: #505050;")
            text = QLabel(display_text(self.spec, column, value, translate), self.form_holder)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            text.setObjectName(f"field_{column.key}")
            self.form.addWidget(name, row, pair)
            self.form.addWidget(text, row, pair + 1)
        for detail in card.details:
            table = detail_table(detail, self.details)
            label = QCoreApplication.translate("Card", detail.section.title)
            self.details.addTab(table, f"{label} ({len(detail.rows)})")
        self.loaded.emit()


def detail_table(detail: CardDetail, parent: QWidget) -> QTableWidget:
    """A read-only table of one detail section, headers translated in context "Card"."""
    headers = detail.section.headers
    table = QTableWidget(len(detail.rows), len(headers), parent)
    table.setHorizontalHeaderLabels([QCoreApplication.translate("Card", h) for h in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    for r, row in enumerate(detail.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(detail_text(headers[c], value))
            if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _read_card(database: Database, spec: LedgerSpec, record_id: int) -> Card | BaseException:
    try:
        return workspace.card(database, spec, record_id)
    except Exception as error:  # noqa: BLE001 - shown in the dialog as one sentence
        return error


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
