"""``run_app``: the desktop app's entry point (``labdesk`` / ``labdesk gui``)."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from labdesk import __version__
from labdesk.ui.i18n import choose_language, install_translators
from labdesk.ui.main_window import MainWindow
from labdesk.ui.workers import cancel_all, wait_for_workers

STARTUP_PROBE = "LABDESK_STARTUP_PROBE"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with LabDesk's names (QSettings and dialogs use them)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("LabDesk")
    app.setOrganizationName("LabDesk")
    app.setApplicationVersion(__version__)
    return app


def run_app(url: str | None = None, language: str | None = None) -> int:
    """Show the main window at once, then open the database in a worker; returns the exit code."""
    app = create_application()
    chosen = choose_language(language)
    translators = install_translators(app, chosen)  # kept referenced for the app's life
    window = MainWindow(chosen)
    window.show()
    if os.environ.get(STARTUP_PROBE):
        # benchmarks/startup.py: when the window is on screen (wall clock), then quit.
        app.processEvents()
        print(f"labdesk-window-shown {time.time():.6f}", flush=True)
        QTimer.singleShot(0, app.quit)
    QTimer.singleShot(0, lambda: open_first_database(window, url))  # after the window is painted
    code = app.exec()
    cancel_all()
    wait_for_workers(5000)
    del translators
    return int(code)


def open_first_database(window: MainWindow, url: str | None) -> None:
    """Open the database the precedence rules choose (``--url``, environment, settings, files)."""
    from labdesk.services.connection import resolve_target

    try:
        target = resolve_target(url)
    except Exception as error:  # noqa: BLE001 - a malformed URL: say so and offer the choices
        message = QCoreApplication.translate("MainWindow", "Cannot use the database address %1: %2")
        window.problem.show_problem(message.replace("%1", repr(url)).replace("%2", str(error)))
    else:
        window.open_target(target)
