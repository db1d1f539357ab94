"""A record's card lists its audit history, newest first, in the user's language (Chinese here)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from labdesk.models import Customer
from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.card_dialog import CardDialog
from tests.ui.helpers import WAIT_MS


def open_card(qtbot: QtBot, database: Database, ledger: str, record_id: int) -> CardDialog:
    dialog = CardDialog(get_ledger(ledger), database, record_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        pass
    return dialog


def texts(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def test_card_shows_who_changed_what(qtbot: QtBot, database: Database) -> None:
    with database.session() as session:
        customer = Customer(code="KH9001", name="华龙检测", address="北京")
        session.add(customer)
    with database.session() as session:
        found = session.get(Customer, customer.id)
        assert found is not None
        found.name = "华龙检测有限公司"
    dialog = open_card(qtbot, database, "customers", customer.id)
    tabs = dialog.details
    assert tabs.isVisibleTo(dialog)
    assert tabs.tabText(tabs.count() - 1) == "修改历史 (2)"
    history = dialog.findChild(QTableWidget, "history")
    assert isinstance(history, QTableWidget)
    headers = [history.horizontalHeaderItem(c).text() for c in range(history.columnCount())]  # type: ignore[union-attr]
    assert headers == ["时间", "操作", "用户", "字段", "原值", "新值"]
    newest = texts(history, 0)
    assert newest[1] == "修改" and newest[2] == database.actor.login
    lines = [texts(history, r) for r in range(history.rowCount())]
    update_lines = lines[: next(n for n in range(1, len(lines)) if lines[n][1])]  # up to the next entry
    changed = {line[3]: line[4:] for line in update_lines}
    assert changed["客户名称"] == ["华龙检测", "华龙检测有限公司"]  # the ledger's own column title
    assert "版本" not in changed or changed["版本"] == ["1", "2"]
    assert [line[1] for line in lines if line[1]] == ["修改", "新建"]


def test_a_record_without_history_shows_an_empty_list(qtbot: QtBot, database: Database) -> None:
    dialog = open_card(qtbot, database, "customers", 1)  # demo rows are bulk-loaded, not audited
    history = dialog.findChild(QTableWidget, "history")
    assert isinstance(history, QTableWidget) and history.rowCount() == 0
    assert dialog.details.tabText(dialog.details.count() - 1) == "修改历史 (0)"
