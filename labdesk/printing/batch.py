"""Batch runs: stream labels to a printer with progress and cancel, and survive the printer going away.

What "confirmed" means
----------------------
A label is *confirmed* once we know the printer has received all of its bytes:

* On a transport with host status (ZPL over TCP, ``~HS``): every ``confirm_every`` labels and at the
  end the run sends ``~HS``. The printer reads its input in order, so an answer proves it received
  every byte sent before the query: all labels sent so far become confirmed.
* On a transport without status (TSPL over TCP, a printer that never answers ``~HS``, CUPS, a file):
  the labels sent so far become confirmed when the next check finds the transport healthy (the TCP
  connection has seen no FIN or reset, ``lp`` is still running, the file flushed), and finally when
  close() succeeds (TCP: the printer read to our FIN and closed; CUPS: the spooler accepted the job).
  This is weaker: a printer that dies right after a check may have lost the last bytes before it,
  so callers that can should prefer status-capable printers.

When the transport fails, or the printer reports a problem (paper out, head open, paused, ...), the
run *pauses* with a one-sentence message. ``resume()`` opens a fresh connection and continues from
the first label not confirmed: labels sent but not confirmed are sent again (a possible duplicate
print is the price of never skipping one).

A run executes in the caller's thread (the UI puts it in a worker; the CLI runs it directly). Only
``cancel()`` may be called from another thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from enum import StrEnum

from labdesk.printing.records import LabelRecord
from labdesk.printing.transports import PrinterUnavailable, Transport

ProgressCallback = Callable[[int, int, int], None]


class BatchState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    FAILED = "failed"


class BatchRun:
    """Print ``labels`` in order, ``copies`` times each, through transports made by ``transport_factory``.

    ``render`` turns one record into the printer language (bytes of one label); copies are sent as
    repeated labels so each record is one unit of confirmation. A renderer that sets its own copy count
    (ZPL ``^PQ``, TSPL ``PRINT 1,n``) can be passed with ``copies=1`` instead.

    ``progress(confirmed, sent, total)`` is called after every label and every confirmation.
    ``on_confirmed(count)`` is called when the confirmed count grows (the job log records it).
    ``start_index`` skips labels a previous run already confirmed.
    """

    def __init__(
        self,
        labels: Sequence[LabelRecord],
        render: Callable[[LabelRecord], bytes],
        transport_factory: Callable[[], Transport],
        copies: int = 1,
        confirm_every: int = 10,
        *,
        progress: ProgressCallback | None = None,
        on_confirmed: Callable[[int], None] | None = None,
        start_index: int = 0,
    ) -> None:
        if copies < 1:
            raise ValueError("copies must be at least 1")
        if confirm_every < 1:
            raise ValueError("confirm_every must be at least 1")
        if not 0 <= start_index <= len(labels):
            raise ValueError("start_index is outside the batch")
        self.labels = labels
        self.render = render
        self.transport_factory = transport_factory
        self.copies = copies
        self.confirm_every = confirm_every
        self.progress = progress
        self.on_confirmed = on_confirmed
        self.state = BatchState.READY
        self.message: str | None = None
        self._confirmed = start_index
        self._sent = start_index
        self._cancel = threading.Event()
        self._checked_at: int | None = None  # sent count at this connection's last good check

    @property
    def total(self) -> int:
        return len(self.labels)

    @property
    def confirmed_count(self) -> int:
        """Labels the printer has confirmed (see the module docstring), counted from the start."""
        return self._confirmed

    @property
    def sent_count(self) -> int:
        return self._sent

    @property
    def next_index(self) -> int:
        """Where a resume starts: the first label the printer did not confirm."""
        return self._confirmed

    def cancel(self) -> None:
        """Stop between labels (thread-safe); labels already sent are not recalled."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> BatchState:
        """Send the batch from ``next_index``; returns the final state (completed, paused, ...)."""
        if self.state not in (BatchState.READY, BatchState.PAUSED):
            raise RuntimeError(f"a {self.state.value} batch cannot be run")
        self.state = BatchState.RUNNING
        self.message = None
        self._sent = self._confirmed
        self._checked_at = None
        transport: Transport | None = None
        try:
            transport = self.transport_factory()
            transport.open()
            self._stream(transport)
            if self.state is BatchState.RUNNING:
                self._finish(transport)
            else:
                self._close_after_stop(transport)
            transport = None
        except PrinterUnavailable as error:
            self._pause(error.message)
        except BaseException as error:
            # A renderer bug or a KeyboardInterrupt: nothing more can be sent, but the confirmed count
            # stays right, so the job can still be resumed once the cause is fixed.
            self.state = BatchState.FAILED
            self.message = f"The batch stopped: {error}" if str(error) else "The batch stopped."
            raise
        finally:
            if transport is not None:
                transport.abort()
            self._report()
        return self.state

    def resume(self, transport_factory: Callable[[], Transport] | None = None) -> BatchState:
        """Continue a paused (or failed) run from the first unconfirmed label, on a new connection."""
        if self.state not in (BatchState.PAUSED, BatchState.FAILED, BatchState.READY):
            raise RuntimeError(f"a {self.state.value} batch cannot be resumed")
        if transport_factory is not None:
            self.transport_factory = transport_factory
        if self.state is BatchState.FAILED:
            self.state = BatchState.PAUSED
        self._cancel.clear()
        return self.run()

    def _stream(self, transport: Transport) -> None:
        index = self._sent
        while index < self.total:
            if self._cancel.is_set():
                self.state = BatchState.CANCELLED
                self.message = f"Cancelled after {index} of {self.total} labels were sent."
                return
            # Render one label at a time: memory stays flat however long the batch is.
            data = self.render(self.labels[index])
            for _ in range(self.copies):
                transport.send(data)
            index += 1
            self._sent = index
            self._report()
            if index - self._confirmed >= self.confirm_every and not self._confirm(transport):
                return

    def _confirm(self, transport: Transport) -> bool:
        """Confirm what was sent so far; False (and paused) if the printer reports a problem."""
        sent = self._sent
        status = transport.query_status() if transport.supports_status else None
        if status is None:
            transport.check()
        # Either way the printer (or the healthy connection) has everything sent before the check.
        self._checked_at = sent
        self._set_confirmed(sent)
        problem = status.problem() if status is not None else None
        if problem is not None:
            self._pause(problem)
            return False
        return True

    def _close_after_stop(self, transport: Transport) -> None:
        """Close cleanly after a cancel or a printer problem, so the labels already sent still print."""
        try:
            transport.close()
        except PrinterUnavailable:
            transport.abort()
            return
        if self.state is BatchState.CANCELLED:
            self._set_confirmed(self._sent)

    def _finish(self, transport: Transport) -> None:
        # The last label may have just been checked; a second query would only cost a round trip.
        if self._checked_at != self._sent and not self._confirm(transport):
            self._close_after_stop(transport)
            return
        if transport.supports_status:
            # The printer acknowledged every label with ~HS: a failing close loses nothing.
            try:
                transport.close()
            except PrinterUnavailable:
                transport.abort()
        else:
            # Without status the clean close is the last confirmation (see TcpTransport.close).
            transport.close()
            self._set_confirmed(self._sent)
        self.state = BatchState.COMPLETED
        self.message = None

    def _pause(self, message: str) -> None:
        self.state = BatchState.PAUSED
        self.message = message

    def _set_confirmed(self, count: int) -> None:
        if count > self._confirmed:
            self._confirmed = count
            if self.on_confirmed is not None:
                self.on_confirmed(count)
            self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self._confirmed, self._sent, self.total)
