"""The instrument import wizard: check a file, see problems on their cells, import, reports, permissions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from labdesk.services.actor import Actor
from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.import_wizard import PROBLEM_TINT, ImportWizard
from labdesk.ui.ledger_view import LedgerTab
from tests.instrument_sheets import write_book

WAIT_MS = 20_000


def wizard_for(qtbot: QtBot, database: Database) -> ImportWizard:
    wizard = ImportWizard(database)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def check(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        wizard.path_edit.setText(str(path))
        wizard.check_button.click()


def test_good_file_imports_and_refreshes(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "good.xlsx",
        [["设备编号", "设备名称", "状态"], ["UI-1", "天平", "在用"], [None, "烘箱", "维修"]],
    )
    wizard = wizard_for(qtbot, database)
    check(qtbot, wizard, path)
    assert wizard.pages.currentIndex() == 1
    assert wizard.summary.text() == "已检查 2 行，没有问题，可以导入。"
    assert wizard.import_button.isEnabled() and not wizard.report_button.isEnabled()
    assert wizard.problem_list.isHidden()
    model = wizard.table.model()
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "B  设备名称"
    with qtbot.waitSignal(wizard.imported, timeout=WAIT_MS) as imported:
        wizard.import_button.click()
    assert imported.args is not None and imported.args[0].imported == 2
    qtbot.waitUntil(lambda: wizard.close_button.isEnabled(), timeout=WAIT_MS)
    assert wizard.result_label.text() == "已导入 2 台设备。"
    assert wizard.progress.value() == wizard.progress.maximum()
    # Importing the same file again: the codes are taken now, so the check finds the problem.
    wizard.pages.setCurrentIndex(0)
    check(qtbot, wizard, path)
    assert not wizard.import_button.isEnabled()
    assert wizard.problem_list.item(0).text().startswith("第 2 行，A 列：编号 UI-1 已在台账中。")


def test_problems_are_marked_on_their_cells(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "bad.xlsx",
        [
            ["code", "name", "status", "calibration_interval_months"],
            ["B-1", "ok", "坏了", "12"],
            [],
            ["B-2", None, "在用", "-1"],
        ],
    )
    wizard = wizard_for(qtbot, database)
    check(qtbot, wizard, path)
    assert wizard.summary.text() == "发现 3 个问题。请在文件中改正后再导入，改正前不会导入任何数据。"
    assert not wizard.import_button.isEnabled() and wizard.report_button.isEnabled()
    model = wizard.table.model()
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == ["2", "4"]
    bad_status = model.index(0, 2)
    background = model.data(bad_status, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == PROBLEM_TINT
    assert model.data(bad_status, Qt.ItemDataRole.ToolTipRole).startswith("坏了 不是设备状态。")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "name 为必填项，请填写。"
    lines = [wizard.problem_list.item(i).text() for i in range(wizard.problem_list.count())]
    assert (
        lines[0].startswith("第 2 行，C 列：坏了 不是设备状态。")
        and lines[1] == "第 4 行，B 列：name 为必填项，请填写。"
    )
    assert lines[2] == "第 4 行，D 列：-1 个月不是有效的校准周期。请填写 1 到 240 之间的整数。"
    wizard.problem_list.setCurrentRow(2)  # going to a problem selects its cell
    assert (wizard.table.currentIndex().row(), wizard.table.currentIndex().column()) == (1, 3)
    report = tmp_path / "problems.xlsx"
    with qtbot.waitSignal(wizard.reportSaved, timeout=WAIT_MS):
        wizard.save_error_report(report)
    listing = openpyxl.load_workbook(report).worksheets[0]
    assert [row[0] for row in listing.iter_rows(min_row=2, values_only=True)] == [2, 4, 4]


def test_not_a_workbook_says_so(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("just text")
    wizard = wizard_for(qtbot, database)
    with qtbot.waitSignal(wizard.checkFailed, timeout=WAIT_MS) as failed:
        wizard.path_edit.setText(str(path))
        wizard.check_button.click()
    assert failed.args == ["notes.xlsx 不是 Excel 工作簿，或已损坏。请在 Excel 中另存为 .xlsx 后重试。"]
    assert wizard.pages.currentIndex() == 0 and wizard.check_button.isEnabled()


def test_template_has_chinese_headers(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    wizard = wizard_for(qtbot, database)
    out = tmp_path / "template.xlsx"
    with qtbot.waitSignal(wizard.reportSaved, timeout=WAIT_MS):
        wizard.save_template(out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.title == "仪器设备" and sheet["A1"].value == "设备编号" and sheet["L1"].value == "状态"


def test_instruments_tab_button_follows_roles(qtbot: QtBot, database: Database) -> None:
    tab = LedgerTab(get_ledger("instruments"), database)
    qtbot.addWidget(tab)
    button = tab.findChild(QPushButton, "importInstruments")
    assert button is not None and button.isEnabled() and button.text() == "从 Excel 导入…"
    technician = dataclasses.replace(database, actor=Actor("tech", frozenset({"technician"})))
    other = LedgerTab(get_ledger("instruments"), technician)
    qtbot.addWidget(other)
    refused = other.findChild(QPushButton, "importInstruments")
    assert refused is not None and not refused.isEnabled()
    assert refused.toolTip() == "只有设备管理员可以导入仪器设备"
    samples = LedgerTab(get_ledger("samples"), database)
    qtbot.addWidget(samples)
    assert samples.findChild(QPushButton, "importInstruments") is None
