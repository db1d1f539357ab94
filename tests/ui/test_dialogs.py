"""The card dialog and the connection dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.settings import load_settings
from labdesk.ui import connection_dialog
from labdesk.ui.card_dialog import CardDialog
from labdesk.ui.connection_dialog import ConnectionDialog, server_url
from labdesk.ui.ledger_view import LedgerTab
from tests.ui.helpers import WAIT_MS, cell, wait_counted


def test_card_shows_number_fields_and_details(qtbot: QtBot, database: Database) -> None:
    tab = LedgerTab(get_ledger("instruments"), database)
    qtbot.addWidget(tab)
    wait_counted(qtbot, tab.model)
    code = cell(qtbot, tab.model, 0)
    with qtbot.waitSignal(tab.cardOpened, timeout=WAIT_MS) as opened:
        tab.open_card(0)
    dialog = opened.args[0]
    assert isinstance(dialog, CardDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=WAIT_MS)
    assert dialog.windowTitle() == f"仪器设备 {code}"
    assert len(dialog.form_holder.findChildren(QLabel)) == 2 * len(tab.spec.columns)
    close = dialog.findChild(QDialogButtonBox)
    assert isinstance(close, QDialogButtonBox)
    assert close.buttons()[0].text() == "关闭"  # Qt's own translation passes through ours
    field = dialog.findChild(QLabel, "field_code")
    assert isinstance(field, QLabel) and field.text() == code
    tabs = dialog.details
    assert tabs.count() == len(tab.spec.details) + 2  # and its Attachments and History
    assert tabs.tabText(0).startswith("校准记录")
    calibrations = tabs.widget(0)
    assert isinstance(calibrations, QTableWidget)
    header = calibrations.horizontalHeaderItem(0)
    assert header is not None and header.text() == "校准日期"
    assert calibrations.rowCount() > 0
    first = calibrations.item(0, 0)
    assert first is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first.text())  # an ISO date


def test_card_closes_on_escape(qtbot: QtBot, database: Database) -> None:
    dialog = CardDialog(get_ledger("customers"), database, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=WAIT_MS)
    assert dialog.windowTitle().startswith("客户 KH")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_card_of_a_vanished_record_says_so(qtbot: QtBot, database: Database) -> None:
    dialog = CardDialog(get_ledger("customers"), database, 987_654)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        pass
    assert "no longer exists" in str(failed.args[0])


def test_connection_test_reports_unreachable_server(qtbot: QtBot) -> None:
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_url("127.0.0.1", 1, "none", "nobody")
    assert dialog.url() == "postgresql://nobody@127.0.0.1:1/none"
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    with qtbot.waitSignal(dialog.tested, timeout=WAIT_MS) as tested:
        dialog.test_button.click()
    assert "无法连接数据库服务器" in str(tested.args[0])
    assert "无法连接数据库服务器" in dialog.result_label.text()
    assert dialog.test_button.isEnabled()


def test_ok_saves_the_url_but_never_the_password(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[tuple[str, str]] = []

    def no_keyring(url: str, password: str) -> bool:
        kept.append((url, password))
        return False  # as store_password answers on a machine without a usable keyring

    monkeypatch.setattr(connection_dialog, "store_password", no_keyring)
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_url("db.lab.example", 5433, "labdesk", "张三")
    dialog.password.setText("s3cret")
    dialog.accept()
    saved = load_settings()
    assert saved.database_url == server_url("db.lab.example", 5433, "labdesk", "张三")
    assert "s3cret" not in (saved.database_url or "")
    assert kept == [(saved.database_url, "s3cret")]
    assert dialog.keyring_missing  # so the main window keeps it for this session and says so
    again = ConnectionDialog()
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.user.text()) == ("db.lab.example", 5433, "张三")
