"""Regenerate scan-dock-sample.png and scan-dock-continuous.png: the scan dock in Chinese, its preview showing
a camera-like frame with a sample label, the sample's custody panel, and the bench log of continuous mode.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_scan_screens.py

Uses throwaway config and data directories and a small demo database, signed in as the demo technician
chenjie (陈杰). The frames come from labdesk.scanning.frames (the generator the tests use).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from shots import demo_database, save, scratch_environment

_scratch = scratch_environment("chenjie")

import cv2  # noqa: E402
from PySide6.QtCore import QDeadlineTimer, QEventLoop, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from labdesk.models import Sample  # noqa: E402
from labdesk.scanning.frames import Effects, Placement, compose, label_image  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.scan_dock import ScanDock  # noqa: E402


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, timeout_s: float = 30.0) -> None:
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until() and QThreadPool.globalInstance().activeThreadCount() == 0:
            app.processEvents()
            return
    raise TimeoutError("the dock did not settle")


def write_frame(path: Path, sample_no: str, seed: int) -> Path:
    placement = Placement(label_image("sample", sample_no), 430, (640, 380), angle=-6, tilt_y=12)
    cv2.imwrite(str(path), compose([placement], Effects(noise=3, defocus=0.6), seed=seed))
    return path


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=80, orders=40, samples=100))
    with database.read_session() as session:
        numbers = session.scalars(select(Sample.sample_no).where(Sample.status.in_(("received", "stored")))
                                  .order_by(Sample.id).limit(3)).all()
    dock = ScanDock(lambda: database)
    dock.paced = False
    dock.resize(720, 980)
    dock.show()

    # One label scanned from a photo: the preview, the banner and the sample's custody panel.
    dock.start_source(str(write_frame(Path(_scratch) / "label.png", numbers[0], 11)))
    settle(app, lambda: dock.sample_panel.summary is not None and dock.scan_thread is None)
    save(dock, "scan-dock-sample.png")

    # Bench work: continuous "take", three labels one after another, the last one undone.
    dock.continuous.setChecked(True)
    folder = Path(_scratch) / "bench"
    folder.mkdir()
    for i, number in enumerate(numbers):
        write_frame(folder / f"{i}.png", number, 20 + i)
    dock.start_source(str(folder))
    settle(app, lambda: dock.scan_thread is None and len(dock.log.rows()) == len(numbers) and not dock._busy)
    dock.undo_last()
    settle(app, lambda: len(dock.log.rows()) == len(numbers) + 1 and not dock._busy)
    save(dock, "scan-dock-continuous.png")
    dock.shutdown()
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
