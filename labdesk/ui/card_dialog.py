"""A record's read-only card: every field of its ledger row, and a table per detail section."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.services import workspace
from labdesk.services.audit import AuditEntry
from labdesk.services.ledgers.cards import Card, CardDetail
from labdesk.services.ledgers.formatting import NO, YES, code_label, display_text, local_time
from labdesk.services.ledgers.registry import all_ledgers
from labdesk.services.ledgers.spec import LedgerSpec
from labdesk.ui.card_attachments import AttachmentsTab, add_attachments_tab
from labdesk.ui.card_edit_panel import EditPanel, is_editable
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
    edited = Signal()
    """The user saved changes to the record and the card shows them again."""

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
        self.database, self.buttons = database, buttons
        self.edit_panel: EditPanel | None = None  # shown instead of the fields while editing
        self.edit_button: QPushButton | None = None
        if is_editable(spec.name):
            self.edit_button = self.add_action_button(self.tr("Edit"), self.start_editing)
            self.edit_button.setObjectName("edit")
            self.edit_button.setEnabled(False)  # until the card has arrived
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.form_holder)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.details.setVisible(bool(spec.details))
        self.resize(760, 640)
        self.history: list[AuditEntry] | None = None
        self.attachments: AttachmentsTab | None = None  # for ledgers with attachment_desk.PLACES
        start_worker(lambda _w: _read_card(database, spec, record_id), on_result=self._arrived,
                     name=f"card {spec.name} {record_id}")

    @Slot(object)
    def _arrived(self, loaded: tuple[Card, list[AuditEntry] | None] | BaseException) -> None:
        if isinstance(loaded, BaseException):
            card: Card | BaseException = loaded
        else:
            card, self.history = loaded
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
        self.attachments = add_attachments_tab(self.details, self.spec.name, self.database, self.record_id)
        self._show_history()
        self.details.setVisible(self.details.count() > 0)
        if self.edit_button is not None:
            self.edit_button.setEnabled(True)
        self.loaded.emit()

    def _show_history(self) -> None:
        """Add the History tab, or replace it in place after a save (it lists the new change)."""
        if self.history is None:  # None: this login may not read the audit trail
            return
        old = self.details.findChild(QTableWidget, "history")  # before the new one is made: same name
        history = history_table(self.spec, self.history, self.details)
        title = self.tr("History (%1)").replace("%1", str(len(self.history)))
        if old is None:
            self.details.addTab(history, title)
            return
        index = self.details.indexOf(old)
        self.details.removeTab(index)
        old.setParent(None)  # so that findChild finds the new table at once
        old.deleteLater()
        self.details.insertTab(index, history, title)

    # -- editing (labdesk.ui.card_edit_panel) and action buttons ------------------------------------

    def add_action_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """Add a button to the card's button row (Edit, and workflow actions such as "Request
        repair"); ``slot`` runs when it is clicked. Returns the button (to enable or hide it)."""
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    @Slot()
    def start_editing(self) -> EditPanel:
        """Show the editable form in place of the fields (Ctrl+S saves, Esc asks before discarding)."""
        if self.edit_panel is None:
            self.edit_panel = EditPanel(self.spec.name, self.database, self.record_id, self)
            self.edit_panel.saved.connect(self._edit_saved)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.form_holder) + 1, self.edit_panel)
            self.form_holder.hide()
            if self.edit_button is not None:
                self.edit_button.hide()
        return self.edit_panel

    @Slot(object)
    def _edit_saved(self, _saved: object) -> None:
        start_worker(lambda _w: _read_card(self.database, self.spec, self.record_id),
                     on_result=self._refreshed, name=f"card {self.spec.name} {self.record_id}")

    @Slot(object)
    def _refreshed(self, loaded: tuple[Card, list[AuditEntry] | None] | BaseException) -> None:
        """Back to the read-only fields, showing what was saved."""
        if isinstance(loaded, BaseException) or self.edit_panel is None:
            return
        self.card, self.history = loaded
        self._show_history()
        for column, value in self.card.fields:
            label = self.form_holder.findChild(QLabel, f"field_{column.key}")
            if label is not None:
                label.setText(display_text(self.spec, column, value, translate))
        self.edit_panel.deleteLater()
        self.edit_panel = None
        self.form_holder.show()
        if self.edit_button is not None:
            self.edit_button.show()
        self.edited.emit()

    @Slot()
    def reject(self) -> None:
        """Esc or Close: asks first when the card has unsaved input."""
        if self.edit_panel is None or self.edit_panel.may_discard():
            super().reject()


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


_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("CardDialog", "Created"),
    "update": QT_TRANSLATE_NOOP("CardDialog", "Changed"),
    "delete": QT_TRANSLATE_NOOP("CardDialog", "Deleted"),
}


def history_table(spec: LedgerSpec, entries: list[AuditEntry], parent: QWidget) -> QTableWidget:
    """The record's audit entries, newest first: one line per changed field."""
    headers = (
        QT_TRANSLATE_NOOP("CardDialog", "When"),
        QT_TRANSLATE_NOOP("CardDialog", "Action"),
        QT_TRANSLATE_NOOP("CardDialog", "User"),
        QT_TRANSLATE_NOOP("CardDialog", "Field"),
        QT_TRANSLATE_NOOP("CardDialog", "Old value"),
        QT_TRANSLATE_NOOP("CardDialog", "New value"),
    )
    titles = {c.key: QCoreApplication.translate("Ledger", c.title) for c in spec.columns}
    lines: list[tuple[str, ...]] = []
    for entry in entries:
        who = entry.app_user or entry.db_user
        if entry.app_user and entry.app_user != entry.db_user:
            who = f"{entry.app_user} ({entry.db_user})"
        head = (detail_text("", entry.at), QCoreApplication.translate("CardDialog", _ACTIONS.get(entry.action,
                entry.action)), who)
        changes = entry.changes or ()
        if not changes:
            lines.append((*head, "", "", ""))
        for n, change in enumerate(changes):
            field = titles.get(change.field, change.field)
            lines.append((*(head if n == 0 else ("", "", "")), field, _value_text(change.old),
                          _value_text(change.new)))
    table = QTableWidget(len(lines), len(headers), parent)
    table.setObjectName("history")
    table.setHorizontalHeaderLabels([QCoreApplication.translate("CardDialog", h) for h in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    for r, line in enumerate(lines):
        for c, text in enumerate(line):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _value_text(value: Any) -> str:
    """An audited value as stored (JSON): binary as its size and digest, text as it is."""
    if value is None:
        return ""
    if isinstance(value, dict) and "sha256" in value:
        return f"{value.get('size')} B, SHA-256 {str(value['sha256'])[:16]}…"
    if isinstance(value, bool):
        return translate("Ledger", YES if value else NO)
    return str(value)


def _read_card(
    database: Database, spec: LedgerSpec, record_id: int
) -> tuple[Card, list[AuditEntry] | None] | BaseException:
    try:
        card = workspace.card(database, spec, record_id)
        return card, workspace.record_history(database, spec.name, record_id)
    except Exception as error:  # noqa: BLE001 - shown in the dialog as one sentence
        return error


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
