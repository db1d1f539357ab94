"""The main window: one tab per ledger, menus, the demo banner and the database status bar.

The window delegates everything about a ledger to its ``LedgerTab``; this module only decides
which database is open and shows its state. If the database cannot be used, the window says why
in one sentence and offers: retry, connect to another server, use the local file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from labdesk import __version__
from labdesk.settings import load_settings, save_settings
from labdesk.ui import column_layout
from labdesk.ui.i18n import translate
from labdesk.ui.window_parts import DatabaseStatus, DemoBanner, InfoBar, ProblemPage
from labdesk.ui.workers import cancel_all, start_worker, wait_for_workers

# The services (SQLAlchemy, the ledgers, openpyxl through the export) are imported when first
# needed, not with this module: the window shows before any of them is loaded.
if TYPE_CHECKING:
    from labdesk.services.connection import DatabaseTarget
    from labdesk.services.database import Database
    from labdesk.ui.connection_dialog import ConnectionDialog
    from labdesk.ui.database_opener import DatabaseOpener, OpenedDatabase
    from labdesk.ui.ledger_view import LedgerTab
    from labdesk.ui.reminders import CalibrationReminders

PING_INTERVAL_MS = 30_000
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


class MainWindow(QMainWindow):
    """See the module docstring; ``open_target`` (re)connects, the tabs follow."""

    databaseOpened = Signal()  # noqa: N815 - Qt naming
    """A database was opened and the ledger tabs were built."""
    databaseFailed = Signal(str)  # noqa: N815
    """Opening failed; the one-sentence reason is shown."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.database: Database | None = None
        self.target: DatabaseTarget | None = None
        self._password: str | None = None
        self._session_passwords: dict[str, str] = {}  # when the machine has no keyring
        self._opener: DatabaseOpener | None = None
        self._pinging = False
        self.reminders: CalibrationReminders | None = None
        self.setWindowTitle("LabDesk")
        self.setObjectName("mainWindow")

        self.problem = ProblemPage(self)
        self.problem.retry.connect(self.retry)
        self.problem.connectServer.connect(self.choose_server)
        self.problem.useLocal.connect(self.use_local_database)
        self.banner = DemoBanner(self)
        self.banner.createLocal.connect(self.use_local_database)
        self.banner.connectServer.connect(self.choose_server)
        self.single_user_note = InfoBar(self.tr(
            "This local database file is single-user: to work together on several computers, "
            "connect all of them to one database server."), self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ledgerTabs")
        self.tabs.setDocumentMode(True)
        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(self.banner)
        work_layout.addWidget(self.single_user_note)
        work_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.problem)
        self.stack.addWidget(work)
        self.setCentralWidget(self.stack)
        self.status = DatabaseStatus(self.statusBar())
        self._build_menus()
        self._ping_timer = QTimer(self)
        self._ping_timer.setInterval(PING_INTERVAL_MS)
        self._ping_timer.timeout.connect(self.ping)
        self.resize(1400, 860)
        geometry = column_layout.ui_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        from labdesk.ui.scan_setup import install_scan_dock  # OpenCV loads on the first scan, not here

        self.scan_dock = install_scan_dock(self)  # F9; a keyboard-wedge scan anywhere opens it

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Connect to server…"), self.choose_server)
        self._action(file_menu, self.tr("Use local database"), self.use_local_database)
        self._action(file_menu, self.tr("Use demo database"), self.use_demo_database)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, self.tr("Export to Excel…"), self.export_current,
                                          QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence("Ctrl+Q"))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")  # the scan dock adds its F9 action here
        language_menu = view_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES:
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        self.refresh_action = self._action(view_menu, self.tr("Refresh"), self.refresh_current,
                                           QKeySequence("F5"))

        labels_menu = self.menuBar().addMenu(self.tr("&Labels"))
        self.label_jobs_action = self._action(labels_menu, self.tr("Print job log…"), self.show_label_jobs)
        self.printers_action = self._action(labels_menu, self.tr("Printers…"), self.show_printers)
        self.label_templates_action = self._action(labels_menu, self.tr("Label templates…"),
                                                   self.show_label_templates)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.coding_rules_action = self._action(settings_menu, self.tr("Coding rules…"),
                                                self.show_coding_rules)
        self.users_action = self._action(settings_menu, self.tr("Users…"), self.show_users)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("About LabDesk"), self.about)

    def _action(self, menu: object, text: str, slot: object, keys: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- opening a database ----------------------------------------------------------------------
    def open_target(self, target: DatabaseTarget, password: str | None = None) -> None:
        """Open ``target`` in a worker; the window stays usable and shows progress."""
        self.target = target
        self._password = password if password is not None else self._session_passwords.get(target.url)
        self.problem.show_busy(self.tr("Connecting to %1…").replace("%1", target.display))
        self.stack.setCurrentWidget(self.problem)
        self.status.show(target.display, "", "")
        self.status.set_alive(None, "", "", self.tr("Connecting…"))
        from labdesk.ui.database_opener import DatabaseOpener

        opener = DatabaseOpener(target, self._password, self)
        opener.opened.connect(self._opened)
        opener.failed.connect(self._failed)
        self._opener = opener
        if opener.filling_demo:
            self.problem.show_busy(self.tr("Preparing the demo database…"))
        opener.start()

    @Slot(object)
    def _opened(self, opened: OpenedDatabase) -> None:
        if self.sender() is not self._opener:  # an older attempt finished late
            opened.database.dispose()
            return
        from labdesk.services.ledgers.registry import ledgers_for
        from labdesk.ui.ledger_view import LedgerTab

        self._close_database()
        self.database = opened.database
        target = opened.database.target
        self.setWindowTitle(f"LabDesk — {target.display}")
        for spec in ledgers_for(opened.database.actor.roles):  # the Audit ledger: admins, signatories
            tab = LedgerTab(spec, opened.database, self.tabs, own_shortcuts=False)
            self.tabs.addTab(tab, translate("Ledger", spec.title))
        self.banner.setVisible(target.is_demo)
        self.single_user_note.setVisible(target.is_embedded)
        self.stack.setCurrentIndex(1)
        self.status.show(target.display, self.tr("User: %1").replace("%1", opened.user_name),
                         opened.server_version)
        self.status.set_alive(True, self.tr("Connected"), self.tr("Connection lost"), "")
        self._ping_timer.start()
        instruments = next((t for t in self.ledger_tabs() if t.spec.name == "instruments"), None)
        if instruments is not None:  # the badge and the start-up panel of calibration reminders
            from labdesk.ui.reminders import CalibrationReminders

            self.reminders = CalibrationReminders(opened.database, self.tabs, instruments)
        self.databaseOpened.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self.sender() is not self._opener:
            return
        self._close_database()
        self.problem.show_problem(message)
        self.stack.setCurrentWidget(self.problem)
        self.status.set_alive(False, "", self.tr("Not connected"), "")
        self.databaseFailed.emit(message)

    def _close_database(self) -> None:
        self._ping_timer.stop()
        if self.reminders is not None:
            self.reminders.stop()
            self.reminders = None
        self.save_layouts()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        if self.database is not None:
            self.database.dispose()
            self.database = None

    @Slot()
    def retry(self) -> None:
        if self.target is not None:
            self.open_target(self.target, self._password)

    @Slot()
    def choose_server(self) -> ConnectionDialog:
        from labdesk.ui.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self)
        dialog.accepted.connect(lambda: self._connection_chosen(dialog))
        dialog.open()
        return dialog

    def _connection_chosen(self, dialog: ConnectionDialog) -> None:
        from labdesk.services.connection import DatabaseTarget, UrlSource, normalize_url
        from labdesk.ui.connection_dialog import ConnectionChoice

        if dialog.choice is ConnectionChoice.LOCAL:
            self.use_local_database()
        elif dialog.choice is ConnectionChoice.DEMO:
            self.use_demo_database()
        else:
            url = normalize_url(dialog.url())
            password = dialog.password_text()
            if dialog.keyring_missing and password is not None:
                self._session_passwords[url] = password
                QMessageBox.information(self, self.tr("Password not saved"), self.tr(
                    "This computer has no credential store (keyring), so the password is kept only "
                    "until LabDesk closes; you will be asked again next time."))
            self.open_target(DatabaseTarget(url, UrlSource.SETTINGS), password)

    @Slot()
    def use_local_database(self) -> None:
        from labdesk.services import workspace

        self._forget_server()
        self.open_target(workspace.local_database_target())

    @Slot()
    def use_demo_database(self) -> None:
        from labdesk.services import workspace

        self._forget_server()
        self.open_target(workspace.demo_database_target())

    def _forget_server(self) -> None:
        settings = load_settings()
        if settings.database_url:
            settings.database_url = None
            save_settings(settings)

    # -- the current tab -------------------------------------------------------------------------
    def ledger_tabs(self) -> list[LedgerTab]:
        from labdesk.ui.ledger_view import LedgerTab

        return [t for i in range(self.tabs.count()) if isinstance(t := self.tabs.widget(i), LedgerTab)]

    def current_tab(self) -> LedgerTab | None:
        from labdesk.ui.ledger_view import LedgerTab

        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, LedgerTab) and self.stack.currentIndex() == 1 else None

    def show_ledger(self, name: str) -> LedgerTab | None:
        for tab in self.ledger_tabs():
            if tab.spec.name == name:
                self.tabs.setCurrentWidget(tab)
                return tab
        return None

    @Slot()
    def export_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.choose_export_file()

    @Slot()
    def refresh_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.refresh()
        elif self.stack.currentWidget() is self.problem and self.problem.buttons.isVisible():
            self.retry()

    # -- labels ----------------------------------------------------------------------------------
    # The dialogs (and the printing modules under them) load on first use, not with the window.
    def _need_database(self, title: str) -> Database | None:
        if self.database is None:
            QMessageBox.information(self, title, self.tr("Open a database first."))
        return self.database

    @Slot()
    def show_label_jobs(self) -> QWidget | None:
        database = self._need_database(self.tr("Print job log"))
        if database is None:
            return None
        from labdesk.ui.label_jobs_dialog import LabelJobsDialog

        dialog = LabelJobsDialog(database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def show_printers(self) -> QWidget:
        from labdesk.ui.printer_profiles_dialog import PrinterProfilesDialog

        dialog = PrinterProfilesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def show_label_templates(self) -> QWidget | None:
        title = self.tr("Label templates")
        database = self._need_database(title)
        if database is None:
            return None
        try:
            from labdesk.ui.label_templates_dialog import open_label_templates
        except ImportError:  # a build without the templates screen: say so, do not crash
            QMessageBox.information(self, title, self.tr(
                "Label templates are not available in this version of LabDesk."))
            return None
        return open_label_templates(database, self)

    @Slot()
    def show_coding_rules(self) -> QWidget | None:
        database = self._need_database(self.tr("Coding rules"))
        if database is None:
            return None
        from labdesk.ui.coding_rules_dialog import open_coding_rules

        return open_coding_rules(database, self)

    @Slot()
    def show_users(self) -> QWidget | None:
        database = self._need_database(self.tr("Users"))
        if database is None:
            return None
        from labdesk.ui.users_dialog import open_users

        return open_users(database, self)

    # -- connection state ------------------------------------------------------------------------
    @Slot()
    def ping(self) -> None:
        """Check the connection in a worker (every 30 s); the status bar shows the answer."""
        database = self.database
        if database is None or self._pinging:
            return
        self._pinging = True
        from labdesk.services import workspace

        start_worker(lambda _w: (database, workspace.connection_alive(database)), on_result=self._pinged,
                     name="ping")

    @Slot(object)
    def _pinged(self, payload: tuple[Database, bool]) -> None:
        self._pinging = False
        database, alive = payload
        if database is self.database:
            self.status.set_alive(alive, self.tr("Connected"), self.tr("Connection lost"), "")

    # -- the rest --------------------------------------------------------------------------------
    def _language_chosen(self, action: QAction) -> None:
        code = str(action.data())
        settings = load_settings()
        settings.language = code
        save_settings(settings)
        if code != self.language:
            QMessageBox.information(self, self.tr("Language"),
                                    self.tr("The new language applies when LabDesk is restarted."))

    @Slot()
    def about(self) -> None:
        database = self.target.display if self.target else self.tr("none")
        version = self.status.version.text()
        QMessageBox.about(self, self.tr("About LabDesk"), self.tr(
            "<h3>LabDesk %1</h3><p>The testing laboratory's workbench.</p><p>Database: %2<br>Server: %3</p>")
            .replace("%1", __version__).replace("%2", database).replace("%3", version or "—"))

    def save_layouts(self) -> None:
        for tab in self.ledger_tabs():
            tab.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        settings = column_layout.ui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        self._ping_timer.stop()
        self.save_layouts()
        cancel_all()
        wait_for_workers(5000)
        if self.database is not None:
            self.database.dispose()
            self.database = None
        super().closeEvent(event)

