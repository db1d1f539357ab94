"""The main window: opens the database in a worker, one tab per ledger with demo rows, banners."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from labdesk.paths import demo_database_path
from labdesk.services import workspace
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.ledgers.registry import all_ledgers
from labdesk.ui.main_window import MainWindow
from tests.ui.helpers import RECORD_CODE, WAIT_MS, cell, wait_counted


def open_window(qtbot: QtBot, target: DatabaseTarget) -> MainWindow:
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.databaseOpened, timeout=WAIT_MS):
        window.open_target(target)
    return window


def test_every_tab_shows_demo_rows(qtbot: QtBot, demo_target: DatabaseTarget) -> None:
    window = open_window(qtbot, demo_target)
    tabs = window.ledger_tabs()
    assert [t.spec.name for t in tabs] == [s.name for s in all_ledgers()]
    assert window.tabs.tabText(7) == "仪器设备台账"
    for tab in tabs:
        window.tabs.setCurrentWidget(tab)
        if tab.spec.name == "audit":  # demo rows are bulk-loaded on SQLite: no audit entries
            continue
        assert wait_counted(qtbot, tab.model) > 0, tab.spec.name
        first = cell(qtbot, tab.model, 0)
        assert RECORD_CODE.fullmatch(first), (tab.spec.name, first)
        assert tab.count_label.text().startswith("共 ")
    assert window.status.state.text() == "● 已连接"
    window.ping()  # what the 30-second timer does, in a worker
    qtbot.waitUntil(lambda: not window._pinging, timeout=WAIT_MS)
    assert window.status.state.text() == "● 已连接"
    assert window.status.version.text().startswith("SQLite ")
    assert demo_target.display in window.status.database.text()
    assert window.single_user_note.isVisibleTo(window)
    assert not window.banner.isVisibleTo(window)  # a CLI-chosen file is not the demo


def test_demo_banner_on_the_demo_database(qtbot: QtBot, demo_file: Path) -> None:
    shutil.copyfile(demo_file, demo_database_path())  # as if filled on an earlier start
    window = open_window(qtbot, workspace.demo_database_target())
    assert window.banner.isVisibleTo(window)
    assert window.single_user_note.isVisibleTo(window)
    assert wait_counted(qtbot, window.ledger_tabs()[0].model) == 20


def test_unreachable_server_keeps_the_app_usable(qtbot: QtBot) -> None:
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    target = DatabaseTarget("postgresql+psycopg://nobody@127.0.0.1:1/none", UrlSource.CLI)
    with qtbot.waitSignal(window.databaseFailed, timeout=WAIT_MS) as failed:
        window.open_target(target)
    assert "无法连接数据库服务器" in str(failed.args[0])
    assert window.stack.currentWidget() is window.problem
    assert window.problem.buttons.isVisibleTo(window)
    assert "无法连接数据库服务器" in window.problem.message.text()
    # ...and the offered way out works: the local file opens (created empty on first use).
    with qtbot.waitSignal(window.databaseOpened, timeout=WAIT_MS):
        window.use_local_database()
    assert len(window.ledger_tabs()) == len(all_ledgers())
    assert wait_counted(qtbot, window.ledger_tabs()[0].model) == 0


def test_first_start_prepares_the_demo_database(qtbot: QtBot) -> None:
    assert not demo_database_path().exists()
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.databaseOpened, timeout=60_000):
        window.open_target(workspace.demo_database_target())
        assert window.problem.message.text() == "正在准备演示数据库…"
    assert window.banner.isVisibleTo(window)
    instruments = next(t for t in window.ledger_tabs() if t.spec.name == "instruments")
    assert wait_counted(qtbot, instruments.model) > 0


def test_choosing_a_language_is_saved_for_the_next_start(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from labdesk.settings import load_settings

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    english = next(a for a in window.findChildren(QAction) if a.data() == "en")
    english.trigger()
    assert load_settings().language == "en"
    assert told == ["新的界面语言将在重新启动 LabDesk 后生效。"]
    chinese = next(a for a in window.findChildren(QAction) if a.data() == "zh_CN")
    chinese.trigger()  # the language already shown: saved, nothing to restart for
    assert load_settings().language == "zh_CN" and len(told) == 1
