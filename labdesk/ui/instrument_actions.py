"""An instrument's workflow at a glance, and its steps: repair, calibration, loan, out of service, retire.

``InstrumentActionsDialog`` shows the instrument's status, calibration due date (a red warning when it is
overdue: ISO/IEC 17025 §6.4 forbids using it), open repair or loan, its recent history and one button per
step the user's job roles allow from the current status. A button opens that step's form
(``instrument_forms.ActionForm``); when the step is taken the dialog shows the new state. The scan dock
opens the same dialog for a scanned code. ``ActionsEntry`` puts it on the Instruments tab: an
"Actions…" button, the rows' context menu and Ctrl+Shift+A (Ctrl+E is the export).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from labdesk.i18n import QT_TRANSLATE_NOOP
from labdesk.services import instrument_desk as desk
from labdesk.services.ledgers.formatting import local_time, status_label
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.i18n import translate
from labdesk.ui.instrument_forms import STEP_TITLES, ActionForm
from labdesk.ui.workflow_dialog_parts import RED, HistoryLine, WorkflowDialog, escape

if TYPE_CHECKING:
    from PySide6.QtWidgets import QBoxLayout

    from labdesk.services.database import Database
    from labdesk.services.instrument_desk import InstrumentSummary
    from labdesk.ui.ledger_view import LedgerTab

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


class InstrumentActionsDialog(WorkflowDialog):
    """See the module docstring. Opens at once and fills itself when the summary arrives."""

    def __init__(self, database: Database, code: str, parent: QWidget | None = None) -> None:
        fields = (("status", self.tr("Status:")), ("model", self.tr("Model:")),
                  ("location", self.tr("Location:")), ("custodian", self.tr("Custodian:")),
                  ("calibration", self.tr("Calibration:")), ("state", self.tr("Now:")))
        steps = {step: translate("InstrumentActions", title) for step, title in STEP_TITLES.items()}
        super().__init__(database, name="instrumentActions", fields=fields, steps=steps, parent=parent)
        self.code = code
        self.setWindowTitle(self.tr("Instrument %1").replace("%1", code))
        self.heading.setText(f"<b>{escape(code)}</b>")
        self.reload()

    def fetch(self) -> Callable[[], InstrumentSummary]:
        database, code = self.database, self.code
        return lambda: desk.instrument_summary(database, code)

    def make_form(self, step: str) -> ActionForm:
        return ActionForm(self.database, self.summary, step, self)

    def open_form(self, step: str) -> ActionForm | None:
        form = super().open_form(step)
        return form if isinstance(form, ActionForm) else None

    def fill(self, summary: InstrumentSummary) -> None:
        self.heading.setText(f"<b>{escape(summary.code)}</b> {escape(summary.name)}")
        style = get_ledger("instruments").statuses.get(summary.status)
        color = style.color if style else "#000000"
        self.fields["status"].setText(f'<b style="color:{color}">{escape(_status(summary.status))}</b>')
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
            self.show_message(warning.replace("%1", summary.next_due_date.isoformat()), bold=True)

    def history_lines(self, summary: InstrumentSummary) -> list[HistoryLine]:
        lines = []
        for row in summary.history:
            label = HISTORY_ACTIONS.get(row.action)
            lines.append(HistoryLine(row.at, translate("InstrumentActions", label) if label else row.action,
                                     _status(row.from_state) if row.from_state else None,
                                     _status(row.to_state), row.who, row.comment))
        return lines

    def _calibration_text(self, summary: InstrumentSummary) -> str:
        last = summary.last_calibration_date.isoformat() if summary.last_calibration_date else "—"
        due = summary.next_due_date.isoformat() if summary.next_due_date else "—"
        text = escape(self.tr("last %1, due %2").replace("%1", last).replace("%2", due))
        return f'<span style="color:{RED}">{text}</span>' if summary.overdue else text

    def _state_text(self, summary: InstrumentSummary) -> str:
        if summary.loan is not None:
            due = summary.loan.due_back.isoformat() if summary.loan.due_back else "—"
            return escape(self.tr("lent to %1, due back %2").replace("%1", summary.loan.borrower)
                           .replace("%2", due))
        if summary.repair is not None:
            reported = local_time(summary.repair.reported_at).strftime("%Y-%m-%d")
            text = self.tr("fault reported %1 by %2: %3").replace("%1", reported).replace(
                "%2", summary.repair.reporter or "—").replace("%3", summary.repair.fault)
            if summary.repair.started_at is None:
                text += " " + self.tr("(repair not started)")
            return escape(text)
        return ""


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
