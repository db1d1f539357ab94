"""The Fees tab as finance sees it: footer totals, the Batch edit… button, the dialog and its conflict."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from pytestqt.qtbot import QtBot

from labdesk.models.orders import OrderFee
from labdesk.services import fees
from labdesk.services.database import Database
from labdesk.services.ledgers.paging import LedgerQuery
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.fee_batch_dialog import FeeBatchDialog, FeeLedgerTools, yuan
from labdesk.ui.ledger_view import LedgerTab
from tests.ui.helpers import WAIT_MS, cell, requery, wait_counted
from tests.unit.test_fees import as_login, stored


def fees_tab(qtbot: QtBot, database: Database) -> tuple[LedgerTab, FeeLedgerTools]:
    tab = LedgerTab(get_ledger("fees"), database)
    qtbot.addWidget(tab)
    tab.resize(1300, 600)
    tab.show()
    wait_counted(qtbot, tab.model)
    assert tab.fee_tools is not None
    return tab, tab.fee_tools


def select_rows(qtbot: QtBot, tab: LedgerTab, first: int, last: int) -> list[int]:
    cell(qtbot, tab.model, last)  # the rows' page is loaded, as when the user sees them
    selection = QItemSelection(tab.model.index(first, 0), tab.model.index(last, tab.model.columnCount() - 1))
    tab.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return [rid for rid in (tab.model.record_id(r) for r in range(first, last + 1)) if rid is not None]


def wait_footer(qtbot: QtBot, tools: FeeLedgerTools, totals: fees.FeeTotals) -> None:
    expected = f"{totals.count:,} 个委托：应收 {yuan(totals.final_price)}"
    qtbot.waitUntil(lambda: tools.footer.text().startswith(expected), timeout=WAIT_MS)


def open_dialog(qtbot: QtBot, tools: FeeLedgerTools) -> FeeBatchDialog:
    dialog = tools.open()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT_MS)
    return dialog


def test_footer_totals_follow_the_search(qtbot: QtBot, database: Database) -> None:
    finance = as_login(database, "luojuan", {"finance"})
    tab, tools = fees_tab(qtbot, finance)
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery()))
    assert "已收" in tools.footer.text() and "未收" in tools.footer.text()
    first = cell(qtbot, tab.model, 0)
    tab.search.setText(first)
    assert requery(qtbot, tab) == 1
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery(search=first)))


def test_batch_edit_is_for_finance_with_a_selection(qtbot: QtBot, database: Database) -> None:
    front = as_login(database, "zhangwei", {"front_desk"})
    tab, tools = fees_tab(qtbot, front)
    select_rows(qtbot, tab, 0, 2)
    assert not tools.button.isEnabled() and tools.open() is None
    assert "财务" in tools.button.toolTip()
    finance = as_login(database, "luojuan", {"finance"})
    tab2, tools2 = fees_tab(qtbot, finance)
    assert not tools2.button.isEnabled()
    select_rows(qtbot, tab2, 0, 2)
    assert tools2.button.isEnabled()
    wait_footer(qtbot, tools, fees.fee_totals(front, LedgerQuery()))
    wait_footer(qtbot, tools2, fees.fee_totals(finance, LedgerQuery()))


def test_summary_then_apply_received_in_full(qtbot: QtBot, database: Database) -> None:
    finance = as_login(database, "luojuan", {"finance"})
    tab, tools = fees_tab(qtbot, finance)
    ids = select_rows(qtbot, tab, 0, 4)
    dialog = open_dialog(qtbot, tools)
    summary = fees.fee_selection_summary(finance, ids)
    assert dialog.summary_label.text() == f"5 个委托，合计 {yuan(summary.final_price)}"
    dialog.charged.setCurrentIndex(dialog.charged.findData(True))
    dialog.amount_mode.setCurrentIndex(dialog.amount_mode.findData("full"))
    dialog.replace_note.setChecked(True)
    dialog.note.setText("已核对 ✓")
    with qtbot.waitSignal(dialog.applied, timeout=WAIT_MS) as applied:
        dialog.apply_button.click()
    assert applied.args == [5]
    after = fees.fee_selection_summary(finance, ids)
    assert after.outstanding == 0 and all(stored(finance)[i][1:4:2] == (True, "已核对 ✓") for i in ids)
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery()))
    wait_counted(qtbot, tab.model)


def test_a_colleagues_save_is_a_conflict_then_read_again_and_apply(qtbot: QtBot, database: Database) -> None:
    finance = as_login(database, "luojuan", {"finance"})
    tab, tools = fees_tab(qtbot, finance)
    ids = select_rows(qtbot, tab, 0, 3)
    dialog = open_dialog(qtbot, tools)
    order_no = cell(qtbot, tab.model, 2)
    with finance.session() as session:  # another workstation saves one of the selected fees
        row = session.get(OrderFee, ids[2])
        assert row is not None
        row.note = "前台改过"
    before = stored(finance)
    dialog.amount_mode.setCurrentIndex(dialog.amount_mode.findData("value"))
    dialog.amount.setText("100")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.reload_button.isVisible(), timeout=WAIT_MS)
    assert order_no in dialog.message.text() and not dialog.apply_button.isEnabled()
    assert stored(finance) == before  # nothing half-applied
    dialog.reload_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.applied, timeout=WAIT_MS):
        dialog.apply_button.click()
    after = stored(finance)
    assert all(after[i][2] == Decimal("100.00") and after[i][1] == before[i][1] for i in ids)  # charged kept
    wait_counted(qtbot, tab.model)
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery()))


def test_bad_amount_is_refused_in_the_dialog(qtbot: QtBot, database: Database) -> None:
    finance = as_login(database, "luojuan", {"finance"})
    tab, tools = fees_tab(qtbot, finance)
    select_rows(qtbot, tab, 0, 1)
    dialog = open_dialog(qtbot, tools)
    before = stored(finance)
    dialog.amount_mode.setCurrentIndex(dialog.amount_mode.findData("value"))
    for text in ("1.005", "-3", "abc"):
        dialog.amount.setText(text)
        dialog.apply_button.click()
        assert dialog.message.isVisible() and dialog.message.text()
    assert dialog.isVisible() and stored(finance) == before
    dialog.reject()
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery()))


def test_select_all_edits_every_row_of_the_filter_loaded_or_not(qtbot: QtBot, database: Database) -> None:
    finance = as_login(database, "luojuan", {"finance"})
    tab, tools = fees_tab(qtbot, finance)
    tab.table.selectAll()
    assert tools.selection() == tab.model.query
    dialog = open_dialog(qtbot, tools)
    assert dialog.summary is not None and dialog.summary.count == tab.model.total
    assert dialog.summary_label.text().startswith(f"{tab.model.total:,} 个委托，合计 ¥")
    dialog.reject()
    wait_footer(qtbot, tools, fees.fee_totals(finance, LedgerQuery()))
