"""An instrument's workflow at a glance, and its steps: repair, calibration, loan, out of service, retire.

``InstrumentActionsDialog`` shows the instrument's status, calibration due date (a red warning when it is
overdue: ISO/IEC 17025 §6.4 forbids using it), open repair or loan, its recent history and one button per
step the user's job roles allow from the current status. A button opens that step's form
(``instrument_forms.ActionForm``); when the step is taken the dialog shows the new state. The scan dock
opens the same dialog for a scanned code. ``ActionsEntry`` puts it on the Instruments tab: an
"Actions…" button, the rows' context menu and Ctrl+Shift+A (Ctrl+E is the export).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.services import instrument_desk as desk
from labdesk.services.ledgers.formatting import local_time, status_label
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.instrument_forms import STEP_TITLES, ActionForm
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QBoxLayout

    from labdesk.services.database import Database
    from labdesk.services.instrument_desk import InstrumentSummary
    from labdesk.ui.ledger_view import LedgerTab

RED = "#c0392b"
# History rows by the action taken ("change_status" is how older data and the demo record a change).
HISTORY_ACTIONS: dict[str, str] = {
    "request_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Repair requested"),
    "start_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Repair started"),
    "finish_repair": QT_TRANSLATE_NOOP("InstrumentActions", "Repaired, back in service"),
    "finish_repair_out_of_service": QT_TRANSLATE_NOOP("InstrumentActions", "Repaired, not back in service"),
    "send_for_calibration": QT_TRANSLATE_NOOP("InstrumentActions", "Sent for calibration"),
    "record_calibration": QT_TRANSLATE_NOOP("InstrumentActions", "Calibrated: pass"),
    "record_failed_calibration": QT_TRANSLATE_NOOP("InstrumentActions", "Calibrated: fail"),
    "take_out_of_service": QT_TRANSLATE_NOOP("InstrumentActions", "Taken out of service"),
    "return_to_service": QT_TRANSLATE_NOOP("InstrumentActions", "Returned to service"),
    "lend": QT_TRANSLATE_NOOP("InstrumentActions", "Lent"),
    "return_loan": QT_TRANSLATE_NOOP("InstrumentActions", "Loan returned"),
    "retire": QT_TRANSLATE_NOOP("InstrumentActions", "Retired"),
    "change_status": QT_TRANSLATE_NOOP("InstrumentActions", "Status changed"),
}


def _status(key: str | None) -> str:
    return status_label(get_ledger("instruments"), key, translate) if key else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class InstrumentActionsDialog(QDialog):
    """See the module docstring. Opens at once and fills itself when the summary arrives."""

    loaded = Signal()
    """A summary arrived and is shown (after opening, a reload or a step)."""
    changed = Signal(object)
    """A step was taken: the InstrumentSummary after it (the ledger refreshes its rows)."""
    failed = Signal(str)
    """The instrument could not be read; the sentence shown."""
    formOpened = Signal(object)  # noqa: N815 - Qt naming
    """A step's form was opened (the ActionForm)."""

    def __init__(self, database: Database, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.code = database, code
        self.summary: InstrumentSummary | None = None
        self.form: ActionForm | None = None
        self.setObjectName("instrumentActions")
        self.setWindowTitle(self.tr("Instrument %1").replace("%1", code))
        self.heading = QLabel(f"<b>{_escape(code)}</b>", self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        fields = self.field_rows = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, title in (("status", self.tr("Status:")), ("model", self.tr("Model:")),
                           ("location", self.tr("Location:")), ("custodian", self.tr("Custodian:")),
                           ("calibration", self.tr("Calibration:")), ("state", self.tr("Now:"))):
            label = QLabel(self)
            label.setObjectName(f"field_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fields.addRow(title, label)
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
        steps = QHBoxLayout()
        for step, title in STEP_TITLES.items():
            button = QPushButton(translate("InstrumentActions", title) + "…", self)
            button.setObjectName(f"step_{step}")
            button.clicked.connect(lambda _checked=False, step=step: self.open_form(step))
            button.hide()
            steps.addWidget(button)
            self.action_buttons[step] = button
        steps.addStretch(1)
        self.no_actions = QLabel(self.tr("Your job roles allow no step from this status."), self)
        self.no_actions.setStyleSheet("color: #505050;")
        self.no_actions.hide()
        steps.insertWidget(0, self.no_actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(fields)
        layout.addLayout(steps)
        layout.addWidget(QLabel(self.tr("History (newest first):"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(close)
        self.resize(860, 560)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the instrument again (after a refusal, someone else may have moved it)."""
        database, code = self.database, self.code
        start_worker(lambda _w: desk.instrument_summary(database, code), on_result=self.show_summary,
                     on_error=self._load_failed, name=f"instrument {code}")

    @Slot(object)
    def _load_failed(self, error: object) -> None:
        text = problem_text(error)
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.show()
        for button in self.action_buttons.values():
            button.hide()
        self.failed.emit(text)

    @Slot(object)
    def show_summary(self, summary: InstrumentSummary) -> None:
        self.summary = summary
        self.heading.setText(f"<b>{_escape(summary.code)}</b> {_escape(summary.name)}")
        style = get_ledger("instruments").statuses.get(summary.status)
        color = style.color if style else "#000000"
        self.fields["status"].setText(f'<b style="color:{color}">{_escape(_status(summary.status))}</b>')
        self.fields["model"].setText(summary.model or "")
        self.fields["location"].setText(summary.location or "")
        self.fields["custodian"].setText(summary.custodian or "")
        self.fields["calibration"].setText(self._calibration_text(summary))
        state = self._state_text(summary)
        self.fields["state"].setText(state)
        self.field_rows.setRowVisible(self.fields["state"], bool(state))
        if summary.overdue and summary.next_due_date is not None:
            warning = self.tr("Calibration overdue since %1: this instrument must not be used until it is "
                              "calibrated.")
            self.message.setText(warning.replace("%1", summary.next_due_date.isoformat()))
            self.message.setStyleSheet(f"color: {RED}; font-weight: bold;")
            self.message.show()
        else:
            self.message.hide()
        for step, button in self.action_buttons.items():
            button.setVisible(step in summary.actions)
        self.no_actions.setVisible(not summary.actions)
        self._fill_history(summary)
        self.loaded.emit()

    def _calibration_text(self, summary: InstrumentSummary) -> str:
        last = summary.last_calibration_date.isoformat() if summary.last_calibration_date else "—"
        due = summary.next_due_date.isoformat() if summary.next_due_date else "—"
        text = _escape(self.tr("last %1, due %2").replace("%1", last).replace("%2", due))
        return f'<span style="color:{RED}">{text}</span>' if summary.overdue else text

    def _state_text(self, summary: InstrumentSummary) -> str:
        if summary.loan is not None:
            due = summary.loan.due_back.isoformat() if summary.loan.due_back else "—"
            return _escape(self.tr("lent to %1, due back %2").replace("%1", summary.loan.borrower)
                           .replace("%2", due))
        if summary.repair is not None:
            reported = local_time(summary.repair.reported_at).strftime("%Y-%m-%d")
            text = self.tr("fault reported %1 by %2: %3").replace("%1", reported).replace(
                "%2", summary.repair.reporter or "—").replace("%3", summary.repair.fault)
            if summary.repair.started_at is None:
                text += " " + self.tr("(repair not started)")
            return _escape(text)
        return ""

    def _fill_history(self, summary: InstrumentSummary) -> None:
        self.history.setRowCount(len(summary.history))
        for r, row in enumerate(summary.history):
            label = HISTORY_ACTIONS.get(row.action)
            cells = (
                local_time(row.at).strftime("%Y-%m-%d %H:%M"),
                translate("InstrumentActions", label) if label else row.action,
                f"{_status(row.from_state)} → {_status(row.to_state)}" if row.from_state
                else _status(row.to_state),
                row.who,
                (row.comment or "").replace("\n", " · "),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and row.comment:
                    item.setToolTip(row.comment)
                self.history.setItem(r, c, item)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setStretchLastSection(True)

    def open_form(self, step: str) -> ActionForm | None:
        """Open the form of ``step`` (None until the instrument has been read)."""
        if self.summary is None:
            return None
        if self.form is not None and self.form.isVisible():
            self.form.close()
        form = ActionForm(self.database, self.summary, step, self)
        form.succeeded.connect(self._step_taken)
        form.failed.connect(self.reload)  # someone may have moved the instrument meanwhile
        self.form = form
        form.open()
        self.formOpened.emit(form)
        return form

    @Slot(object)
    def _step_taken(self, summary: InstrumentSummary) -> None:
        self.show_summary(summary)
        self.changed.emit(summary)


class ActionsEntry:
    """The Instruments tab's way in: an "Actions…" button, the rows' context menu, Ctrl+Shift+A."""

    LEDGERS = frozenset({"instruments"})

    def __init__(self, tab: LedgerTab, bar: QBoxLayout) -> None:
        self.tab = tab
        self.dialogs: list[InstrumentActionsDialog] = []
        self.menu: QMenu | None = None
        self.button = QPushButton(QCoreApplication.translate("InstrumentActions", "Actions…"), tab)
        self.button.setObjectName("instrumentActions")
        self.button.setToolTip(QCoreApplication.translate(
            "InstrumentActions", "Repair, calibration, loan … of the selected instrument (Ctrl+Shift+A)"))
        self.button.clicked.connect(self.open)
        bar.addWidget(self.button)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), tab)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open)
        tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tab.table.customContextMenuRequested.connect(self._menu)

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self.tab.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions = menu.addAction(QCoreApplication.translate("InstrumentActions", "Actions…"))
        actions.setShortcut(QKeySequence("Ctrl+Shift+A"))
        actions.triggered.connect(self.open)
        card = menu.addAction(QCoreApplication.translate("InstrumentActions", "Open card"))
        card.triggered.connect(self.tab.open_current)
        labels = menu.addAction(QCoreApplication.translate("InstrumentActions", "Print labels…"))
        labels.triggered.connect(self.tab.print_labels)
        self.menu = menu
        menu.popup(self.tab.table.viewport().mapToGlobal(position))

    def open(self) -> InstrumentActionsDialog | None:
        """The actions dialog of the current row's instrument."""
        row = self.tab.table.currentIndex().row()
        code = self.tab.model.record_code(row) if row >= 0 else None
        if code is None:
            self.tab.error_label.setText(QCoreApplication.translate("InstrumentActions",
                                                                    "Select an instrument first."))
            self.tab.error_label.show()
            return None
        dialog = InstrumentActionsDialog(self.tab.database, code, self.tab)
        dialog.changed.connect(lambda _summary: self.tab.refresh())  # the row shows the new status
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog
