"""The printers screen: add, a bad address blocks Save, save to printers.json, Test, delete."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from labdesk.printing.profiles import PrinterProfile, load_profiles, save_profiles
from labdesk.ui.printer_profiles_dialog import PrinterProfilesDialog
from tests.printing.emulator import PrinterEmulator
from tests.ui.helpers import WAIT_MS


def make_dialog(qtbot: QtBot) -> PrinterProfilesDialog:
    dialog = PrinterProfilesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: PrinterProfilesDialog, name: str, address: str) -> None:
    """Edit the form the way a user does (textEdited fires only for user edits; QTest cannot type
    Chinese, so the edit is set and announced)."""
    for editor, value in ((dialog.name, name), (dialog.address, address)):
        editor.setText(value)
        editor.textEdited.emit(value)


def test_add_check_and_save(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.profiles == [] and not dialog.editor.isEnabled()
    dialog.add_profile()
    assert dialog.editor.isEnabled()
    assert dialog.problems.isVisible() and not dialog.save_button.isEnabled()  # no address yet
    fill(qtbot, dialog, "前台斑马", "lpt1")
    assert "lpt1" in dialog.problems.text() and not dialog.save_button.isEnabled()
    assert "c0392b" in dialog.problems.styleSheet()
    fill(qtbot, dialog, "前台斑马", "tcp://10.0.0.5:9100")
    assert not dialog.problems.isVisible() and dialog.save_button.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("tspl"))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(300))
    dialog.template.setEditText("sample-40x25")
    assert dialog.list.item(0).text() == "前台斑马"
    assert dialog.save()
    assert load_profiles() == [
        PrinterProfile("前台斑马", "tcp://10.0.0.5:9100", "tspl", 300, "sample-40x25", None)
    ]


def test_resident_font_only_for_zpl(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.add_profile()
    fill(qtbot, dialog, "zebra", "file:/tmp/x.zpl")
    dialog.cjk_font.setText("E:SIMSUN.TTF")
    dialog.cjk_font.textEdited.emit("E:SIMSUN.TTF")
    assert dialog.form_profile().resident_cjk_font == "E:SIMSUN.TTF"
    dialog.language.setCurrentIndex(dialog.language.findData("tspl"))
    assert not dialog.cjk_font.isEnabled() and dialog.form_profile().resident_cjk_font is None
    assert dialog.save_button.isEnabled()


def test_two_printers_with_one_name_cannot_be_saved(qtbot: QtBot) -> None:
    save_profiles([PrinterProfile("A", "tcp://10.0.0.1:9100")])
    dialog = make_dialog(qtbot)
    dialog.add_profile()
    fill(qtbot, dialog, "A", "tcp://10.0.0.2:9100")
    assert not dialog.save_button.isEnabled() and "A" in dialog.problems.text()


def test_test_says_ready(qtbot: QtBot) -> None:
    with PrinterEmulator() as printer:
        save_profiles([PrinterProfile("zebra", printer.url)])
        dialog = make_dialog(qtbot)
        assert dialog.name.text() == "zebra"
        with qtbot.waitSignal(dialog.testFinished, timeout=WAIT_MS) as tested:
            dialog.test_button.click()
        assert tested.args == ["打印机就绪", True] or tested.args == ["Printer ready", True]
        assert dialog.test_result.text() == tested.args[0]
        assert printer.wait_for(lambda p: p.status_queries == 1) and printer.labels == []


def test_test_says_paper_out(qtbot: QtBot) -> None:
    with PrinterEmulator(paper_out=True) as printer:
        save_profiles([PrinterProfile("zebra", printer.url)])
        dialog = make_dialog(qtbot)
        with qtbot.waitSignal(dialog.testFinished, timeout=WAIT_MS) as tested:
            dialog.test_button.click()
        assert tested.args[1] is False
        assert dialog.test_result.text() == "The printer is out of labels; load labels, then resume."


def test_test_says_unreachable(qtbot: QtBot) -> None:
    with PrinterEmulator(refuse=True) as printer:
        save_profiles([PrinterProfile("zebra", printer.url)])
        dialog = make_dialog(qtbot)
        with qtbot.waitSignal(dialog.testFinished, timeout=WAIT_MS) as tested:
            dialog.test_button.click()
        assert tested.args[1] is False and "does not answer" in dialog.test_result.text()


def test_delete_asks_then_removes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    save_profiles([PrinterProfile("A", "tcp://10.0.0.1:9100"), PrinterProfile("B", "cups:labels")])
    dialog = make_dialog(qtbot)
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert [p.name for p in dialog.profiles] == ["A", "B"]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert [p.name for p in dialog.profiles] == ["B"] and dialog.list.count() == 1
    assert dialog.name.text() == "B"
    assert [p.name for p in load_profiles()] == ["A", "B"]  # nothing written before Save
    assert dialog.save()
    assert [p.name for p in load_profiles()] == ["B"]
