"""Regenerate fee-ledger-batch-edit.png: the Fees tab with its footer totals and, over it, finance's
batch edit dialog for 37 selected orders, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_fee_screens.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's
finance clerk (luojuan, 罗娟).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable

from shots import HERE, demo_database, scratch_environment

_scratch = scratch_environment("luojuan")

from PySide6.QtCore import (  # noqa: E402
    QDeadlineTimer,
    QEventLoop,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    QThreadPool,
)
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.ledgers.registry import get_ledger  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.ledger_view import LedgerTab  # noqa: E402


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, timeout_s: float = 30.0) -> None:
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until() and QThreadPool.globalInstance().activeThreadCount() == 0:
            app.processEvents()
            return
    raise TimeoutError("the tab did not settle")


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=10, orders=80, samples=20))
    try:
        tab = LedgerTab(get_ledger("fees"), database)
        tab.resize(1400, 760)
        tab.show()
        tools = tab.fee_tools
        assert tools is not None
        settle(app, lambda: tab.model.counted and tab.model.is_loaded(0) and bool(tools.footer.text()))
        model = tab.model
        selection = QItemSelection(model.index(3, 0), model.index(39, model.columnCount() - 1))
        tab.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        dialog = tools.open()
        assert dialog is not None
        settle(app, lambda: dialog.summary is not None)
        dialog.charged.setCurrentIndex(dialog.charged.findData(True))
        dialog.amount_mode.setCurrentIndex(dialog.amount_mode.findData("full"))
        dialog.replace_note.setChecked(True)
        dialog.note.setText("2026年11月对账，已到账")
        settle(app)
        shot = tab.grab()
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 60))  # the dialog is modal-looking over the tab
        corner = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2 - 40)
        painter.drawPixmap(corner, dialog.grab())
        painter.setPen(QColor(90, 90, 90))
        painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
        painter.end()
        out = HERE / "fee-ledger-batch-edit.png"
        shot.save(str(out))
        print(out)
        dialog.reject()
        tab.close()
        settle(app)
    finally:
        database.dispose()
        shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
