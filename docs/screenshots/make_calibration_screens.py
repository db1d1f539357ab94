"""Screenshots of the calibration plan and the reminders on the demo data (Chinese):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_calibration_screens.py

Writes calibration-plan.png, calibration-reminders.png and instruments-flags.png (the ledger's
flagged rows and the tab badge). Throwaway config and data directories, as make_screenshots.py.
"""

from __future__ import annotations

import sys

from shots import scratch_environment

_scratch = scratch_environment()

from make_screenshots import save, settle, show_rows  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from labdesk.services import workspace  # noqa: E402
from labdesk.ui.app import create_application  # noqa: E402
from labdesk.ui.calibration_plan_view import CalibrationPlanDialog  # noqa: E402
from labdesk.ui.i18n import install_translators  # noqa: E402
from labdesk.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    app = create_application(sys.argv[:1])
    install_translators(app, "zh_CN")
    window = MainWindow("zh_CN")
    window.resize(1400, 860)
    window.show()
    window.open_target(workspace.demo_database_target())
    settle(app, lambda: window.reminders is not None and window.reminders.panel is not None)
    reminders = window.reminders
    assert reminders is not None and reminders.panel is not None
    save(reminders.panel, "calibration-reminders.png")
    reminders.panel.close()

    instruments = window.show_ledger("instruments")
    assert instruments is not None
    instruments.search.setText("")
    # Sorted by due date, the overdue (red) rows come first, with the flagged statuses among them.
    due = instruments.spec.column_index("next_due_date")
    instruments.table.sortByColumn(due, Qt.SortOrder.AscendingOrder)
    show_rows(app, instruments)
    save(window, "instruments-flags.png")

    plan = instruments.open_calibration_plan()
    assert isinstance(plan, CalibrationPlanDialog)
    settle(app, lambda: plan.plan is not None)
    plan.months.setValue(2)
    settle(app, lambda: plan.plan is not None and plan.plan.months == 2)
    plan.resize(1280, 720)
    overdue = plan.tree.topLevelItem(0)
    if overdue is not None and overdue.childCount() > 6:
        overdue.setExpanded(True)
    settle(app)
    save(plan, "calibration-plan.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
