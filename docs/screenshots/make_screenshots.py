"""Regenerate the screenshots in this folder: the main window in Chinese on the demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py

Uses throwaway config and data directories, so the user's own settings and databases are never
touched. Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk), else it shows as boxes.
"""

from __future__ import annotations

import shutil
import sys

from shots import save, scratch_environment

_scratch = scratch_environment()

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QItemSelectionModel, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services import workspace  # noqa: E402
from labdesk.ui.app import create_application  # noqa: E402
from labdesk.ui.connection_dialog import ConnectionDialog  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.ledger_view import LedgerTab  # noqa: E402
from labdesk.ui.main_window import MainWindow  # noqa: E402

SIZE = (1400, 860)


def settle(app: QApplication, until: object = None, timeout_s: float = 60.0) -> None:
    """Run the event loop until ``until()`` is true and the workers are idle."""
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        done = until() if callable(until) else True
        if done and QThreadPool.globalInstance().activeThreadCount() == 0:
            app.processEvents()
            return
    raise TimeoutError("the window did not settle")


def show_rows(app: QApplication, tab: LedgerTab) -> None:
    settle(app, lambda: tab.model.counted)
    settle(app, lambda: tab.model.is_loaded(0))


def main() -> int:
    app = create_application(sys.argv[:1])
    translators = install_translators(app, "zh_CN")
    window = MainWindow("zh_CN")
    window.resize(*SIZE)
    window.show()
    window.open_target(workspace.demo_database_target())
    settle(app, lambda: len(window.ledger_tabs()) > 0)
    instruments = window.show_ledger("instruments")
    assert instruments is not None
    show_rows(app, instruments)
    instruments.table.selectRow(2)
    save(window, "main-window-instruments.png")
    customers = window.show_ledger("customers")
    assert customers is not None
    show_rows(app, customers)
    save(window, "main-window-customers.png")
    orders = window.show_ledger("orders")  # its tools: new order, actions, intake queue, printing
    assert orders is not None
    show_rows(app, orders)
    orders.table.selectRow(1)
    save(window, "main-window-orders.png")

    card = instruments.open_card(2)
    assert card is not None
    settle(app, lambda: card.card is not None)
    card.resize(820, 680)
    settle(app)
    save(card, "instrument-card.png")
    card.close()

    window.show_ledger("instruments")
    for row in range(2, 8):  # a selection of six instruments
        instruments.table.selectionModel().select(
            instruments.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    labels = instruments.print_labels()
    assert labels is not None
    labels.printer.setEditText("tcp://127.0.0.1:9100")
    settle(app, lambda: not labels.preview_labels[0].pixmap().isNull())
    labels.adjustSize()
    settle(app)
    save(labels, "label-print-dialog.png")
    labels.close()

    dialog = ConnectionDialog(window)
    dialog.set_url("127.0.0.1", 1, "labdesk", "zhangsan")  # loopback, nothing listens on port 1
    dialog.show()
    dialog.test()  # nobody listens there: shows the one-sentence reason
    settle(app, lambda: dialog.test_button.isEnabled())
    save(dialog, "connection-dialog.png")
    dialog.close()
    window.close()
    del translators
    QCoreApplication.processEvents()
    shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
