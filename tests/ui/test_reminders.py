"""Calibration reminders: the Instruments tab badge and the start-up panel (pytest-qt, zh_CN)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from labdesk.models.instruments import Instrument
from labdesk.services.connection import DatabaseTarget
from labdesk.services.database import Database
from labdesk.services.ledgers.lab import INSTRUMENTS
from labdesk.ui.calibration_plan_view import CalibrationPlanDialog
from labdesk.ui.ledger_view import LedgerTab
from labdesk.ui.reminders import AFTER_CHANGE_MS, CalibrationReminders, dismissed_today
from tests.ui.helpers import WAIT_MS, wait_counted
from tests.unit.test_calibration_plan import TODAY, build_fleet, open_db


@pytest.fixture
def fleet(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "planner")
    database = open_db(sqlite_url)
    build_fleet(database)
    yield database
    database.dispose()


def tabs_with_instruments(qtbot: QtBot, database: Database) -> tuple[QTabWidget, LedgerTab]:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tab = LedgerTab(INSTRUMENTS, database, tabs)
    tabs.addTab(tab, "仪器设备台账")
    wait_counted(qtbot, tab.model)
    return tabs, tab


def start(qtbot: QtBot, database: Database, tabs: QTabWidget, tab: LedgerTab,
          show_panel: bool = True) -> CalibrationReminders:
    """Reminders as of TODAY; the first counts arrive from a worker (connected before they can)."""
    reminders = CalibrationReminders(database, tabs, tab, today=TODAY, show_panel=show_panel)
    with qtbot.waitSignal(reminders.updated, timeout=WAIT_MS):
        pass
    return reminders


def test_badge_counts_overdue_and_due_soon(qtbot: QtBot, fleet: Database) -> None:
    tabs, tab = tabs_with_instruments(qtbot, fleet)
    reminders = start(qtbot, fleet, tabs, tab, show_panel=False)
    assert tabs.tabText(0) == "仪器设备台账 (7)"
    assert not tabs.tabIcon(0).isNull()
    assert tabs.tabToolTip(0) == "4 台逾期，3 台在 30 天内到期"
    assert reminders.panel is None  # show_panel=False
    image = tabs.tabIcon(0).pixmap(10, 10).toImage()
    assert image.pixelColor(5, 5).name() == "#c0392b"  # red: something is overdue
    reminders.stop()


def test_badge_follows_a_recorded_calibration(qtbot: QtBot, fleet: Database) -> None:
    tabs, tab = tabs_with_instruments(qtbot, fleet)
    reminders = start(qtbot, fleet, tabs, tab, show_panel=False)
    with fleet.session() as session:  # every overdue one calibrated (what record_calibration does)
        for instrument in session.query(Instrument).filter(Instrument.next_due_date < TODAY):
            instrument.next_due_date = dt.date(2027, 12, 1)
    with qtbot.waitSignal(reminders.updated, timeout=WAIT_MS):
        tab.refresh()  # the tab re-reads; the badge follows shortly after
    assert tabs.tabText(0) == "仪器设备台账 (3)"
    tab.search.setText("T-0")
    with qtbot.assertNotEmitted(reminders.updated, wait=AFTER_CHANGE_MS + 500):
        tab.apply_query()  # a search shows fewer rows of the same data: no new count
    wait_counted(qtbot, tab.model)
    tab.search.setText("")
    with qtbot.waitSignal(reminders.updated, timeout=WAIT_MS):
        tab.apply_query()
    image = tabs.tabIcon(0).pixmap(10, 10).toImage()
    assert image.pixelColor(5, 5).name() == "#d68910"  # amber: only due soon
    with fleet.session() as session:
        for instrument in session.query(Instrument):
            instrument.next_due_date = None
    with qtbot.waitSignal(reminders.updated, timeout=WAIT_MS):
        reminders.refresh()  # what the timer does
    assert tabs.tabText(0) == "仪器设备台账" and tabs.tabIcon(0).isNull() and tabs.tabToolTip(0) == ""
    reminders.stop()


def test_panel_at_start_lists_the_most_urgent(qtbot: QtBot, fleet: Database) -> None:
    tabs, tab = tabs_with_instruments(qtbot, fleet)
    reminders = start(qtbot, fleet, tabs, tab)
    panel = reminders.panel
    assert panel is not None and panel.isVisible() and not panel.isModal()
    assert panel.windowTitle() == "校准提醒"
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert [(r.text(0), r.text(4), r.text(6)) for r in rows if r is not None] == [
        ("T-02", "停用", "-63"), ("T-01", "在用", "-18"), ("T-12", "送检中", "-18"), ("T-11", "在用", "-1"),
        ("T-04", "在用", "0"), ("T-05", "维修中", "28"), ("T-06", "在用", "30")]
    plans: list[CalibrationPlanDialog] = []
    panel.planRequested.connect(  # connected after the tab's slot: the dialog exists by then
        lambda: plans.extend(p for p in tab._plans if isinstance(p, CalibrationPlanDialog)))
    assert panel.dont_show.text() == "今天不再显示" and not panel.dont_show.isChecked()
    button = panel.findChild(QPushButton, "openPlan")
    assert button is not None
    button.click()
    assert len(plans) == 1 and plans[0].isVisible()
    qtbot.waitUntil(lambda: plans[0].plan is not None, timeout=WAIT_MS)
    plans[0].close()
    panel.dont_show.setChecked(True)
    panel.close()
    assert dismissed_today(TODAY) and not dismissed_today(TODAY + dt.timedelta(days=1))
    reminders.stop()
    assert tabs.tabText(0) == "仪器设备台账" and tabs.tabIcon(0).isNull()  # as it was
    again = start(qtbot, fleet, tabs, tab)  # the next start the same day: badge, no panel
    assert again.panel is None and tabs.tabText(0) == "仪器设备台账 (7)"
    again.stop()


def test_nothing_due_means_no_panel(qtbot: QtBot, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABDESK_USER", "planner")
    database = open_db(sqlite_url)
    with database.session() as session:
        session.add(Instrument(code="OK-1", name="天平", next_due_date=TODAY + dt.timedelta(days=31)))
    tabs, tab = tabs_with_instruments(qtbot, database)
    reminders = start(qtbot, database, tabs, tab)
    assert reminders.panel is None and tabs.tabText(0) == "仪器设备台账"
    reminders.stop()
    database.dispose()


def test_main_window_badges_the_instruments_tab(qtbot: QtBot, demo_target: DatabaseTarget) -> None:
    from labdesk.ui.main_window import MainWindow

    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.databaseOpened, timeout=WAIT_MS):
        window.open_target(demo_target)
    assert window.reminders is not None
    qtbot.waitUntil(lambda: window.reminders is not None and window.reminders.reminders is not None,
                    timeout=WAIT_MS)
    found = window.reminders.reminders
    assert found is not None and found.today == dt.date.today()
    index = next(i for i, t in enumerate(window.ledger_tabs()) if t.spec.name == "instruments")
    title = window.tabs.tabText(index)
    assert title == (f"仪器设备台账 ({found.total})" if found.total else "仪器设备台账")
    if found.total:  # demo dates hang off today: ~5 % overdue, ~8 % due within 30 days
        assert window.reminders.panel is not None and window.reminders.panel.isVisible()
        window.reminders.panel.close()
    for tab in window.ledger_tabs():
        wait_counted(qtbot, tab.model)
    window.close()
