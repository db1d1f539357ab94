"""Regenerate printer-profiles.png and label-jobs.png: the printers screen and the print job log, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_label_screens.py

Uses throwaway config and data directories and a small demo database; one paused job is made by
printing to the test printer emulator (tests/printing/emulator.py) that drops the connection.
"""

from __future__ import annotations

import shutil
import sys

from shots import HERE, demo_database, scratch_environment, settle

_scratch = scratch_environment()
sys.path.insert(0, str(HERE.parent.parent))  # for tests.printing.emulator

from PySide6.QtWidgets import QApplication  # noqa: E402

from labdesk.printing.profiles import PrinterProfile, save_profiles  # noqa: E402
from labdesk.services import workspace  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.label_printing import ad_hoc_printer, prepare_job, run_job  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.label_jobs_dialog import LabelJobsDialog  # noqa: E402
from labdesk.ui.printer_profiles_dialog import PrinterProfilesDialog  # noqa: E402
from tests.printing.emulator import PrinterEmulator  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_translators(app, "zh_CN")
    database = demo_database(_scratch, DemoSizes(customers=20, instruments=80, orders=40, samples=100))
    codes = [record.code for record in workspace.label_records(
        database, "instrument", [f"YQ-{n:06d}" for n in range(1, 25)])]
    with PrinterEmulator(cut_after=[3000]) as printer:  # the printer goes away mid-batch: a paused job
        run_job(database, prepare_job(database, "instrument", codes, printer=ad_hoc_printer(printer.url)))

    # The first printer is the emulator on loopback, so "Test" really asks it for ~HS status. The
    # others are examples only: nothing here connects to them.
    with PrinterEmulator() as ready:
        save_profiles([
            PrinterProfile("前台 Zebra ZD421", ready.url, "zpl", 203, "sample-40x25", None),
            PrinterProfile("设备科 TSC TTP-244", "cups:tsc244", "tspl", 203, "instrument-50x30", None),
            PrinterProfile("样品室 试管标签", "file:/dev/usb/lp0", "zpl", 300, "tube-25x15", "E:SIMSUN.TTF"),
        ])
        profiles = PrinterProfilesDialog()
        profiles.resize(760, 420)
        profiles.show()
        profiles.list.setCurrentRow(0)
        profiles.test_current()
        settle(app, lambda: profiles.test_result.text() not in ("", profiles.tr("Testing…")))
        profiles.grab().save(str(HERE / "printer-profiles.png"))

    from labdesk.ui.label_templates_dialog import LabelTemplatesDialog

    templates = LabelTemplatesDialog(database)
    templates.resize(1280, 560)
    templates.show()
    settle(app, lambda: templates.list.count() > 3)
    loaded: list[bool] = []
    templates.previewUpdated.connect(lambda: loaded.append(True))
    templates.list.setCurrentRow(templates.list.count() - 1)  # the demo's custom tube template
    settle(app, lambda: bool(loaded))
    templates.grab().save(str(HERE / "label-templates.png"))
    templates.close()

    jobs = LabelJobsDialog(database)
    jobs.resize(1200, 480)
    jobs.show()
    settle(app, lambda: bool(jobs.jobs))
    jobs.select_job(jobs.jobs[0].job_id)
    settle(app)
    jobs.grab().save(str(HERE / "label-jobs.png"))
    database.dispose()
    shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
