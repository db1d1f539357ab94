"""The card's Attachments tab on the demo database, in Chinese: list, add, open, save, delete, refusals;
and the History tab re-read after a save in the edit panel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from labdesk.models.instruments import Attachment, CalibrationRecord
from labdesk.services import attachment_desk, attachments
from labdesk.services.actor import Actor
from labdesk.services.database import Database
from labdesk.services.ledgers.registry import get_ledger
from labdesk.ui.card_attachments import AttachmentsTab
from labdesk.ui.card_dialog import CardDialog
from tests.ui.helpers import WAIT_MS


def certified_instrument(database: Database) -> int:
    """A demo instrument whose latest calibration has its scanned certificate attached."""
    with database.read_session() as session:
        return session.scalars(
            select(CalibrationRecord.instrument_id)
            .join(Attachment, Attachment.owner_id == CalibrationRecord.id)
            .where(Attachment.owner_table == "calibration_records")
            .order_by(CalibrationRecord.instrument_id)
        ).first() or 0


def open_tab(
    qtbot: QtBot, database: Database, ledger: str, record_id: int
) -> tuple[CardDialog, AttachmentsTab]:
    dialog = CardDialog(get_ledger(ledger), database, record_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    tab = dialog.attachments
    assert tab is not None
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    return dialog, tab


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The next Add… picks ``path`` (instead of the modal file dialog)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args: (str(path), ""))


def add(qtbot: QtBot, tab: AttachmentsTab) -> None:
    with qtbot.waitSignal(tab.changed, timeout=WAIT_MS):
        tab.add_button.click()
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)


def test_instrument_card_lists_certificates_adds_and_opens_a_file(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instrument = certified_instrument(database)
    assert instrument
    dialog, tab = open_tab(qtbot, database, "instruments", instrument)
    tabs = dialog.details
    assert tabs.tabText(tabs.indexOf(tab)) == "附件 (1)"
    assert tabs.tabText(tabs.count() - 1).startswith("修改历史")  # history stays last
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(5)]  # type: ignore[union-attr]
    assert headers == ["文件", "大小", "类别", "添加人", "添加时间"]
    certificate = cells(tab.table, 0)
    assert certificate[0].startswith("校准证书_") and certificate[2].startswith("校准证书 ")
    assert certificate[3] and not certificate[3].isascii()  # the person's name, not the login
    manual = tmp_path / "说明书 'x'; -- 😀.pdf"
    content = b"%PDF-1.7 manual \x00\xff" * 100
    manual.write_bytes(content)
    choose(monkeypatch, manual)
    add(qtbot, tab)
    assert tab.table.rowCount() == 2 and tabs.tabText(tabs.indexOf(tab)) == "附件 (2)"
    added = cells(tab.table, 0)  # the record's own files come first
    assert added[0] == manual.name and added[1] == "1.8 KB" and added[2] == "本记录"
    monkeypatch.setattr(attachment_desk, "open_folder", lambda: tmp_path / "opened")
    opened: list[QUrl] = []
    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.opened, timeout=WAIT_MS) as copy:
        tab.open_button.click()
    assert Path(copy.args[0]).read_bytes() == content and Path(copy.args[0]).name == manual.name
    assert [url.toLocalFile() for url in opened] == [copy.args[0]]
    qtbot.waitUntil(lambda: not tab.busy and tab.save_button.isEnabled(), timeout=WAIT_MS)
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    with qtbot.waitSignal(tab.saved, timeout=WAIT_MS):
        tab.save_button.click()
    assert target.read_bytes() == content and tab.message.text() == f"已保存到 {target}。"


def test_a_too_large_file_is_refused_with_the_sentence(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_SIZE", 1024 * 1024)
    _dialog, tab = open_tab(qtbot, database, "customers", 1)
    assert tab.table.rowCount() == 0
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"x" * (1024 * 1024 + 200_000))
    choose(monkeypatch, scan)
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS) as failed:
        tab.add_button.click()
    sentence = "文件 scan.pdf 大小为 1.2 MiB；附件最多 1 MiB。请附上较小的扫描件或压缩副本。"
    assert failed.args == [sentence]
    assert tab.message.text() == sentence and tab.message.isVisibleTo(tab)
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    assert tab.table.rowCount() == 0 and tab.add_button.isEnabled()


def test_delete_asks_first(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dialog, tab = open_tab(qtbot, database, "contracts", 1)
    note = tmp_path / "合同扫描.pdf"
    note.write_bytes(b"contract")
    choose(monkeypatch, note)
    add(qtbot, tab)
    assert tab.table.rowCount() == 1 and not tab.delete_button.isEnabled()  # nothing chosen yet
    tab.table.selectRow(0)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> None:
        def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply
        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.Cancel)
    tab.delete_button.click()
    assert asked and "合同扫描.pdf" in asked[0] and not tab.busy and tab.table.rowCount() == 1
    answer(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tab.changed, timeout=WAIT_MS):
        tab.delete_button.click()
    qtbot.waitUntil(lambda: not tab.busy and tab.table.rowCount() == 0, timeout=WAIT_MS)
    assert len(asked) == 2


def test_finance_may_add_but_not_delete(qtbot: QtBot, database: Database) -> None:
    finance = dataclasses.replace(database, actor=Actor("luojuan", frozenset({"finance"})))
    _dialog, tab = open_tab(qtbot, finance, "instruments", certified_instrument(database))
    tab.table.selectRow(0)
    assert tab.add_button.isEnabled() and tab.open_button.isEnabled()
    assert not tab.delete_button.isEnabled() and tab.delete_button.toolTip() == "您的岗位不能删除附件。"
    tab.delete_selected()  # even if called: nothing is asked, nothing deleted
    assert not tab.busy and tab.table.rowCount() == 1
    guest = dataclasses.replace(database, actor=Actor("guest", frozenset()))
    _dialog, refused = open_tab(qtbot, guest, "instruments", certified_instrument(database))
    assert not refused.add_button.isEnabled() and refused.add_button.toolTip() == "您的岗位不能添加附件。"


def test_a_damaged_file_shows_the_sentence(qtbot: QtBot, database: Database) -> None:
    instrument = certified_instrument(database)
    with database.engine.begin() as connection:  # the stored bytes changed behind LabDesk's back
        connection.execute(update(Attachment).where(Attachment.owner_table == "calibration_records")
                           .values(data=b"%PDF tampered"))
    _dialog, tab = open_tab(qtbot, database, "instruments", instrument)
    name = cells(tab.table, 0)[0]
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.failed, timeout=WAIT_MS) as failed:
        tab.open_button.click()
    assert failed.args == [f"附件 {name} 已损坏：其内容与保存时不一致。请重新添加原始文件。"]


def test_history_is_read_again_after_a_save(qtbot: QtBot, database: Database) -> None:
    dialog, _tab = open_tab(qtbot, database, "instruments", 1)
    tabs = dialog.details
    assert tabs.tabText(tabs.count() - 1) == "修改历史 (0)"  # demo rows are bulk-loaded, not audited
    panel = dialog.start_editing()
    panel.confirm_discard = lambda: True
    qtbot.waitUntil(lambda: panel.record is not None and not panel.busy, timeout=WAIT_MS)
    location = panel.editor.widgets["location"]
    assert isinstance(location, QLineEdit)
    location.setText("二楼 天平室 A-203")
    with qtbot.waitSignal(dialog.edited, timeout=WAIT_MS):
        panel.save()
    assert tabs.tabText(tabs.count() - 1) == "修改历史 (1)"
    history = dialog.findChild(QTableWidget, "history")
    assert isinstance(history, QTableWidget) and history.rowCount() >= 1
    lines = [cells(history, r) for r in range(history.rowCount())]
    assert ["存放位置", "二楼 天平室 A-203"] in [[line[3], line[5]] for line in lines]
