"""The Calibration Plan window and the instrument ledger's flags (pytest-qt, zh_CN)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QPushButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from labdesk.models.instruments import Instrument
from labdesk.services.database import Database
from labdesk.services.ledgers.lab import INSTRUMENTS
from labdesk.ui.calibration_plan_view import AMBER_TINT, RED_TINT, CalibrationPlanDialog
from labdesk.ui.ledger_view import LedgerTab
from tests.ui.helpers import WAIT_MS, cell, wait_counted
from tests.unit.test_calibration_plan import TODAY, build_fleet, open_db
from tests.xlsx import read_sheet


@pytest.fixture
def fleet(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("LABDESK_USER", "planner")
    database = open_db(sqlite_url)
    build_fleet(database)
    yield database
    database.dispose()


def open_plan(qtbot: QtBot, database: Database, months: int = 3) -> CalibrationPlanDialog:
    dialog = CalibrationPlanDialog(database, today=TODAY, months=months)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def tree_contents(dialog: CalibrationPlanDialog) -> list[tuple[str, list[str]]]:
    tree = dialog.tree
    result = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        children = [top.child(j) for j in range(top.childCount())]
        result.append((top.text(0), [c.text(0) for c in children if c is not None]))
    return result


def child(dialog: CalibrationPlanDialog, code: str) -> QTreeWidgetItem:
    items = dialog.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    assert len(items) == 1
    return items[0]


def test_plan_lists_overdue_first_then_each_month(qtbot: QtBot, fleet: Database) -> None:
    dialog = open_plan(qtbot, fleet)
    assert tree_contents(dialog) == [
        ("逾期  (4)", ["T-02", "T-01", "T-12", "T-11"]),
        ("2026-12  (2)", ["T-04", "T-05"]),
        ("2027-01  (2)", ["T-06", "T-07"]),
        ("2027-02  (1)", ["T-08"]),
    ]
    assert dialog.period.text() == "2026-12 至 2027-02，截至 2026-12-03"
    assert dialog.note.text() == "共 9 台仪器，其中 4 台逾期。"
    t02 = child(dialog, "T-02")
    assert [t02.text(c) for c in (4, 5, 6, 7, 8, 9, 10, 11)] == [
        "张伟", "停用", "2025-10-01", "2026-10-01", "-63", "是", "外部", "省计量院"]
    assert t02.background(0) == QBrush(RED_TINT) and t02.toolTip(3) == "停用; 逾期"
    assert child(dialog, "T-05").background(0) == QBrush(AMBER_TINT)  # due in 28 days
    assert child(dialog, "T-07").background(0).style() == Qt.BrushStyle.NoBrush  # 31 days: plain
    assert child(dialog, "T-04").text(1).startswith('=HYPERLINK("http://x")\x07')  # shown verbatim


def test_months_selector_reloads(qtbot: QtBot, fleet: Database) -> None:
    dialog = open_plan(qtbot, fleet)
    assert (dialog.months.minimum(), dialog.months.maximum()) == (1, 24)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.months.setValue(1)
    assert tree_contents(dialog) == [("逾期  (4)", ["T-02", "T-01", "T-12", "T-11"]),
                                     ("2026-12  (2)", ["T-04", "T-05"])]
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.months.setValue(24)
    parent = child(dialog, "T-09").parent()
    assert dialog.tree.topLevelItemCount() == 25 and parent is not None and parent.text(0) == "2027-03  (1)"


def test_export_writes_the_whole_plan(qtbot: QtBot, fleet: Database, tmp_path: Path) -> None:
    dialog = open_plan(qtbot, fleet)
    path = tmp_path / "计划.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as exported:
        assert dialog.export_to(path) is not None
    assert exported.args == [str(path), 9]
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=WAIT_MS)
    title, rows = read_sheet(path)
    assert title == "校准计划" and [r[0] for r in rows[2:7]] == ["逾期", "T-02", "T-01", "T-12", "T-11"]
    assert dialog.note.text() == f"已将 9 台仪器导出到 {path}"


def test_export_to_an_unwritable_place_says_why(qtbot: QtBot, fleet: Database, tmp_path: Path) -> None:
    dialog = open_plan(qtbot, fleet)
    with qtbot.waitSignal(dialog.exportFailed, timeout=WAIT_MS) as failed:
        dialog.export_to(tmp_path / "missing" / "plan.xlsx")
    message = str(failed.args[0])
    assert message.startswith("无法写入 ") and message.endswith("No such file or directory")
    assert dialog.note.text() == message
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=WAIT_MS)


def test_double_click_opens_the_instrument(qtbot: QtBot, fleet: Database) -> None:
    dialog = open_plan(qtbot, fleet)
    heading = dialog.tree.topLevelItem(0)
    assert heading is not None and dialog.open_card(heading) is None  # a heading has no card
    card = dialog.open_card(child(dialog, "T-05"))
    assert card is not None
    qtbot.waitUntil(lambda: card.card is not None, timeout=WAIT_MS)
    assert card.windowTitle() == "仪器设备 T-05"
    card.close()


def test_instruments_tab_opens_the_plan(qtbot: QtBot, database: Database) -> None:
    tab = LedgerTab(INSTRUMENTS, database)
    qtbot.addWidget(tab)
    button = tab.findChild(QPushButton, "calibrationPlanButton")
    assert button is not None and button.isVisibleTo(tab) and button.text() == "校准计划…"
    dialog = tab.open_calibration_plan()
    assert isinstance(dialog, CalibrationPlanDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    assert dialog.plan is not None and dialog.plan.today == dt.date.today()
    dialog.close()
    other = LedgerTab(dataclasses.replace(INSTRUMENTS, name="other"), database)
    qtbot.addWidget(other)
    hidden = other.findChild(QPushButton, "calibrationPlanButton")
    assert hidden is not None and not hidden.isVisibleTo(other)
    wait_counted(qtbot, tab.model)
    wait_counted(qtbot, other.model)


def test_ledger_flags_overdue_and_out_of_service_rows(qtbot: QtBot, sqlite_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Flags follow the real today, so these instruments' dates hang off it."""
    monkeypatch.setenv("LABDESK_USER", "planner")
    database = open_db(sqlite_url)
    today = dt.date.today()
    rows = [("F-1", "in_service", today - dt.timedelta(days=1)), ("F-2", "in_service", today),
            ("F-3", "out_of_service", None), ("F-4", "under_repair", today + dt.timedelta(days=99)),
            ("F-5", "out_for_calibration", None), ("F-6", "retired", today - dt.timedelta(days=400))]
    with database.session() as session:
        session.add_all(Instrument(code=c, name=c, status=s, next_due_date=d) for c, s, d in rows)
    tab = LedgerTab(INSTRUMENTS, database)
    qtbot.addWidget(tab)
    assert wait_counted(qtbot, tab.model) == 6
    model, seen = tab.model, {}
    for row in range(6):
        code = cell(qtbot, model, row)
        background = model.data(model.index(row, 3), Qt.ItemDataRole.BackgroundRole)
        tip = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
        dot = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
        seen[code] = (None if background is None else background.color().name(), tip, dot is not None)
    assert seen == {
        "F-1": ("#c0392b", "逾期", True),
        "F-2": (None, None, False),
        "F-3": ("#c0392b", "停用", True),
        "F-4": ("#d68910", "维修中", True),
        "F-5": ("#7d3c98", "送检中", True),
        "F-6": (None, None, False),
    }
    database.dispose()
