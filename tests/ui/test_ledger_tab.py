"""A ledger tab: sorting by header click, quick search, filters, hostile input, export, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.i18n import translate
from labdesk.ui.ledger_view import LedgerTab
from tests.ui.helpers import WAIT_MS, cell, requery, wait_counted
from tests.xlsx import read_sheet


def make_tab(qtbot: QtBot, database: Database, name: str) -> LedgerTab:
    tab = LedgerTab(get_ledger(name), database)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    wait_counted(qtbot, tab.model)
    return tab


def click_header(qtbot: QtBot, tab: LedgerTab, column: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


def test_header_click_sorts_in_sql(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    total = tab.model.total
    ascending_first = cell(qtbot, tab.model, 0)
    ascending_last = cell(qtbot, tab.model, total - 1)
    assert ascending_first < ascending_last
    click_header(qtbot, tab, 0)  # the code column is sorted ascending: a click reverses it
    assert tab.model.query.descending
    assert wait_counted(qtbot, tab.model) == total
    assert cell(qtbot, tab.model, 0) == ascending_last
    click_header(qtbot, tab, 0)
    assert not tab.model.query.descending
    wait_counted(qtbot, tab.model)
    assert cell(qtbot, tab.model, 0) == ascending_first


def test_sort_by_another_column(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    due = tab.spec.column_index("next_due_date")
    click_header(qtbot, tab, due)
    assert tab.model.query.sort_key == "next_due_date"
    wait_counted(qtbot, tab.model)
    dates = [cell(qtbot, tab.model, row, due) for row in range(20)]
    present = [d for d in dates if d]
    assert present == sorted(present)


def test_quick_search_narrows_and_finds_a_code(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    total = tab.model.total
    code = cell(qtbot, tab.model, 7)
    QTest.keyClicks(tab.search, code)
    qtbot.waitUntil(lambda: tab.model.query.search == code and tab.model.counted, timeout=WAIT_MS)
    assert 0 < tab.model.total < total
    assert cell(qtbot, tab.model, 0) == code
    assert tab.count_label.text() == "共 1 条"


def test_status_filter(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    total = tab.model.total
    combo = tab.filters.status
    combo.setCurrentIndex(combo.findData("in_service"))
    filtered = requery(qtbot, tab)
    assert 0 < filtered < total
    status = tab.spec.column_index("status")
    assert {cell(qtbot, tab.model, row, status) for row in range(filtered)} == {"在用"}
    tab.filters.clear()
    assert requery(qtbot, tab) == total


def test_text_filter_dialog(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    name = cell(qtbot, tab.model, 0, tab.spec.column_index("name"))
    dialog = tab.filters.open_dialog()
    qtbot.addWidget(dialog)
    editor = dialog.findChild(type(tab.search), "filter_name")
    assert editor is not None
    editor.setText(name)
    dialog.accept()
    count = requery(qtbot, tab)
    assert 0 < count <= tab.model.total
    column = tab.spec.column_index("name")
    assert all(name in cell(qtbot, tab.model, row, column) for row in range(count))
    assert "1" in tab.filters.more.text()


HOSTILE = ["'; DROP TABLE customers; --", "%_\\", "x" * 10_000, "🧪🔬 试验机🙂", "无此\x00客户\x1b"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_gives_no_rows_and_no_error(qtbot: QtBot, database: Database, text: str) -> None:
    tab = make_tab(qtbot, database, "customers")
    total = tab.model.total
    tab.search.setText(text)  # the box keeps at most 200 characters
    assert requery(qtbot, tab) == 0
    assert tab.error_label.isHidden()
    # the model itself takes the whole text too (no box in between)
    from dataclasses import replace

    tab.model.set_query(replace(tab.model.query, search=text))
    assert wait_counted(qtbot, tab.model) == 0
    tab.search.clear()
    assert requery(qtbot, tab) == total  # the table is still there


def test_export_writes_translated_titles_and_every_row(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, database, "instruments")
    tab.filters.status.setCurrentIndex(tab.filters.status.findData("in_service"))
    expected_rows = requery(qtbot, tab)
    tab.set_column_visible("model", False)
    header = tab.table.horizontalHeader()
    header.moveSection(header.visualIndex(tab.spec.column_index("status")), 1)
    out = tmp_path / "仪器.xlsx"
    with qtbot.waitSignal(tab.exportFinished, timeout=WAIT_MS) as finished:
        tab.export_to(out)
    assert finished.args == [str(out), expected_rows]
    title, rows = read_sheet(out)
    assert title == "仪器设备台账"
    keys = tab.visible_columns()
    assert keys[:2] == ["code", "status"] and "model" not in keys
    assert list(rows[0]) == [translate("Ledger", tab.spec.column(k).title) for k in keys]
    assert rows[0][:2] == ("设备编号", "状态")
    assert len(rows) - 1 == tab.model.total
    assert {r[1] for r in rows[1:]} == {"在用"}


def test_column_layout_survives_a_new_tab(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, "instruments")
    column = tab.spec.column_index("manufacturer")
    assert not tab.table.horizontalHeader().isSectionHidden(column)
    tab.set_column_visible("manufacturer", False)
    tab.close()
    again = make_tab(qtbot, database, "instruments")
    assert again.table.horizontalHeader().isSectionHidden(column)
    assert "manufacturer" not in again.visible_columns()
    other = make_tab(qtbot, database, "samples")  # layouts are per ledger
    assert other.visible_columns()[0] == "sample_no"


def test_column_chooser_lists_every_column(qtbot: QtBot, database: Database) -> None:
    from labdesk.ui.column_layout import column_menu

    tab = make_tab(qtbot, database, "customers")
    menu = column_menu(tab.table.horizontalHeader(), tab.spec)
    checkable = [a for a in menu.actions() if a.isCheckable()]
    assert len(checkable) == len(tab.spec.columns)
    hidden = next(a for a in checkable if not a.isChecked())  # e.g. the address, hidden by default
    hidden.setChecked(True)
    assert not tab.table.horizontalHeader().isSectionHidden(int(hidden.data()))
