"""Workers: result, error, progress, cancel, and the PySide6 emit work-around."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from labdesk.ui.workers import Worker, active_workers, start_worker


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []
    ui_thread = threading.get_ident()
    threads: list[int] = []

    def work(worker: Worker) -> str:
        threads.append(threading.get_ident())
        for n in range(3):
            worker.report_progress(n + 1, 3)
        return "done"

    worker = Worker(work)
    worker.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.signals.result, timeout=5000) as result:
        worker.start()
    assert result.args == ["done"]
    assert threads and threads[0] != ui_thread
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_error_is_a_signal_not_a_crash(qtbot: QtBot) -> None:
    def fail(_worker: Worker) -> None:
        raise ValueError("bad input")

    worker = Worker(fail)
    with qtbot.waitSignal(worker.signals.error, timeout=5000) as error:
        worker.start()
    assert isinstance(error.args[0], ValueError)


def test_cancel_is_seen_by_the_function(qtbot: QtBot) -> None:
    started = threading.Event()

    def spin(worker: Worker) -> int:
        started.set()
        rounds = 0
        while not worker.is_cancelled():
            rounds += 1
            threading.Event().wait(0.001)
        return rounds

    worker = Worker(spin)
    with qtbot.waitSignal(worker.signals.result, timeout=5000):
        worker.start()
        assert started.wait(5)
        worker.cancel()
    qtbot.waitUntil(lambda: worker not in active_workers())


def test_start_worker_keeps_the_worker_alive_until_finished(qtbot: QtBot) -> None:
    results: list[object] = []
    start_worker(lambda _w: 42, on_result=results.append)
    qtbot.waitUntil(lambda: results == [42] and not active_workers(), timeout=5000)


class _Sender(QObject):
    fired = Signal(int)


def test_many_void_calls_and_emits_do_not_abort_the_interpreter() -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call and to True per emit,
    and aborts with none_dealloc / bool_dealloc within a few thousand calls; constraints.txt pins
    6.11.3 and pyproject excludes 6.12.0. This guards against a pin that brings the bug back."""
    sender = _Sender()
    sender.fired.connect(lambda _n: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(200_000):  # far more than None's and True's natural counts on CPython 3.11
        sender.setObjectName("sender")
        sender.fired.emit(n)
    assert sys.getrefcount(None) > none_before - 1000 and sys.getrefcount(True) > true_before - 1000


def test_untranslated_text_falls_through_to_qt_and_the_source() -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Ledger", "Calibration due") == "校准到期日"
    assert QCoreApplication.translate("Nowhere", "Not in any catalog") == "Not in any catalog"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # from Qt's own catalog
