"""Background work on Qt's global thread pool, reporting back by signals (napari's qthreading style).

A ``Worker`` runs one function off the UI thread. The function receives the worker itself, so it
can report progress (``worker.report_progress``) and poll a thread-safe cancel flag
(``worker.is_cancelled``). A worker never touches a widget: it emits ``result`` / ``error`` and the
receiving widget (on the UI thread, by a queued connection) updates itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_active_lock = threading.Lock()
# Started workers, kept until their ``finished`` has been delivered on the UI thread, so that
# Python never collects a worker (and its signals object) mid-run or from the pool's thread.
_active: set[Worker] = set()


class WorkerSignals(QObject):
    """The signals of one worker; lives on the UI thread, so connected slots run there."""

    started = Signal()
    """The function began running."""
    progress = Signal(int, int)
    """(done, total) as reported by the function."""
    message = Signal(str)
    """A stage description reported by the function (e.g. what is being prepared)."""
    result = Signal(object)
    """The function's return value (not emitted on error or cancel)."""
    error = Signal(object)
    """The exception the function raised."""
    finished = Signal()
    """Always emitted last, after result or error."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self._worker: Worker | None = worker

    @Slot()
    def release(self) -> None:
        """Forget the finished worker (runs on the UI thread, after every other finished slot)."""
        worker, self._worker = self._worker, None
        if worker is not None:
            with _active_lock:
                _active.discard(worker)


class Worker(QRunnable):
    """Run ``function(worker)`` on the global thread pool; see the module docstring."""

    def __init__(self, function: Callable[[Worker], Any], *, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns the object; _active keeps it alive while it runs
        self.function = function
        self.name = name or getattr(function, "__name__", "worker")
        self.signals = WorkerSignals(self)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the function to stop at its next check; thread-safe."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    def report_message(self, text: str) -> None:
        self.signals.message.emit(text)

    def start(self) -> Worker:
        """Queue the worker on the global pool; connect to ``signals`` before calling this."""
        self.signals.finished.connect(self.signals.release)  # connected last: runs last
        with _active_lock:
            _active.add(self)
        QThreadPool.globalInstance().start(self)
        return self

    def run(self) -> None:
        self.signals.started.emit()
        try:
            value = self.function(self)
        except Exception as error:  # noqa: BLE001 - every failure goes to the error signal
            self.signals.error.emit(error)
        else:
            self.signals.result.emit(value)
        self.signals.finished.emit()

    def __repr__(self) -> str:
        return f"<Worker {self.name}>"


def start_worker(
    function: Callable[[Worker], Any],
    *,
    on_result: Callable[[Any], Any] | None = None,
    on_error: Callable[[Any], Any] | None = None,
    on_progress: Callable[[int, int], Any] | None = None,
    on_finished: Callable[[], Any] | None = None,
    name: str = "",
) -> Worker:
    """Make a worker, connect the given slots (prefer bound methods of UI-thread QObjects), start it."""
    worker = Worker(function, name=name)
    if on_result is not None:
        worker.signals.result.connect(on_result)
    if on_error is not None:
        worker.signals.error.connect(on_error)
    if on_progress is not None:
        worker.signals.progress.connect(on_progress)
    if on_finished is not None:
        worker.signals.finished.connect(on_finished)
    return worker.start()


def active_workers() -> list[Worker]:
    with _active_lock:
        return list(_active)


def cancel_all() -> None:
    """Ask every running worker to stop (used when the window closes)."""
    for worker in active_workers():
        worker.cancel()


def wait_for_workers(timeout_ms: int = 5000) -> bool:
    """Block until the global pool is idle; True when it is (tests and shutdown use this)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
