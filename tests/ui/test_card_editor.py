"""The editable card: edit and save, conflicts between workstations, a server that goes away."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from labdesk.services import card_editing, workspace
from labdesk.services.actor import ALL_ROLES, Actor
from labdesk.services.connection import DatabaseTarget, UrlSource
from labdesk.services.database import Database, open_database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.card_dialog import CardDialog
from labdesk.ui.card_edit_panel import EditPanel, NewRecordDialog
from labdesk.ui.conflict_dialog import ConflictDialog
from labdesk.ui.ledger_view import LedgerTab
from tests.tcp_proxy import TcpProxy
from tests.ui.helpers import WAIT_MS

RECORD = 1


@pytest.fixture
def other_workstation(demo_target: DatabaseTarget) -> Iterator[Database]:
    """A second Database on the same file: another workstation."""
    other = workspace.connect(demo_target)
    yield other
    other.dispose()


def _open_editing(qtbot: QtBot, database: Database, record_id: int = RECORD) -> tuple[CardDialog, EditPanel]:
    dialog = CardDialog(get_ledger("instruments"), database, record_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    assert dialog.edit_button is not None and dialog.edit_button.isEnabled()
    dialog.edit_button.click()
    panel = dialog.edit_panel
    assert panel is not None
    panel.confirm_discard = lambda: True  # closing at teardown must never open a modal question
    qtbot.waitUntil(lambda: panel.record is not None and not panel.busy, timeout=WAIT_MS)
    return dialog, panel


def _line(panel: EditPanel, key: str) -> QLineEdit:
    widget = panel.editor.widgets[key]
    assert isinstance(widget, QLineEdit)
    return widget


def _save(qtbot: QtBot, panel: EditPanel) -> None:
    """Ctrl+S, as the user presses it (the offscreen platform has no active window: activate one)."""
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    panel.editor.widgets["location"].setFocus()
    QTest.keyClick(panel.editor.widgets["location"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_edit_and_save_with_ctrl_s(qtbot: QtBot, database: Database) -> None:
    dialog, panel = _open_editing(qtbot, database)
    assert _line(panel, "status").isReadOnly() and _line(panel, "status").toolTip()
    hostile = "量程 0-200 'x'; DROP TABLE instruments; -- 😀"
    _line(panel, "location").setText(hostile)
    with qtbot.waitSignal(dialog.edited, timeout=WAIT_MS):
        _save(qtbot, panel)
    assert dialog.edit_panel is None and dialog.form_holder.isVisible()
    assert card_editing.load_for_edit(database, "instruments", RECORD).values["location"] == hostile
    shown = dialog.form_holder.findChild(type(dialog.status_label), "field_location")
    assert shown is not None and shown.text() == hostile


def test_too_long_text_is_marked_and_not_saved(qtbot: QtBot, database: Database) -> None:
    _dialog, panel = _open_editing(qtbot, database)
    before = card_editing.load_for_edit(database, "instruments", RECORD)
    _line(panel, "model").setText("m" * 10_000)  # pasted: nothing is cut
    assert len(_line(panel, "model").text()) == 10_000 and "model" in panel.editor.errors
    panel.save()
    assert not panel.busy and "500" in panel.message.text()
    assert card_editing.load_for_edit(database, "instruments", RECORD).version == before.version


def _conflict(
    qtbot: QtBot, database: Database, other: Database
) -> tuple[CardDialog, EditPanel, ConflictDialog]:
    card, panel = _open_editing(qtbot, database)
    loaded = card_editing.load_for_edit(other, "instruments", RECORD)
    card_editing.save(other, "instruments", RECORD, loaded.version, {"location": "Their room"})
    _line(panel, "manufacturer").setText("My maker")
    with qtbot.waitSignal(panel.conflictShown, timeout=WAIT_MS) as shown:
        panel.save()
    dialog = shown.args[0]
    assert isinstance(dialog, ConflictDialog)
    return card, panel, dialog  # the card too: without a Python reference it would be collected


def test_a_conflict_keeps_the_input_and_reload_takes_theirs(
    qtbot: QtBot, database: Database, other_workstation: Database
) -> None:
    _card, panel, dialog = _conflict(qtbot, database, other_workstation)
    assert _line(panel, "manufacturer").text() == "My maker"  # input kept while deciding
    assert len(dialog.changed_fields()) == 2  # my manufacturer, their location
    dialog.reload_button.click()
    assert _line(panel, "location").text() == "Their room"
    assert _line(panel, "manufacturer").text() != "My maker"
    assert not panel.is_dirty()


def test_reapply_saves_mine_on_top_of_theirs(
    qtbot: QtBot, database: Database, other_workstation: Database
) -> None:
    _card, panel, dialog = _conflict(qtbot, database, other_workstation)
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        dialog.reapply_button.click()
    stored = card_editing.load_for_edit(database, "instruments", RECORD).values
    assert stored["manufacturer"] == "My maker" and stored["location"] == "Their room"


def test_keep_editing_leaves_the_input(qtbot: QtBot, database: Database, other_workstation: Database) -> None:
    _card, panel, dialog = _conflict(qtbot, database, other_workstation)
    dialog.keep_button.click()
    assert _line(panel, "manufacturer").text() == "My maker" and panel.is_dirty()


def test_escape_asks_before_discarding(qtbot: QtBot, database: Database) -> None:
    dialog, panel = _open_editing(qtbot, database)
    _line(panel, "location").setText("unsaved")
    answers: list[bool] = []

    def refuse() -> bool:
        answers.append(False)
        return False

    panel.confirm_discard = refuse
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == [False]
    panel.confirm_discard = lambda: True
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_new_instrument_takes_a_number(qtbot: QtBot, database: Database) -> None:
    tab = LedgerTab(get_ledger("instruments"), database)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.cardOpened, timeout=WAIT_MS) as opened:
        tab.new_record()
    dialog = opened.args[0]
    assert isinstance(dialog, NewRecordDialog)
    dialog.panel.confirm_discard = lambda: True
    qtbot.waitUntil(lambda: dialog.panel.record is not None and not dialog.panel.busy, timeout=WAIT_MS)
    _line(dialog.panel, "name").setText("新天平")
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        dialog.panel.save()
    assert created.args[0].number.startswith("YQ-") and not dialog.isVisible()


def test_fields_a_job_may_not_change_are_read_only(qtbot: QtBot, database: Database) -> None:
    technician = dataclasses.replace(database, actor=Actor("tom", frozenset({"technician"})))
    panel = EditPanel("instruments", technician, RECORD)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.record is not None, timeout=WAIT_MS)
    assert _line(panel, "name").isReadOnly() and _line(panel, "name").toolTip()
    assert not panel.save_button.isEnabled()


# -- PostgreSQL behind a proxy that the test cuts ---------------------------------------------------


@pytest.fixture
def proxied(pg_url: str) -> Iterator[tuple[Database, TcpProxy, int]]:
    parsed = make_url(pg_url)
    proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    url = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    opened = open_database(DatabaseTarget(url, UrlSource.CLI))
    database = dataclasses.replace(opened, actor=Actor("alice", ALL_ROLES))
    saved = card_editing.save(database, "instruments", None, None, {"name": "Oven"})
    yield database, proxy, saved.record_id
    proxy.close()
    database.dispose()


def test_a_save_while_the_server_is_gone_can_be_retried(
    qtbot: QtBot, proxied: tuple[Database, TcpProxy, int]
) -> None:
    database, proxy, record_id = proxied
    panel = EditPanel("instruments", database, record_id)
    panel.confirm_discard = lambda: True
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.record is not None and not panel.busy, timeout=WAIT_MS)
    proxy.cut()
    _line(panel, "location").setText("Lab 7")
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS) as failed:
        panel.save()
    assert "Cannot reach the database server" in failed.args[0] or "无法连接" in failed.args[0]
    retry: QPushButton = panel.retry_button
    assert not retry.isHidden() and _line(panel, "location").text() == "Lab 7"
    with qtbot.waitSignal(panel.failed, timeout=WAIT_MS):  # still gone: the same sentence again
        retry.click()
    proxy.restore()
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        retry.click()
    assert card_editing.load_for_edit(database, "instruments", record_id).values["location"] == "Lab 7"
