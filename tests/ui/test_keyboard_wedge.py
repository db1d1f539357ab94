"""The keyboard wedge: a fast burst of keys ending in Enter is a scan; a person's typing passes untouched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from labdesk.ui.keyboard_wedge import KeyboardWedge

PAYLOAD = "LD1:S:YP2026-000017"


class Keyboard:
    """The wedge's clock: each key press is ``gap`` seconds after the one before."""

    def __init__(self) -> None:
        self.now, self.gap = 100.0, 0.15

    def __call__(self, _event: QKeyEvent) -> float:
        self.now += self.gap
        return self.now


@pytest.fixture
def keyboard() -> Keyboard:
    return Keyboard()


@pytest.fixture
def wedge(qapp: QApplication, keyboard: Keyboard) -> Iterator[KeyboardWedge]:
    wedge = KeyboardWedge(clock=keyboard)
    qapp.installEventFilter(wedge)
    yield wedge
    qapp.removeEventFilter(wedge)
    wedge.deleteLater()


@pytest.fixture
def line(qtbot: QtBot) -> QLineEdit:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    qtbot.waitExposed(line)
    line.activateWindow()
    line.setFocus()
    return line


def type_keys(widget: QLineEdit | QPlainTextEdit, keyboard: Keyboard, text: str, gap: float,
              enter: bool = True) -> None:
    keyboard.gap = gap
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_fast_burst_ending_in_enter_is_a_scan(qtbot: QtBot, wedge: KeyboardWedge, keyboard: Keyboard,
                                                line: QLineEdit) -> None:
    line.setText("备注 ")  # typed earlier by the user: stays
    entered: list[bool] = []
    line.returnPressed.connect(lambda: entered.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as scanned:
        type_keys(line, keyboard, PAYLOAD, gap=0.004)
    assert scanned.args == [PAYLOAD]
    assert line.text() == "备注 "  # neither the code nor its first key is left in the field
    assert entered == []  # the Enter was the scanner's, not the user's


def test_typing_passes_untouched(qtbot: QtBot, wedge: KeyboardWedge, keyboard: Keyboard,
                                 line: QLineEdit) -> None:
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    entered: list[bool] = []
    line.returnPressed.connect(lambda: entered.append(True))
    type_keys(line, keyboard, "LD1:S:YP2026", gap=0.12)
    assert line.text() == "LD1:S:YP2026" and entered == [True] and scans == []


def test_a_short_fast_burst_or_one_without_enter_is_typing(qtbot: QtBot, wedge: KeyboardWedge,
                                                           keyboard: Keyboard, line: QLineEdit) -> None:
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_keys(line, keyboard, "ok", gap=0.005)  # two keys in a roll-over: under the scan length
    assert line.text() == "ok" and scans == []
    line.clear()
    type_keys(line, keyboard, "abcdef", gap=0.005, enter=False)  # held back while it may be a scan …
    keyboard.gap = 0.5
    QTest.keyClick(line, Qt.Key.Key_G)  # … and handed over, in order, when the burst stops
    assert line.text() == "abcdefg" and scans == []
    type_keys(line, keyboard, "xyz12", gap=0.005, enter=False)
    qtbot.waitUntil(lambda: line.text() == "abcdefgxyz12", timeout=1000)  # the timer flushes it
    assert scans == []


def test_a_scan_into_a_text_area_and_shift_for_capitals(qtbot: QtBot, wedge: KeyboardWedge,
                                                        keyboard: Keyboard) -> None:
    area = QPlainTextEdit()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    area.setFocus()
    area.setPlainText("line one\n")
    area.moveCursor(area.textCursor().MoveOperation.End)
    keyboard.gap = 0.003
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as scanned:
        for ch in "AB-12":
            QTest.keyClick(area, Qt.Key.Key_Shift)  # scanners press Shift before capitals
            QTest.keyClicks(area, ch)
        QTest.keyClick(area, Qt.Key.Key_Enter)
    assert scanned.args == ["AB-12"] and area.toPlainText() == "line one\n"


def test_disabled_wedge_lets_everything_through(qtbot: QtBot, wedge: KeyboardWedge, keyboard: Keyboard,
                                                line: QLineEdit) -> None:
    wedge.enabled = False
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_keys(line, keyboard, PAYLOAD, gap=0.004)
    assert line.text() == PAYLOAD and scans == []
