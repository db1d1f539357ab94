"""USB keyboard-wedge barcode scanners, anywhere in the app.

A wedge scanner "types" its code as key presses a few milliseconds apart and ends with Enter; a person
types with gaps of 80 ms and more. ``KeyboardWedge`` is an application-wide event filter that tells the
two apart: a burst of at least ``min_length`` printable keys, each less than ``max_gap_s`` after the one
before, ending in Enter/Return, is a scan. It emits ``scanned(text)`` and the keys never reach the widget
that has focus: the first key of a burst cannot be known as such, so it goes through and is taken out of
the line edit again; from the second fast key on the keys are held back. A burst that ends without Enter
(a fast typist, a key held down) is handed to the widget unchanged, in order, before the next key.

Key times come from the event (the window system's timestamp), not from when the UI thread got round to
the event: keys a person typed while the UI was busy arrive together but keep their real gaps. The clock is
injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

MIN_LENGTH = 4
MAX_GAP_S = 0.030
# Enter may trail the last character a little more than the characters trail each other (some
# scanners send a configurable suffix after a pause).
ENTER_GAP_S = 0.100
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                           Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock})
COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)

Clock = Callable[[QKeyEvent], float]


def event_clock(event: QKeyEvent) -> float:
    """Seconds: the event's timestamp when the platform gives one, else now."""
    stamp = event.timestamp()
    return stamp / 1000.0 if stamp else time.monotonic()


@dataclass
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class KeyboardWedge(QObject):
    """See the module docstring; install with ``QApplication.instance().installEventFilter(wedge)``."""

    scanned = Signal(str)
    """The text of a scan (without the Enter)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = event_clock,
        min_length: int = MIN_LENGTH,
        max_gap_s: float = MAX_GAP_S,
    ) -> None:
        super().__init__(parent)
        self.clock, self.min_length, self.max_gap_s = clock, min_length, max_gap_s
        self.enabled = True
        self._target: QWidget | None = None
        self._passed = ""  # the burst's first key, delivered before we knew it was a burst
        self._held: list[_Key] = []  # the rest of the burst, held back
        self._last = 0.0
        self._replaying = False
        # A burst that stops without Enter goes to its widget once the gap has clearly passed.
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(max(1, round(max_gap_s * 1000 * 4)))
        self._flush_timer.timeout.connect(self.flush)

    # -- the filter ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        owner = self.parent()
        if isinstance(owner, QWidget) and not owner.isVisible():
            return False  # the window it serves is closed or not shown yet: keys are none of its business
        if not isinstance(watched, QWidget) or not self._first_receiver(watched):
            return False  # the window's copy of the event, or the event going up to a parent
        assert isinstance(event, QKeyEvent)
        return self._key(watched, event)

    @staticmethod
    def _first_receiver(widget: QWidget) -> bool:
        focus = QApplication.focusWidget()
        return widget is focus if focus is not None else True

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if key in MODIFIER_KEYS:  # scanners press Shift for capitals: not a break in the burst
            return False
        now = self.clock(event)
        in_burst = bool(self._passed) and widget is self._target
        if key in ENTER_KEYS:
            fresh = in_burst and now - self._last < max(self.max_gap_s, ENTER_GAP_S)
            if fresh and len(self._passed) + len(self._held) >= self.min_length:
                self._finish_scan(widget)
                return True
            self.flush()
            return False
        text = event.text()
        printable = (len(text) == 1 and text.isprintable()
                     and not event.modifiers() & COMMAND_MODIFIERS)
        if not printable or event.isAutoRepeat():  # a key held down repeats fast but is not a scan
            self.flush()
            return False
        if in_burst and now - self._last < self.max_gap_s:
            self._last = now
            self._held.append(_Key(key, event.modifiers(), text))
            self._flush_timer.start()
            return True
        self.flush()  # a pause: whatever was held back is typing after all
        self._target, self._passed, self._last = widget, text, now
        return False

    def _finish_scan(self, widget: QWidget) -> None:
        text = self._passed + "".join(k.text for k in self._held)
        _remove_typed(widget, self._passed)
        self._reset()
        self.scanned.emit(text)

    def flush(self) -> None:
        """Hand held-back keys to their widget, in order (a fast burst that was not a scan)."""
        held, target = self._held, self._target
        self._reset()
        if not held or target is None:
            return
        self._replaying = True
        try:
            for item in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, item.key, item.modifiers, item.text))
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._flush_timer.stop()
        self._target, self._passed, self._held = None, "", []


def _remove_typed(widget: QWidget, typed: str) -> None:
    """Take the burst's first key back out of the editor it went into (if it is still just before the
    cursor: anything else is the user's text and stays)."""
    if not typed:
        return
    if isinstance(widget, QLineEdit):
        position = widget.cursorPosition()
        if not widget.isReadOnly() and widget.text()[:position].endswith(typed):
            for _ in typed:
                widget.backspace()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        cursor = widget.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        if not widget.isReadOnly() and block.endswith(typed):
            for _ in typed:
                cursor.deletePreviousChar()
            widget.setTextCursor(cursor)


def install_wedge(parent: QObject) -> KeyboardWedge:
    """A wedge filtering every key of the application for as long as ``parent`` lives."""
    wedge = KeyboardWedge(parent)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(wedge)  # Qt drops the filter by itself when the wedge is destroyed
    return wedge
