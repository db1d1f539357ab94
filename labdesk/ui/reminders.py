"""Calibration reminders: a badge on the Instruments tab and a panel at start-up.

``CalibrationReminders`` (one per open database, owned by the main window) reads the counts in a
worker when the database opens, every ``REFRESH_MS``, and shortly after the Instruments tab re-reads
its whole ledger (a recorded calibration changes it; a search does not). The tab text gets the
number of instruments overdue or due within the reminder days (settings ``reminder_days``) and a
red dot (something overdue) or an amber one (only due soon). After the first reading, if there is
anything to remind of and the user has not ticked "Don't show again today" today,
``RemindersPanel`` (non-modal) lists them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.services import calibration_desk
from labdesk.services import calibration_export as ce
from labdesk.services import calibration_plan as cp
from labdesk.ui import column_layout
from labdesk.ui.calibration_plan_view import AMBER_TINT, RED_TINT, cell_text
from labdesk.ui.i18n import problem_text, translate
from labdesk.ui.ledger_model import status_dot
from labdesk.ui.workers import start_worker

if TYPE_CHECKING:
    from labdesk.services.database import Database
    from labdesk.ui.ledger_view import LedgerTab

REFRESH_MS = 15 * 60_000  # a due date passes at midnight; a quarter of an hour is soon enough
AFTER_CHANGE_MS = 1500  # after the Instruments tab re-reads (debounced: a search re-reads too)
DISMISSED_KEY = "reminders/dismissedOn"
_PANEL_COLUMNS = (0, 1, 3, 4, 5, 7, 8)  # code, name, location, custodian, status, next due, days left


_SUMMARY = N("Reminders", "%1 overdue, %2 due within %3 days")


def summary_text(reminders: cp.Reminders) -> str:
    """"3 overdue, 5 due within 30 days" in the user's language."""
    return (translate("Reminders", _SUMMARY).replace("%1", f"{reminders.overdue:,}")
            .replace("%2", f"{reminders.due_soon:,}").replace("%3", str(reminders.warn_days)))


class RemindersPanel(QDialog):
    """The instruments overdue or due soon, most urgent first; non-modal and dismissable."""

    planRequested = Signal()  # noqa: N815 - Qt naming
    """The user asked for the calibration plan."""

    def __init__(self, reminders: cp.Reminders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminders = reminders
        self.setObjectName("remindersPanel")
        self.setWindowTitle(self.tr("Calibration reminders"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        headline = QLabel(self)
        headline.setObjectName("headline")
        headline.setText("<b>" + self.tr("Instruments that need calibration") + "</b><br>" +
                         summary_text(reminders))
        headers = ce.headers(translate)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reminderRows")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([headers[c] for c in _PANEL_COLUMNS])
        for column, width in enumerate((120, 170, 110, 70, 80, 90, 60)):
            self.tree.setColumnWidth(column, width)
        for row in reminders.rows:
            texts = ce.row_texts(row, translate)
            item = QTreeWidgetItem([cell_text(texts[c]) for c in _PANEL_COLUMNS])
            tint = RED_TINT if row.overdue else AMBER_TINT
            for column in range(item.columnCount()):
                item.setBackground(column, QBrush(tint))
            self.tree.addTopLevelItem(item)
        more = QLabel(self)
        more.setObjectName("more")
        more.setVisible(reminders.truncated)
        more.setText(self.tr("%1 more in the calibration plan.").replace(
            "%1", f"{reminders.total - len(reminders.rows):,}"))
        self.dont_show = QCheckBox(self.tr("Don't show again today"), self)
        self.dont_show.setObjectName("dontShowToday")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        plan = QPushButton(self.tr("Calibration plan…"), self)
        plan.setObjectName("openPlan")
        buttons.addButton(plan, QDialogButtonBox.ButtonRole.ActionRole)
        plan.clicked.connect(self.planRequested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(more)
        layout.addWidget(self.dont_show)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def done(self, result: int) -> None:  # remembers "don't show again today"
        if self.dont_show.isChecked():
            settings = column_layout.ui_settings()
            settings.setValue(DISMISSED_KEY, self.reminders.today.isoformat())
            settings.sync()
        super().done(result)


def dismissed_today(today: dt.date) -> bool:
    return bool(column_layout.ui_settings().value(DISMISSED_KEY) == today.isoformat())


class CalibrationReminders(QObject):
    """The badge and the start-up panel for one database (see the module docstring)."""

    updated = Signal(object)
    """New counts arrived (a ``calibration_plan.Reminders``)."""
    panelShown = Signal(object)  # noqa: N815 - Qt naming
    """The reminders panel was opened (the panel)."""

    def __init__(self, database: Database, tabs: QTabWidget, instruments: LedgerTab, *,
                 today: dt.date | None = None, show_panel: bool = True) -> None:
        super().__init__(tabs)
        self.database: Database | None = database
        self.tabs = tabs
        self.instruments = instruments
        self.today = today
        self.reminders: cp.Reminders | None = None
        self.panel: RemindersPanel | None = None
        self._show_panel = show_panel
        self._loading = False
        self._title = tabs.tabText(tabs.indexOf(instruments))
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._after_change = QTimer(self)
        self._after_change.setSingleShot(True)
        self._after_change.setInterval(AFTER_CHANGE_MS)
        self._after_change.timeout.connect(self.refresh)
        instruments.model.countChanged.connect(self._tab_reloaded)
        self._timer.start()
        self.refresh()

    @Slot()
    def _tab_reloaded(self) -> None:
        # Counting reminders reads ~100,000 index entries on a million-instrument server (~0.3 s),
        # so a search or filter in the tab (same data, fewer rows) does not trigger it; a reload does.
        query = self.instruments.model.query
        if not query.search and not query.filters:
            self._after_change.start()

    def stop(self) -> None:
        """The database is closing: no more readings, the tab text as it was."""
        self._timer.stop()
        self._after_change.stop()
        self.database = None
        index = self.tabs.indexOf(self.instruments)
        if index >= 0:
            self._set_tab(index, self._title, QIcon(), "")

    @Slot()
    def refresh(self) -> None:
        database, today = self.database, self.today
        if database is None or self._loading:
            return
        self._loading = True
        start_worker(lambda _w: calibration_desk.load_reminders(database, today=today),
                     on_result=self._arrived, on_error=self._failed, name="calibration reminders")

    @Slot(object)
    def _arrived(self, reminders: cp.Reminders) -> None:
        self._loading = False
        if self.database is None:
            return
        first = self.reminders is None
        self.reminders = reminders
        self._show_badge(reminders)
        self.updated.emit(reminders)
        if first and self._show_panel and reminders.total and not dismissed_today(reminders.today):
            self.show_panel()

    @Slot(object)
    def _failed(self, error: object) -> None:
        # The tab's own error line already says the database is gone; the badge just keeps its count.
        self._loading = False
        index = self.tabs.indexOf(self.instruments)
        if index >= 0:
            self.tabs.setTabToolTip(index, problem_text(error))

    def _show_badge(self, reminders: cp.Reminders) -> None:
        index = self.tabs.indexOf(self.instruments)
        if index < 0:
            return
        if not reminders.total:
            self._set_tab(index, self._title, QIcon(), "")
        else:
            self._set_tab(index, f"{self._title} ({reminders.total:,})",
                          status_dot(cp.RED if reminders.overdue else cp.AMBER), summary_text(reminders))

    def _set_tab(self, index: int, text: str, icon: QIcon, tip: str) -> None:
        self.tabs.setTabText(index, text)
        self.tabs.setTabIcon(index, icon)
        self.tabs.setTabToolTip(index, tip)

    def show_panel(self) -> RemindersPanel | None:
        if self.reminders is None:
            return None
        if self.panel is not None:
            self.panel.close()
            self.panel.deleteLater()
        self.panel = RemindersPanel(self.reminders, self.tabs.window())
        self.panel.planRequested.connect(self.instruments.open_calibration_plan)
        self.panel.show()
        self.panelShown.emit(self.panel)
        return self.panel
