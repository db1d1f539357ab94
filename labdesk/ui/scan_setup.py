"""The scan dock in the main window: a View-menu action on F9, the keyboard wedge, search, clean close.

Kept apart from ``scan_dock`` so the dock stays a plain widget the tests can build on its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from labdesk.ui.keyboard_wedge import install_wedge
from labdesk.ui.scan_dock import ScanDock


class _CloseWatcher(QObject):
    """Stops the dock's threads when its window closes (a running QThread must not be destroyed)."""

    def __init__(self, dock: ScanDock) -> None:
        super().__init__(dock)
        self.dock = dock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Close:
            self.dock.shutdown()
        return False


def install_scan_dock(window: Any) -> ScanDock:
    """The dock in ``window`` (a MainWindow), hidden, with a View-menu action (F9) and the keyboard wedge."""
    dock = ScanDock(lambda: window.database, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("ScanDock", "Scan dock"))
    toggle.setShortcut(QKeySequence("F9"))
    toggle.setObjectName("scanDockAction")
    view = window.menuBar().findChild(QMenu, "viewMenu")
    if view is not None:
        view.addSeparator()
        view.addAction(toggle)
    else:  # a window without a View menu: the shortcut still works
        window.addAction(toggle)
    window.installEventFilter(_CloseWatcher(dock))

    def search(ledger: str, text: str) -> None:
        tab = window.show_ledger(ledger)
        if tab is not None:
            tab.search.setText(text)
            tab.apply_query()

    dock.searchRequested.connect(search)
    wedge = install_wedge(window)

    def wedge_scan(text: str) -> None:
        dock.show()
        dock.raise_()
        dock.handle_text(text)

    wedge.scanned.connect(wedge_scan)
    dock.wedge = wedge
    return dock
