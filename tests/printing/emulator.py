"""A label printer on loopback for the tests: captures what it is sent, answers ``~HS``, can go away.

ZPL mode splits the stream into formats (``^XA`` … ``^XZ``) and answers each ``~HS`` with a
well-formed three-string status; TSPL mode splits it at each ``PRINT`` command and counts them.
``cut_after`` makes the emulator drop a connection after a given number of bytes (one entry per
connection, in order; ``None`` = no cut), the way a printer that is switched off mid-batch does: a
label only partly received is not printed, so it is not captured. ``refuse`` keeps the port bound but
not listening, so connecting is refused.

Bounded: binds 127.0.0.1 only, on an ephemeral port; every thread stops on ``stop()`` (use it as a
context manager or through the ``printer`` fixture).
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType

from labdesk.printing.status import PrinterStatus, format_host_status

_TSPL_PRINT = re.compile(rb"(?:^|\n)PRINT[ \t]+(\d+)(?:[ \t]*,[ \t]*(\d+))?[^\n]*\n")


@dataclass
class Connection:
    """One client connection as the emulator saw it."""

    received: bytearray = field(default_factory=bytearray)
    ended: str = "open"  # "eof" (client shut down cleanly), "reset", "cut" (we dropped it)


class PrinterEmulator:
    def __init__(
        self,
        *,
        mode: str = "zpl",
        paper_out: bool = False,
        paused: bool = False,
        head_open: bool = False,
        answer_status: bool = True,
        cut_after: Sequence[int | None] = (),
        refuse: bool = False,
    ) -> None:
        assert mode in ("zpl", "tspl")
        self.mode = mode
        self.paper_out = paper_out
        self.paused = paused
        self.head_open = head_open
        self.answer_status = answer_status
        self.cut_after: list[int | None] = list(cut_after)
        self.refuse = refuse
        self.labels: list[bytes] = []
        self.print_commands = 0
        self.status_queries = 0
        self.connections: list[Connection] = []
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def start(self) -> PrinterEmulator:
        if not self.refuse:
            self._server.listen(8)
            self._server.settimeout(0.05)
            self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._server.close()

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def wait_for(self, predicate: Callable[[PrinterEmulator], bool], timeout: float = 5.0) -> bool:
        """Wait until ``predicate(self)`` holds (the emulator works in its own threads)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._lock.wait(remaining)
            return True

    def status(self) -> PrinterStatus:
        return PrinterStatus(paper_out=self.paper_out, paused=self.paused, head_open=self.head_open)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                record = Connection()
                self.connections.append(record)
                limit = self.cut_after.pop(0) if self.cut_after else None
            self._spawn(self._serve, conn, record, limit)

    def _serve(self, conn: socket.socket, record: Connection, limit: int | None) -> None:
        pending = bytearray()
        conn.settimeout(0.05)
        try:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                except ConnectionResetError:
                    self._end(record, "reset")
                    return
                if not chunk:
                    self._end(record, "eof")
                    return
                if limit is not None and len(record.received) + len(chunk) >= limit:
                    chunk = chunk[: limit - len(record.received)]
                    self._take(conn, record, pending, chunk)
                    conn.close()  # closed before it is reported, so a waiting test sees it gone
                    self._end(record, "cut")
                    return
                self._take(conn, record, pending, chunk)
        finally:
            conn.close()

    def _end(self, record: Connection, how: str) -> None:
        with self._lock:
            record.ended = how
            self._lock.notify_all()

    def _take(self, conn: socket.socket, record: Connection, pending: bytearray, chunk: bytes) -> None:
        with self._lock:
            record.received += chunk
            pending += chunk
            answers = self._parse_zpl(pending) if self.mode == "zpl" else self._parse_tspl(pending)
            self._lock.notify_all()
        for answer in answers:
            with contextlib.suppress(OSError):
                conn.sendall(answer)

    def _parse_zpl(self, pending: bytearray) -> list[bytes]:
        """Consume complete formats and ~HS queries from ``pending``; return the answers to send."""
        answers: list[bytes] = []
        while True:
            start = pending.find(b"^XA")
            query = pending.find(b"~HS")
            if query >= 0 and (start < 0 or query < start):
                self.status_queries += 1
                if self.answer_status:
                    answers.append(format_host_status(self.status()))
                del pending[: query + 3]
                continue
            if start < 0:
                # Keep a possible "^X" / "~H" split across chunks, drop the rest (whitespace).
                del pending[: max(0, len(pending) - 2)]
                return answers
            end = pending.find(b"^XZ", start + 3)
            if end < 0:
                del pending[:start]
                return answers
            self.labels.append(bytes(pending[start : end + 3]))
            del pending[: end + 3]

    def _parse_tspl(self, pending: bytearray) -> list[bytes]:
        while match := _TSPL_PRINT.search(pending):
            self.labels.append(bytes(pending[: match.end()]).lstrip(b"\r\n"))
            self.print_commands += 1
            del pending[: match.end()]
        return []


def assert_every_label_in_order(captured: Sequence[bytes], expected: Sequence[bytes]) -> None:
    """``captured`` is ``expected`` with re-sends: each label is either the next one or a step back.

    Starting at 0 and only ever advancing by one (or stepping back to re-send), reaching the end
    means no label was skipped and, between re-sends, all arrived in order.
    """
    index_of = {label: i for i, label in enumerate(expected)}
    assert len(index_of) == len(expected), "test labels must be distinct"
    position = 0
    for n, label in enumerate(captured):
        index = index_of[label]
        assert index <= position, (
            f"captured label {n} is record {index}: records {position}..{index - 1} skipped"
        )
        position = index + 1
    assert position == len(expected), f"only {position} of {len(expected)} labels arrived"
    assert set(captured) == set(expected)


def stream_layout(sizes: Sequence[int], confirm_every: int) -> list[int]:
    """Byte offset where each label starts in one run's stream (a ~HS follows every confirm_every labels)."""
    starts, offset = [], 0
    for i, size in enumerate(sizes):
        starts.append(offset)
        offset += size
        if (i + 1) % confirm_every == 0:
            offset += len(b"~HS")
    return starts
