"""Printer transports: raw TCP (port 9100), a CUPS raw queue through ``lp``, and a file.

Every failure the operator can act on is a :class:`PrinterUnavailable` whose message is one sentence
saying what to check; the batch run shows it as is and pauses.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import IO, Protocol
from urllib.parse import urlsplit

from labdesk.printing.status import PrinterStatus, host_status_complete, parse_host_status

DEFAULT_PORT = 9100
HOST_STATUS_QUERY = b"~HS"


class PrinterUnavailable(Exception):
    """The printer cannot take (more) data; the message is one sentence for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Transport(Protocol):
    """Where label bytes go. Opened once per batch run (or per resume), used from one thread."""

    description: str
    supports_status: bool

    def open(self) -> None: ...

    def send(self, data: bytes) -> None: ...

    def query_status(self) -> PrinterStatus | None:
        """Ask the printer how it is; None when it does not answer status queries."""
        ...

    def check(self) -> None:
        """Raise PrinterUnavailable if the connection is known to be broken (cheap, no waiting)."""
        ...

    def close(self) -> None:
        """Finish cleanly, so the printer keeps every byte sent; raises PrinterUnavailable if it cannot."""
        ...

    def abort(self) -> None:
        """Release everything after a failure, without waiting and without raising."""
        ...


class TcpTransport:
    """A raw socket to a network label printer (JetDirect / "port 9100" printing).

    ``host_status`` says the printer speaks ZPL and answers ``~HS``; a printer that stays silent is
    asked once and then treated as having no status support for the rest of the connection.
    """

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        host_status: bool = True,
        connect_timeout: float = 5.0,
        send_timeout: float = 15.0,
        status_timeout: float = 3.0,
        close_timeout: float = 2.0,
    ) -> None:
        self.host = host
        self.port = port
        self.supports_status = host_status
        self.connect_timeout = connect_timeout
        self.send_timeout = send_timeout
        self.status_timeout = status_timeout
        self.close_timeout = close_timeout
        self.description = f"{host}:{port}"
        self._sock: socket.socket | None = None

    def _lost(self) -> PrinterUnavailable:
        return PrinterUnavailable(
            f"The connection to the printer at {self.description} was lost; "
            "check that it is on and connected, then resume."
        )

    def open(self) -> None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except socket.gaierror as error:
            raise PrinterUnavailable(
                f"The printer address {self.host} cannot be found; check the printer's host name or IP."
            ) from error
        except OSError as error:
            raise PrinterUnavailable(
                f"The printer at {self.description} does not answer; check that it is on and connected."
            ) from error
        # Labels are small writes; without TCP_NODELAY a ~HS query waits on Nagle behind the last label.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(self.send_timeout)
        self._sock = sock

    def _socket(self) -> socket.socket:
        if self._sock is None:
            raise PrinterUnavailable(f"The connection to the printer at {self.description} is not open.")
        return self._sock

    def send(self, data: bytes) -> None:
        sock = self._socket()
        try:
            sock.sendall(data)
        except TimeoutError as error:
            # Connected but not reading: its buffer is full and it is not printing.
            raise PrinterUnavailable(
                f"The printer at {self.description} stopped taking labels; check it for labels, ribbon "
                "or an open head, then resume."
            ) from error
        except OSError as error:  # resets and broken pipes: the printer is gone
            raise self._lost() from error

    def query_status(self) -> PrinterStatus | None:
        if not self.supports_status:
            return None
        sock = self._socket()
        answer = bytearray()
        try:
            sock.sendall(HOST_STATUS_QUERY)
            deadline = time.monotonic() + self.status_timeout
            while not host_status_complete(bytes(answer)):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                sock.settimeout(remaining)
                try:
                    chunk = sock.recv(4096)
                except TimeoutError:
                    break
                if not chunk:
                    raise self._lost()
                answer += chunk
        except OSError as error:
            raise self._lost() from error
        finally:
            with contextlib.suppress(OSError):
                sock.settimeout(self.send_timeout)
        status = parse_host_status(bytes(answer))
        if status is None:
            # Silent or garbled: stop asking (each silent query would cost status_timeout).
            self.supports_status = False
        return status

    def check(self) -> None:
        sock = self._socket()
        try:
            sock.setblocking(False)
            try:
                chunk = sock.recv(4096, socket.MSG_PEEK)
            except BlockingIOError:
                return  # nothing to read and no FIN/RST: the connection is alive
            if not chunk:
                raise self._lost()
            # Unsolicited bytes (a late status answer): drop them so close() does not reset.
            sock.recv(len(chunk))
        except OSError as error:
            raise self._lost() from error
        finally:
            with contextlib.suppress(OSError):
                sock.settimeout(self.send_timeout)

    def close(self) -> None:
        """Shut down our write side, read until the printer closes (briefly), then close.

        Closing a socket with unread data, or with SO_LINGER 0, sends a reset, and a Zebra that sees
        a reset may drop the job it is still receiving. After our FIN the printer reads to the end
        and closes its side; waiting for that (bounded by close_timeout) is also the best evidence a
        printer without status support gives that it got everything.
        """
        sock = self._sock
        if sock is None:
            return
        self._sock = None
        try:
            sock.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + self.close_timeout
            while (remaining := deadline - time.monotonic()) > 0:
                sock.settimeout(remaining)
                try:
                    if not sock.recv(4096):
                        break
                except TimeoutError:
                    break  # some printers keep the connection open; our data is already delivered
        except OSError as error:
            raise self._lost() from error
        finally:
            sock.close()

    def abort(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()


class CupsTransport:
    """A CUPS queue fed raw bytes by ``lp -d QUEUE -o raw`` on stdin.

    CUPS spools the whole batch as one job when ``lp`` exits, so there is no status and no receipt
    until close(); a batch through CUPS is confirmed when the job is accepted by the spooler.
    """

    supports_status = False

    def __init__(self, queue: str, *, lp_command: str = "lp", timeout: float = 60.0) -> None:
        self.queue = queue
        self.lp_command = lp_command
        self.timeout = timeout
        self.description = f"CUPS queue {queue}"
        self._process: subprocess.Popen[bytes] | None = None

    def open(self) -> None:
        try:
            self._process = subprocess.Popen(
                [self.lp_command, "-d", self.queue, "-o", "raw"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except FileNotFoundError as error:
            raise PrinterUnavailable(
                f"The {self.lp_command} command is not installed; install the CUPS client "
                f"(cups-client / cups-bsd) to print to the queue {self.queue}."
            ) from error
        except OSError as error:
            raise PrinterUnavailable(f"The {self.lp_command} command cannot be started: {error}.") from error

    def _stdin(self) -> IO[bytes]:
        if self._process is None or self._process.stdin is None:
            raise PrinterUnavailable(f"The {self.description} is not open.")
        return self._process.stdin

    def _failed(self) -> PrinterUnavailable:
        assert self._process is not None
        detail = b""
        if self._process.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                detail = self._process.stderr.read()
        text = detail.decode(errors="replace").strip().splitlines()
        reason = text[-1] if text else f"lp exited with status {self._process.returncode}"
        return PrinterUnavailable(f"The {self.description} refused the labels ({reason}).")

    def send(self, data: bytes) -> None:
        stdin = self._stdin()
        try:
            stdin.write(data)
        except (BrokenPipeError, ValueError, OSError) as error:
            self._stop()
            raise self._failed() from error

    def query_status(self) -> PrinterStatus | None:
        return None

    def check(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            raise self._failed()

    def _stop(self) -> None:
        assert self._process is not None
        with contextlib.suppress(OSError, ValueError):
            self._process.stdin.close()  # type: ignore[union-attr]
        try:
            self._process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def close(self) -> None:
        if self._process is None:
            return
        self._stop()
        try:
            if self._process.returncode != 0:
                raise self._failed()
        finally:
            if self._process.stderr is not None:
                self._process.stderr.close()
            self._process = None

    def abort(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()
            process.wait()
            for stream in (process.stdin, process.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()


class FileTransport:
    """Appends label bytes to a file (a spool file, a device node, or a test's capture)."""

    supports_status = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"file {path}"
        self._file: IO[bytes] | None = None

    def open(self) -> None:
        try:
            self._file = self.path.open("ab")
        except OSError as error:
            raise PrinterUnavailable(
                f"The file {self.path} cannot be written ({error.strerror or error})."
            ) from error

    def send(self, data: bytes) -> None:
        if self._file is None:
            raise PrinterUnavailable(f"The {self.description} is not open.")
        try:
            self._file.write(data)
        except OSError as error:
            raise PrinterUnavailable(f"Writing to {self.path} failed ({error.strerror or error}).") from error

    def query_status(self) -> PrinterStatus | None:
        return None

    def check(self) -> None:
        if self._file is None:
            return
        try:
            # Flush so "confirmed" means the bytes left this process, not that they sit in a buffer.
            self._file.flush()
            try:
                os.fsync(self._file.fileno())
            except OSError as error:
                # A printer device node (file:/dev/usb/lp0) cannot be fsynced; the flush is all there is.
                if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EROFS):
                    raise
        except OSError as error:
            raise PrinterUnavailable(f"Writing to {self.path} failed ({error.strerror or error}).") from error

    def close(self) -> None:
        file, self._file = self._file, None
        if file is None:
            return
        try:
            file.flush()
        except OSError as error:
            raise PrinterUnavailable(f"Writing to {self.path} failed ({error.strerror or error}).") from error
        finally:
            file.close()

    def abort(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            with contextlib.suppress(OSError):
                file.close()


def parse_printer_url(url: str, *, host_status: bool = True) -> Transport:
    """``tcp://HOST[:PORT]`` (port 9100 by default), ``cups:QUEUE`` or ``file:PATH`` -> a Transport.

    ``host_status`` is for TCP: True when the printer speaks ZPL (asked with ``~HS``).
    Raises ValueError with one sentence for anything else.
    """
    text = url.strip()
    if text.startswith("tcp://"):
        parts = urlsplit(text)
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as error:
            raise ValueError(f"The printer address {url!r} has a bad port number.") from error
        if not parts.hostname or parts.path not in ("", "/"):
            raise ValueError(f"The printer address {url!r} is not tcp://HOST:PORT.")
        return TcpTransport(parts.hostname, port, host_status=host_status)
    if text.startswith("cups:"):
        queue = text[len("cups:") :].lstrip("/")
        if not queue or any(c.isspace() for c in queue):
            raise ValueError(f"The printer address {url!r} does not name a CUPS queue (cups:QUEUE).")
        return CupsTransport(queue)
    if text.startswith("file:"):
        path = text[len("file:") :]
        if path.startswith("//"):  # file:///tmp/x as well as file:/tmp/x and file:relative
            path = path[2:]
        if not path:
            raise ValueError(f"The printer address {url!r} does not name a file (file:PATH).")
        return FileTransport(Path(path))
    raise ValueError(f"{url!r} is not a printer address; use tcp://HOST:PORT, cups:QUEUE or file:PATH.")
