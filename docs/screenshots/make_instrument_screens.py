"""Regenerate instrument-actions.png, instrument-record-calibration.png and instrument-repair-request.png:
the instrument actions dialog with some history, and two of its forms, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_instrument_screens.py

Uses throwaway config and data directories and a small demo database, signed in as the demo's
equipment manager (heyong, 何勇); a few steps are taken first so the history has rows to show.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from shots import demo_database, save, scratch_environment, settle

_scratch = scratch_environment("heyong")

from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.services import instrument_desk as desk  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.instrument_actions import InstrumentActionsDialog  # noqa: E402


def fault_photo(path: Path) -> None:
    """A stand-in for a webcam snapshot: a balance's display showing a drifting reading."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe6e9"))
    painter = QPainter(image)
    painter.fillRect(80, 120, 480, 200, QColor("#2d3436"))
    painter.setPen(QColor("#55efc4"))
    painter.setFont(QFont("Noto Sans Mono", 48))
    painter.drawText(120, 250, "200.0137 g")
    painter.end()
    image.save(str(path))


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=80, orders=40, samples=100))
    today = dt.date.today()
    code = next(c for c in (f"YQ-{i:06d}" for i in range(1, 80))
                if (s := desk.instrument_summary(database, c)).status == "in_service" and not s.overdue
                and s.calibration_interval_months)
    summary = desk.instrument_summary(database, code)
    summary = desk.lend(database, code, summary.version, borrower="第三检测站（城南工地）",
                        due_back=today + dt.timedelta(days=10), comment="现场桩基检测借用")
    summary = desk.return_loan(database, code, summary.version, comment="外观完好，开机自检正常")
    summary = desk.send_for_calibration(database, code, summary.version, provider="江苏省计量科学研究院",
                                        comment="年度校准")

    dialog = InstrumentActionsDialog(database, code)
    dialog.show()
    settle(app, lambda: dialog.summary is not None)
    form = dialog.open_form("record_calibration")
    assert form is not None
    certificate = Path(_scratch) / "校准证书_JL2026-01873.pdf"
    certificate.write_bytes(b"%PDF-1.4\n%%EOF\n")
    form.certificate_no.setText("JL2026-01873")
    form.set_certificate(certificate)
    form.adjustments.setPlainText("零点及线性调整后复校合格")
    form.comment.setPlainText("证书原件已归档")
    form.adjustSize()
    settle(app)
    save(form, "instrument-record-calibration.png")
    form.buttons.accepted.emit()
    settle(app, lambda: not form.isVisible())
    dialog.resize(900, 520)
    settle(app)
    save(dialog, "instrument-actions.png")

    photo = Path(_scratch) / "fault.png"
    fault_photo(photo)
    repair = dialog.open_form("request_repair")
    assert repair is not None
    settle(app, lambda: repair.reporter.count() > 0)
    repair.fault.setPlainText("称量示值漂移，预热一小时后仍不稳定")
    repair.set_photo(photo)
    repair.adjustSize()
    settle(app)
    save(repair, "instrument-repair-request.png")
    repair.close()
    dialog.close()
    database.dispose()
    shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
