"""Regenerate instrument-card-attachments.png: an instrument card's Attachments tab in Chinese, with
the certificate of its latest calibration, a manual and a photo added on the card, and the sentence
shown when a file over the size limit is refused.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_attachment_screens.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's
equipment manager (heyong, 何勇).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from shots import demo_database, save, scratch_environment, settle

_scratch = scratch_environment("heyong")

from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services import attachment_desk, attachments  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.ledgers.registry import get_ledger  # noqa: E402
from labdesk.ui.card_dialog import CardDialog  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402

INSTRUMENT = 1  # the demo's first instrument has its latest calibration certificate attached


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=10, instruments=40, orders=10, samples=10))
    try:
        attachment_desk.add_data(database, "instruments", INSTRUMENT, "XPR205DR 使用说明书.pdf",
                                 b"%PDF-1.7 manual " * 180_000)
        attachment_desk.add_data(database, "instruments", INSTRUMENT, "铭牌照片.jpg", b"\xff\xd8" * 40_000)
        dialog = CardDialog(get_ledger("instruments"), database, INSTRUMENT)
        dialog.resize(980, 720)
        dialog.show()
        settle(app, lambda: dialog.attachments is not None and not dialog.attachments.busy)
        tab = dialog.attachments
        assert tab is not None and tab.table.rowCount() == 3, "expected 2 own files and 1 certificate"
        dialog.details.setCurrentWidget(tab)
        attachments.MAX_SIZE = 2 * 1024 * 1024  # a small limit, so the refusal needs no 50 MiB file
        big = Path(_scratch) / "整本校准报告扫描件.pdf"
        big.write_bytes(b"x" * (3 * 1024 * 1024 + 300_000))
        tab.add_path(big)
        settle(app, lambda: not tab.busy and tab.message.isVisible())
        tab.table.selectRow(2)
        settle(app)
        save(dialog, "instrument-card-attachments.png")
        dialog.close()
        settle(app)
    finally:
        database.dispose()
        shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
