"""What the label dialogs share about a job being printed: stopping it, its progress, its outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar

from labdesk.printing.batch import BatchRun, BatchState

if TYPE_CHECKING:
    from labdesk.services.label_printing import JobOutcome


class RunHandle:
    """The BatchRun a worker is executing, so that Stop on the UI thread can cancel it."""

    def __init__(self) -> None:
        self.run: BatchRun | None = None

    def started(self, run: BatchRun) -> None:
        self.run = run  # set from the worker; only cancel() is called on it from the UI thread

    def stop(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def clear(self) -> None:
        self.run = None


def show_progress(bar: QProgressBar, done: int, total: int) -> None:
    bar.setRange(0, max(total, 1))
    bar.setValue(done)


def outcome_text(outcome: JobOutcome) -> tuple[str, bool]:
    """The sentence for a finished run, and whether it reports a problem."""
    counted = (
        QCoreApplication.translate("LabelRuns", "%1 of %2 labels confirmed (job %3).")
        .replace("%1", str(outcome.confirmed))
        .replace("%2", str(outcome.total))
        .replace("%3", str(outcome.job_id))
    )
    if outcome.state is BatchState.COMPLETED:
        return counted, False
    return f"{outcome.message or ''} {counted}".strip(), True
